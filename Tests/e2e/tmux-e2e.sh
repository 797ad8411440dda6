#!/usr/bin/env bash
# End-to-end test: runs the real htno-dialoog binary in a tmux pane, types keys as a person would,
# and checks the captured screen. Needs tmux; no terminal of its own (works in CI).
# Usage: Tests/e2e/tmux-e2e.sh [path/to/htno-dialoog]
set -uo pipefail
cd "$(dirname "$0")/../.."
bin="$(realpath "${1:-.build/debug/htno-dialoog}")"
work="$(mktemp -d)"
runs=0
socket=""
source Tests/e2e/checks.sh
trap 'for s in "$work"/sockets/*; do [ -e "$s" ] && tmux -L "$(basename "$s")" kill-server 2>/dev/null; done; rm -rf "$work"' EXIT
mkdir -p "$work/sockets" "$work/state/htno-dialoog"
mkdir -m 700 "$work/run"
# Not the very first start: the welcome (checked on its own below, in section 0) would cover what is checked.
touch "$work/state/htno-dialoog/welkom-gezien"

tm() { tmux -L "$socket" "$@" 2>/dev/null; }

# start NAME WIDTH HEIGHT [ENV=VALUE ...] -- ARGS...: runs the binary, then reports its exit code and tty state.
start() {
    local width=$1 height=$2
    shift 2
    local env=()
    while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do env+=("$1"); shift; done
    [ "${1:-}" = "--" ] && shift
    [ -n "$socket" ] && tm kill-server
    runs=$((runs + 1))
    socket="htno-e2e-$$-$runs"
    touch "$work/sockets/$socket"
    tm -f /dev/null new-session -d -x "$width" -y "$height" \
        "env TERM=xterm-256color LANG=C.UTF-8 XDG_DATA_HOME='$work/xdg' XDG_STATE_HOME='$work/state' XDG_RUNTIME_DIR='$work/run' ${env[*]} '$bin' $* ; echo EXIT=\$?; stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e echo | tr '\n' ' '; echo; sleep 60"
}

screen() { tm capture-pane -p; }
screen_matches() { screen | grep -q -- "$1"; }
# The screen with its colours and attributes as SGR sequences.
styled_screen_matches() { tm capture-pane -p -e | grep -q -- "$1"; }
no_colour_sequences() { ! tm capture-pane -p -e | grep -q -e $'\e\[[0-9;]*[34][0-7]m' -e '[34]8;5;'; }
pane_title_is_not() { [ "$(tm display -p '#{pane_title}')" != "$1" ]; }

on_screen() { screen | grep -qF -- "$1"; }
not_on_screen() { ! on_screen "$1"; }
# wait_for TEXT: up to 5 s for TEXT to appear on screen.
wait_for() { poll 5 on_screen "$1"; }

show_screens() { screen | sed 's/^/     | /'; }

styled_screen() { tm capture-pane -p -e; }
# keys KEYS...: sends them, then waits (at most 3 s) until the screen has reacted; colours count, so a
# moved selection counts too. Text a check reads is waited for by the check itself (wait_for).
keys() { reacted 3 styled_screen tm send-keys "$@"; }
# typ TEXT: types TEXT literally, then waits like keys.
typ() { reacted 3 styled_screen tm send-keys -l "$1"; }

# 0. The very first start (an empty state folder): one screen of orientation, closed by the first key,
# which also acts; it does not come back.
start 80 24 XDG_STATE_HOME="$work/eerste-start" -- --data sample-data --db "$work/eerste.sqlite"
check "the first start welcomes" wait_for "Welkom bij htno-dialoog"
check "... naming the keys: ? all keys, : a command, q stop" wait_for "│ ?              alle toetsen, waar u ook bent"
keys j
check "the first key closes it" poll 5 not_on_screen "Welkom bij htno-dialoog"
check "... and acts (j moved to goal 2)" wait_for "│ Doel 2"
keys q
start 80 24 XDG_STATE_HOME="$work/eerste-start" -- --data sample-data --db "$work/eerste.sqlite"
wait_for "Pilotdoelen permanente dialoog" >/dev/null
check "the second start does not welcome again" not_on_screen "Welkom bij htno-dialoog"
keys q

# The theme chosen with Ctrl-T is kept for the next starts from the palette.
start 80 24 XDG_CONFIG_HOME="$work/thema-config" -- --data sample-data --db "$work/eerste.sqlite"
wait_for "Pilotdoelen permanente dialoog" >/dev/null
keys C-t
keys :
typ "thema bewaren"
keys Enter
# Ctrl-T went from default to the next theme; that one is kept.
check "':thema bewaren' keeps the theme of now in config.yaml" poll 5 grep -qxE "theme: (colorblind|light|mono|projector)" "$work/thema-config/htno-dialoog/config.yaml"
keys q

# 1. Overview, drill into a goal, a cell item and back.
start 80 24 -- --data sample-data
check "overview shows the six goals" wait_for "Pilotdoelen permanente dialoog · peildatum december 2023"
check "Dutch text is drawn intact" wait_for "voor de Bühne."
keys j j Enter
check "Enter opens the goal table of Doel 3" wait_for "Doel 3: De opzet biedt ruimte om bij te sturen"
check "the four columns are side by side" poll 5 screen_matches 'Winst-risico (3).*Indicatoren (1).*Bewijs (2).*Resultaten (3)'
keys l Enter
check "an indicator detail lists the evidence of its goal" wait_for "Bewijs bij dit doel (2)"
keys Escape Escape
check "Esc goes back to the overview" wait_for "W-R  Ind  Bew  Res"

# 2. Regions: matrix, a cell, a case.
keys 2
check "the region matrix shows all 173 cases" wait_for "Totaal       22  10  10  18  21  18  13   8  14   8  13  18    173"
keys j j j Enter G Enter
check "drilling into Oost x doel 1 reaches its last case" wait_for "Computational thinking in PO"

# 3. Search and jump.
keys / b e r l i k u m Enter
check "search lists the hit" wait_for "› Zoeken: berlikum"
keys Enter
check "Enter jumps to the case in its region cell" wait_for "htno-dialoog › Regio's › Noord × Techniekpact-doel 8"

# 4. Help, resize, quit.
keys '?'
check "? shows every key" wait_for "Toetsen (typ om te zoeken, ↓ meer, Esc sluit; : zoekt een opdracht)"
typ "export"
check "typing in help narrows it to the keys that hold the text" wait_for "Toetsen met 'export' (Backspace wist, Esc sluit)"
keys Escape
tm resize-window -x 40 -y 10
check "a too small window says so" wait_for "Venster te klein: 40×10"
tm resize-window -x 120 -y 40
check "growing the window redraws the screen" wait_for "htno-dialoog › Regio's › Noord × Techniekpact-doel 8"
keys q
check "q quits with exit code 0" wait_for "EXIT=0"
check "the terminal is restored (icanon and echo)" wait_for "icanon echo"

# 5. Signals restore the terminal.
for signal in INT TERM HUP; do
    start 80 24 -- --data sample-data
    wait_for "Pilotdoelen" >/dev/null
    # The pane's own process only: another test may run the same binary meanwhile.
    pkill "-$signal" -P "$(tm display-message -p '#{pane_pid}')" -f "$bin"
    code=$((128 + $(kill -l "$signal")))
    check "SIG$signal exits with $code" wait_for "EXIT=$code"
    check "SIG$signal leaves the terminal restored" wait_for "icanon echo"
done

# 6. Colours from the theme, none with NO_COLOR.
start 80 24 -- --data sample-data
wait_for "Pilotdoelen" >/dev/null
check "the default theme draws in colour" poll 5 styled_screen_matches $'\e\\[[0-9;]*3[0-7]m'
start 80 24 NO_COLOR=1 -- --data sample-data
wait_for "Pilotdoelen" >/dev/null
check "NO_COLOR draws without colour" no_colour_sequences
check "NO_COLOR still marks the selection (reverse video)" poll 5 styled_screen_matches $'\e\\[[0-9;]*7m.*1     Draagvlak'

# 7. Bad input: one clear line, non-zero exit, clean terminal.
start 80 24 -- --data "$work/missing"
# The line is longer than the pane: read with the terminal's wrapping undone.
joined_has() { tm capture-pane -p -J | grep -qF -- "$1"; }
check "a missing data folder is named in one line" poll 5 joined_has "htno-dialoog: $work/missing: de datamap bestaat niet (geef met --data de map met de 11 databestanden)"
check "bad data exits non-zero" wait_for "EXIT=1"

# 8. Escape sequences in data never reach the terminal.
cp -r sample-data "$work/hostile"
sed -i 's|title: "De opzet draagt bij aan concrete acties|title: "\\e]0;PWNED\\a\\e[2J\\e[31mROOD\\e[0m De opzet draagt bij aan concrete acties|' "$work/hostile/pilot-goals.yaml"
start 80 24 -- --data "$work/hostile"
wait_for "Pilotdoelen" >/dev/null
keys j
check "escape sequences from data are shown visibly and inert" wait_for "^[]0;PWNED^G^[[2J^[[31mROOD"
check "the pane title was not changed by the data" pane_title_is_not PWNED
keys q

# 9. Review: a status and a note survive a restart; an edit survives SIGKILL; export shows them.
db="$work/review.sqlite"
start 80 24 -- --data sample-data --db "$db" --user e2e
wait_for "Pilotdoelen" >/dev/null
keys Enter l s
check "s marks the indicator in behandeling" wait_for "│◐ 1. Actieve"
keys a
check "a opens the note form" wait_for "Nieuwe notitie"
typ "E2E notitie: bèta, geïnterviewden"
keys C-d
check "the note is saved and counted" wait_for "✎1"
keys q
wait_for "EXIT=0" >/dev/null
start 80 24 -- --data sample-data --db "$db" --user e2e
wait_for "Pilotdoelen" >/dev/null
keys Enter l
check "after a restart the indicator is still in behandeling" wait_for "│◐ 1. Actieve"
keys Enter
check "after a restart the note is there, signed" wait_for "E2E notitie: bèta, geïnterviewden"
check "the note carries its author" wait_for "· e2e"
keys a
wait_for "Nieuwe notitie" >/dev/null
typ "na kill bewaard"
keys C-d
wait_for "Notitie bewaard" >/dev/null
pkill -KILL -f "^$bin --data sample-data --db $db"
wait_for "EXIT=137" >/dev/null
exported="$("$bin" export --data sample-data --db "$db" --format csv)"
check "an edit right before SIGKILL is not lost" grep -q "na kill bewaard" <<<"$exported"
markdown="$("$bin" export --data sample-data --db "$db" --format markdown)"
check "the markdown export has the status, the item numbered" grep -q "^1\. \*\*in behandeling\*\*: 1. Actieve betrokkenheid" <<<"$markdown"
check "... but not the internal note" bash -c '! grep -q "E2E notitie" <<<"$1"' _ "$markdown"
markdown="$("$bin" export --data sample-data --db "$db" --format markdown --alle-notities)"
check "... which --alle-notities adds, under Notities" grep -q "^- \*Indicatoren 1\* (.*): E2E notitie: bèta" <<<"$markdown"

# 10. Two instances on one database: the second picks up the first's edit by itself.
first_socket="htno-e2e-$$-second"
touch "$work/sockets/$first_socket"
tmux -L "$first_socket" -f /dev/null new-session -d -x 80 -y 24 \
    "env TERM=xterm-256color LANG=C.UTF-8 '$bin' --data sample-data --db '$db' --user tweede; sleep 60"
second_shows() { tmux -L "$first_socket" capture-pane -p | grep -qF -- "$1"; }
# The second instance on goal 1's indicators, where the first is about to change a status.
poll 10 second_shows "Pilotdoelen"
reacted 3 "tmux -L $first_socket capture-pane -p -e" tmux -L "$first_socket" send-keys Enter l j
check "the second instance shows the status before" poll 5 second_shows "│○ 2. Draagvlak"
start 80 24 -- --data sample-data --db "$db" --user eerste
wait_for "Pilotdoelen" >/dev/null
keys Enter l j s
check "the first instance sets a status" wait_for "│◐ 2. Draagvlak"
check "the second instance shows it without a key press" poll 5 second_shows "│◐ 2. Draagvlak"
tmux -L "$first_socket" kill-server 2>/dev/null

# 11. Presenter mode: step, blank, theme, back to browsing; auto-advance; broken theme and deck files.
start 80 24 -- present --data sample-data --db "$db" --deck doelen
check "present opens the first slide" wait_for "Doel 1 · 1 / 6"
keys Space
check "Space goes to the next slide" wait_for "Doel 2 · 2 / 6"
keys PageDown
wait_for "Doel 3 · 3 / 6" >/dev/null
keys Left
check "PageDown and Left step back and forth" wait_for "Doel 2 · 2 / 6"
keys .
blank_screen() { [ -z "$(screen | tr -d ' \n')" ]; }
check ". blanks the screen" poll 5 blank_screen
keys x
check "any key brings the slide back" wait_for "Doel 2 · 2 / 6"
before="$(tm capture-pane -p -e)"
keys C-t
theme_changed() { [ "$(tm capture-pane -p -e)" != "$before" ]; }
check "Ctrl-T switches the colours live" poll 5 theme_changed
keys Escape
check "one Esc (a clicker's) does not end a talk: it asks" wait_for "Nog eens Esc verlaat de presentatie"
check "... and the slide stays" wait_for "2 / 6"
keys Escape
check "a second Esc browses at the slide's place" wait_for "htno-dialoog › Doelen › Doel 2"
keys p
check "p presents again from the goal table" wait_for "Doel 2 · Winst-risico · 2 / 5"
keys q
check "q quits from presenter mode" wait_for "EXIT=0"
start 80 24 -- present --data sample-data --db "$db" --deck cyclus --auto 1s
check "--auto advances by itself" wait_for "▶ auto 1s · Januari 2023 (deel 1/2) · 2 / 13"
printf 'name: kapot\nroles:\n  header: { fg: pink }\n' >"$work/kapot.yaml"
start 80 24 -- --data sample-data --db "$db" --theme "$work/kapot.yaml"
check "a broken theme is named with its key, the default theme is used" wait_for "roles.header.fg: onbekende kleur 'pink'"
printf 'title: x\nslides: [doel 9]\n' >"$work/kapot-deck.yaml"
start 80 24 -- present --data sample-data --db "$db" --deck "$work/kapot-deck.yaml"
check "a broken deck is one line naming file and slide" poll 5 joined_has "kapot-deck.yaml: slides[0]: onbekend doel in 'doel 9'"

# 12. A read-only review database: statuses and notes show, edits are refused in words.
start 80 24 -- --data sample-data --db "$db" --read-only
check "--read-only says so at the start" wait_for "Alleen lezen: $db: gevraagd met --read-only"
keys Enter l s
check "--read-only refuses an edit clearly, at the key" wait_for "Alleen lezen: gevraagd met --read-only; er kan niets bewaard worden"
keys q

# 13. Terminal types and locales.
for term in screen-256color vt100 linux; do
    start 80 24 TERM=$term -- --data sample-data --db "$db"
    check "TERM=$term draws the overview" wait_for "Pilotdoelen permanente dialoog"
    keys q
    check "TERM=$term quits cleanly" wait_for "EXIT=0"
done
start 80 24 TERM=dumb -- --data sample-data --db "$db"
check "TERM=dumb prints the table and the sources as plain text, the 2018 examples last" wait_for "    bijzonder omdat niet alle deelnemers een technische achtergrond hebben."
check "TERM=dumb exits by itself" wait_for "EXIT=0"
start 80 24 LANG=C LC_ALL=C -- --data sample-data --db "$db"
check "LANG=C draws ASCII boxes" wait_for "+- Pilotdoelen permanente dialoog . peildatum december 2023"
check "LANG=C shows Dutch text without accents" wait_for "voor de Buhne."
# The status line wraps upwards: read its lines as one.
says_why_ascii() { tm capture-pane -p | tail -n 4 | sed 's/^ *//; s/ *$//' | tr '\n' ' ' | grep -qF "De taalinstelling is geen UTF-8 (LANG=C): letters zonder accenten en kaders in ASCII"; }
check "LANG=C says once why it draws ASCII" poll 5 says_why_ascii
keys q
start 80 24 -- --data sample-data --db "$db" --ascii
check "--ascii draws ASCII boxes" wait_for "+- Pilotdoelen permanente dialoog . peildatum december 2023"
keys Enter
wait_for "Doel 1:" >/dev/null
no_unicode_marks() { ! tm capture-pane -p | grep -qE '·|…|▼|•'; }
check "--ascii draws no ·, …, ▼ or • (a goal's table)" no_unicode_marks
check "--ascii keeps the accents the terminal can show" wait_for "Bühne."
keys q

# 14. Keys, palette, mouse, cursor, reader mode and the command line.
export_error="$("$bin" export --data sample-data --db "$db" --output /nonexistent-htno/x.md 2>&1)"
check "an export into a missing folder is one Dutch line" test "$export_error" = "htno-dialoog: /nonexistent-htno/x.md: de map /nonexistent-htno bestaat niet"
help_text="$("$bin" --help 2>&1)"
for option in "--data MAP" "--db PAD" "--user NAAM" "--theme NAAM" "--read-only" "--check" "Voorbeelden:"; do
    check "htno-dialoog --help shows $option" grep -qF -- "$option" <<<"$help_text"
done
check "htno-dialoog keys lists every command with its keys" grep -qE '^review\.besluit +b +besluit toevoegen' <<<"$("$bin" keys)"
# Whole scripts first: grep -q would close the pipe early and pipefail would count the writer's SIGPIPE.
completes() {
    local bash_script zsh_script fish_script
    bash_script="$("$bin" --generate-completion-script bash)" && zsh_script="$("$bin" --generate-completion-script zsh)" \
        && fish_script="$("$bin" --generate-completion-script fish)" || return 1
    bash -n <<<"$bash_script" && grep -q '#compdef htno-dialoog' <<<"$zsh_script" && grep -q "complete -c 'htno-dialoog'" <<<"$fish_script"
}
check "completion scripts for bash, zsh and fish" completes
mkdir -p "$work/config/htno-dialoog"
printf 'review.besluit: B\nreview.besluiten: X\n' >"$work/config/htno-dialoog/keys.yaml"
printf 'theme: projector\npreview: nee\n' >"$work/config/htno-dialoog/config.yaml"
check "htno-dialoog keys names a wrong keys.yaml entry in one line" \
    grep -qx "htno-dialoog: $work/config/htno-dialoog/keys.yaml: onbekende opdracht 'review.besluiten' (bedoelde je 'review.besluit'? htno-dialoog keys toont ze alle)" \
    <<<"$(XDG_CONFIG_HOME="$work/config" "$bin" keys 2>&1 >/dev/null)"
start 80 24 XDG_CONFIG_HOME="$work/config" -- --data sample-data --db "$db"
check "a wrong config.yaml value is one line naming file and key at the start" wait_for "config.yaml: preview: verwacht true of"
keys 3 j j j j Enter B
check "keys.yaml remaps a command (B opens a decision)" wait_for "Nieuw besluit"
keys Escape q

start 80 24 -- --data sample-data --db "$db"
wait_for "Pilotdoelen" >/dev/null
cursor_row() { [ "$(tm display -p '#{cursor_y}')" = "$1" ]; }
check "the cursor sits on the selected row" poll 5 cursor_row 4
keys j j
check "the cursor follows the selection" poll 5 cursor_row 6
# mouse BUTTON X Y: a click (press and release) at column X, row Y, then waits like keys.
mouse() {
    reacted 3 styled_screen tm send-keys -H $(printf '\e[<%d;%d;%dM\e[<%d;%d;%dm' "$1" "$2" "$3" "$1" "$2" "$3" | xxd -p | sed 's/../& /g')
}
mouse 0 20 9
check "a click selects a row (Doel 5), the cursor follows" poll 5 cursor_row 8
mouse 0 20 9
check "a click on the selected row opens it" wait_for "Doel 5: De opzet voorziet in een structuur"
mouse 0 16 1
check "a click on a tab switches section" wait_for "Landsdeel × Techniekpact-doel: aantal regionale cases"
printf '\e[<65;20;9M' | xxd -p | sed 's/../& /g' >"$work/wheel"
tm send-keys -H $(cat "$work/wheel")
check "the wheel moves the selection" wait_for "Noordwest × Techniekpact-doel 1 · Kiezen voor Techniek: 2 cases"
keys E
check "E asks for the format" wait_for "m Markdown  x Excel  c CSV  s CSV-nl  j JSON  t tekst  i iCal  o Outlook"
keys c C-u
typ "$work/export.csv"
keys Enter
check "E c writes the named CSV file" wait_for "Export geschreven: $work/export.csv"
check "... which a CSV reader opens" python3 -c "import csv,sys; rows=list(csv.reader(open(sys.argv[1], newline=''))); sys.exit(0 if rows[0][:3]==['soort','doel','kolom'] and len(rows)>70 else 1)" "$work/export.csv"
keys E c C-u
typ "$work/export.csv"
keys Enter
check "an existing export file is not overwritten without asking" wait_for "export.csv bestaat al. Overschrijven?"
keys n
check "... and no stays no" wait_for "Niets geëxporteerd"
keys E x C-u
typ "$work/review.xlsx"
keys Enter
check "E x writes an Excel workbook" wait_for "Export geschreven: $work/review.xlsx"
check "... which openpyxl opens, with its sheets" /usr/bin/python3 -c "import openpyxl,sys; b=openpyxl.load_workbook(sys.argv[1]); sys.exit(0 if b.sheetnames[0]=='Tabel' and b['Tabel'].max_row>70 else 1)" "$work/review.xlsx"
keys 3 j A C-u
typ "$work/agenda.md"
keys Enter
check "A in the Cyclus writes the agenda of the meeting in focus" wait_for "Export geschreven: $work/agenda.md"
check "... the January sac vergadering" grep -q "^# Agenda sac vergadering januari 2023" "$work/agenda.md"
keys :
check ": opens the command palette" wait_for "bv. doel 3 bewijs"
typ "oost 9"
keys Enter
check ":oost 9 goes to the cell" wait_for "htno-dialoog › Regio's › Oost × Techniekpact-doel 9"
keys Z
check "a key that does nothing says so" wait_for "Toets Z doet niets"
keys q

start 80 24 -- --data sample-data --db "$db" --reader
wait_for "Doel 1 van 6" >/dev/null
keys j
check "--reader announces the focus in one line" wait_for "Doel 2 van 6: Realiseren van concrete acties"
reader_cursor() { [ "$(tm display -p '#{cursor_x},#{cursor_y},#{cursor_flag}')" = "0,1,1" ]; }
check "--reader shows the cursor on the announced line" poll 5 reader_cursor
no_boxes() { ! screen | grep -q '[│┌└]'; }
check "--reader draws no boxes" no_boxes
keys q

# The first look of the week: a colleague's changes since the last visit and one's own actions due, at 80x24.
greet_db="$work/greet.sqlite"
start 80 24 -- --data sample-data --db "$greet_db" --user anna
wait_for "Pilotdoelen" >/dev/null
keys q
/usr/bin/python3 - "$greet_db" <<'PY'
import datetime, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
at = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=5)).strftime("%Y-%m-%d %H:%M:%S.000")
con.execute("INSERT INTO person (name, initials, login, author, created_at) VALUES ('Anna de Vries', 'AdV', 'anna', 'anna', ?)", (at,))
con.execute("INSERT INTO action_item (activity_id, text, owner, due_date, done, author, created_at, version) "
            "VALUES ('2023-11-sectortafel', 'Zaal reserveren', 'Anna de Vries', '2024-01-15', 0, 'bert', ?, 1)", (at,))
con.execute("INSERT INTO item_status (item_id, status, updated_by, updated_at, version) VALUES ('d1-in-1', 'aangetoond', 'bert', ?, 1)", (at,))
con.execute("INSERT INTO history (at, author, kind, record_id, subject_id, change, old_value, new_value) "
            "VALUES (?, 'bert', 'status', 'd1-in-1', 'd1-in-1', 'gewijzigd', 'open', 'aangetoond')", (at,))
con.execute("UPDATE revision SET value = value + 1")
con.commit()
PY
sleep 6
start 80 24 -- --data sample-data --db "$greet_db" --user anna
check "at start: a colleague's changes since the last visit, named" wait_for "1 wijziging door bert (1)"
check "... and one's own actions overdue" wait_for "jouw acties: 1 over datum"
keys m
check "m lists my open actions" wait_for "Review: acties · van Anna de Vries"
check "... with the overdue one" wait_for "15-01-2024 · Zaal reserveren"
keys W
check "W lists the changes since the last visit" wait_for "bert · Indicatoren 1: status: open → aangetoond"
keys q
mkdir -p "$work/config/htno-dialoog"
echo "herinneringen: false" > "$work/config/htno-dialoog/config.yaml"
start 80 24 XDG_CONFIG_HOME="$work/config" -- --data sample-data --db "$greet_db" --user anna
wait_for "Pilotdoelen" >/dev/null
check "herinneringen: false keeps the start quiet" not_on_screen "jouw acties"
keys q

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
