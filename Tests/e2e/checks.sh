# Shared by the end-to-end scripts (sourced): counted checks and polling. A script defines
# show_screens, which prints what its panes show when a check fails.
passed=0
failed=0

# check NAME CMD...: runs CMD; counts it, and on failure prints the screens.
check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        show_screens
    fi
}

# poll SECONDS CMD...: runs CMD every 0.1 s until it succeeds, for at most SECONDS.
poll() {
    local tries=$(($1 * 10))
    shift
    for _ in $(seq "$tries"); do
        "$@" && return 0
        sleep 0.1
    done
    return 1
}

# differs SECONDS BEFORE CMD...: waits up to SECONDS until CMD prints something other than BEFORE (a
# screen reacting to a key: pass the screen captured before the key). Never fails: a key that changes
# nothing only costs the wait, and the checks that follow wait for their own text. E2E_TRACE=1 names the
# script lines where the screen did not change (each such wait costs SECONDS).
differs() {
    local seconds=$1 before=$2
    shift 2
    poll "$seconds" output_differs "$before" "$@" && return 0
    [ -n "${E2E_TRACE:-}" ] && echo "     (screen unchanged after $seconds s: line ${BASH_LINENO[*]})" >&2
    return 0
}
# reacted SECONDS "CAPTURE..." SEND...: captures the screen with CAPTURE (a command and its arguments in one
# string, split at spaces), runs SEND (the keys), then waits like differs until the screen is no longer what it was.
reacted() {
    local seconds=$1 capture=$2 before
    shift 2
    before="$($capture)"
    "$@"
    differs "$seconds" "$before" $capture
}
output_differs() {
    local before=$1
    shift
    [ "$("$@")" != "$before" ]
}
