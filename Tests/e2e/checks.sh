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
