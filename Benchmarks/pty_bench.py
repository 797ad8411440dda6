#!/usr/bin/python3
"""Measures htno-dialoog as a user's terminal sees it, through a pseudo-terminal (Benchmarks/harness.py):
start to first frame with peak memory, and key to redrawn frame with bytes written for a set of steps.

Usage: /usr/bin/python3 Benchmarks/pty_bench.py [--binary .build/release/htno-dialoog] [--data DIR ...] [--runs 10]
A frame ends with htno-dialoog's "are you there" request (DSR 5); after it the harness still waits
--quiet milliseconds for anything more. Times are to the last byte, so that wait is not counted.
"""
import argparse, os, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Session, median  # noqa: E402

QUIET = 0.03  # seconds of silence after a frame's end before the next key

def start(binary, data, env, cols=80, rows=24):
    """A session of the dashboard, read up to its first complete frame."""
    session = Session([os.path.abspath(binary), "--data", data], cols, rows, env)
    out, last = session.read(QUIET, timeout=120, frame_end=True)
    session.first_frame = {"first frame ms": ((last or session.started) - session.started) * 1000,
                           "first frame bytes": len(out)}
    return session

def first_frame(binary, data, env):
    """Start to first frame, its bytes, and the peak memory (ru_maxrss) when quitting right after it."""
    session = start(binary, data, env)
    result = dict(session.first_frame)
    result["peak memory MB at first frame"] = session.stop()
    return result

# Each step: set-up keys (not measured), then the measured key.
STEPS = [
    ("move: overview row (j)", [b"j"]),
    ("drill in: goal table (Enter)", [b"\r"]),
    ("move: goal table item (j)", [b"j"]),
    ("move: matrix cell (l)", [b"2", b"l"]),
    ("page: cycle list (PgDn)", [b"3", b"\x1b[6~"]),
    ("move: list row, no preview (k)", [b"v", b"k", b"k"]),
    ("search: '/sector' + Enter", [b"/sector\r"]),
    ("search again: '/bouw' + Enter", [b"\x1b", b"/bouw\r"]),
]

def key_steps(binary, data, env):
    """Key to frame (ms) and bytes for each of STEPS, one session."""
    session = start(binary, data, env)
    result = {}
    for name, keys in STEPS:
        for key in keys[:-1]:
            session.press(key, QUIET, frame_end=True)
        ms, out = session.press(keys[-1], QUIET, frame_end=True)
        result[name + " ms"], result[name + " bytes"] = ms, len(out)
    session.stop()
    return result

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/htno-dialoog")
    parser.add_argument("--data", action="append", help="data directory; repeat to compare (default sample-data)")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = {"XDG_DATA_HOME": tempfile.mkdtemp(prefix="htno-pty-bench-")}
    datasets = args.data or ["sample-data"]
    medians = {}
    for data in datasets:
        runs = [dict(first_frame(args.binary, data, env), **key_steps(args.binary, data, env)) for _ in range(args.runs)]
        medians[data] = {key: median(run[key] for run in runs) for key in runs[0]}
    print(f"htno-dialoog through a pty at 80x24: median of {args.runs} runs per data set")
    names = [os.path.basename(d.rstrip("/")) for d in datasets]
    print(f"{'measure':34}" + "".join(f"{name:>16}" for name in names))
    for key in medians[datasets[0]]:
        print(f"{key:34}" + "".join(f"{medians[d][key]:16.0f}" if key.endswith("bytes") else f"{medians[d][key]:16.1f}"
                                    for d in datasets))

if __name__ == "__main__":
    main()
