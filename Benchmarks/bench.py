#!/usr/bin/python3
"""The benchmark of issue 13 (Performance II), in one run with VisiData beside it:
start to first frame and peak memory; bytes per move over 50 presses against the floor (the UTF-8
bytes of the cells that changed, from a pyte copy of the screen); where those bytes go; search per
typed key; key to frame latency. Prints a Markdown report and writes it to Benchmarks/results/.

Usage: /usr/bin/python3 Benchmarks/bench.py --binary [LABEL=]PATH [--binary [LABEL=]PATH ...] [--runs 10]
       [--large /tmp/htno-large] [--huge /tmp/htno-x10000] [--vd /tmp/vd-venv/bin/vd] [--out FILE] [--dump DIR]
Several --binary (e.g. before=/tmp/old/htno-dialoog after=.build/release/htno-dialoog) are measured one
after the other in the same run on the same data, each row of the tables naming its build (LABEL, by
default the short commit of the work tree the binary is in). Benchmarks/run installs what is missing,
builds, generates the data sets and calls this.
"""
import argparse, datetime, os, platform, socket, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pty_bench, vs_visidata  # noqa: E402
from harness import (CATEGORIES, SCROLL_COST, breakdown, floor_bytes, measure_bounce,  # noqa: E402
                     measure_moves, median, percentile, screen_text, wait_until_idle)

QUIET = pty_bench.QUIET
PRESSES = 50
QUERY = "techniek"
SEARCH_QUIET = 0.1  # results may follow the typed key's first frame: wait longer for the last one
SETTLE = 2.0  # seconds after the program went idle before a "settled" search
REDRAW = b"\x0c"  # Ctrl-L: after the moves, a full redraw must change nothing on the pyte copy

def matrix_path(count):
    """The region matrix has five landsdeel rows: down the column, one right, up the next, ..."""
    path, down = [], True
    while len(path) < count:
        path += [b"j" if down else b"k"] * 4 + [b"l"]
        down = not down
    return path[:count]

BOUNCE = ("bounce", b"j", b"k")  # down, turning up at the end (and back): for lists shorter than 50 moves
CELL = [b"2", b"j", b"j", b"l", b"l", b"l", b"l", b"\r"]  # Zuidwest x Techniekpact-doel 5
# (title, data set, set-up keys, text the set-up must show, move keys or BOUNCE)
LISTS = [
    ("Review list, preview on (default)", "sample", [b"6"], "Review", [b"j"] * PRESSES),
    ("Review list, preview on (default)", "50k", [b"6"], "Review", [b"j"] * PRESSES),
    ("Review list, preview off (v)", "sample", [b"6", b"v"], "Review", [b"j"] * PRESSES),
    ("Review list, preview off (v)", "50k", [b"6", b"v"], "Review", [b"j"] * PRESSES),
    ("Goal table, Doel 6, Resultaten column (j/k bounce)", "sample", [b"1"] + [b"j"] * 5 + [b"\r", b"l", b"l", b"l"],
     "Resultaten (7)", BOUNCE),
    ("Goal table, Doel 1, Winst-risico column", "50k", [b"1", b"\r"], "Winst-risico", [b"j"] * PRESSES),
    ("Region matrix (2; j/k/l snake)", "50k", [b"2"], "Landsdeel", matrix_path(PRESSES)),
    ("Case list Zuidwest x doel 5, preview on", "50k", CELL, "Zuidwest × Techniekpact-doel 5", [b"j"] * PRESSES),
    ("Case list Zuidwest x doel 5, preview off", "50k", CELL + [b"v"], "Zuidwest × Techniekpact-doel 5", [b"j"] * PRESSES),
]

def summarize(presses):
    """One run of moves: totals, the floor, and the split between scrolling and other moves."""
    total, floor = sum(p["bytes"] for p in presses), sum(p["floor"] for p in presses)
    floor_scrolling = sum(p["floor with scrolling"] for p in presses)
    scrolling = [p["bytes"] for p in presses if p["scroll"]]
    other = [p["bytes"] for p in presses if not p["scroll"]]
    return {"bytes/move": total / len(presses), "floor/move": floor / len(presses),
            "bytes/floor": total / floor if floor else float("nan"),
            "floor with scrolling/move": floor_scrolling / len(presses),
            "bytes/floor with scrolling": total / floor_scrolling if floor_scrolling else float("nan"),
            "changed": sum(1 for p in presses if p["floor"]), "scrolled": len(scrolling),
            "bytes/scrolling move": sum(scrolling) / len(scrolling) if scrolling else float("nan"),
            "bytes/other move": sum(other) / len(other) if other else float("nan")}

def run_list(binary, data, setup, expect, keys, env):
    session = pty_bench.start(binary, data, env)
    for key in setup:
        session.press(key, QUIET, frame_end=True)
    reached = expect in screen_text(session.screen)
    if keys == BOUNCE:
        presses = measure_bounce(session, keys[1], keys[2], PRESSES, QUIET, frame_end=True)
    else:
        presses = measure_moves(session, keys, QUIET, frame_end=True)
    drift = measure_moves(session, [REDRAW], QUIET, frame_end=True)[0]["floor"]
    session.stop()
    return session, presses, reached, drift

def run_visidata(args, cases_csv, rows, work):
    session, shown = vs_visidata.start_visidata(args.vd, cases_csv, rows, work)
    presses = measure_moves(session, [b"j"] * PRESSES, vs_visidata.QUIET, frame_end=False)
    redraw = measure_moves(session, [REDRAW], vs_visidata.QUIET, frame_end=False)[0]
    drift = floor_bytes(redraw["before"][:-1], redraw["after"][:-1])  # VisiData shows the key in its bottom row
    peak = session.stop(quit_key=b"gq")
    return session, presses, shown, drift, peak

def run_search(binary, data, env, settle):
    """`/`, the query key by key, Enter. Settled: SETTLE seconds after the program's CPU went idle after
    its first frame (background work such as the search index done; its main loop may take that work
    over only when it wakes, up to a second later); early: right after the first frame."""
    session = pty_bench.start(binary, data, env)
    idle_after = 0.0
    if settle:
        idle_after = wait_until_idle(session) * 1000
        session.read(QUIET, timeout=SETTLE)
    opened = measure_moves(session, [b"/"], SEARCH_QUIET, frame_end=True, timeout=300)[0]
    typed = measure_moves(session, [c.encode() for c in QUERY], SEARCH_QUIET, frame_end=True, timeout=300)
    enter = measure_moves(session, [b"\r"], SEARCH_QUIET, frame_end=True, timeout=300)[0]
    found = QUERY in screen_text(session.screen).splitlines()[1]
    return {"open": opened, "keys": typed, "enter": enter, "found": found, "idle after ms": idle_after,
            "peak MB": session.stop()}

# ---- collecting -------------------------------------------------------------------------------

def collect(args, binary, datasets, log):
    """Everything for one build of htno-dialoog."""
    results = {"start": {}, "lists": [], "search": {}, "steps": {}}
    env = {"XDG_DATA_HOME": tempfile.mkdtemp(prefix="htno-bench-"), "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="htno-bench-")}
    for name, path in datasets.items():
        log(f"start: {name} ({runs_for(args, name)} runs)")
        results["start"][name] = [pty_bench.first_frame(binary, path, env) for _ in range(runs_for(args, name))]
    for title, name, setup, expect, keys in LISTS:
        log(f"moves: {title}, {name}")
        entry = new_entry(title, name)
        for run in range(args.runs):
            session, presses, reached, drift = run_list(binary, datasets[name], setup, expect, keys, env)
            record(args, entry, run, session, presses, drift)
            entry["reached"] &= reached
        results["lists"].append(entry)
    for name, path in datasets.items():
        for settle in (True, False):
            log(f"search: {name}, {'settled' if settle else 'early'} ({runs_for(args, name)} runs)")
            results["search"][(name, settle)] = [run_search(binary, path, env, settle) for _ in range(runs_for(args, name))]
    for name in ("sample", "50k"):
        log(f"key steps: {name}")
        results["steps"][name] = [pty_bench.key_steps(binary, datasets[name], env) for _ in range(args.runs)]
    return results

def runs_for(args, dataset):
    return 1 if dataset == "10,000x" else args.runs  # one run there: a start takes seconds, a search more

def visidata_entry(args, data):
    work = tempfile.mkdtemp(prefix="htno-bench-vd-")
    cases_csv = os.path.join(work, "cases.csv")
    rows = vs_visidata.export_cases(data, cases_csv)
    entry = dict(new_entry(f"VisiData case sheet ({rows} rows CSV)", "50k"), shown=[], peak=[])
    for run in range(args.runs):
        session, presses, shown, drift, peak = run_visidata(args, cases_csv, rows, work)
        record(args, entry, run, session, presses, drift)
        entry["shown"].append(shown if shown is not None else float("nan"))
        entry["peak"].append(peak)
    return entry

def new_entry(title, data):
    return {"title": title, "data": data, "runs": [], "latencies": [], "reached": True, "drift": 0}

def record(args, entry, run, session, presses, drift):
    """Adds one run of moves to a list's entry; the first run also gives the byte breakdown (and --dump)."""
    entry["runs"].append(summarize(presses))
    entry["latencies"] += [p["ms"] for p in presses]
    entry["drift"] = max(entry["drift"], drift)
    if run == 0:
        entry["breakdown"] = breakdown(b"".join(session.log), presses, 80, 24)
        entry["screen"] = presses[-1]["after"]
        dump(args, f"{args.label}-{entry['title']}-{entry['data']}", session, presses)

def dump(args, name, session, presses):
    """With --dump: the raw bytes of each press of the first run, for reading by eye."""
    if not args.dump:
        return
    os.makedirs(args.dump, exist_ok=True)
    log = b"".join(session.log)
    file_name = "".join(c if c.isalnum() or c in "-." else "_" for c in name) + ".txt"
    with open(os.path.join(args.dump, file_name), "w") as handle:
        for index, press in enumerate(presses):
            begin, end = press["span"]
            handle.write(f"--- press {index + 1}: {end - begin} B, floor {press['floor']}, scroll {press['scroll']}\n")
            handle.write(repr(log[begin:end])[2:-1] + "\n")

# ---- reporting --------------------------------------------------------------------------------

def sh(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""

def binary_commit(binary):
    """(short commit, description) of the git work tree the binary was built in, marked * when that tree
    had local changes outside Benchmarks/ (the benchmark scripts do not change the binary)."""
    folder = os.path.dirname(os.path.abspath(binary))
    root = sh(["git", "-C", folder, "rev-parse", "--show-toplevel"])
    if not root:
        return "unknown", "binary not inside a git work tree"
    commit, subject = (sh(["git", "-C", root, "log", "-1", "--format=%h%n%s"]) + "\n").split("\n")[:2]
    dirty = sh(["git", "-C", root, "status", "--porcelain", "--untracked-files=no", "--", ".", ":!Benchmarks"])
    mark = "*" if dirty else ""
    return commit + mark, f"{commit}{mark} {subject[:90]}" + (" (+ uncommitted changes)" if dirty else "") + f" — work tree {root}"

def machine_facts():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    memory = next((line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")), "0")
    return {"host": socket.gethostname() or "machine", "nproc": os.cpu_count(), "cpu": cpu,
            "kernel": platform.release(), "memory GB": int(memory) / 1024 / 1024}

def dataset_facts(path):
    size = sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path) if f.endswith(".yaml"))
    regions = vs_visidata.load_regions(path)
    cases = sum(len(c.get("cases", [])) for b in regions["boxes"] for c in b["cells"])
    return {"path": path, "bytes": size, "cases": cases}

def f1(value):
    return "–" if value != value else f"{value:.1f}"

def f0(value):
    return "–" if value != value else f"{value:,.0f}"

def table(add, header, align):
    add("| " + " | ".join(header) + " |")
    add("| " + " | ".join("---" if a == "<" else "---:" for a in align) + " |")

def report(args, builds, visidata, facts, machine, load_before, load_after, minutes):
    lines = []
    add = lines.append
    add(f"# htno-dialoog benchmark — {datetime.date.today().isoformat()}, {machine['host']}")
    add("")
    add(f"- **Machine**: {machine['nproc']} cores, {machine['cpu']}, {machine['memory GB']:.0f} GB, Linux {machine['kernel']}; "
        f"load average before {load_before}, after {load_after} (other work on the machine shows in the times, not in the bytes)")
    for label, build in builds.items():
        add(f"- **Build {label}**: `{build['binary']}` — {sh([build['binary'], '--version']) or '?'}; commit {build['commit']}")
    add(f"- **Harness**: pty 80x24, TERM=xterm-256color, LANG=C.UTF-8, screen copy pyte {pyte_version()} (Benchmarks/harness.py); "
        f"{args.runs} runs per measure unless said; took {minutes:.1f} min")
    add("- **Data sets**: " + "; ".join(f"{name} = `{f['path']}` ({f['cases']:,} cases, {f['bytes'] / 1e6:.1f} MB YAML/JSON)"
                                         for name, f in facts.items()))
    add("- A frame of htno-dialoog ends with its DSR request (`ESC[5n`, answered at once as a terminal does) and "
        f"{QUIET * 1000:.0f} ms of silence; VisiData's ends with {vs_visidata.QUIET * 1000:.0f} ms of silence. "
        "Times are to the frame's last byte, so those waits are not counted.")
    add("- Peak memory: the child's ru_maxrss from wait4. It also counts the pages the child shared with the harness "
        "between fork and exec; a peak not above the harness's resident memory at that fork is shown as –.")
    add("")
    report_start(add, builds, visidata, facts)
    report_moves(add, builds, visidata)
    report_breakdown(add, builds, visidata)
    report_search(add, builds)
    report_steps(add, builds)
    return "\n".join(lines)

def report_start(add, builds, visidata, facts):
    add("## 1. Start: spawn to first complete frame, peak memory")
    add("")
    table(add, ["build", "data set", "runs", "first frame ms (median)", "first frame bytes",
                "peak RSS MB, quit after first frame (ru_maxrss)", "input MB", "peak / input"], "<<" + ">" * 6)
    for label, build in builds.items():
        for name, runs in build["results"]["start"].items():
            peak = median(r["peak memory MB at first frame"] for r in runs)
            add(f"| {label} | {name} | {len(runs)} | {f1(median(r['first frame ms'] for r in runs))} "
                f"| {f0(median(r['first frame bytes'] for r in runs))} | {f1(peak)} | {facts[name]['bytes'] / 1e6:.1f} "
                f"| {peak * 1048576 / facts[name]['bytes']:.1f}× |")
    if visidata:
        add(f"| VisiData | 50k CSV (until all rows loaded and shown) | {len(visidata['shown'])} | {f1(median(visidata['shown']))} "
            f"| – | {f1(median(visidata['peak']))} (after its 50 moves) | | |")
    add("")

def report_moves(add, builds, visidata):
    add(f"## 2. Bytes per move: {PRESSES} presses from the top, against the floor")
    add("")
    add("Floor: the UTF-8 bytes of the characters of the cells whose character or attributes (fg, bg, bold, reverse, "
        "underline, …; a blank's invisible foreground ignored) differ between the screen before and after the press. "
        "Floor with scrolling: the same after the best scroll of one band of full-width rows (as the terminal can do it, "
        f"counted {SCROLL_COST} B) — below the plain floor only where a list scrolled. "
        "Scrolling moves: the content at the left of the screen shifted by whole rows. Key → frame: write of the key to "
        f"the last byte of its frame, all {PRESSES} × runs presses pooled. Ctrl-L check: the floor of a full redraw after "
        "the moves — 0 means the pyte copy matched what the program meant to show, so the floors are right.")
    add("")
    table(add, ["build", "list", "data", "moves that changed the screen", "scrolling moves", "**bytes / move**",
                "floor / move", "**bytes / floor**", "floor with scrolling / move", "bytes / floor with scrolling",
                "bytes / scrolling move", "bytes / other move", "key → frame ms median", "p95", "Ctrl-L check"],
          "<<<" + ">" * 12)
    for label, entry in entries(builds, visidata):
        m = {key: median(run[key] for run in entry["runs"]) for key in entry["runs"][0]}
        warning = "" if entry["reached"] else " ⚠ set-up did not reach this screen"
        add(f"| {label} | {entry['title']}{warning} | {entry['data']} | {m['changed']:.0f} | {m['scrolled']:.0f} "
            f"| **{f0(m['bytes/move'])}** | {f0(m['floor/move'])} | **{m['bytes/floor']:.2f}×** "
            f"| {f0(m['floor with scrolling/move'])} | {m['bytes/floor with scrolling']:.2f}× | {f0(m['bytes/scrolling move'])} "
            f"| {f0(m['bytes/other move'])} | {f1(median(entry['latencies']))} | {f1(percentile(entry['latencies'], 0.95))} "
            f"| {entry['drift']} |")
    if visidata:
        theirs = median(run["bytes/move"] for run in visidata["runs"])
        for label, build in builds.items():
            add("")
            add(f"Build {label} against VisiData's case sheet (bytes per move, ours / VisiData's): " + "; ".join(
                f"{e['title']} ({e['data']}) {median(r['bytes/move'] for r in e['runs']) / theirs:.2f}×"
                for e in build["results"]["lists"]))
    add("")

def entries(builds, visidata):
    """(build label, list entry) for every list of every build, then VisiData's."""
    for label, build in builds.items():
        for entry in build["results"]["lists"]:
            yield label, entry
    if visidata:
        yield "VisiData", visidata

def report_breakdown(add, builds, visidata):
    add("## 3. Where a move's bytes go (first run, mean bytes per move)")
    add("")
    add("Every byte of the moves of the first run, replayed on a pyte copy. Text “already on screen”: the cell showed "
        "exactly that character with those attributes when it was written (pure waste). “Restored”: the cell ends as it "
        "began, but a scroll or erase in the same press had blanked it. Rows: where the waste was, with the row's text "
        "at the end.")
    add("")
    table(add, ["build", "list", "data"] + CATEGORIES + ["rows with text already on screen (bytes per move: row text)"],
          "<<<" + ">" * len(CATEGORIES) + "<")
    for label, entry in entries(builds, visidata):
        totals, wasted = entry["breakdown"]
        rows = sorted(wasted.items(), key=lambda item: -item[1])[:4]
        shown = "; ".join(f"row {y + 1} {b / PRESSES:.0f}: `{row_text(entry['screen'][y])[:40]}`" for y, b in rows if b >= PRESSES)
        add(f"| {label} | {entry['title']} | {entry['data']} | " + " | ".join(f"{totals[c] / PRESSES:.0f}" for c in CATEGORIES)
            + f" | {shown} |")
    add("")

def report_search(add, builds):
    add(f"## 4. Search per typed key: `/`, then “{QUERY}” key by key, then Enter")
    add("")
    add("Settled: `/` typed once the program used < 10 ms CPU in 250 ms after its first frame (its background work, "
        f"e.g. the search index, done: that wait is given) and then {SETTLE:.0f} s more. Early: `/` typed "
        f"right after the first frame. Per key: write of the key to the last byte of its last frame (frames end after "
        f"{SEARCH_QUIET * 1000:.0f} ms of silence here, in case results follow the echo); floor as in section 2 "
        "(a floor of a few dozen bytes per key: only the prompt changed, the results did not). "
        "Peak RSS: ru_maxrss when quitting after Enter.")
    add("")
    table(add, ["build", "data", "when", "runs", "idle after first frame ms", "`/` ms"] + [f"`{c}` ms" for c in QUERY]
          + ["per key ms median", "p95", "bytes / key", "floor / key", "Enter ms", "Enter bytes", "peak RSS MB", "query in title"],
          "<<<" + ">" * (len(QUERY) + 10) + "<")
    for label, build in builds.items():
        for (name, settle), runs in build["results"]["search"].items():
            per_key = [median(r["keys"][i]["ms"] for r in runs) for i in range(len(QUERY))]
            pooled = [k["ms"] for r in runs for k in r["keys"]]
            add(f"| {label} | {name} | {'settled' if settle else 'early'} | {len(runs)} "
                f"| {f0(median(r['idle after ms'] for r in runs))} | {f1(median(r['open']['ms'] for r in runs))} | "
                + " | ".join(f1(v) for v in per_key)
                + f" | {f1(median(pooled))} | {f1(percentile(pooled, 0.95))} "
                f"| {f0(median(k['bytes'] for r in runs for k in r['keys']))} | {f0(median(k['floor'] for r in runs for k in r['keys']))} "
                f"| {f1(median(r['enter']['ms'] for r in runs))} | {f0(median(r['enter']['bytes'] for r in runs))} "
                f"| {f1(median(r['peak MB'] for r in runs))} | {'yes' if all(r['found'] for r in runs) else 'no'} |")
    add("")

def report_steps(add, builds):
    add("## 5. Other key steps (Benchmarks/pty_bench.py, median ms and bytes)")
    add("")
    columns = [(label, name) for label, build in builds.items() for name in build["results"]["steps"]]
    table(add, ["step"] + [f"{label} {name} {unit}" for label, name in columns for unit in ("ms", "bytes")],
          "<" + ">" * (2 * len(columns)))
    for step, _ in pty_bench.STEPS:
        cells = []
        for label, name in columns:
            runs = builds[label]["results"]["steps"][name]
            cells += [f1(median(r[step + " ms"] for r in runs)), f0(median(r[step + " bytes"] for r in runs))]
        add(f"| {step} | " + " | ".join(cells) + " |")
    add("")

def row_text(row):
    return "".join(cell[0] for cell in row).strip()

def pyte_version():
    try:
        from importlib.metadata import version
        return version("pyte")
    except Exception:
        return "?"

def results_path(args, host):
    if args.out:
        return args.out
    folder = os.path.join(HERE, "results")
    os.makedirs(folder, exist_ok=True)
    base = os.path.join(folder, f"{datetime.date.today().isoformat()}-{host}")
    path, number = base + ".md", 2
    while os.path.exists(path):  # never overwrite an earlier table (before / after on one day)
        path, number = f"{base}-{number}.md", number + 1
    return path

def parse_builds(values):
    """--binary [LABEL=]PATH, repeatable; the label defaults to the binary's commit."""
    builds = {}
    for value in values or [os.path.join(HERE, "..", ".build/release/htno-dialoog")]:
        label, _, path = value.partition("=") if "=" in value else ("", "", value)
        path = os.path.abspath(path)
        commit, description = binary_commit(path)
        builds[label or commit] = {"binary": path, "commit": description}
    return builds

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", action="append", help="[LABEL=]PATH of a release binary; repeat to compare builds")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--sample", default=os.path.join(HERE, "..", "sample-data"))
    parser.add_argument("--large", default="/tmp/htno-large", help="the 50k-case set (generate_data.py --cases 290 ...)")
    parser.add_argument("--huge", default="/tmp/htno-x10000", help="the 10,000x set; skipped when missing")
    parser.add_argument("--vd", default="/tmp/vd-venv/bin/vd")
    parser.add_argument("--out", help="results file (default Benchmarks/results/DATE-HOST.md)")
    parser.add_argument("--dump", help="folder for the raw bytes of every press of the first run")
    args = parser.parse_args()
    builds = parse_builds(args.binary)
    datasets = {"sample": os.path.abspath(args.sample), "50k": args.large}
    if os.path.isdir(args.huge):
        datasets["10,000x"] = args.huge
    facts = {name: dataset_facts(path) for name, path in datasets.items()}
    machine = machine_facts()
    load_before = " ".join(open("/proc/loadavg").read().split()[:3])
    began = time.time()
    for label, build in builds.items():
        args.label = label
        build["results"] = collect(args, build["binary"], datasets,
                                   lambda text: print(f"[{time.time() - began:6.0f} s] {label}: {text}", file=sys.stderr, flush=True))
    visidata = None
    if args.vd and os.path.exists(args.vd):
        print(f"[{time.time() - began:6.0f} s] moves: VisiData case sheet, 50k", file=sys.stderr, flush=True)
        args.label = "visidata"
        visidata = visidata_entry(args, datasets["50k"])
    load_after = " ".join(open("/proc/loadavg").read().split()[:3])
    text = report(args, builds, visidata, facts, machine, load_before, load_after, (time.time() - began) / 60)
    print(text)
    path = results_path(args, machine["host"])
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
    print(f"written: {path}", file=sys.stderr)

if __name__ == "__main__":
    main()
