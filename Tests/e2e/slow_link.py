#!/usr/bin/python3
"""Slow-link test: the terminal drains output at about 2400 bytes/s (a throttled SSH link) while a
held key repeats 30 times. Like a real terminal it answers the status request ESC[5n with ESC[0n
once it has read everything before it. htno-dialoog must not queue a redraw per key press: it handles the keys
that are waiting and draws once, so the total output stays far below 30 frames and the screen is
quiet soon after the last key. Prints a plain 'N passed, N failed' line; exit 1 on failure.

Usage: Tests/e2e/slow_link.py [path/to/htno-dialoog]
"""
import os, sys, tempfile, threading, time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Benchmarks"))
from harness import Session  # noqa: E402


BYTES_PER_SECOND = 2400
CHUNK = 64

def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/htno-dialoog")
    work = tempfile.mkdtemp(prefix="htno-slow-")
    session = Session([binary, "--data", "sample-data", "--db", os.path.join(work, "r.sqlite")], 80, 24)
    session.read(0.2, timeout=10, until=b"stop")
    session.press(b"3", 0.2)
    _, single = session.press(b"j", 0.2)
    session.press(b"g", 0.2)
    fd = session.fd

    received = bytearray()
    done = threading.Event()
    last_byte = [time.perf_counter()]

    def slow_reader():
        tail = b""
        while not done.is_set():
            try:
                import select
                ready, _, _ = select.select([fd], [], [], 0.05)
                if ready:
                    chunk = os.read(fd, CHUNK)
                    received.extend(chunk)
                    last_byte[0] = time.perf_counter()
                    time.sleep(len(chunk) / BYTES_PER_SECOND)
                    seen = tail + chunk
                    for _ in range(seen.count(b"\x1b[5n")):
                        os.write(fd, b"\x1b[0n")
                    tail = seen[-3:]
            except OSError:
                break

    reader = threading.Thread(target=slow_reader)
    reader.start()
    for _ in range(30):
        os.write(fd, b"j")
        time.sleep(0.01)
    last_key = time.perf_counter()
    while time.perf_counter() - last_byte[0] < 0.5:
        time.sleep(0.05)
    done.set()
    reader.join()
    drain = max(0.0, last_byte[0] - last_key)
    os.write(fd, b"q")
    os.waitpid(session.pid, 0)

    results = []
    def check(name, ok, detail):
        results.append(ok)
        print(("ok   " if ok else "FAIL ") + f"{name} ({detail})")

    frames_worth = len(received) / max(1, len(single))
    check("30 held key presses are not 30 redraws", frames_worth < 15,
          f"{len(received)} bytes = {frames_worth:.1f} single-step redraws of {len(single)} bytes")
    check("the screen is quiet soon after the last key", drain < 3.0, f"{drain:.2f} s after the last key at {BYTES_PER_SECOND} B/s")
    print(f"slow link: {sum(results)} passed, {len(results) - sum(results)} failed")
    sys.exit(0 if all(results) else 1)

if __name__ == "__main__":
    main()
