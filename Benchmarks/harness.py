"""The shared pty harness of the benchmarks: starts a program on a pseudo-terminal, reads what it
writes as a terminal would (answering htno-dialoog's "are you there" question), and keeps a pyte
screen of it, so a step's bytes can be set against the cells that actually changed (the floor).

Needs pyte (Debian: apt-get install python3-pyte, for /usr/bin/python3).
"""
import fcntl, os, pty, re, select, signal, statistics, struct, termios, time

DSR_REQUEST = b"\x1b[5n"   # htno-dialoog ends every frame with it and waits for the answer
DSR_ANSWER = b"\x1b[0n"

def make_screen(cols, rows):
    """A pyte screen and byte stream that behave as the xterm-256color that ncurses writes for: with
    REP (repeat the last character) and SU/SD (scroll n lines), which pyte 0.8 lacks, bright colours
    without bold, and bce. Without these the copy drifts from a real terminal (the Ctrl-L check of
    Benchmarks/bench.py shows it)."""
    try:
        import pyte
        from pyte.screens import StaticDefaultDict
    except ImportError:
        raise SystemExit("pyte is missing: apt-get install python3-pyte, and run the benchmarks with /usr/bin/python3")

    class Screen(pyte.Screen):
        last_char = " "

        def draw(self, data):
            if data:
                self.last_char = data[-1]
            super().draw(data)

        def select_graphic_rendition(self, *params, private=False):
            """pyte 0.8 turns the bright colours (90-97, 100-107) into a normal colour plus bold, a bold
            that the next colour change does not take away; a terminal shows a bright colour only."""
            params = list(params) or [0]
            while params:
                size = 3 if params[0] in (38, 48) and params[1:2] == [5] else 5 if params[0] in (38, 48) else 1
                group, params = params[:size], params[size:]
                if 90 <= group[0] <= 97:
                    self.cursor.attrs = self.cursor.attrs._replace(fg=f"bright{group[0] - 90}")
                elif 100 <= group[0] <= 107:
                    self.cursor.attrs = self.cursor.attrs._replace(bg=f"bright{group[0] - 100}")
                else:
                    super().select_graphic_rendition(*group)

        def repeat_last(self, count=1, *_, **__):
            self.draw(self.last_char * (count or 1))

        # xterm-256color has bce: what an erase, insert, delete or scroll leaves blank takes the current
        # background colour; pyte 0.8 uses the default one for some and all attributes for others.
        def bce_blank(self):
            return self.default_char._replace(bg=self.cursor.attrs.bg)

        def erased(self, operation, *args):
            attrs, self.cursor.attrs = self.cursor.attrs, self.bce_blank()
            try:
                operation(*args)
            finally:
                self.cursor.attrs = attrs

        def erase_characters(self, count=None):
            self.erased(super().erase_characters, count)

        def erase_in_line(self, how=0, private=False):
            self.erased(super().erase_in_line, how)

        def erase_in_display(self, how=0, *args, **kwargs):
            self.erased(super().erase_in_display, how)

        def delete_characters(self, count=None):
            count, line, blank = count or 1, self.buffer[self.cursor.y], self.bce_blank()
            for x in range(self.cursor.x, self.columns):
                line[x] = line[x + count] if x + count < self.columns else blank

        def insert_characters(self, count=None):
            count, line, blank = count or 1, self.buffer[self.cursor.y], self.bce_blank()
            for x in range(self.columns - 1, self.cursor.x - 1, -1):
                line[x] = line[x - count] if x - count >= self.cursor.x else blank

        def region(self):
            return self.margins or (0, self.lines - 1)

        def shift_lines(self, top, bottom, count):
            """Moves the rows top..bottom up by count (down when negative), blank rows coming in."""
            rows = [self.buffer[y] for y in range(top, bottom + 1)]
            size, blank = len(rows), self.bce_blank()
            new = [StaticDefaultDict(blank) for _ in range(min(abs(count), size))]
            rows = (rows[count:] + new) if count > 0 else (new + rows[:size - len(new)])
            for offset, row in enumerate(rows[:size]):
                self.buffer[top + offset] = row

        def index(self):
            top, bottom = self.region()
            if self.cursor.y == bottom:
                self.shift_lines(top, bottom, 1)
            else:
                self.cursor_down()

        def reverse_index(self):
            top, bottom = self.region()
            if self.cursor.y == top:
                self.shift_lines(top, bottom, -1)
            else:
                self.cursor_up()

        def scroll_up(self, count=1, *_, **__):
            self.shift_lines(*self.region(), count or 1)

        def scroll_down(self, count=1, *_, **__):
            self.shift_lines(*self.region(), -(count or 1))

        def insert_lines(self, count=None):
            top, bottom = self.region()
            if top <= self.cursor.y <= bottom:
                self.shift_lines(self.cursor.y, bottom, -(count or 1))
                self.carriage_return()

        def delete_lines(self, count=None):
            top, bottom = self.region()
            if top <= self.cursor.y <= bottom:
                self.shift_lines(self.cursor.y, bottom, count or 1)
                self.carriage_return()

    class Stream(pyte.ByteStream):
        csi = dict(pyte.ByteStream.csi, b="repeat_last", S="scroll_up", T="scroll_down")
        events = pyte.ByteStream.events | {"repeat_last", "scroll_up", "scroll_down"}

    screen = Screen(cols, rows)
    return screen, Stream(screen)

VISIBLE = {}  # pyte Char -> what it looks like, one shared tuple per look: keeps snapshots small

def visible(char):
    """What a cell looks like: a blank's foreground and boldness cannot be seen unless reversed."""
    look = VISIBLE.get(char)
    if look is None:
        blank = char.data in (" ", "") and not char.reverse
        look = VISIBLE[char] = (char.data, char.bg, char.underscore, char.strikethrough) if blank else tuple(char)
    return look

def snapshot(screen):
    return [tuple(visible(screen.buffer[y][x]) for x in range(screen.columns)) for y in range(screen.lines)]

def floor_bytes(before, after):
    """The least a terminal must be sent: the UTF-8 bytes of the characters of the cells that differ
    (a wide character's second cell holds "" and counts nothing)."""
    total = 0
    for row_before, row_after in zip(before, after):
        for a, b in zip(row_before, row_after):
            if a != b:
                total += len(b[0].encode("utf-8"))
    return total

def screen_text(screen):
    return "\n".join(screen.display)

class Session:
    """One program on a pty of cols x rows, its output mirrored into a pyte screen."""

    def __init__(self, argv, cols=80, rows=24, env=None):
        # The child's ru_maxrss counts the pages it shares with this process between fork and exec.
        self.harness_mb = own_rss_mb()
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(argv[0], argv, dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", **(env or {})))
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.screen, self.stream = make_screen(cols, rows)
        self.log = []  # every chunk read: the byte breakdown replays it

    def read(self, quiet, timeout=10.0, until=None, frame_end=False, silent=None):
        """Reads until `quiet` seconds pass without output, once `until` (bytes) has been seen and,
        with frame_end, a frame has ended (htno-dialoog's DSR request). Gives up after `timeout`
        seconds, or after `silent` seconds without any output (a key that changes nothing).
        Returns (bytes, time of the last byte or None); the quiet wait is not part of that time."""
        data, last = b"", None
        start = time.perf_counter()
        while True:
            now = time.perf_counter()
            done = data and (until is None or until in data) and (not frame_end or DSR_REQUEST in data)
            if now - start > timeout or (not data and silent is not None and now - start > silent):
                break
            ready, _, _ = select.select([self.fd], [], [], quiet if done else 0.01)
            if not ready:
                if done:
                    break
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            last = time.perf_counter()
            # Answer as a terminal does: htno-dialoog waits for it before its next frame.
            for _ in range((data[-3:] + chunk).count(DSR_REQUEST)):
                os.write(self.fd, DSR_ANSWER)
            data += chunk
            self.log.append(chunk)
            self.stream.feed(chunk)
        return data, last

    def press(self, key, quiet, frame_end=False, timeout=10.0):
        """Sends one key; returns (ms to the last byte of the frame it caused, bytes written). With
        frame_end every key gets a frame (htno-dialoog asks after each one, even an empty one), so it
        waits up to `timeout`; without, a key that draws nothing ends after a second of silence."""
        sent = time.perf_counter()
        os.write(self.fd, key)
        out, last = self.read(quiet, timeout=timeout, frame_end=frame_end, silent=None if frame_end else 1.0)
        return ((last or sent) - sent) * 1000, out

    def stop(self, quit_key=b"q"):
        """Quits (then SIGTERM if needed) and reaps the child; returns its peak resident memory in MB
        (ru_maxrss), or NaN when that is not above what the harness had resident at the fork, so
        cannot be told apart from the harness's pages."""
        if quit_key:
            try:
                os.write(self.fd, quit_key)
                self.read(0.05, timeout=2)
            except OSError:
                pass
        for _ in range(200):
            pid, status, rusage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.01)
        else:
            os.kill(self.pid, signal.SIGTERM)
            pid, status, rusage = os.wait4(self.pid, 0)
        os.close(self.fd)
        peak = rusage.ru_maxrss / 1024  # Linux: kilobytes
        return peak if peak > self.harness_mb * 1.05 else float("nan")

def cpu_seconds(pid):
    """User + system CPU time the process has used so far (from /proc), or None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None

def wait_until_idle(session, window=0.25, busy=0.01, timeout=120):
    """Waits until the program has used less than `busy` CPU seconds in a `window` (its background
    work, such as a search index, is done); keeps reading its output meanwhile. Returns seconds waited."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        before = cpu_seconds(session.pid)
        session.read(window, timeout=window)
        after = cpu_seconds(session.pid)
        if before is None or after is None or after - before < busy:
            break
    return time.perf_counter() - start

# Where to look for rows that moved: whole rows (lists without a preview, VisiData), then the left pane.
BANDS = (slice(None), slice(1, 18))

def scroll_shift(before, after, least_rows=4):
    """How many rows the content moved (0: none), and in which band of columns: the shift k for which
    at least `least_rows` changed rows now show what was k rows lower (or higher) before."""
    for band in BANDS:
        for k in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
            if len(shifted_rows(before, after, k, band)) >= least_rows:
                return k, band
    return 0, None

def shifted_rows(before, after, k, columns):
    return [y for y in range(len(before)) if 0 <= y + k < len(before) and after[y][columns] != before[y][columns]
            and after[y][columns] == before[y + k][columns] and any(c[0].strip() for c in after[y][columns])]

SCROLL_COST = 16  # bytes to scroll a band of rows: set the region, move there, scroll, reset the region

def floor_with_scrolling(before, after, shift, columns):
    """The floor when the terminal may first scroll one band of full rows by `shift` (SCROLL_COST bytes):
    the cells that still differ after it. Never above the plain floor."""
    plain = floor_bytes(before, after)
    moved = shifted_rows(before, after, shift, columns) if shift else []
    if not moved:
        return plain
    top, bottom = (min(moved), max(moved) + shift) if shift > 0 else (min(moved) + shift, max(moved))
    blank = tuple([(" ", "default", False, False)] * len(before[0]))
    scrolled = list(before)
    for y in range(top, bottom + 1):
        scrolled[y] = before[y + shift] if top <= y + shift <= bottom else blank
    return min(plain, floor_bytes(scrolled, after) + SCROLL_COST)

def measure_moves(session, keys, quiet, frame_end, timeout=10.0):
    """Presses the keys one by one, each after the previous frame has ended; per press the key to
    frame time, the bytes sent, the floor (also when the terminal may scroll), whether the content
    scrolled, and where its bytes are in the session's log (for the byte breakdown)."""
    presses = []
    for key in keys:
        before = snapshot(session.screen)
        start = sum(map(len, session.log))
        ms, out = session.press(key, quiet, frame_end=frame_end, timeout=timeout)
        after = snapshot(session.screen)
        shift, band = scroll_shift(before, after)
        presses.append({"ms": ms, "bytes": len(out), "floor": floor_bytes(before, after), "scroll": shift,
                        "floor with scrolling": floor_with_scrolling(before, after, shift, band), "span": (start, start + len(out)),
                        "before": before, "after": after})
    return presses

def measure_bounce(session, down, up, count, quiet, frame_end):
    """`count` moves through a list shorter than that: `down`, turning to `up` (and back) at an end,
    where a press changes nothing (such a press is not counted)."""
    presses, key, turns = [], down, 0
    while len(presses) < count and turns < 2:  # two turns in a row: a list of one row
        press = measure_moves(session, [key], quiet, frame_end)[0]
        if press["floor"]:
            presses.append(press)
            turns = 0
        else:
            key, turns = up if key == down else down, turns + 1
    return presses

# The byte breakdown: which part of what was sent changed something.
TOKEN = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()*+][0-9A-Za-z]|\x1b[^\[]|[\x00-\x1f]|[^\x00-\x1f\x1b]+")
CSI_KIND = {"m": "attributes (SGR)", "b": "text, changed cell"}
CSI_KIND.update(dict.fromkeys("HfdGABCDe`aEF", "cursor moves"))
CSI_KIND.update(dict.fromkeys("KJXP@LMSTr", "erase, insert, scroll"))
CATEGORIES = ["text, changed cell", "text, restored after scroll or erase", "text, already on screen", "cursor moves",
              "attributes (SGR)", "erase, insert, scroll", "other (modes, DSR)"]

def breakdown(log, presses, cols, rows):
    """Replays the session's output on a shadow screen and sorts every byte of the presses into
    CATEGORIES. A character is "already on screen" when its cell showed exactly that at the moment it
    was written (pure waste), "restored" when the cell ends as it began the press but a scroll or erase
    had changed it meanwhile, else "changed". Also returns the wasted text bytes per screen row."""
    screen, stream = make_screen(cols, rows)
    totals = dict.fromkeys(CATEGORIES, 0)
    wasted_by_row = {}
    done = 0
    for press in presses:
        begin, end = press["span"]
        stream.feed(log[done:begin])
        before, after = press["before"], press["after"]
        for token in TOKEN.findall(log[begin:end]):
            kind = classify(token)
            if kind is None:  # text: check cell by cell
                for char in token.decode("utf-8", "replace"):
                    y, x = screen.cursor.y, screen.cursor.x
                    if x >= cols:
                        y, x = min(y + 1, rows - 1), 0
                    size = len(char.encode("utf-8"))
                    if visible(screen.buffer[y][x]) == visible(screen.cursor.attrs._replace(data=char)):
                        totals["text, already on screen"] += size
                        wasted_by_row[y] = wasted_by_row.get(y, 0) + size
                    elif before[y][x] == after[y][x]:
                        totals["text, restored after scroll or erase"] += size
                    else:
                        totals["text, changed cell"] += size
                    stream.feed(char.encode("utf-8"))
            else:
                totals[kind] += len(token)
                stream.feed(token)
        done = end
    return totals, wasted_by_row

def classify(token):
    if token.startswith(b"\x1b["):
        return CSI_KIND.get(chr(token[-1]), "other (modes, DSR)")
    if token.startswith(b"\x1b(") or token.startswith(b"\x1b)"):
        return "attributes (SGR)"
    if token.startswith(b"\x1b"):
        return "cursor moves" if token in (b"\x1bM", b"\x1bD", b"\x1bE", b"\x1b7", b"\x1b8") else "other (modes, DSR)"
    if len(token) == 1 and token[0] < 0x20:
        return "cursor moves" if token in b"\r\n\x08\t" else "other (modes, DSR)"
    return None

def own_rss_mb():
    """This process's resident memory now (VmRSS)."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024

def median(values):
    values = [v for v in values if v == v]
    return statistics.median(values) if values else float("nan")

def percentile(values, fraction):
    """Nearest-rank percentile (p95: fraction 0.95)."""
    values = sorted(v for v in values if v == v)
    if not values:
        return float("nan")
    return values[min(len(values) - 1, max(0, int(round(fraction * len(values) + 0.5)) - 1))]
