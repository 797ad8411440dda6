#!/usr/bin/env python3
"""Measures htno-dialoog as a user's terminal sees it, through a pseudo-terminal:
start to first frame, key to redrawn frame, and bytes written per step.

Usage: Benchmarks/pty_bench.py [--binary .build/release/htno-dialoog] [--runs 10] [--size 80x24]
A frame counts as finished when the program has been silent for --quiet milliseconds; times are
to the last byte of the frame, so the quiet wait itself is not counted.
"""
import argparse, fcntl, os, pty, select, signal, statistics, struct, termios, time

def spawn(binary, data, cols, rows, env_extra):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", **env_extra)
        os.execve(binary, [binary, "--data", data], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd

def read_burst(fd, quiet, timeout=5.0):
    """Reads until `quiet` seconds pass without output; returns (bytes, time of the last byte)."""
    data, last = b"", None
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet if data else timeout)
        if not ready:
            if data:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
        last = time.perf_counter()
    return data, last

STEPS = [
    ("move one row (j)", [b"j"]),
    ("page down (PgDn, cycle list)", [b"3", b"\x1b[6~"]),
    ("drill in (Enter)", [b"\r"]),
    ("back (Esc)", [b"\x1b"]),
    ("search '/sector' + Enter", [b"/sector\r"]),
]

def run_once(args, cols, rows):
    start = time.perf_counter()
    pid, fd = spawn(args.binary, args.data, cols, rows, {})
    first, last = read_burst(fd, args.quiet / 1000)
    result = {"first frame ms": (last - start) * 1000, "first frame bytes": len(first)}
    for name, keys in STEPS:
        for key in keys[:-1]:  # set-up keys, not measured
            os.write(fd, key)
            read_burst(fd, args.quiet / 1000)
        sent = time.perf_counter()
        os.write(fd, keys[-1])
        out, last = read_burst(fd, args.quiet / 1000)
        result[name + " ms"] = ((last or sent) - sent) * 1000
        result[name + " bytes"] = len(out)
    os.write(fd, b"q")
    read_burst(fd, 0.05, timeout=1)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return result

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/htno-dialoog")
    parser.add_argument("--data", default="sample-data")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--quiet", type=float, default=60, help="milliseconds of silence that end a frame")
    args = parser.parse_args()
    cols, rows = map(int, args.size.split("x"))
    runs = [run_once(args, cols, rows) for _ in range(args.runs)]
    print(f"htno-dialoog through a pty at {cols}x{rows}, {args.runs} runs, data {args.data}")
    print(f"{'measure':40} {'median':>10} {'min':>10} {'max':>10}")
    for key in runs[0]:
        values = [run[key] for run in runs]
        unit_fmt = "{:10.1f}" if key.endswith("ms") else "{:10.0f}"
        print(f"{key:40} " + " ".join(unit_fmt.format(v) for v in (statistics.median(values), min(values), max(values))))

if __name__ == "__main__":
    main()
