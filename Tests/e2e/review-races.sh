#!/usr/bin/env bash
# End-to-end races on one review database: two real htno-dialoog processes (each in its own tmux pane,
# 80x24) work on the same SQLite file, and python3 (stdlib sqlite3) reads, writes and locks it from the
# side. Covers conflicting note edits, delete while editing, undo/redo over a colleague's edit, a stale
# status step, drafts after signals and Ctrl-C/Esc, SIGQUIT, two instances creating one new database,
# a long write lock at start-up, damaged/odd database files and history after SIGKILL.
# Needs tmux and python3; no terminal of its own (works in CI, as root, with stdin closed).
#
# Usage: Tests/e2e/review-races.sh [path/to/htno-dialoog]
#   RACES="1 5 9" Tests/e2e/review-races.sh ...   runs only those sections (default: all)
set -uo pipefail
cd "$(dirname "$0")/../.."
src_bin="$(realpath "${1:-.build/debug/htno-dialoog}")"
[ -x "$src_bin" ] || { echo "review-races: binary niet gevonden: $src_bin" >&2; exit 1; }
command -v tmux >/dev/null 2>&1 || { echo "review-races: tmux ontbreekt" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || { echo "review-races: python3 ontbreekt" >&2; exit 1; }
work="$(mktemp -d)"
# Not the very first start: the welcome would cover the screens checked here (tmux-e2e checks it).
mkdir -p "$work/state/htno-dialoog" && touch "$work/state/htno-dialoog/welkom-gezien"
source Tests/e2e/checks.sh
panes=()
trap 'for s in "$work"/sockets/*; do [ -e "$s" ] && tmux -L "$(basename "$s")" kill-server 2>/dev/null; done; rm -rf "$work"' EXIT
mkdir -p "$work/sockets" "$work/bin" "$work/xdg"
# A copy: the binary in .build may be rebuilt while this runs.
cp "$src_bin" "$work/bin/htno-dialoog"
bin="$work/bin/htno-dialoog"
started=$(date +%s)

wanted() { [ -z "${RACES:-}" ] || [[ " $RACES " == *" $1 "* ]]; }

# --- panes -------------------------------------------------------------------------------------------
socket_of() { echo "rr-$$-$1"; }
tm() { local name=$1; shift; tmux -L "$(socket_of "$name")" "$@" 2>/dev/null; }

# launch NAME [ENV=VALUE ...] -- ARGS...: (re)starts the binary in pane NAME (80x24, or $width x 24); when it ends the pane
# shows EXIT=code and whether the tty has icanon and echo.
launch() {
    local name=$1
    shift
    local env=()
    while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do env+=("$1"); shift; done
    [ "${1:-}" = "--" ] && shift
    tm "$name" kill-server
    # kill-server returns before the old server is gone; a new session must not reach the dying one.
    for _ in $(seq 50); do tm "$name" has-session 2>/dev/null || break; sleep 0.1; done
    touch "$work/sockets/$(socket_of "$name")"
    tm "$name" -f /dev/null new-session -d -x "${width:-80}" -y 24 -c "$PWD" \
        "env TERM=xterm-256color LANG=C.UTF-8 XDG_DATA_HOME='$work/xdg' XDG_STATE_HOME='$work/state' ${env[*]} '$bin' $* ; echo EXIT=\$?; read -t 1 -r left; printf 'LEFT=[%q]\\n' \"\$left\"; stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e echo | tr '\n' ' '; echo; sleep 600"
}
stop() { tm "$1" kill-server; }
screen() { tm "$1" capture-pane -p; }
status_line() { screen "$1" | sed -n 24p; }
# The bottom three lines joined by spaces: a long status message wraps upwards over them.
bottom_text() { screen "$1" | tail -n 3 | sed 's/^ *//; s/ *$//' | tr '\n' ' '; }
on_screen() { screen "$1" | grep -qF -- "$2"; }
on_screen_re() { screen "$1" | grep -qE -- "$2"; }
in_bottom() { bottom_text "$1" | grep -qF -- "$2"; }
# wait_on / wait_re / wait_bottom NAME TEXT [SECONDS]: up to SECONDS (default 5) for TEXT (fixed string,
# regular expression, or in the status message that wraps over the bottom lines).
wait_on() { poll "${3:-5}" on_screen "$1" "$2"; }
wait_re() { poll "${3:-5}" on_screen_re "$1" "$2"; }
wait_bottom() { poll "${3:-5}" in_bottom "$1" "$2"; }
not_on() { ! screen "$1" | grep -qF -- "$2"; }
not_re() { ! screen "$1" | grep -qiE -- "$2"; }
status_lacks() { ! status_line "$1" | grep -qF -- "$2"; }
# theirs_shown NAME TEXT: a conflict form shows TEXT in the line after "Hun versie:".
theirs_shown() { screen "$1" | grep -A1 -F "Hun versie:" | tail -1 | grep -qF -- "$2"; }
status_starts() { status_line "$1" | grep -q "^ *$2"; }
styled_screen() { tm "$1" capture-pane -p -e; }
# keys NAME KEYS... / typ NAME TEXT: sends keys or types TEXT literally, then waits (at most 3 s) until that
# pane's screen has reacted (colours count, so a moved selection does too). Text a check reads is waited
# for by the check itself (wait_on, wait_re, wait_bottom).
keys() {
    local name=$1
    shift
    reacted 3 "styled_screen $name" tm "$name" send-keys "$@"
}
typ() { reacted 3 "styled_screen $1" tm "$1" send-keys -l -- "$2"; }
# The htno-dialoog process of a pane (the pane runs sh, which runs env, which execs the binary).
pid_of() { pgrep -P "$(tm "$1" display -p '#{pane_pid}')" -f "^$bin " | head -1; }
gone() { local pid=$1; for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done; return 1; }

show_screens() {
    local p
    for p in "${panes[@]}"; do
        echo "     [$p]"
        screen "$p" | sed 's/^/     | /'
    done
}
note() { echo "     $*"; }

# --- python3 on the database -------------------------------------------------------------------------
# sql DB QUERY: rows as 'a|b|c' lines (NULL as empty).
sql() {
    python3 - "$@" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=20, isolation_level=None)
for row in c.execute(sys.argv[2]).fetchall():
    print('|'.join('' if v is None else str(v) for v in row))
EOF
}
# draft_count DB: the drafts kept for DB, in the user's private drafts file (never in the shared DB).
draft_count() {
    local file="$work/state/htno-dialoog/concepten.sqlite"
    [ -f "$file" ] || { echo 0; return; }
    sql "$file" "SELECT count(*) FROM draft WHERE review_database = '$(realpath "$1")'"
}
# hold_write_lock DB SECONDS: another process (python3) takes the write lock (BEGIN IMMEDIATE, as a sqlite3
# shell would) and holds it SECONDS, then commits; returns once it is held, its pid in $locker.
hold_write_lock() {
    local marker="$work/locked-$RANDOM"
    python3 - "$1" "$marker" "$2" <<'EOF' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE revision SET value = value + 1")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3]))
c.execute("COMMIT")
EOF
    locker=$!
    for _ in $(seq 50); do [ -e "$marker" ] && break; sleep 0.1; done
}
# new_db DB: a new, empty review database made by the binary (an empty review imported; TERM=dumb creates none).
"$bin" export --data sample-data --format json --db "$work/none.sqlite" --output "$work/leeg.json" 2>/dev/null
new_db() { "$bin" import "$work/leeg.json" --data sample-data --db "$1" >/dev/null; }
is() { # is EXPECTED ACTUAL...: equal strings; prints the difference otherwise
    local expected=$1; shift
    local actual="$*"
    [ "$expected" = "$actual" ] && return 0
    echo "     expected: $(printf %q "$expected")"
    echo "     actual:   $(printf %q "$actual")"
    return 1
}
# export_notes DB: every note of the JSON export as 'author|text' (sorted); the history arrays as 'H author|change'.
export_notes() {
    "$bin" export --format json --db "$1" --data sample-data | python3 -c '
import json, sys
data = json.load(sys.stdin)
out = []
def walk(o, key=None):
    if isinstance(o, dict):
        # The readable part only: "records" holds the same notes and history again, as stored, for import.
        for k, v in o.items():
            if k != "records": walk(v, k)
    elif isinstance(o, list):
        for v in o:
            if key == "notes" and isinstance(v, dict): out.append("%s|%s" % (v.get("author"), v.get("text")))
            if key == "history" and isinstance(v, dict):
                out.append("H %s|%s" % (v.get("author"), v.get("change")))
            walk(v, key)
walk(data)
print("\n".join(sorted(out)))'
}
names_both() { grep -q anna <<<"$1" && grep -q bert <<<"$1"; }
sha() { sha256sum "$1" | cut -d' ' -f1; }

# open_item NAME: from the start screen to the detail view of d1-in-1 (Doel 1, Indicatoren, item 1).
open_item() {
    wait_on "$1" "Pilotdoelen permanente dialoog" 10 || return 1
    keys "$1" Enter
    wait_on "$1" "Doel 1:" || return 1
    keys "$1" l Enter
    wait_on "$1" "Doel 1 · Indicatoren · item 1 van 2"
}
# edit_note NAME TEXT: Tab selects the (first) note, e opens it, Ctrl-U clears the line (the cursor starts at
# the end; End is not used: tmux sends the End of its own terminal type), TEXT is typed.
edit_note() {
    keys "$1" Tab e
    wait_on "$1" "Notitie bewerken" || return 1
    keys "$1" C-u
    typ "$1" "$2"
    wait_on "$1" "$2"
}
timestamp='[0-9]{2}-[0-9]{2}-[0-9]{4} [0-9]{2}:[0-9]{2}'

# start_pair DB: anna in pane A and bert in pane B on DB, both in the detail view of d1-in-1; anna has added
# the note "basis" and bert sees it.
start_pair() {
    local db=$1
    panes=(A B)
    launch A -- --db "$db" --data sample-data --user anna
    open_item A || return 1
    keys A a
    wait_on A "Nieuwe notitie" || return 1
    typ A "basis"
    keys A C-d
    wait_on A "Notities (1)" || return 1
    launch B -- --db "$db" --data sample-data --user bert
    open_item B || return 1
    wait_on B "Notities (1)"
}

# =====================================================================================================
# 1. Conflicting note edits: n (both), o (overwrite), h (theirs).
if wanted 1; then
    for choice in n o h; do
        db="$work/race1-$choice.sqlite"
        check "1$choice: anna adds note 'basis', bert sees it" start_pair "$db"
        check "1$choice: anna opens the note and types" edit_note A "anna-$choice versie"
        check "1$choice: bert opens the same note and types" edit_note B "bert-$choice versie"
        keys A C-d
        check "1$choice: anna saves first" wait_on A "Notitie bijgewerkt"
        keys B C-d
        check "1$choice: bert's save meets anna's change: the form stays open and says who and when" \
            wait_re B "Notitie intussen gewijzigd door anna op $timestamp\."
        check "1$choice: bert's form shows 'Hun versie:' with anna's text" \
            poll 5 theirs_shown B "anna-$choice versie"
        check "1$choice: bert's form offers the choices" wait_on B "n beide bewaren  h hun versie  o overschrijven  Esc terug"
        check "1$choice: bert's own text is still in the form" wait_on B "bert-$choice versie"
        keys B "$choice"
        case $choice in
        n)
            check "1n: n saves bert's text as a second note" wait_on B "Notities (2)"
            check "1n: the export has both notes with their authors" \
                is "anna|anna-n versie
bert|bert-n versie" "$(export_notes "$db" | grep -v '^H ')"
            check "1n: the note table has both texts" \
                is "anna|anna-n versie
bert|bert-n versie" "$(sql "$db" "SELECT author, text FROM note ORDER BY author")"
            check "1n: anna sees both notes without a key press" wait_on A "Notities (2)" 3
            ;;
        o)
            check "1o: o overwrites: the form closes" wait_on B "Notitie bijgewerkt"
            check "1o: the one note now has bert's text (author anna, updated by bert)" \
                is "anna|bert-o versie|bert" "$(sql "$db" "SELECT author, text, updated_by FROM note")"
            check "1o: the note's history has anna's and bert's change" \
                is "aangemaakt|anna||basis
gewijzigd|anna|basis|anna-o versie
gewijzigd|bert|anna-o versie|bert-o versie" "$(sql "$db" "SELECT change, author, old_value, new_value FROM history WHERE kind = 'note' ORDER BY id")"
            history="$(export_notes "$db" | grep '^H ')"
            check "1o: the JSON export's history names anna and bert" names_both "$history"
            check "1o: anna sees bert's text without a key press" wait_on A "bert-o versie" 3
            ;;
        h)
            check "1h: h asks before bert's text is thrown away" wait_on B "Hun versie houden en jouw tekst weggooien?"
            keys B j
            check "1h: j keeps their version and closes bert's form" wait_on B "Hun versie gehouden"
            check "1h: the form is gone" poll 5 not_on B "Hun versie:"
            check "1h: only anna's text is stored" is "anna|anna-h versie" "$(sql "$db" "SELECT author, text FROM note")"
            exported_json="$("$bin" export --format json --db "$db" --data sample-data)"
            check "1h: the export works and has anna's text" grep -qF "anna-h versie" <<<"$exported_json"
            check "1h: bert's text is nowhere in the export" bash -c "! grep -q 'bert-h' <<<\"\$1\"" _ "$exported_json"
            ;;
        esac
        stop A; stop B
    done
fi

# =====================================================================================================
# 2. Delete while editing.
if wanted 2; then
    db="$work/race2.sqlite"
    check "2: anna adds note 'basis', bert sees it" start_pair "$db"
    check "2: anna opens the note and types" edit_note A "anna na wissen"
    keys B Tab d
    check "2: bert's d asks 'Notitie van anna wissen?'" wait_on B "Notitie van anna wissen?"
    keys B j
    check "2: bert's j deletes the note" wait_on B "Notities (0)"
    check "2: the note is gone from the database" is "0" "$(sql "$db" "SELECT count(*) FROM note")"
    keys A C-d
    check "2: anna's save says the note was deleted by bert, with date" wait_re A "Notitie intussen gewist door bert op $timestamp"
    check "2: anna's form offers 'n bewaar als nieuw  Esc verder bewerken'" wait_on A "n bewaar als nieuw  Esc verder bewerken"
    check "2: anna's text is still in the form" wait_on A "anna na wissen"
    keys A n
    check "2: n saves anna's text as a new note" wait_on A "Notities (1)"
    check "2: the export has anna's text" is "anna|anna na wissen" "$(export_notes "$db" | grep -v '^H ')"
    check "2: bert sees the new note without a key press" wait_on B "anna na wissen" 3
    stop A; stop B
fi

# =====================================================================================================
# 3. Undo over a colleague's edit; undo and redo of one's own edit.
if wanted 3; then
    db="$work/race3.sqlite"
    panes=(A B)
    launch A -- --db "$db" --data sample-data --user anna
    check "3: anna opens d1-in-1" open_item A
    launch B -- --db "$db" --data sample-data --user bert
    check "3: bert opens d1-in-1" open_item B
    keys A s
    check "3: anna's s sets 'in behandeling'" wait_on A "◐ in behandeling"
    check "3: bert sees 'in behandeling' by itself" wait_on B "◐ in behandeling" 3
    keys B s
    check "3: bert's s sets 'aangetoond'" wait_on B "● aangetoond"
    keys A u
    check "3: anna's u is refused: 'Niet ongedaan gemaakt: de status is intussen gewijzigd door bert'" \
        wait_re A "^ *Niet ongedaan gemaakt: de status is intussen gewijzigd door bert"
    check "3: the status stays aangetoond, by bert" \
        is "aangetoond|bert" "$(sql "$db" "SELECT status, updated_by FROM item_status WHERE item_id = 'd1-in-1'")"
    note "(3: item_status after the refused undo: $(sql "$db" "SELECT status, version, updated_by FROM item_status WHERE item_id = 'd1-in-1'"))"
    check "3: anna's screen shows aangetoond" wait_on A "● aangetoond" 3
    keys A s
    check "3: anna's s (nobody in between) sets 'niet aangetoond'" wait_on A "✕ niet aangetoond"
    keys A u
    check "3: anna's u undoes her own edit" wait_re A "^ *Ongedaan: "
    check "3: the status is aangetoond again" \
        is "aangetoond" "$(sql "$db" "SELECT status FROM item_status WHERE item_id = 'd1-in-1'")"
    keys A U
    check "3: U redoes it" wait_re A "^ *Opnieuw gedaan: "
    check "3: the status is niet-aangetoond again, by anna" \
        is "niet-aangetoond|anna" "$(sql "$db" "SELECT status, updated_by FROM item_status WHERE item_id = 'd1-in-1'")"
    check "3: bert sees 'niet aangetoond' by itself" wait_on B "✕ niet aangetoond" 3
    stop A; stop B
fi

# =====================================================================================================
# 4. A stale status step: python changes the row (without bumping the revision, so the app cannot have
#    refreshed) and s is pressed at once.
if wanted 4; then
    db="$work/race4.sqlite"
    panes=(A)
    launch A -- --db "$db" --data sample-data --user anna
    check "4: anna opens d1-in-1" open_item A
    keys A s
    check "4: anna's s sets 'in behandeling' (the row exists)" wait_on A "◐ in behandeling"
    sql "$db" "UPDATE item_status SET status = 'niet-aangetoond', version = version + 1, updated_by = 'py', updated_at = datetime('now') WHERE item_id = 'd1-in-1'"
    tm A send-keys s
    check "4: the stale s is refused: 'Niet gewijzigd: status is intussen gewijzigd door py'" \
        wait_re A "^ *Niet gewijzigd: status is intussen gewijzigd door py"
    check "4: the database keeps niet-aangetoond by py" \
        is "niet-aangetoond|py" "$(sql "$db" "SELECT status, updated_by FROM item_status WHERE item_id = 'd1-in-1'")"
    check "4: anna's screen was refreshed to 'niet aangetoond'" wait_on A "✕ niet aangetoond"
    # Now with the revision bumped right after the key: the outcome must be the same.
    sql "$db" "UPDATE item_status SET status = 'open', version = version + 1, updated_by = 'py2', updated_at = datetime('now') WHERE item_id = 'd1-in-1'"
    tm A send-keys s
    sql "$db" "UPDATE revision SET value = value + 1"
    check "4: a stale s with the revision bumped just after is refused too" \
        wait_re A "^ *Niet gewijzigd: status is intussen gewijzigd door py2"
    check "4: the database keeps open by py2" \
        is "open|py2" "$(sql "$db" "SELECT status, updated_by FROM item_status WHERE item_id = 'd1-in-1'")"
    stop A
fi

# =====================================================================================================
# 5. Drafts survive signals; Ctrl-C and Esc in a form ask first.
# new_note NAME TEXT: from the start screen, a note form on d1-in-1 with TEXT typed.
new_note() {
    wait_on "$1" "Pilotdoelen permanente dialoog" 10 || return 1
    keys "$1" Enter
    wait_on "$1" "Doel 1:" || return 1
    keys "$1" l a
    wait_on "$1" "Nieuwe notitie" || return 1
    typ "$1" "$2"
    wait_on "$1" "$2"
}
# restores NAME DB USER TEXT: a restart offers the draft; j restores it; Ctrl-D saves it.
restores() {
    local name=$1 db=$2 user=$3 text=$4 tag=$5
    launch "$name" -- --db "$db" --data sample-data --user "$user"
    check "$tag: the restart offers the draft" wait_on "$name" "Niet bewaarde tekst gevonden: Nieuwe notitie bij Doel 1 · Indicatoren 1" 10
    check "$tag: with the choices 'j herstellen  l later  w weggooien'" wait_on "$name" "j herstellen  l later  w weggooien"
    keys "$name" j
    check "$tag: j restores the form with the text" wait_on "$name" "$text"
    check "$tag: ... in a note form" wait_on "$name" "Nieuwe notitie"
    keys "$name" C-d
    check "$tag: Ctrl-D saves it" wait_on "$name" "Notitie bewaard"
    check "$tag: the export has the text" bash -c "'$bin' export --format csv --db '$db' --data sample-data | grep -qF '$text'"
    check "$tag: no draft is left" is "0" "$(draft_count "$db")"
    stop "$name"
}
if wanted 5; then
    panes=(A)
    for signal in HUP TERM KILL QUIT; do
        db="$work/race5-$signal.sqlite"
        text="concept na ophangen $signal"
        launch A -- --db "$db" --data sample-data --user anna
        check "5 $signal: anna types a note" new_note A "$text"
        if [ "$signal" = KILL ]; then
            # The draft is saved after a second without keys: no more keys are sent while this waits.
            draft_saved() { for _ in $(seq 45); do [ "$(draft_count "$db")" = 1 ] && return 0; sleep 0.1; done; return 1; }
            check "5 KILL: after a pause in typing the draft is kept (in the private drafts file)" draft_saved
        fi
        pid="$(pid_of A)"
        check "5 $signal: the process is found" test -n "$pid"
        if [ "$signal" = QUIT ]; then tm A send-keys 'C-\'; else kill "-$signal" "$pid"; fi
        check "5 $signal: the process is gone" gone "$pid"
        [ "$signal" != KILL ] && check "5 $signal: exit code $((128 + $(kill -l $signal)))" wait_on A "EXIT=$((128 + $(kill -l $signal)))"
        restores A "$db" anna "$text" "5 $signal"
    done

    # A terminal that hangs up without a SIGHUP reaching the program (here it runs in a session of its own, as
    # setsid makes it; elsewhere a lost signal): it notices the terminal is gone, keeps the draft and ends,
    # where it used to spin on the dead terminal for ever (one found at 90 % of a core after eleven minutes).
    db="$work/race5-setsid.sqlite"
    text="concept na ophangen zonder signaal"
    launch A setsid -- --db "$db" --data sample-data --user anna
    check "5 no SIGHUP: anna types a note" new_note A "$text"
    pid="$(pid_of A)"
    check "5 no SIGHUP: the process is found" test -n "$pid"
    stop A
    check "5 no SIGHUP: the process ends by itself once its terminal is gone" gone "$pid"
    [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
    restores A "$db" anna "$text" "5 no SIGHUP"

    # The drafts file cannot be made (XDG_STATE_HOME under a file): on SIGTERM the text is printed after the
    # screen is restored, where it can be read and copied.
    db="$work/race5-lost.sqlite"
    launch A XDG_STATE_HOME=/dev/null/geen-map -- --db "$db" --data sample-data --user anna
    check "5 lost: the start says drafts cannot be kept" wait_bottom A "concepten kunnen niet bewaard worden" 10
    check "5 lost: anna types a note" new_note A "tekst zonder conceptenmap"
    pid="$(pid_of A)"
    kill -TERM "$pid"
    check "5 lost: after SIGTERM the text is printed below the restored screen" wait_on A "htno-dialoog: je tekst kon nergens bewaard worden"
    check "5 lost: ... with the text itself" wait_on A "tekst zonder conceptenmap"
    check "5 lost: ... and the exit code" wait_on A "EXIT=143"
    stop A

    db="$work/race5-int.sqlite"
    launch A -- --db "$db" --data sample-data --user anna
    check "5 C-c: anna types a note" new_note A "tekst voor ctrl-c"
    keys A C-c
    check "5 C-c: the status line asks 'Stoppen? Je tekst is als concept bewaard …'" \
        wait_re A "^ *Stoppen\? Je tekst is als concept bewaard"
    check "5 C-c: ... with the choices 'j stoppen  n verder bewerken'" wait_on A "j stoppen  n verder bewerken"
    check "5 C-c: the draft is kept in the private drafts file" is "1" "$(draft_count "$db")"
    check "5 C-c: ... and not in the shared database" is "0" "$(sql "$db" "SELECT count(*) FROM draft")"
    keys A n
    check "5 C-c: n keeps editing: the question is gone" poll 5 status_lacks A "Stoppen"
    typ A " en meer"
    check "5 C-c: n keeps the text intact (and typing goes on)" wait_on A "tekst voor ctrl-c en meer"
    keys A C-c
    check "5 C-c: a second Ctrl-C asks again" wait_re A "^ *Stoppen\?"
    keys A j
    check "5 C-c: j exits, a chosen stop (exit 0)" wait_on A "EXIT=0"
    restores A "$db" anna "tekst voor ctrl-c en meer" "5 C-c"

    db="$work/race5-esc.sqlite"
    launch A -- --db "$db" --data sample-data --user anna
    check "5 Esc: anna types a note" new_note A "tekst voor esc"
    keys A Escape
    check "5 Esc: Esc with typed text asks 'Je tekst weggooien?'" wait_on A "Je tekst weggooien?"
    keys A n
    check "5 Esc: n keeps the form" wait_on A "Nieuwe notitie"
    check "5 Esc: ... and the text" wait_on A "tekst voor esc"
    check "5 Esc: the question is gone" poll 5 not_on A "weggooien?"
    keys A Escape
    keys A j
    check "5 Esc: Esc then j throws it away" wait_on A "Tekst weggegooid" 2
    check "5 Esc: ... the form is closed" poll 5 not_on A "Nieuwe notitie"
    check "5 Esc: ... no note and no draft in the database" is "0 0" "$(sql "$db" "SELECT count(*) FROM note") $(draft_count "$db")"
    stop A
fi

# =====================================================================================================
# 6. Ctrl-\ (SIGQUIT): exit code 131, no crash text, the tty sane.
if wanted 6; then
    panes=(A)
    launch A -- --db "$work/race6.sqlite" --data sample-data --user anna
    wait_on A "Pilotdoelen permanente dialoog" 10
    keys A 'C-\'
    check "6: Ctrl-\\ exits with 131" wait_on A "EXIT=131"
    check "6: no backtrace, Crash or Fatal on the screen" not_re A 'backtrace|crash|fatal|stack dump|0x[0-9a-f]{8}'
    check "6: the terminal is restored (icanon and echo)" wait_on A "icanon echo"
    stop A
fi

# =====================================================================================================
# 7. Two instances create one new database at the same moment.
if wanted 7; then
    panes=()
    bad=0
    for try in $(seq 10); do
        dir="$work/race7-$try"
        mkdir "$dir"
        "$bin" import "$work/leeg.json" --data sample-data --db "$dir/review.sqlite" >"$dir/out1" 2>&1 </dev/null &
        p1=$!
        "$bin" import "$work/leeg.json" --data sample-data --db "$dir/review.sqlite" >"$dir/out2" 2>&1 </dev/null &
        p2=$!
        wait $p1; c1=$?
        wait $p2; c2=$?
        problems=""
        [ "$c1" -eq 0 ] && [ "$c2" -eq 0 ] || problems+=" exit codes $c1 $c2;"
        grep -qiE 'alleen-lezen|alleen lezen|error' "$dir/out1" "$dir/out2" && problems+=" $(grep -hiE 'alleen-lezen|alleen lezen|error' "$dir/out1" "$dir/out2" | head -2 | tr '\n' ' ');"
        pragmas="$(sql "$dir/review.sqlite" "PRAGMA user_version"; sql "$dir/review.sqlite" "PRAGMA journal_mode")"
        [ "$pragmas" = $'6\nwal' ] || problems+=" pragmas: $(echo $pragmas);"
        if [ -n "$problems" ]; then bad=$((bad + 1)); note "(7: try $try:$problems)"; fi
    done
    check "7: 10 x two instances on a new database: both exit 0, none read-only or Error, user_version 6, WAL" test "$bad" -eq 0
fi

# =====================================================================================================
# 8. A write lock held for 4 s at start-up: the dashboard opens at once (reading needs no lock), is not
# read-only, and a status step taken meanwhile waits for the lock, saying so, then is saved.
if wanted 8; then
    db="$work/race8.sqlite"
    panes=(A)
    new_db "$db"
    hold_write_lock "$db" 4
    launch A -- --db "$db" --data sample-data --user anna
    check "8: the dashboard appears while python holds the lock" wait_on A "Pilotdoelen permanente dialoog" 3
    check "8: ... and is not read-only" not_re A '[Aa]lleen[ -]lezen'
    keys A Enter
    wait_on A "Doel 1:"
    keys A l s
    check "8: s while the lock is held says 'wachten op de database'" wait_on A "wachten op de database" 3
    check "8: ... the lock is still held then" kill -0 "$locker"
    wait "$locker"
    check "8: once released, s on d1-in-1 marks it in behandeling" wait_on A "│◐ 1. Actieve" 5
    check "8: python sees it" is "in-behandeling|anna" "$(sql "$db" "SELECT status, updated_by FROM item_status WHERE item_id = 'd1-in-1'")"
    stop A
fi

# =====================================================================================================
# 9. Database faults: one line, exit 1, the file unchanged; newer schemas open read-only.
if wanted 9; then
    panes=()
    # fault NAME PATH EXPECTED: exit 1, one line on stderr containing EXPECTED, the file unchanged.
    fault() {
        local tag=$1 path=$2 expected=$3 before="" after=""
        [ -f "$path" ] && before="$(sha "$path")"
        TERM=dumb "$bin" --data sample-data --db "$path" >"$work/f.out" 2>"$work/f.err" </dev/null
        local code=$?
        [ -f "$path" ] && after="$(sha "$path")"
        check "9 $tag: exit code 1" is 1 "$code"
        check "9 $tag: stderr says '$expected'" grep -qF -- "$expected" "$work/f.err"
        check "9 $tag: stderr is one line" is 1 "$(wc -l <"$work/f.err")"
        check "9 $tag: nothing on stdout" is "" "$(cat "$work/f.out")"
        check "9 $tag: the file is unchanged" is "$before" "$after"
        check "9 $tag: ... and no -wal or -shm is left beside it" test ! -e "$path-wal" -a ! -e "$path-shm"
        [ "$(wc -l <"$work/f.err")" -eq 1 ] || sed 's/^/     stderr: /' "$work/f.err"
    }
    head -c 4096 /dev/urandom >"$work/random.sqlite"
    fault "random bytes" "$work/random.sqlite" "is beschadigd"

    # A real database with garbled middle pages (many notes, so there are pages to garble).
    garbled="$work/garbled.sqlite"
    new_db "$garbled"
    python3 - "$garbled" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN")
for i in range(3000):
    c.execute("INSERT INTO note (subject_id, text, author, created_at) VALUES ('d1-in-1', ?, 'py', datetime('now'))", ("notitie %d " % i * 5,))
c.execute("COMMIT")
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
c.execute("PRAGMA journal_mode = DELETE")
c.close()
size = 4096
with open(sys.argv[1], "r+b") as f:
    f.seek(0, 2)
    pages = f.tell() // size
    for page in range(pages // 3, 2 * pages // 3, 4):
        f.seek(page * size + 16)
        f.write(b"\xde\xad\xbe\xef" * 8)
EOF
    quick="$(sql "$garbled" "PRAGMA quick_check" 2>&1 | head -1)"
    check "9: the garbled database really fails SQLite's quick_check" test "$quick" != ok
    fault "garbled pages (quick_check: ${quick:0:40})" "$garbled" "is beschadigd"

    mkdir "$work/adir"
    fault "a directory" "$work/adir" "is een map, geen databasebestand"
    missing="/nonexistent-dir-$$"
    panes=(A)
    launch A -- --db "$missing/x.sqlite" --data sample-data
    check "9 a missing folder: the dashboard says 'bestaat niet' and exits 1" wait_re A "bestaat niet.*|EXIT=1" 5
    check "9 a missing folder: ... exit 1" wait_on A "EXIT=1"
    check "9 a missing folder: the folder is not created" test ! -e "$missing"
    stop A
    TERM=dumb "$bin" --data sample-data --db "$work/dumb.sqlite" >/dev/null 2>&1 </dev/null
    check "9 TERM=dumb only reads: it creates no database" test ! -e "$work/dumb.sqlite"

    # newer NAME SQL: a database made by the app, changed by SQL, opens read-only and stays unchanged.
    newer() {
        local tag=$1 change=$2 expected=$3 db="$work/newer-${1// /-}.sqlite"
        new_db "$db"
        sql "$db" "$change"
        sql "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
        local before after
        before="$(sha "$db")"
        panes=(A)
        launch A -- --db "$db" --data sample-data --user anna
        wait_on A "Pilotdoelen permanente dialoog" 10
        check "9 $tag: the status line (80 columns) says 'gemaakt door een nieuwere htno-dialoog'" \
            wait_bottom A "gemaakt door een nieuwere htno-dialoog" 2
        check "9 $tag: ... and why ($expected)" wait_bottom A "$expected" 1
        # The same notice in a second, 250-column pane: tells a wrong message from one cut off at 80 columns.
        width=250 launch W -- --db "$db" --data sample-data --user wim
        check "9 $tag: in a 250-column pane the notice is complete" \
            wait_on W "gemaakt door een nieuwere htno-dialoog ($expected" 10
        stop W
        keys A Enter
        wait_on A "Doel 1:"
        keys A l s
        check "9 $tag: s is refused at once: 'Alleen lezen: gemaakt door een nieuwere htno-dialoog'" \
            wait_bottom A "Alleen lezen: gemaakt door een nieuwere htno-dialoog" 2
        keys A q
        check "9 $tag: q quits with 0" wait_on A "EXIT=0"
        after="$(sha "$db")"
        check "9 $tag: the file's sha256 is unchanged" is "$before" "$after"
        check "9 $tag: no status was written" is "0" "$(sql "$db" "SELECT count(*) FROM item_status")"
        stop A
        panes=()
    }
    newer "user_version 999" "PRAGMA user_version = 999" "schemaversie 999"
    newer "unknown column" "ALTER TABLE note ADD COLUMN future TEXT" "onbekende kolom note.future"

    mkdir "$work/fresh"
    panes=(A)
    launch A -- --db "$work/fresh/review.sqlite" --data sample-data --user anna
    check "9 new file: the status line says 'Nieuwe reviewdatabase aangemaakt'" wait_on A "Nieuwe reviewdatabase aangemaakt" 10
    stop A
fi

# =====================================================================================================
# 10. History survives SIGKILL right after a save.
if wanted 10; then
    db="$work/race10.sqlite"
    panes=(A)
    launch A -- --db "$db" --data sample-data --user anna
    check "10: anna types a note" new_note A "geschiedenis na kill -9"
    keys A C-d
    check "10: the note is saved" wait_on A "Notitie bewaard"
    pid="$(pid_of A)"
    kill -KILL "$pid"
    check "10: the process is gone after kill -9" gone "$pid"
    check "10: history has one row: aangemaakt by anna with the text" \
        is "note|aangemaakt|anna|geschiedenis na kill -9" "$(sql "$db" "SELECT kind, change, author, new_value FROM history")"
    check "10: the note is there" is "anna|geschiedenis na kill -9" "$(sql "$db" "SELECT author, text FROM note")"
    stop A
fi

# =====================================================================================================
# 11. A later meeting's minutes: two secretaries write the verslag at once; a dropped connection keeps it.
# open_minutes NAME: to the 2025 meetings in the Cyclus and the minutes form of the first one.
open_minutes() {
    wait_on "$1" "Pilotdoelen permanente dialoog" 10 || return 1
    keys "$1" 3
    wait_on "$1" "Gesprekscyclus" || return 1
    keys "$1" ">"
    keys "$1" ">"
    wait_on "$1" "Overleggen 2025" || return 1
    keys "$1" V
    wait_on "$1" "Verslag, aanwezigen en agenda"
}
if wanted 11; then
    db="$work/race11.sqlite"
    panes=(A B)
    new_db "$db"
    sql "$db" "INSERT INTO meeting (kind, date, status, author, created_at, version) VALUES ('sectortafel', '2025-11-14', 'gepland', 'anna', '2026-11-20 10:00:00.000', 1)" >/dev/null
    launch A -- --db "$db" --data sample-data --user anna
    check "11: anna opens the minutes of Sectortafel 14-11-2025" open_minutes A
    typ A "anna verslag"
    launch B -- --db "$db" --data sample-data --user bert
    check "11: bert opens the same minutes" open_minutes B
    typ B "bert verslag"
    keys A C-d
    check "11: anna saves first" wait_on A "Sectortafel 14-11-2025 bijgewerkt"
    keys B C-d
    check "11: bert's save meets anna's verslag: the form stays open and says who and when" \
        wait_re B "Overleg intussen gewijzigd door anna op $timestamp\."
    check "11: bert's form shows anna's verslag as theirs" poll 5 theirs_shown B "verslag: anna verslag"
    check "11: bert's own text is still in the form" wait_on B "bert verslag"
    keys B o
    check "11: o overwrites with bert's verslag" wait_on B "Sectortafel 14-11-2025 bijgewerkt"
    check "11: the meeting has bert's verslag, updated by bert, version 3" \
        is "bert verslag|bert|3" "$(sql "$db" "SELECT minutes, updated_by, version FROM meeting")"
    check "11: the history has both versions of the verslag" \
        is "anna|anna verslag
bert|bert verslag" "$(sql "$db" "SELECT author, substr(new_value, instr(new_value, 'verslag: ') + 9) FROM history WHERE kind = 'meeting' ORDER BY id")"
    check "11: anna sees bert's verslag without a key press" wait_on A "bert verslag"
    stop B
    keys A V
    wait_on A "Verslag, aanwezigen en agenda" >/dev/null
    typ A " en aangevuld na ophangen"
    pid="$(pid_of A)"
    kill -HUP "$pid"
    check "11: a dropped connection ends anna's instance" gone "$pid"
    launch A -- --db "$db" --data sample-data --user anna
    check "11: the next start offers the unsaved verslag" wait_on A "Niet bewaarde tekst gevonden: Verslag bij Sectortafel 14-11-2025"
    keys A j
    check "11: j restores it in the form" wait_on A "en aangevuld na ophangen"
    keys A C-d
    check "11: and it is saved" is "bert verslag en aangevuld na ophangen" "$(sql "$db" "SELECT minutes FROM meeting")"
    stop A
fi

# =====================================================================================================
# 12. A forgotten shell holds the database (python3 in BEGIN IMMEDIATE, as a sqlite3 shell would): a save
# waits a few seconds saying so on a clean bottom line, then keeps the form and names the holder; Esc
# ends a wait at once; SIGTERM during a wait keeps the text as a draft and exits, leaving nothing for the shell.
if wanted 12; then
    db="$work/race12.sqlite"
    panes=(A)
    new_db "$db"
    launch A -- --db "$db" --data sample-data --user anna
    check "12: anna types a note" new_note A "tekst tijdens het slot"
    hold_write_lock "$db" 120
    keys A C-d
    check "12: the bottom line says 'wachten op de database… (… Esc breekt af)', nothing else" \
        wait_re A "^ wachten op de database… \(een ander proces schrijft; Esc breekt af\) *$" 3
    started_wait=$(date +%s)
    tm A send-keys -l " en verder"
    check "12: after a few seconds the save gives up and names python3 and its process" \
        wait_bottom A "de database is bezet door python3 (proces $locker van $(id -un)) (na 5 seconden wachten)" 10
    check "12: ... within 8 s" test $(($(date +%s) - started_wait)) -le 8
    check "12: the form and the text are still there, with what was typed during the wait" wait_on A "tekst tijdens het slot en verder"
    keys A C-d
    wait_on A "wachten op de database" 3 >/dev/null
    keys A Escape
    check "12: Esc during the wait gives up at once" wait_bottom A "(wachten afgebroken)" 2
    check "12: ... the text is still in the form" wait_on A "tekst tijdens het slot"
    keys A C-d
    wait_on A "wachten op de database" 3 >/dev/null
    pid="$(pid_of A)"
    kill -TERM "$pid"
    check "12: SIGTERM during the wait ends the program within 2 s" poll 2 bash -c "! kill -0 $pid 2>/dev/null"
    check "12: ... with exit code 143" wait_on A "EXIT=143"
    check "12: ... the text kept as a draft" is "1" "$(draft_count "$db")"
    check "12: ... and no terminal answer (^[[0n) left for the shell" wait_on A "LEFT=[''"
    kill "$locker"
    wait "$locker" 2>/dev/null
    restores A "$db" anna "tekst tijdens het slot en verder" "12"
fi

# =====================================================================================================
# 13. A database replaced or deleted under a running instance: it notices by itself, writes nothing and
# keeps the form; backup while it works; restore refused while anyone has the database open, then done.
if wanted 13; then
    db="$work/race13.sqlite"
    panes=(A)
    new_db "$db"
    launch A -- --db "$db" --data sample-data --user anna
    check "13: anna types a note" new_note A "voor de reservekopie"
    keys A C-d
    check "13: ... and saves it" wait_on A "Notitie bewaard"
    backup_out="$("$bin" backup "$work/kopie.sqlite" --db "$db" 2>&1)"
    check "13: backup while anna works says where it wrote" grep -qF "Reservekopie van $db gemaakt: $work/kopie.sqlite" <<<"$backup_out"
    check "13: the backup is mode 600 and passes integrity_check with the note" \
        is "600 ok voor de reservekopie" "$(stat -c %a "$work/kopie.sqlite") $(sql "$work/kopie.sqlite" "PRAGMA integrity_check") $(sql "$work/kopie.sqlite" "SELECT text FROM note")"
    refused="$("$bin" restore "$work/kopie.sqlite" --db "$db" 2>&1)"; code=$?
    check "13: restore while anna has it open is refused (exit 1), naming her instance" \
        test "$code" = 1 -a -n "$(grep -F "is in gebruik door htno-dialoog (proces $(pid_of A) van $(id -un))" <<<"$refused")"
    cp "$work/kopie.sqlite" "$work/kopie2.sqlite"
    mv "$work/kopie2.sqlite" "$db"
    check "13: after mv of a copy over the file, anna's instance says so by itself" wait_bottom A "is sinds het openen vervangen door een ander bestand" 4
    keys A a
    typ A "na het vervangen"
    keys A C-d
    check "13: a save is refused: nothing written, the form kept" wait_bottom A "er is niets geschreven" 3
    check "13: ... with the text" wait_on A "na het vervangen"
    pid="$(pid_of A)"
    kill -TERM "$pid"
    check "13: anna's instance ends" gone "$pid"
    check "13: the file put there is intact and holds nothing of anna's instance" \
        is "ok voor de reservekopie" "$(sql "$db" "PRAGMA integrity_check") $(sql "$db" "SELECT group_concat(text, '|') FROM note")"
    sql "$db" "DELETE FROM note" >/dev/null
    restored="$("$bin" restore "$work/kopie.sqlite" --db "$db" 2>&1)"
    check "13: once nobody has it open, restore puts the backup back" grep -qF "Teruggezet in $db: $work/kopie.sqlite" <<<"$restored"
    check "13: ... with its note, intact" is "ok voor de reservekopie" "$(sql "$db" "PRAGMA integrity_check") $(sql "$db" "SELECT text FROM note")"
    launch A -- --db "$db" --data sample-data --user anna
    check "13: the text typed into the replaced file comes back as a draft" wait_on A "Niet bewaarde tekst gevonden" 10
    keys A w
    rm "$db"
    check "13: after rm, the running instance says the file is gone" wait_bottom A "is sinds het openen verwijderd" 4
    check "13: ... and rm'd file is not brought back" test ! -e "$db"
    stop A
fi

echo "review-races: took $(($(date +%s) - started)) s"
echo "review-races: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
