"""How the Python end-to-end scripts report, as Tests/e2e/checks.sh does for the shell ones: an "ok" or "FAIL"
line per check (a failure with what was found), and a count at the end that is also the exit code."""
import sys

counts = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    if condition:
        counts["passed"] += 1
        print(f"ok   {name}")
    else:
        counts["failed"] += 1
        print(f"FAIL {name}")
        if detail:
            print("     " + str(detail).replace("\n", "\n     ")[:2000])


def finish(script):
    """Prints the count and exits: 1 when any check failed."""
    print(f"{script}: {counts['passed']} passed, {counts['failed']} failed")
    sys.exit(1 if counts["failed"] else 0)
