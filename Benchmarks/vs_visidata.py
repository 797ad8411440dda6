#!/usr/bin/env python3
"""htno-dialoog next to VisiData on the same regional cases, through the same pty harness:
time to first frame and bytes written per one-row move, as ratios (htno-dialoog / VisiData).

Usage: Benchmarks/vs_visidata.py [--data DIR] [--vd PATH] [--runs 5]
VisiData is not a dependency of the project: install it into a throw-away venv first,
  python3 -m venv /tmp/vd-venv && /tmp/vd-venv/bin/pip install visidata
The cases are exported to CSV (landsdeel, doel, case) from the data set's regions.yaml.
"""
import argparse, csv, os, statistics, sys, tempfile, time
import yaml

sys.path.insert(0, os.path.dirname(__file__))
from pty_bench import measure_key, read_burst, spawn_command, stop  # noqa: E402

def export_cases(data, path):
    with open(os.path.join(data, "regions.yaml"), encoding="utf-8") as handle:
        regions = yaml.safe_load(handle)
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

def measure(argv, ready, move_setup, move, quiet, env):
    """Start to first frame (ms), and bytes/ms for one measured row move after the set-up keys."""
    start = time.perf_counter()
    pid, fd = spawn_command(argv, 80, 24, env)
    _, last = read_burst(fd, quiet, timeout=60, until=ready)
    first_frame = (last - start) * 1000
    for key in move_setup:
        os.write(fd, key)
        read_burst(fd, quiet)
    move_ms, move_bytes = measure_key(fd, move, quiet)
    stop(pid, fd)
    return first_frame, move_bytes, move_ms

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="sample-data")
    parser.add_argument("--binary", default=".build/release/htno-dialoog")
    parser.add_argument("--vd", default="/tmp/vd-venv/bin/vd")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quiet", type=float, default=100)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="htno-vs-vd-")
    cases_csv = os.path.join(work, "cases.csv")
    rows = export_cases(args.data, cases_csv)
    env = {"XDG_DATA_HOME": work, "HOME": work}
    # htno-dialoog: the region matrix, drill into Noordwest x doel 4 (a list of cases), preview off, one row up.
    htno = [measure([os.path.abspath(args.binary), "--data", args.data], b"stop", [b"2", b"j", b"lll", b"\r", b"v", b"G", b"k"], b"k",
                    args.quiet / 1000, env) for _ in range(args.runs)]
    # VisiData: the CSV sheet, one row down.
    vd = [measure([args.vd, "--skip", "0", cases_csv], b"landsdeel", [b"j"], b"j", args.quiet / 1000, env) for _ in range(args.runs)]
    print(f"{rows} cases from {args.data}, median of {args.runs} runs, 80x24 pty")
    print(f"{'measure':28}{'htno-dialoog':>14}{'VisiData':>12}{'ratio':>8}")
    for index, name in enumerate(["first frame ms", "row move bytes", "row move ms"]):
        ours = statistics.median(run[index] for run in htno)
        theirs = statistics.median(run[index] for run in vd)
        print(f"{name:28}{ours:14.1f}{theirs:12.1f}{ours / theirs if theirs else float('nan'):8.2f}")

if __name__ == "__main__":
    main()
