#!/usr/bin/python3
"""Ten years of the permanent dialogue in one review database, as issue 20 sizes it: 100 meetings (2024-2033),
2,000 agenda points, 20,000 notes, 5,000 actions, 10 peildata. Measured through a pseudo-terminal
(Benchmarks/harness.py) at 80x24: start to first frame with that review beside an empty one (the cost
"beyond today's start"), and key to redrawn frame for the screens of the years: the Cyclus stepping to a
year of meetings, a move in it, a meeting's minutes, the peildatum comparison, the changes since a
visit, a person's actions.

Usage: /usr/bin/python3 Benchmarks/years_bench.py [--binary .build/release/htno-dialoog] [--runs 10]
Prints medians (ms) per measure. Not a test: the machine is shared and noisy; compare builds in one run.
"""
import argparse, json, os, random, sqlite3, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Session, median  # noqa: E402

QUIET = 0.03
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sample-data")
ITEMS = [f"d{goal}-{kind}-{index}" for goal in range(1, 7) for kind in ("in", "bw", "rs") for index in range(1, 4)]
PEOPLE = [f"Persoon {n:02d}" for n in range(20)]


def make_review(binary, path, seed=7):
    """A review database made by the binary itself (its schema), then filled with ten years of work."""
    Session([binary, "--data", DATA, "--db", path, "--user", "bench"]).stop()
    rng = random.Random(seed)
    db = sqlite3.connect(path)
    now = "2026-01-01 10:00:00.000"
    for name in PEOPLE:
        db.execute("INSERT INTO person (name, author, created_at) VALUES (?, 'bench', ?)", (name, now))
    kinds = ["sectortafel", "sac vergadering", "htno-middag"]
    meeting_ids = []
    for year in range(2024, 2034):
        for n in range(10):
            points = json.dumps([{"text": f"Agendapunt {p} van {year}"} for p in range(20)])
            cursor = db.execute(
                "INSERT INTO meeting (kind, date, start_time, status, minutes, agenda_points, author, created_at, version) "
                "VALUES (?, ?, '13:30', 'gehouden', ?, ?, 'bench', ?, 1)",
                (kinds[n % 3], f"{year}-{n + 1:02d}-15", f"Verslag {year}-{n}: werkagenda besproken.", points, now))
            meeting_ids.append(cursor.lastrowid)
    subjects = ITEMS + [f"overleg-{m}" for m in meeting_ids]
    db.executemany("INSERT INTO note (subject_id, text, author, created_at) VALUES (?, ?, 'collega', ?)",
                   ((subjects[i % len(subjects)], f"notitie {i} over de voortgang", now) for i in range(20_000)))
    db.executemany("INSERT INTO action_item (activity_id, text, owner, due_date, done, author, created_at) VALUES (?, ?, ?, ?, ?, 'bench', ?)",
                   ((f"overleg-{rng.choice(meeting_ids)}", f"actie {i}", rng.choice(PEOPLE), f"{rng.randint(2024, 2033)}-06-01",
                     int(rng.random() < 0.7), now) for i in range(5_000)))
    db.executemany("INSERT INTO history (at, author, kind, record_id, subject_id, change, new_value) VALUES (?, 'collega', 'note', ?, ?, 'aangemaakt', ?)",
                   ((now, str(i), subjects[i % len(subjects)], f"notitie {i}") for i in range(20_000)))
    statuses = ["open", "in-behandeling", "aangetoond", "niet-aangetoond"]
    for year in range(2024, 2034):
        cursor = db.execute("INSERT INTO peildatum (label, taken_at, author) VALUES (?, ?, 'bench')", (f"december {year}", f"{year}-12-31 12:00:00.000"))
        db.executemany("INSERT INTO peildatum_status (peildatum_id, item_id, status) VALUES (?, ?, ?)",
                       ((cursor.lastrowid, item, rng.choice(statuses)) for item in ITEMS))
    db.execute("UPDATE revision SET value = value + 1")
    db.commit()
    db.close()


# Each step: set-up keys (not measured), then the measured key.
STEPS = [
    ("Cyclus: to 2024 (>)", [b"3", b">"]),
    ("Cyclus: to 2025 (>)", [b">"]),
    ("meetings: move (j)", [b"j"]),
    ("meeting: open (Enter)", [b"\r"]),
    ("peildata: compare (C)", [b"\x1b", b"C"]),
    ("changes since visit (W)", [b"W"]),
    ("Review: next list (f)", [b"6", b"f"]),
    ("Review: move (j)", [b"j"]),
]


def first_frame_ms(binary, db, env):
    session = Session([binary, "--data", DATA, "--db", db, "--user", "bench"], 80, 24, env)
    _, last = session.read(QUIET, timeout=120, frame_end=True)
    ms = ((last or session.started) - session.started) * 1000
    session.stop()
    return ms


def key_steps(binary, db, env):
    session = Session([binary, "--data", DATA, "--db", db, "--user", "bench"], 80, 24, env)
    session.read(QUIET, timeout=120, frame_end=True)
    result = {}
    for name, keys in STEPS:
        for key in keys[:-1]:
            session.press(key, QUIET, frame_end=True)
        ms, _ = session.press(keys[-1], QUIET, frame_end=True)
        result[name] = ms
    session.stop()
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/htno-dialoog")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="htno-years-")
    env = {"XDG_DATA_HOME": work, "XDG_CONFIG_HOME": work}
    empty, years = os.path.join(work, "leeg.sqlite"), os.path.join(work, "tien-jaar.sqlite")
    Session([binary, "--data", DATA, "--db", empty, "--user", "bench"]).stop()
    make_review(binary, years)
    starts = {name: median(first_frame_ms(binary, db, env) for _ in range(args.runs)) for name, db in (("leeg", empty), ("tien jaar", years))}
    runs = [key_steps(binary, years, env) for _ in range(args.runs)]
    print(f"htno-dialoog, ten years of review through a pty at 80x24: median of {args.runs} runs (ms)")
    print(f"{'start to first frame, empty review':44}{starts['leeg']:10.1f}")
    print(f"{'start to first frame, ten years':44}{starts['tien jaar']:10.1f}")
    beyond = "  beyond today's start"
    print(f"{beyond:44}{starts['tien jaar'] - starts['leeg']:10.1f}")
    for name in STEPS:
        print(f"{'key to frame: ' + name[0]:44}{median(run[name[0]] for run in runs):10.1f}")


if __name__ == "__main__":
    main()
