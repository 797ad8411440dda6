#!/usr/bin/env bash
# End-to-end test through a real OpenSSH server: two Unix users (htnoa, htnob, group htnotest) log in
# over ssh on 127.0.0.1 at the same time, each runs htno-dialoog in its own tmux pane on one shared
# review database made by scripts/shared-db, both add a note to the same goal item, both edit the same
# note (the second save shows the conflict and keeps both), both keep the minutes of the same 2025 meeting
# (the second save shows the first's verslag), and a dropped connection ends the server-side
# program (SIGHUP) with the typed text kept as a draft that the next start offers.
#
# Needs root (or passwordless sudo): it installs openssh-server/-client when missing, creates the group
# and the users, and runs its own sshd (own config, host key, port and pid file in a temp dir).
# When ssh cannot be installed or sshd cannot start it prints one line "ssh-e2e: overgeslagen: ..."
# and exits 0. Works without a terminal (CI: stdin closed, no TTY).
#
# Left behind on purpose: the group htnotest and the users htnoa/htnob with their homes (so a second run
# is quick; creation is idempotent). Removed on exit: the temp dir (binary copy, data copy, keys, shared
# database, sshd config/log), the users' authorized_keys, the sshd and its sessions, the tmux servers.
# Remove the users by hand with: userdel -r htnoa; userdel -r htnob; groupdel htnotest
#
# Usage: Tests/e2e/ssh-e2e.sh [path/to/htno-dialoog]
set -uo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"
src_bin="$(realpath "${1:-.build/debug/htno-dialoog}")"
group=htnotest
users=(a b)
sshd_pid=""
work=""

skip() { echo "ssh-e2e: overgeslagen: $*"; exit 0; }

# Privileged commands go through sudo when not root.
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || skip "geen root en geen sudo zonder wachtwoord"
    SUDO=(sudo -n)
fi
[ -x "$src_bin" ] || { echo "ssh-e2e: binary niet gevonden: $src_bin" >&2; exit 1; }
command -v tmux >/dev/null 2>&1 || skip "tmux ontbreekt (scripts/setup installeert het)"

source Tests/e2e/checks.sh

# --- OpenSSH -----------------------------------------------------------------------------------------
if [ ! -x /usr/sbin/sshd ] || ! command -v ssh >/dev/null 2>&1 || ! command -v ssh-keygen >/dev/null 2>&1; then
    # Keep the package from starting a system sshd on port 22 (a temporary policy-rc.d, only if none exists).
    policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        policy=/usr/sbin/policy-rc.d
        printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null && "${SUDO[@]}" chmod 755 "$policy"
    fi
    { "${SUDO[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" \
        apt-get install -y -qq openssh-server openssh-client; } >/dev/null 2>&1
    installed=$?
    [ -n "$policy" ] && "${SUDO[@]}" rm -f "$policy"
    [ "$installed" -eq 0 ] && [ -x /usr/sbin/sshd ] || skip "openssh-server/openssh-client konden niet worden geïnstalleerd"
fi

# --- cleanup -----------------------------------------------------------------------------------------
cleanup() {
    for u in "${users[@]}"; do tmux -L "$(socket_of "$u")" kill-server 2>/dev/null; done
    if [ -n "$sshd_pid" ]; then
        # The session processes (one sshd per login) are children of the listening sshd; end them by id.
        "${SUDO[@]}" pkill -TERM -P "$sshd_pid" 2>/dev/null
        "${SUDO[@]}" kill "$sshd_pid" 2>/dev/null
    fi
    for u in "${users[@]}"; do "${SUDO[@]}" rm -f "$(home_of "$u")/.ssh/authorized_keys"; done
    [ -n "$work" ] && "${SUDO[@]}" rm -rf "$work"
}
trap cleanup EXIT

login_of() { echo "htno$1"; }
home_of() { getent passwd "$(login_of "$1")" | cut -d: -f6; }
socket_of() { echo "htno-ssh-$$-$1"; }

# --- work dir: binary and data, readable and executable by the test users -----------------------------
work="$(mktemp -d)"
chmod 755 "$work"
mkdir -p "$work/bin" "$work/keys"
chmod 700 "$work/keys"
cp "$src_bin" "$work/bin/htno-dialoog"
cp -r sample-data "$work/sample-data"
chmod -R a+rX "$work/bin" "$work/sample-data"
bin="$work/bin/htno-dialoog"
data="$work/sample-data"

# --- group, users, keys, strict umask ----------------------------------------------------------------
getent group "$group" >/dev/null || "${SUDO[@]}" groupadd "$group" || skip "groep $group kon niet worden aangemaakt"
for u in "${users[@]}"; do
    login="$(login_of "$u")"
    if ! id "$login" >/dev/null 2>&1; then
        "${SUDO[@]}" useradd -m -s /bin/bash -G "$group" "$login" || skip "gebruiker $login kon niet worden aangemaakt"
    fi
    "${SUDO[@]}" usermod -aG "$group" "$login"
    # useradd leaves the password locked ('!'); sshd without PAM refuses locked accounts, '*' is "no password".
    "${SUDO[@]}" usermod -p '*' "$login"
    home="$(home_of "$u")"
    ssh-keygen -q -t ed25519 -N '' -C "$login@ssh-e2e" -f "$work/keys/$u" </dev/null || skip "ssh-keygen faalde"
    "${SUDO[@]}" install -d -m 700 -o "$login" -g "$login" "$home/.ssh"
    "${SUDO[@]}" install -m 600 -o "$login" -g "$login" "$work/keys/$u.pub" "$home/.ssh/authorized_keys"
    # umask 077 at the very top of ~/.bashrc: bash reads it for ssh commands too, before Debian's
    # "not interactive: return" line. The shared database must still work for the other user.
    if ! "${SUDO[@]}" grep -q '^umask 077 # ssh-e2e' "$home/.bashrc" 2>/dev/null; then
        { echo 'umask 077 # ssh-e2e'; "${SUDO[@]}" cat "$home/.bashrc" 2>/dev/null; } >"$work/bashrc.$u"
        "${SUDO[@]}" install -m 644 -o "$login" -g "$login" "$work/bashrc.$u" "$home/.bashrc"
    fi
done

# --- sshd on a free port -----------------------------------------------------------------------------
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=""
for _ in $(seq 50); do
    candidate=$((20000 + RANDOM % 20000))
    port_busy "$candidate" || { port=$candidate; break; }
done
[ -n "$port" ] || skip "geen vrije poort gevonden"
"${SUDO[@]}" ssh-keygen -q -t ed25519 -N '' -f "$work/ssh_host_ed25519_key" </dev/null || skip "host key kon niet worden gemaakt"
cat >"$work/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $work/ssh_host_ed25519_key
PidFile $work/sshd.pid
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthorizedKeysFile .ssh/authorized_keys
StrictModes no
AllowUsers $(for u in "${users[@]}"; do printf '%s ' "$(login_of "$u")"; done)
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
EOF
"${SUDO[@]}" mkdir -p /run/sshd
"${SUDO[@]}" chmod 755 /run/sshd
"${SUDO[@]}" /usr/sbin/sshd -t -f "$work/sshd_config" 2>"$work/sshd-t.log" \
    || skip "sshd-config ongeldig: $(head -1 "$work/sshd-t.log")"
"${SUDO[@]}" /usr/sbin/sshd -f "$work/sshd_config" -E "$work/sshd.log" \
    || skip "sshd start niet: $(tail -1 "$work/sshd.log" 2>/dev/null)"
for _ in $(seq 100); do
    [ -s "$work/sshd.pid" ] && port_busy "$port" && break
    sleep 0.1
done
sshd_pid="$(cat "$work/sshd.pid" 2>/dev/null)"
port_busy "$port" || skip "sshd antwoordt niet op poort $port: $(tail -1 "$work/sshd.log" 2>/dev/null)"

# --- shared directory --------------------------------------------------------------------------------
shared="$work/shared"
db="$shared/review.sqlite"
shared_out="$("${SUDO[@]}" scripts/shared-db "$shared" "$group" 2>&1)"

# --- helpers -----------------------------------------------------------------------------------------
ssh_opts() {
    echo "-p $port -i $work/keys/$1 -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no" \
        "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=5"
}
# ssh_user a CMD: runs CMD as that user over ssh without a terminal; prints its output.
ssh_user() { local u=$1; shift; ssh $(ssh_opts "$u") "$(login_of "$u")@127.0.0.1" "$@" </dev/null; }

tm_user() { local u=$1; shift; tmux -L "$(socket_of "$u")" "$@" 2>/dev/null; }

# start_user a|b [ARGS...]: logs the user in over ssh -t in a fresh 80x24 tmux pane and starts the
# dashboard on the shared database (extra ARGS go to htno-dialoog). When ssh ends the pane shows EXIT=code.
start_user() {
    local u=$1; shift
    tm_user "$u" kill-server
    # kill-server returns before the old server is gone; a new session must not reach the dying one.
    for _ in $(seq 50); do tm_user "$u" has-session 2>/dev/null || break; sleep 0.1; done
    local remote="cd /tmp && LANG=C.UTF-8 TERM=xterm-256color $bin --data $data --db $db $*"
    tm_user "$u" -f /dev/null new-session -d -x 80 -y 24 \
        "env TERM=xterm-256color LANG=C.UTF-8 ssh -t $(ssh_opts "$u") $(login_of "$u")@127.0.0.1 '$remote'; echo EXIT=\$?; sleep 600"
    tm_user "$u" has-session || echo "     (tmux for $(login_of "$u") did not start)" >&2
}
screen_user() { tm_user "$1" capture-pane -p; }
styled_screen_user() { tm_user "$1" capture-pane -p -e; }
# keys_user a KEYS...: tmux send-keys to that user's pane (key names like Enter, C-d), then waits (at most
# 5 s; ssh adds latency) until that screen has reacted. Text a check reads is waited for by the check.
keys_user() {
    local u=$1
    shift
    reacted 5 "styled_screen_user $u" tm_user "$u" send-keys "$@"
}
# type_user a TEXT: types TEXT literally, then waits like keys_user.
type_user() { reacted 5 "styled_screen_user $1" tm_user "$1" send-keys -l "$2"; }
on_user_screen() { screen_user "$1" | grep -qF -- "$2"; }
# wait_for_user a TEXT [SECONDS]: up to SECONDS (default 10; ssh adds latency) for TEXT on that user's screen.
wait_for_user() { poll "${3:-10}" on_user_screen "$1" "$2"; }
# The pid of the ssh client in that user's pane.
ssh_pid_of() { pgrep -P "$(tm_user "$1" display -p '#{pane_pid}')" -x ssh; }
# Whether that user still runs htno-dialoog on the server.
dialoog_runs_for() { pgrep -u "$(login_of "$1")" -f "$bin --data" >/dev/null; }

show_screens() {
    for u in "${users[@]}"; do
        echo "     [$(login_of "$u")]"
        screen_user "$u" | sed 's/^/     | /'
    done
}
mode_group_ok() { # FILE: group htnotest and mode 66x
    local stat
    stat="$("${SUDO[@]}" stat -c '%G %a' "$1" 2>/dev/null)" || return 1
    [[ "$stat" =~ ^$group\ 66[0-7]$ ]] || { echo "     $1: $stat" >&2; return 1; }
}
wal_files_ok() { # the -wal and -shm files, if present, are group htnotest and mode 66x
    local f
    for f in "$db-wal" "$db-shm"; do
        "${SUDO[@]}" test -e "$f" || continue
        mode_group_ok "$f" || return 1
    done
}

# check_draft_offered a: after a dropped connection the next start of that user offers the unsaved text
# (typed before the drop) as a draft; restored and saved, it is in the export.
check_draft_offered() {
    local u=$1
    start_user "$u"
    check "$(login_of "$u") is offered the text typed before the drop" wait_for_user "$u" "Niet bewaarde tekst gevonden: Nieuwe notitie bij Doel 1 · Indicatoren 1"
    keys_user "$u" j
    check "the draft comes back in the form" wait_for_user "$u" "onbewaarde tekst voor de verbroken verbinding"
    keys_user "$u" C-d
    check "the restored note is saved" wait_for_user "$u" "Notitie bewaard"
    keys_user "$u" q
    check "the restored note is in the export" grep -qF "onbewaarde tekst voor de verbroken verbinding" \
        <<<"$("${SUDO[@]}" "$bin" export --format csv --data "$data" --db "$db" 2>&1)"
}

# --- 1. setup ------------------------------------------------------------------------------------------
check "shared-db prints the directory and the --db argument" \
    grep -qF "shared-db: map $shared klaar voor groep $group; start met: htno-dialoog --db $db" <<<"$shared_out"
check "the shared directory is group $group, mode 2770" \
    test "$("${SUDO[@]}" stat -c '%G %a' "$shared")" = "$group 2770"
check "the empty database is group $group, mode 660" mode_group_ok "$db"
shared_db_again() { "${SUDO[@]}" scripts/shared-db "$shared" "$group" | grep -qF "klaar voor groep $group" && mode_group_ok "$db"; }
check "shared-db is idempotent" shared_db_again
for u in "${users[@]}"; do
    check "$(login_of "$u") logs in over ssh with a strict umask" test "$(ssh_user "$u" umask)" = "0077"
done

# --- 2. two users at the same time, one note each on the same item ---------------------------------
# Both start at the same moment on the new, empty database: both migrate it, neither may end read-only.
start_user a
start_user b
check "htnoa sees the overview over ssh" wait_for_user a "Pilotdoelen permanente dialoog"
check "htnob sees the overview over ssh" wait_for_user b "Pilotdoelen permanente dialoog"
not_read_only() { ! screen_user a | grep -q "Alleen lezen" && ! screen_user b | grep -q "Alleen lezen"; }
check "neither instance came up read-only" not_read_only
keys_user a Enter
check "htnoa opens the goal table of Doel 1" wait_for_user a "Doel 1:"
keys_user a l a
check "htnoa opens the note form on an indicator" wait_for_user a "Nieuwe notitie"
type_user a "SSH-notitie van A: bèta-opleidingen"
keys_user a C-d
check "htnoa saves the note" wait_for_user a "Notitie bewaard"
check "the -wal/-shm files are group $group, mode 66x (A running)" wal_files_ok
keys_user b Enter
wait_for_user b "Doel 1:" >/dev/null
keys_user b l
check "htnob sees A's note counted on the same item" wait_for_user b "✎1"
keys_user b a
check "htnob opens the note form on the same item" wait_for_user b "Nieuwe notitie"
type_user b "SSH-notitie van B: geïnterviewden"
keys_user b C-d
check "htnob saves the note" wait_for_user b "Notitie bewaard"
check "htnoa sees both notes counted without a key press" wait_for_user a "✎2"
wal_files_exist() { "${SUDO[@]}" test -e "$db-wal" && "${SUDO[@]}" test -e "$db-shm"; }
check "the database runs in WAL mode: -wal and -shm exist while both run" wal_files_exist
check "the -wal/-shm files are group $group, mode 66x (both running)" wal_files_ok
check "the database is still group $group, mode 66x" mode_group_ok "$db"

# Both edit A's note at once: A saves first; B's save must not overwrite it but show A's text, and
# "n" keeps both.
keys_user a Enter Tab e
keys_user b Enter Tab e
check "both have A's note open for editing" wait_for_user b "Notitie bewerken"
type_user a " (aangevuld door A)"
type_user b " (aangevuld door B)"
keys_user a C-d
check "A's edit is saved" wait_for_user a "Notitie bijgewerkt"
keys_user b C-d
check "B's save meets A's edit and shows who made it" wait_for_user b "Notitie intussen gewijzigd door htnoa op"
check "B sees A's text beside B's own" wait_for_user b "(aangevuld door A)"
keys_user b n
check "B keeps both" wait_for_user b "Notitie bewaard"
keys_user a Escape
keys_user b Escape
keys_user a q
keys_user b q
check "htnoa's ssh session ends with exit 0" wait_for_user a "EXIT=0"
check "htnob's ssh session ends with exit 0" wait_for_user b "EXIT=0"
db_files_ok() { mode_group_ok "$db" && wal_files_ok; }
check "after both quit the database and -wal/-shm are group $group, mode 66x" db_files_ok
exported="$("${SUDO[@]}" "$bin" export --format csv --data "$data" --db "$db" 2>&1)"
check "the export has A's note" grep -qF "SSH-notitie van A: bèta-opleidingen" <<<"$exported"
check "the export has B's note" grep -qF "SSH-notitie van B: geïnterviewden" <<<"$exported"
check "the export names author htnoa with A's note" grep -qE "htnoa.*SSH-notitie van A|SSH-notitie van A.*htnoa" <<<"$exported"
check "the export names author htnob with B's note" grep -qE "htnob.*SSH-notitie van B|SSH-notitie van B.*htnob" <<<"$exported"
export_as_b() { ssh_user b "$bin export --format csv --data $data --db $db" | grep -qF "SSH-notitie van A"; }
check "htnob can export too (as that user over ssh)" export_as_b
check "the export has A's edit" grep -qF "SSH-notitie van A: bèta-opleidingen (aangevuld door A)" <<<"$exported"
check "the export has B's edit of the same note, kept as a new note" \
    grep -qF "SSH-notitie van A: bèta-opleidingen (aangevuld door B)" <<<"$exported"
history_names_both() {
    "${SUDO[@]}" "$bin" export --format json --data "$data" --db "$db" | python3 -c '
import json, sys
authors = {entry["author"] for entry in json.load(sys.stdin)["history"]}
sys.exit(0 if {"htnoa", "htnob"} <= authors else 1)'
}
check "the JSON export's history names both users" history_names_both

# --- 2b. both keep the minutes of the same 2025 meeting at once ----------------------------------------
# A adds a sectortafel in 2025; both open its verslag (V) and type; A saves first; B's save shows A's
# verslag beside B's own, and B overwrites knowingly: A's words stay in the history.
start_user a
start_user b
check "htnoa starts for the minutes" wait_for_user a "Pilotdoelen permanente dialoog"
check "htnob starts for the minutes" wait_for_user b "Pilotdoelen permanente dialoog"
keys_user a 3 ">" ">"
check "htnoa steps the Cyclus to 2025" wait_for_user a "Nog geen overleggen in 2025"
keys_user a +
type_user a "sectortafel"
keys_user a Tab
type_user a "14-11-2025"
keys_user a C-d
check "htnoa adds a sectortafel on 14-11-2025" wait_for_user a "Sectortafel 14-11-2025 gepland"
keys_user b 3 ">" ">"
check "htnob sees A's meeting in 2025 without a key press" wait_for_user b "Sectortafel 14-11-2025"
keys_user a V
keys_user b V
check "htnoa has the verslag open" wait_for_user a "Verslag, aanwezigen en agenda"
check "htnob has the same verslag open" wait_for_user b "Verslag, aanwezigen en agenda"
type_user a "Verslag door A: werkagenda besproken."
type_user b "Verslag door B: instroom besproken."
keys_user a C-d
check "A's verslag is saved" wait_for_user a "Sectortafel 14-11-2025 bijgewerkt"
keys_user b C-d
check "B's save meets A's verslag and says who wrote it" wait_for_user b "Overleg intussen gewijzigd door htnoa op"
check "B sees A's verslag beside B's own" wait_for_user b "Verslag door A: werkagenda"
keys_user b o
check "B overwrites knowingly" wait_for_user b "Sectortafel 14-11-2025 bijgewerkt"
keys_user a q
keys_user b q
check "htnoa's ssh session ends with exit 0 (minutes)" wait_for_user a "EXIT=0"
check "htnob's ssh session ends with exit 0 (minutes)" wait_for_user b "EXIT=0"
minutes_kept() {
    "${SUDO[@]}" "$bin" export --format json --data "$data" --db "$db" | python3 -c '
import json, sys
records = json.load(sys.stdin)["records"]
meeting = next(m for m in records["meetings"] if m["date"] == "2025-11-14")
said = " ".join((entry.get("oldValue") or "") + (entry.get("newValue") or "") for entry in records["history"] if entry["kind"] == "meeting")
ok = (meeting["minutes"] == "Verslag door B: instroom besproken." and meeting["version"] == 3 and meeting["updatedBy"] == "htnob"
      and "Verslag door A: werkagenda besproken." in said)
sys.exit(0 if ok else 1)'
}
check "the verslag is B's (version 3) and A's words are in the history" minutes_kept

# --- 3. a dropped connection ends the program on the server -----------------------------------------
start_user a
check "htnoa starts again" wait_for_user a "Pilotdoelen permanente dialoog"
keys_user a Enter
wait_for_user a "Doel 1:" >/dev/null
keys_user a l a
check "htnoa opens the note form again" wait_for_user a "Nieuwe notitie"
type_user a "onbewaarde tekst voor de verbroken verbinding"
# The whole text has reached the program on the server (it echoes it) before the connection drops.
wait_for_user a "onbewaarde tekst voor de verbroken verbinding" >/dev/null
check "htno-dialoog runs for htnoa on the server" dialoog_runs_for a
client="$(ssh_pid_of a)"
check "the pane's ssh client is found" test -n "$client"
[ -n "$client" ] && kill -KILL "$client"
gone() { for _ in $(seq 50); do dialoog_runs_for a || return 0; sleep 0.1; done; return 1; }
check "after the dropped connection htnoa's htno-dialoog is gone (SIGHUP)" gone
# Unsaved text belongs to the Unix user who typed it: not in the shared database, in a file only htnoa can
# read, and not offered to htnob even when htnob claims to be htnoa with --user.
home_a="$(ssh_user a 'echo $HOME')"
drafts_a="$home_a/.local/state/htno-dialoog/concepten.sqlite"
not_in_shared_db() { ! "${SUDO[@]}" cat "$db" "$db-wal" 2>/dev/null | grep -qaF "onbewaarde tekst voor de verbroken"; }
check "the shared database holds none of htnoa's unsaved text" not_in_shared_db
check "htnoa's drafts file is mode 600 in a folder of mode 700" \
    test "$("${SUDO[@]}" stat -c '%a %U' "$drafts_a") $("${SUDO[@]}" stat -c '%a' "$(dirname "$drafts_a")")" = "600 $(login_of a) 700"
b_cannot_read() { ! ssh_user b "cat '$drafts_a'" >/dev/null 2>&1; }
check "htnob cannot read htnoa's drafts file" b_cannot_read
start_user b --user "$(login_of a)"
check "htnob starts with --user $(login_of a)" wait_for_user b "Pilotdoelen permanente dialoog"
sleep 1
b_not_offered() { ! on_user_screen b "Niet bewaarde tekst"; }
check "... and is not offered htnoa's unsaved text" b_not_offered
keys_user b q
check_draft_offered a

# --- a read-only colleague -------------------------------------------------------------------------------
# htnoa's WAL database in htnoa's folder (mode 755: htnob may read, not write), closed (no -shm): htnob
# browses and exports it, read-only with the reason in Dutch, and nothing is created beside it.
ro="$work/alleen-lezen"
"${SUDO[@]}" mkdir -p "$ro"
"${SUDO[@]}" cp "$db" "$ro/review.sqlite"
"${SUDO[@]}" chown -R "$(login_of a)" "$ro"
"${SUDO[@]}" chmod 755 "$ro"
"${SUDO[@]}" chmod 644 "$ro/review.sqlite"
ro_listing() { "${SUDO[@]}" ls -A "$ro" | tr '\n' ' '; }
check "htnoa's copy is a WAL database with no -wal or -shm beside it" \
    test "$(ro_listing)$("${SUDO[@]}" python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma journal_mode').fetchone()[0])" "$ro/review.sqlite")" = "review.sqlite wal"
ro_export="$(ssh_user b "$bin export --format csv --data $data --db $ro/review.sqlite" 2>&1)"
check "htnob exports it" grep -qF "onbewaarde tekst voor de verbroken verbinding" <<<"$ro_export"
tm_user b kill-server
for _ in $(seq 50); do tm_user b has-session 2>/dev/null || break; sleep 0.1; done
tm_user b -f /dev/null new-session -d -x 120 -y 24 \
    "env TERM=xterm-256color LANG=C.UTF-8 ssh -t $(ssh_opts b) $(login_of b)@127.0.0.1 'cd /tmp && LANG=C.UTF-8 TERM=xterm-256color $bin --data $data --db $ro/review.sqlite'; echo EXIT=\$?; sleep 600"
# The status message wraps upwards over the bottom lines: read them as one.
says_read_only() { screen_user b | tail -n 4 | sed 's/^ *//; s/ *$//' | tr '\n' ' ' | grep -qF "Alleen lezen: $ro/review.sqlite: de map $ro is niet schrijfbaar"; }
check "htnob opens it: read-only, because the folder is not writable, in Dutch" poll 10 says_read_only
check "... no SQLite error" bash -c "! tmux -L '$(socket_of b)' capture-pane -p | grep -q 'SQLite error'"
keys_user b Enter
check "htnob browses it" wait_for_user b "Doel 1:"
keys_user b q
check "nothing was created beside it" test "$(ro_listing)" = "review.sqlite "

echo "ssh-e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
