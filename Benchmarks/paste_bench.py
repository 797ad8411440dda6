#!/usr/bin/python3
"""A 16,000-character paste into a note form, as a terminal sends it with bracketed paste (ESC[200~ … ESC[201~),
to the end of the frame that shows it, through a pseudo-terminal (Benchmarks/harness.py); ten runs, each in a
fresh session and database. Issue 24 point 9: under 100 ms (it took 11.6 s, quadratic, before bracketed paste).

Usage: /usr/bin/python3 Benchmarks/paste_bench.py [--binary .build/release/htno-dialoog] [--runs 10] [--length 16000]
"""
import argparse, os, statistics, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Session  # noqa: E402

QUIET = 0.05
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sample-data")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/htno-dialoog")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--length", type=int, default=16_000)
    args = parser.parse_args()
    text = " ".join("woord%05d" % i for i in range(args.length // 10 + 1))[:args.length]
    times = []
    for _ in range(args.runs):
        work = tempfile.mkdtemp()
        session = Session([args.binary, "--data", DATA, "--db", os.path.join(work, "review.sqlite"), "--user", "plak"],
                          env={"XDG_STATE_HOME": work})
        session.read(QUIET, timeout=30, frame_end=True)
        for key in (b"\r", b"l", b"a"):  # goal 1, the indicatoren column, a note form
            session.press(key, QUIET, frame_end=True)
        ms, _ = session.press(b"\x1b[200~" + text.encode() + b"\x1b[201~", QUIET, frame_end=True, timeout=60)
        times.append(ms)
        # Killed, not quit: a form with text would ask first, and the harness does not read while it waits.
        os.kill(session.pid, 9)
        os.waitpid(session.pid, 0)
        os.close(session.fd)
    print(f"paste of {args.length:,} characters to the end of its frame, ms: median {statistics.median(times):.1f}; "
          f"runs {', '.join(f'{t:.1f}' for t in times)}")


if __name__ == "__main__":
    main()
