#!/usr/bin/env python3
"""Measures htno-dialoog as a user's terminal sees it, through a pseudo-terminal:
start to first frame, key to redrawn frame, and bytes written per step.

Usage: Benchmarks/pty_bench.py [--binary .build/release/htno-dialoog] [--data DIR ...] [--runs 10] [--size 80x24]
A frame counts as finished when the program has been silent for --quiet milliseconds; times are
to the last byte of the frame, so the quiet wait itself is not counted.
"""
import argparse, fcntl, os, pty, select, signal, statistics, struct, termios, time

def spawn_command(argv, cols, rows, env_extra):
    """Starts argv on a new pty of cols x rows; returns (pid, fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", **env_extra)
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd

def spawn(binary, data, cols, rows, env_extra):
    return spawn_command([binary, "--data", data], cols, rows, env_extra)

def read_burst(fd, quiet, timeout=5.0, until=None):
    """Reads until `quiet` seconds pass without output (and, if given, `until` has been seen);
    returns (bytes, time of the last byte)."""
    data, last = b"", None
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet if data else timeout)
        if not ready:
            if data and (until is None or until in data):
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        # Answer "are you there" (DSR 5) as a terminal does: htno-dialoog waits for it between frames.
        for _ in range((data[-3:] + chunk).count(b"\x1b[5n")):
            os.write(fd, b"\x1b[0n")
        data += chunk
        last = time.perf_counter()
    return data, last

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

def peak_memory_kb(pid):
    """The process's peak resident memory (VmHWM), read before it quits."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return float("nan")

def run_once(args, data, cols, rows):
    start = time.perf_counter()
    pid, fd = spawn(args.binary, data, cols, rows, {"XDG_DATA_HOME": args.xdg})
    # The status line is drawn last: the first frame is complete once its text has arrived.
    first, last = read_burst(fd, args.quiet / 1000, timeout=30, until=b"stop")
    result = {"first frame ms": (last - start) * 1000, "first frame bytes": len(first)}
    for name, keys in STEPS:
        for key in keys[:-1]:  # set-up keys, not measured
            os.write(fd, key)
            read_burst(fd, args.quiet / 1000)
        result[name + " ms"], result[name + " bytes"] = measure_key(fd, keys[-1], args.quiet / 1000)
    result["peak memory MB"] = peak_memory_kb(pid) / 1024
    os.write(fd, b"q")
    read_burst(fd, 0.05, timeout=1)
    stop(pid, fd)
    return result

def measure_key(fd, key, quiet):
    """Sends one key; returns (ms to the last byte of the frame it caused, bytes written)."""
    sent = time.perf_counter()
    os.write(fd, key)
    out, last = read_burst(fd, quiet)
    return ((last or sent) - sent) * 1000, len(out)

def stop(pid, fd):
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/htno-dialoog")
    parser.add_argument("--data", action="append", help="data directory; repeat to compare (default sample-data)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--quiet", type=float, default=60, help="milliseconds of silence that end a frame")
    parser.add_argument("--xdg", default="/tmp/htno-bench-xdg", help="XDG_DATA_HOME for the review database")
    args = parser.parse_args()
    cols, rows = map(int, args.size.split("x"))
    datasets = args.data or ["sample-data"]
    medians = {}
    for data in datasets:
        runs = [run_once(args, data, cols, rows) for _ in range(args.runs)]
        medians[data] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    print(f"htno-dialoog through a pty at {cols}x{rows}: median of {args.runs} runs per data set")
    names = [os.path.basename(d.rstrip("/")) for d in datasets]
    print(f"{'measure':34}" + "".join(f"{name:>16}" for name in names))
    for key in medians[datasets[0]]:
        cells = []
        for data in datasets:
            value = medians[data][key]
            cells.append(f"{value:16.1f}" if not key.endswith("bytes") else f"{value:16.0f}")
        print(f"{key:34}" + "".join(cells))

if __name__ == "__main__":
    main()
