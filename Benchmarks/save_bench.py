#!/usr/bin/python3
"""One save's cost on a large review, as the user sees it: Ctrl-D in a note form to the redrawn frame
("Notitie bewaard"), through a pseudo-terminal (Benchmarks/harness.py), on a review database holding
--notes notes (default 100,000, spread over every goal item of sample-data).

Usage: /usr/bin/python3 Benchmarks/save_bench.py [--binary .build/release/htno-dialoog] [--notes 100000] [--runs 10]
Prints the median and every run in milliseconds. Run it for two builds in one go to compare them.
"""
import argparse, os, sqlite3, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Session, median  # noqa: E402

QUIET = 0.03
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sample-data")


def make_review(binary, path, notes):
    """A review database made by the binary itself (its schema), then filled with notes."""
    Session([binary, "--data", DATA, "--db", path, "--user", "bench"]).stop()
    db = sqlite3.connect(path)
    subjects = [f"d{goal}-{kind}-{index}" for goal in range(1, 7) for kind in ("in", "bw", "rs") for index in range(1, 4)]
    db.executemany("INSERT INTO note (subject_id, text, author, created_at) VALUES (?, ?, 'collega', '2026-01-01 10:00:00')",
                   ((subjects[i % len(subjects)], f"notitie {i} over de voortgang van het doel") for i in range(notes)))
    db.execute("UPDATE revision SET value = value + 1")
    db.commit()
    db.close()


def save_times(binary, path, runs):
    """Ctrl-D to frame (ms) for `runs` notes saved one after the other in one session."""
    session = Session([binary, "--data", DATA, "--db", path, "--user", "bench"])
    session.read(QUIET, timeout=120, frame_end=True)
    for key in (b"\r", b"l"):  # goal 1's table, the indicatoren column
        session.press(key, QUIET, frame_end=True)
    times = []
    for run in range(runs):
        session.press(b"a", QUIET, frame_end=True)
        session.press(f"meting {run}".encode(), QUIET, frame_end=True)
        ms, out = session.press(b"\x04", QUIET, frame_end=True, timeout=60)
        assert b"bewaard" in out, out[-300:]
        times.append(ms)
    session.stop()
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/htno-dialoog")
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "review.sqlite")
        make_review(binary, path, args.notes)
        times = save_times(binary, path, args.runs)
    print(f"{args.binary}: one save (Ctrl-D to frame) with {args.notes:,} notes: median {median(times):.1f} ms "
          f"over {len(times)} runs ({', '.join(f'{t:.1f}' for t in times)})")


if __name__ == "__main__":
    main()
