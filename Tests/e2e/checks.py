"""How the Python end-to-end scripts report, as Tests/e2e/checks.sh does for the shell ones: an "ok" or "FAIL"
line per check (a failure with what was found), and a count at the end that is also the exit code."""
import os, sys, tempfile

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


def binary_and_work(**environment):
    """The program named on the command line (or the debug build), the repository's root as working folder, a
    work folder of the script's own, and an environment whose XDG folders are inside it, so no run touches the
    user's own data, state or configuration. `environment` adds to it."""
    binary = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/htno-dialoog")
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    work = tempfile.mkdtemp()
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "data"), XDG_STATE_HOME=os.path.join(work, "state"),
               XDG_CONFIG_HOME=os.path.join(work, "config"), LANG="C.UTF-8", **environment)
    return binary, work, env
