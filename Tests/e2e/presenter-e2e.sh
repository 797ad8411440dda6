#!/usr/bin/env bash
# End-to-end test of a presentation on two terminals: the projector (48x14, as with a big font) and the
# speaker view (80x24) run as two real processes in two tmux servers and find each other through the
# presentation socket. Keys from either side drive both; the speaker view waits while the projector is
# gone. Also: --auto pauses and stops, and a second projector in the same session is refused.
# Usage: Tests/e2e/presenter-e2e.sh [path/to/htno-dialoog]
set -uo pipefail
cd "$(dirname "$0")/../.."
bin="$(realpath "${1:-.build/debug/htno-dialoog}")"
work="$(mktemp -d)"
source Tests/e2e/checks.sh
trap 'for s in "$work"/servers/*; do [ -e "$s" ] && tmux -L "$(basename "$s")" kill-server 2>/dev/null; done; rm -rf "$work"' EXIT
mkdir -m 700 "$work/run"
mkdir "$work/servers"
# The first-start welcome would cover the dashboard of the browse-and-p check.
mkdir -p "$work/state/htno-dialoog" && touch "$work/state/htno-dialoog/welkom-gezien"
runs=0

# run ROLE WIDTH HEIGHT ARGS...: the binary in a new tmux server (a fresh one each time: a server that is
# still shutting down cannot take a new session); ROLE (projector or speaker) names it from then on.
run() {
    local role=$1 width=$2 height=$3
    shift 3
    runs=$((runs + 1))
    local server="$role-$$-$runs"
    touch "$work/servers/$server"
    tmux -L "$server" -f /dev/null new-session -d -x "$width" -y "$height" \
        "env TERM=xterm-256color LANG=C.UTF-8 XDG_RUNTIME_DIR='$work/run' XDG_DATA_HOME='$work/xdg' XDG_STATE_HOME='$work/state' '$bin' $* ; echo EXIT=\$?; sleep 60"
    printf -v "$role" '%s' "$server"
}
projector=""
speaker=""
screen_of() { tmux -L "$1" capture-pane -p 2>/dev/null; }
shows() { screen_of "$1" | grep -qF -- "$2"; }
shows_pattern() { screen_of "$1" | grep -qE -- "$2"; }
wait_on() { poll 5 shows "$1" "$2"; }
# No program of this test presents session $1 any more.
session_ended() { ! pgrep -f -- "$bin present .*--session $1( |\$)" >/dev/null; }
styled_screen_of() { tmux -L "$1" capture-pane -p -e 2>/dev/null; }
# press SERVER KEYS...: sends them, then waits (at most 3 s) until that screen has reacted. What the other
# side shows, and every text a check reads, is waited for by the check itself (wait_on).
press() {
    local server=$1
    shift
    reacted 3 "styled_screen_of $server" tmux -L "$server" send-keys "$@"
}
show_screens() {
    echo "     projector:"; screen_of "$projector" | sed 's/^/     | /'
    echo "     speaker:"; screen_of "$speaker" | sed 's/^/     | /'
}

# The speaker view first: it waits for a projector.
run speaker 80 24 present --data sample-data --deck htno-middag --speaker
check "the speaker view waits for a projector" wait_on "$speaker" "Geen projector voor sessie 'htno-middag': wacht…"
run projector 48 14 present --data sample-data --deck htno-middag
check "the projector shows the first slide at 48x14" wait_on "$projector" "Welkom · 1 / 16"
check "the speaker view finds it: current and next slide" wait_on "$speaker" "Nu 1/16:      Welkom"
check "... the next slide" wait_on "$speaker" "Volgende:     Programma"
check "... the notes" wait_on "$speaker" "Het sac htno organiseert vanaf 2022 de htno-middagen"
check "... a wall clock" poll 5 shows_pattern "$speaker" "flexibilisering +[0-2][0-9]:[0-5][0-9]:[0-5][0-9]"
check "... the time since the first slide and n/m" poll 5 shows_pattern "$speaker" "Verstreken 0:00:[0-9][0-9] · deze dia 0:[0-9][0-9] · dia 1/16"
check "... no longer waiting" poll 5 bash -c "! tmux -L '$speaker' capture-pane -p | grep -q 'Geen projector'"

press "$speaker" Space
check "Space in the speaker view moves the projector" wait_on "$projector" "2 / 16"
check "... and the speaker view" wait_on "$speaker" "Nu 2/16:      Programma"
press "$projector" 3
check "a slide number typed at the projector moves both" wait_on "$speaker" "Nu 3/16:      Centrale vraag"
check "... the projector shows the question" wait_on "$projector" "zijn hybride techniek hubs"
press "$speaker" 8
check "a slide number typed in the speaker view moves the projector" wait_on "$projector" "8 / 16"
press "$speaker" Left
check "← in the speaker view goes back" wait_on "$speaker" "Nu 7/16:      LLO-katalysator"
wait_on "$projector" "7 / 16" >/dev/null
press "$speaker" .
check "the speaker view blanks the projector" poll 5 bash -c "! tmux -L '$projector' capture-pane -p | grep -q '7 / 16'"
check "... and says so" wait_on "$speaker" "LLO-katalysator (scherm zwart)"
press "$projector" x
check "a key at the projector ends the black, on the same slide" wait_on "$projector" "7 / 16"
press "$projector" y
check "a key that does nothing at the projector is told in the speaker view" wait_on "$speaker" "Toets y doet niets in de presentatie"
check "... not to the audience" bash -c "! tmux -L '$projector' capture-pane -p | grep -q 'Toets y' && tmux -L '$projector' capture-pane -p | grep -q '7 / 16'"
check "presenting made no review database" test ! -e "$work/xdg/htno-dialoog/review.sqlite"
check "... and names no file on the projector" bash -c "! tmux -L '$projector' capture-pane -p | grep -q 'sqlite'"

# Issue 22 defect 1: Esc at the projector. One asks, the second leaves; the speaker view then says the talk is off
# (it used to go on showing 'Nu 7/16' with keys that did nothing), and p on the goals is another deck.
# The dashboard needs 50 columns: the projector's window grows first.
tmux -L "$projector" resize-window -x 80 -y 24
wait_on "$projector" "7 / 16" >/dev/null
press "$projector" Escape
check "one Esc at the projector asks" wait_on "$projector" "Nog eens Esc"
check "... and the talk goes on in the speaker view" shows "$speaker" "Nu 7/16"
press "$projector" Escape
check "a second Esc leaves the talk" wait_on "$projector" "1 Doelen"
check "... and the speaker view says the projector no longer presents" wait_on "$speaker" "De beamer presenteert niet meer"
press "$speaker" Space
check "... its keys say they go nowhere" wait_on "$speaker" "Toetsen gaan nu niet naar de beamer"
press "$projector" 1 p
check "p on the goals starts the doelen deck at the projector" wait_on "$projector" "1 / 6"
check "... which the htno-middag speaker view refuses in one line" wait_on "$speaker" "Ander deck: de beamer toont ‘Pilotdoelen permanente dialoog’ (6"
press "$speaker" Space
check "... and its keys do not move the other deck" shows "$projector" "1 / 6"
press "$projector" Escape
wait_on "$projector" "1 Doelen" >/dev/null

press "$projector" q
check "when the projector quits, the speaker view says so and waits" wait_on "$speaker" "Geen projector voor sessie 'htno-middag'"
check "... the socket is removed" poll 5 bash -c "! ls '$work/run/htno-dialoog/' | grep -q sock"
run projector 48 14 present --data sample-data --deck htno-middag --start 4
check "a new projector is followed again" wait_on "$speaker" "Nu 4/16:      Jaarverslag"
second="$(XDG_RUNTIME_DIR="$work/run" XDG_DATA_HOME="$work/xdg" "$bin" present --data sample-data --deck htno-middag 2>&1 </dev/null)"
check "a second projector in the same session is one Dutch line" test "$second" = "htno-dialoog: er loopt al een presentatie in deze sessie ($work/run/htno-dialoog/presentatie-htno-middag.sock); kies een andere --session of start met --speaker"
# A client on the socket that sends 2 MB without a newline is dropped, and costs the projector next to no CPU
# (a search of all pending bytes per read kept a projector at 99 % CPU for minutes).
projector_pid="$(pgrep -f -- "present --data sample-data --deck htno-middag --start 4" | head -1)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$projector_pid/stat"; }
before_ticks="$(cpu_ticks)"
flooded="$(python3 - "$work/run/htno-dialoog/presentatie-htno-middag.sock" <<'PY'
import socket, sys
client = socket.socket(socket.AF_UNIX)
client.connect(sys.argv[1])
sent = 0
try:
    while sent < 2_000_000:
        client.sendall(b"x" * 65536)
        sent += 65536
except OSError:
    pass
print("dropped" if sent < 2_000_000 else "kept")
PY
)"
check "a client that sends no newline is dropped" test "$flooded" = "dropped"
used=$(( $(cpu_ticks) - before_ticks ))
check "... and cost the projector under 0.3 s of CPU (used $used ticks of 1/100 s)" test "$used" -lt 30
check "... and the projector still shows its slide" shows "$projector" "4 / 16"
press "$speaker" q
check "q in the speaker view quits only the speaker view" wait_on "$speaker" "EXIT=0"
check "... the projector stays" shows "$projector" "4 / 16"
press "$projector" q

# --auto: a running mark, p pauses, the end stops it.
run projector 80 24 present --data sample-data --deck doelen --auto 1s --session auto
check "--auto shows that it runs" wait_on "$projector" "▶ auto 1s · Doel 1 · 1 / 6"
press "$projector" p
check "p pauses it" wait_on "$projector" "❚❚ auto gepauzeerd · Doel"
sleep 2.2
paused_at="$(screen_of "$projector" | grep -o '[0-9] / 6')"
sleep 1.5
check "... and paused it stays" shows "$projector" "$paused_at"
press "$projector" p G
check "at the last slide it stops (no --loop)" wait_on "$projector" "■ auto: einde · Doel 6 · 6 / 6"
sleep 1.5
check "... and stays there" shows "$projector" "6 / 6"
press "$projector" q

# Issue 22 defect 2: a projector started again goes on at the session's slide, with its clock.
run projector 80 24 present --data sample-data --deck htno-middag --session herstart
wait_on "$projector" "1 / 16" >/dev/null
press "$projector" 6
check "the talk is at slide 6" wait_on "$projector" "6 / 16"
sleep 3
# The projector's window is closed (its terminal hangs up): not a talk ended on purpose. The next one starts
# once the hung-up one has gone (on a busy machine that can take more than a moment).
tmux -L "$projector" kill-server
check "the projector whose window closed has gone" poll 10 session_ended herstart
run projector 80 24 present --data sample-data --deck htno-middag --session herstart
check "a restarted projector says in its footer where it goes on" wait_on "$projector" "Verder bij dia 6 van 16"
check "... and shows slide 6 once the message has gone" wait_on "$projector" "6 / 16"
run speaker 80 24 present --data sample-data --deck htno-middag --speaker --session herstart
check "... with the clock of the session, not from zero" poll 5 shows_pattern "$speaker" "Verstreken 0:00:(0[3-9]|[1-5][0-9]) · deze dia [0-9:]+ · dia 6/16"
press "$speaker" q
# Issue 22 defect 3: a speaker view of another deck connects, sees the mismatch and steers nothing.
run speaker 80 24 present --data sample-data --deck cyclus --speaker --session herstart
check "a speaker view of another deck says so in one line" wait_on "$speaker" "Ander deck: de beamer toont ‘Htno-middag 18 januari 2023: flexibilisering’"
press "$speaker" Space
sleep 0.5
check "... and its keys do not move the projector" shows "$projector" "6 / 16"
press "$speaker" q
press "$projector" 5 q
wait_on "$projector" "EXIT=0" >/dev/null
run projector 80 24 present --data sample-data --deck htno-middag --session herstart
check "a talk ended with q begins again at the first slide" wait_on "$projector" "1 / 16"
press "$projector" 9
tmux -L "$projector" kill-server
check "... gone again" poll 10 session_ended herstart
run projector 80 24 present --data sample-data --deck htno-middag --session herstart --start 1
check "--start 1 begins at the first slide after a crash too" wait_on "$projector" "1 / 16"
press "$projector" q
bad_start="$(XDG_RUNTIME_DIR="$work/run" "$bin" present --data sample-data --deck htno-middag --start 99 2>&1 </dev/null)"
check "--start 99 says which slides there are" test "$bad_start" = "htno-dialoog: --start 99: het deck 'htno-middag' heeft dia 1 tot 16"

# Issue 22 feature 14: a deck file edited during the talk is read again within a second, on the same slide; a
# broken edit keeps the last good deck on the projector and is told in the speaker view.
cp sample-data/decks/htno-middag.yaml "$work/live.yaml"
run projector 80 24 present --data sample-data --deck "$work/live.yaml" --session live
wait_on "$projector" "1 / 16" >/dev/null
run speaker 80 24 present --data sample-data --deck "$work/live.yaml" --session live --speaker
wait_on "$speaker" "Nu 1/16" >/dev/null
press "$projector" 3
wait_on "$projector" "Centrale vraag · 3 / 16" >/dev/null
sed -i 's/  - titel: "Centrale vraag"/  - titel: "Centrale vraag vandaag"/' "$work/live.yaml"
check "an edited deck comes up on the projector, on the same slide" wait_on "$projector" "Centrale vraag vandaag · 3 / 16"
check "... and in the speaker view" wait_on "$speaker" "Nu 3/16:      Centrale vraag vandaag"
printf '  - [kapot\n' >> "$work/live.yaml"
check "a broken edit is told in the speaker view" wait_on "$speaker" "Deck niet opnieuw geladen, het vorige blijft"
check "... and the projector keeps the last good deck" shows "$projector" "Centrale vraag vandaag · 3 / 16"
press "$speaker" q
press "$projector" q

# Issue 22 defect 10: a talk started with p while browsing takes a speaker view (its session is the deck's name).
run projector 80 24 --data sample-data --db "$work/browse.sqlite"
wait_on "$projector" "1 Doelen" >/dev/null
press "$projector" p
check "p in the dashboard presents the goals" wait_on "$projector" "1 / 6"
run speaker 80 24 present --data sample-data --deck doelen --speaker
check "... and a speaker view of 'doelen' follows it" wait_on "$speaker" "Nu 1/6:"
press "$speaker" Space
check "... and steers it" wait_on "$projector" "2 / 6"
press "$speaker" q
press "$projector" q q

echo "presenter e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
