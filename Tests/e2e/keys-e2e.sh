#!/usr/bin/env bash
# Keys from every client: the real binary in tmux gets the raw bytes that xterm (normal and application
# cursor mode), PuTTY, rxvt, the linux console and tmux send for Home, End, F1, F5, F10 and Insert, once
# with TERM=xterm (what many clients claim) and once with the client's own TERM. Home and End must move, F1
# open help, F10 quit, F5 and Insert say they do nothing, and in a note form End must not type "[4~".
#
# Usage: Tests/e2e/keys-e2e.sh [path/to/htno-dialoog]
set -uo pipefail
cd "$(dirname "$0")/../.."
bin="$(realpath "${1:-.build/debug/htno-dialoog}")"
work="$(mktemp -d)"
# Not the very first start: the welcome would take the first key's screen (tmux-e2e checks it).
mkdir -p "$work/state/htno-dialoog" && touch "$work/state/htno-dialoog/welkom-gezien"
socket="htno-keys-$$"
source Tests/e2e/checks.sh

tm() { tmux -L "$socket" "$@" 2>/dev/null; }
screen() { tm capture-pane -p; }
show_screens() { screen | sed 's/^/     | /'; }
trap 'tm kill-server; rm -rf "$work"' EXIT
on_screen() { screen | grep -qF -- "$1"; }
# The Doelen overview's preview names the selected goal on its first line.
preview_is() { screen | sed -n 14p | grep -qF "│ $1 "; }

# raw SEQUENCE: sends the bytes of SEQUENCE (printf escapes, \033 for Esc) as one write, as a client does.
raw() {
    local hex
    hex="$(printf "$1" | od -An -tx1)"
    reacted 3 screen tm send-keys -H $hex
}

start() { # TERM [DATABASE]
    tm kill-server
    for _ in $(seq 50); do tm has-session || break; sleep 0.1; done
    tm -f /dev/null new-session -d -x 80 -y 24 \
        "env TERM=$1 LANG=C.UTF-8 XDG_STATE_HOME=$work/state $bin --data sample-data --db ${2:-$work/review.sqlite} --user toetsen; echo EXIT=\$?; sleep 600"
    poll 10 on_screen "Pilotdoelen permanente dialoog"
}

# Each client as NAME|HOME|END|F1|F5|F10|INSERT (printf escapes).
xterm='xterm|\033[H|\033[F|\033OP|\033[15~|\033[21~|\033[2~'
xterm_app='xterm, application cursor keys|\033OH|\033OF|\033OP|\033[15~|\033[21~|\033[2~'
putty='PuTTY|\033[1~|\033[4~|\033[11~|\033[15~|\033[21~|\033[2~'
rxvt='rxvt|\033[7~|\033[8~|\033[11~|\033[15~|\033[21~|\033[2~'
linux='linux console|\033[1~|\033[4~|\033[[A|\033[[E|\033[21~|\033[2~'
tmux_keys='tmux|\033[1~|\033[4~|\033OP|\033[15~|\033[21~|\033[2~'

# session TERM CLIENT...: one start with that TERM; each client's Home, End, F5, Insert and F1 in turn, and
# the last client's F10 to quit.
session() {
    local term=$1 spec name home end f1 f5 f10 insert
    shift
    check "TERM=$term: starts" start "$term"
    for spec in "$@"; do
        IFS='|' read -r name home end f1 f5 f10 insert <<<"$spec"
        local who="$name (TERM=$term)"
        raw "$end"
        check "$who: End goes to the last goal" poll 3 preview_is "Doel 6"
        raw "$home"
        check "$who: Home goes back to the first" poll 3 preview_is "Doel 1"
        raw "$f5"
        check "$who: F5 says it does nothing" poll 3 on_screen "Toets F5 doet niets"
        raw "$insert"
        check "$who: Insert says it does nothing" poll 3 on_screen "Toets Insert doet niets"
        raw "$f1"
        check "$who: F1 opens help" poll 3 on_screen "Navigeren"
        raw '\033'  # Esc closes help (letters would narrow it)
    done
    raw "$f10"
    check "$name (TERM=$term): F10 quits" poll 5 on_screen "EXIT=0"
}

# What many clients claim, then each client's own TERM.
session xterm "$xterm" "$xterm_app" "$putty" "$rxvt" "$linux" "$tmux_keys"
session xterm-256color "$xterm"
session putty "$putty"
session rxvt-unicode "$rxvt"
session linux "$linux"
session tmux-256color "$tmux_keys"

# In a note form PuTTY's End moves the cursor; it never types "[4~" into the text.
check "note form: starts" start xterm
raw "1"; raw '\r'; raw "a"
check "note form: opens" poll 3 on_screen "Nieuwe notitie"
raw "begin"
raw '\033[1~'
raw "X"
raw '\033[4~'
raw "Y"
check "note form: Home and End move the cursor, nothing else is typed" poll 3 on_screen "XbeginY"
no_sequence_typed() { ! screen | grep -qF "[4~" && ! screen | grep -qF "[1~"; }
check "note form: no [1~ or [4~ in the text" no_sequence_typed

# Bracketed paste: 16,000 characters pasted into the note form (tmux paste-buffer -p marks them as a
# terminal does) arrive whole as one edit, quickly; keys typed after it land after it; a paste while browsing
# runs no command (its q does not quit).
check "paste: starts" start xterm "$work/plak.sqlite"
python3 -c "print(' '.join('woord%05d' % i for i in range(1600))[:15999] + 'Z', end='')" >"$work/plak.txt"
tm load-buffer "$work/plak.txt"
raw "1"; raw '\r'; raw "a"
check "paste: the note form opens" poll 3 on_screen "Nieuwe notitie"
pasted_at=$(date +%s%N)
tm paste-buffer -p
check "paste: the end of the 16,000 characters is in the form" poll 10 on_screen "woord01453 woordZ"
echo "     (paste to the end shown: $(( ($(date +%s%N) - pasted_at) / 1000000 )) ms, tmux polling included)"
raw "na"
check "paste: keys typed after it follow it" poll 3 on_screen "woord01453 woordZna"
raw '\004'
check "paste: Ctrl-D saves it" poll 5 on_screen "Notitie bewaard"
check "paste: the note is 16,002 characters, as pasted" test "$(python3 -c "import sqlite3,sys; print(len(sqlite3.connect(sys.argv[1]).execute('select text from note order by id desc limit 1').fetchone()[0]))" "$work/plak.sqlite")" = 16002
printf 'q' >"$work/q.txt"
tm load-buffer "$work/q.txt"
tm paste-buffer -p
check "paste: a pasted q while browsing does not quit; it says where pasting works" poll 3 on_screen "Plakken kan alleen in een tekstveld"

echo "keys-e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
