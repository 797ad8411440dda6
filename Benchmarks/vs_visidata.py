#!/usr/bin/python3
"""VisiData on the same regional cases as htno-dialoog, through the same pty harness: its case sheet
is what our case list is compared with (Benchmarks/bench.py runs both side by side).

Usage: /usr/bin/python3 Benchmarks/vs_visidata.py [--data DIR] [--vd PATH] [--runs 10]
VisiData is not a dependency of the project: install it into a throw-away venv first,
  python3 -m venv /tmp/vd-venv && /tmp/vd-venv/bin/pip install visidata
The cases are exported to CSV (landsdeel, doel, case) from the data set's regions.yaml.
"""
import argparse, csv, json, os, sys, tempfile, time
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Session, measure_moves, median, screen_text  # noqa: E402

QUIET = 0.1  # VisiData says nothing when a frame is done: a frame ends after this much silence

def load_regions(data):
    """regions.yaml; the generated sets are JSON (valid YAML), which json reads far faster."""
    with open(os.path.join(data, "regions.yaml"), encoding="utf-8") as handle:
        text = handle.read()
    try:
        return json.loads(text)
    except ValueError:
        return yaml.safe_load(text)

def export_cases(data, path):
    regions = load_regions(data)
    names = {region["id"]: region["name"] for region in regions["landsdelen"]}
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["landsdeel", "doel", "case"])
        rows = 0
        for box in regions["boxes"]:
            for cell in box["cells"]:
                for case in cell.get("cases", []):
                    writer.writerow([names[cell["landsdeel"]], cell["goal"], case])
                    rows += 1
    return rows

def start_visidata(vd, cases_csv, rows, work):
    """VisiData on the case sheet, read until all rows are loaded; then one move down and back up (not
    measured), which takes away its start-up status box, so the sheet is as a user sees it at the top.
    Returns (session, ms until all rows were shown)."""
    session = Session([vd, cases_csv], env={"HOME": work, "XDG_CONFIG_HOME": work, "XDG_DATA_HOME": work})
    loaded = f"{rows} rows"
    shown = None
    while time.perf_counter() - session.started < 120:
        _, last = session.read(QUIET, timeout=1)
        if loaded in screen_text(session.screen):
            shown = ((last or time.perf_counter()) - session.started) * 1000
            break
    for key in (b"j", b"k"):
        session.press(key, QUIET)
    return session, shown

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="sample-data")
    parser.add_argument("--vd", default="/tmp/vd-venv/bin/vd")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--presses", type=int, default=50)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="htno-vs-vd-")
    cases_csv = os.path.join(work, "cases.csv")
    rows = export_cases(args.data, cases_csv)
    runs = []
    for _ in range(args.runs):
        session, shown = start_visidata(args.vd, cases_csv, rows, work)
        presses = measure_moves(session, [b"j"] * args.presses, QUIET, frame_end=False)
        runs.append((shown, sum(p["bytes"] for p in presses), sum(p["floor"] for p in presses),
                     median(p["ms"] for p in presses)))
        session.stop(quit_key=b"gq")
    print(f"VisiData on {rows} cases from {args.data}, 80x24 pty, {args.presses} x j, median of {args.runs} runs")
    for index, name in enumerate(["all rows shown ms", "bytes (all presses)", "floor bytes", "key to frame ms"]):
        print(f"{name:24}{median(run[index] for run in runs):12.1f}")

if __name__ == "__main__":
    main()
