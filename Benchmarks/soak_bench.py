#!/usr/bin/python3
"""The soak benchmark of issue 24 (point 3), not a timed test: --instances instances of htno-dialoog on one
review database of --notes notes (default 10 on 100,000), for --minutes minutes (default 10), each on its
own pseudo-terminal at 80x24 (Benchmarks/harness.py) with its own --user (soak1..soakN):

- instance 1 is measured: it saves a note once a second and between its saves presses j / k (alternately,
  four times a second when no save is under way); each such key's time to the end of the frame that shows
  the move (a frame of a reload made for another instance's save does not count) is a sample;
- instances 2..N-1 are savers: once a second each opens a note form (a on goal 1's indicatoren column),
  types a unique word (soak-<instance>-<count>) and saves it with Ctrl-D ("Notitie bewaard");
- instance N is idle: it never gets a key; its CPU time over the run (/proc/<pid>/stat) gives its CPU %.

Every instance's output is read all the time (one select over all ptys), and each frame's "are you there"
(ESC[5n) is answered. At the end all instances quit (q), and the database must hold every word whose save
was confirmed. The goal: key to frame median <= 5 ms and p95 <= 20 ms (release build), the idle instance
under 2 % CPU, no word lost.

Usage: /usr/bin/python3 Benchmarks/soak_bench.py [--binary .build/release/htno-dialoog] [--notes 100000]
       [--instances 10] [--minutes 10] [--data sample-data]
A short trial: --notes 1000 --instances 3 --minutes 0.3. Prints a Markdown table (and what went wrong).
"""
import argparse, os, re, select, signal, sqlite3, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import save_bench  # noqa: E402
from harness import DSR_REQUEST, Session, cpu_seconds, median, percentile, wait_until_idle  # noqa: E402

QUIET = 0.03          # seconds of silence that end a set-up key's frame
COLS, ROWS = 80, 24
SAVE_EVERY = 1.0      # seconds between the starts of an instance's saves
MOVE_EVERY = 0.25     # seconds between the measured instance's moves (when no save is under way)
START_TIMEOUT = 300   # first frame of an instance on a large review
STEP_TIMEOUT = 30     # a form opening, typed text appearing, a move's frame
SAVE_TIMEOUT = 60     # Ctrl-D to "Notitie bewaard"
DRAIN_TIMEOUT = 120   # after the run: for the saves still under way
QUIT_TIMEOUT = 15     # q to the process's end
WORD = re.compile(r"soak-\d+-\d+")


def text(screen):
    return "\n".join(screen.display)


def bottom(screen):
    return screen.display[-1].strip()


def layout(screen):
    """What a move changes and a reload for another instance's note does not: the screen without its
    message line, the note counts (✎19) and the spacing."""
    return re.sub(r"✎\d+|\s+", "", "".join(screen.display[:-1]))


def form_open(screen):
    return "Nieuwe notitie" in text(screen)


def saved(screen):
    """True once the save is confirmed, a string when it failed, None while it is under way."""
    line = bottom(screen)
    if "Notitie bewaard" in line:
        return True
    if "weggooien" in line or line.startswith("Niet bewaard") or not form_open(screen):
        return f"not saved: {line!r}"
    return None


class Instance:
    """One htno-dialoog on its pty, with at most one task (a save or a move) under way: a generator that
    yields (keys, check of the screen at a frame's end, timeout, label) and gets back (outcome, ms, frames ended)."""

    def __init__(self, number, role, binary, data, db, env):
        self.number, self.role, self.user = number, role, f"soak{number}"
        self.session = Session([binary, "--data", data, "--db", db, "--user", self.user], COLS, ROWS, env)
        self.pid, self.fd = self.session.pid, self.session.fd
        self.reaped = False
        self.alive = True
        self.tail = b""          # the last bytes read: a DSR request may be split over two reads
        self.frames = 0          # frames ended so far (DSR requests seen)
        self.task = None
        self.wait = None         # (sent, frames at send, deadline, check, label)
        self.next_save = self.next_move = None
        self.count = 0
        self.typed, self.confirmed, self.failures = [], [], []
        self.save_ms, self.move_ms = [], []
        self.after_other = 0     # moves whose frame came after another frame (a reload for another's save)
        self.late = 0            # save slots skipped because the previous save was still under way
        self.stuck = False
        self.top = None          # the measured instance's screen with the first row chosen (j moves from it)

    # Reading
    def pump(self):
        """Reads what is there (the harness answers the DSR requests and keeps the screen), then checks
        what the task waits for when a frame has ended."""
        out, last = self.session.read(0, timeout=0.002)
        if not out:
            if process_state(self.pid) in (None, "Z"):
                self.alive = False
            return
        joined = self.tail + out
        for _ in range(joined.count(DSR_REQUEST) - out.count(DSR_REQUEST)):
            os.write(self.fd, b"\x1b[0n")  # a request split over two reads, which the harness cannot see
        self.frames += joined.count(DSR_REQUEST)
        self.tail = joined[-3:]
        if self.wait and joined.endswith(DSR_REQUEST) and self.frames > self.wait[1]:
            outcome = self.wait[3](self.session.screen)
            if outcome is not None:
                self.resume(outcome, (last - self.wait[0]) * 1000, self.frames - self.wait[1])

    # Tasks
    def start(self, task):
        self.task = task
        self.advance(next(task))

    def advance(self, step):
        keys, check, timeout, label = step
        sent = time.perf_counter()
        os.write(self.fd, keys)
        self.wait = (sent, self.frames, sent + timeout, check, label)

    def resume(self, outcome, ms, frames=0):
        self.wait = None
        try:
            self.advance(self.task.send((outcome, ms, frames)))
        except StopIteration:
            self.task = None

    def check_timeout(self, now):
        if self.wait and now > self.wait[2]:
            self.resume(f"no frame with the expected screen within {self.wait[2] - self.wait[0]:.0f} s "
                        f"({self.wait[4]}; message line {bottom(self.session.screen)!r})", float("nan"))

    def save(self):
        self.count += 1
        word = f"soak-{self.number}-{self.count}"
        outcome, _, _ = yield b"a", lambda s: form_open(s) or None, STEP_TIMEOUT, "a: note form"
        if outcome is not True:
            self.failures.append(f"{word}: {outcome}")
            yield from self.close_form()
            return
        self.typed.append(word)
        outcome, _, _ = yield f"{word} duurtest".encode(), lambda s: word in text(s) or None, STEP_TIMEOUT, "typing"
        if outcome is not True:
            self.failures.append(f"{word}: typed text not seen: {outcome}")
        outcome, ms, _ = yield b"\x04", saved, SAVE_TIMEOUT, "Ctrl-D: Notitie bewaard"
        if outcome is True:
            self.confirmed.append(word)
            self.save_ms.append(ms)
        else:
            self.failures.append(f"{word}: {outcome}")
            yield from self.close_form()

    def close_form(self):
        """After a failure: Esc (and j when asked to throw the text away) until no form is open."""
        for _ in range(3):
            if not form_open(self.session.screen) and "weggooien" not in bottom(self.session.screen):
                return
            key = b"j" if "weggooien" in bottom(self.session.screen) else b"\x1b"
            yield key, lambda s: True, STEP_TIMEOUT, "closing the form"
        if form_open(self.session.screen):
            self.stuck = True
            self.failures.append(f"form could not be closed: {bottom(self.session.screen)!r}")

    def move(self, key):
        before = layout(self.session.screen)
        outcome, ms, frames = yield key, lambda s: layout(s) != before or None, STEP_TIMEOUT, f"move {key!r}"
        if outcome is True:
            self.move_ms.append(ms)
            self.after_other += frames > 1
        else:
            self.failures.append(f"move {key!r}: {outcome}")

    def schedule(self, now, running):
        """Starts the next save (or move, for the measured instance) when it is due and nothing is under way."""
        if self.task or not self.alive or self.stuck or self.role == "idle":
            return
        if running and now >= self.next_save:
            while self.next_save <= now:
                self.next_save += SAVE_EVERY
                self.late += 1
            self.late -= 1
            self.start(self.save())
        elif running and self.role == "measured" and now >= self.next_move and self.next_save - now > 0.05:
            while self.next_move <= now:
                self.next_move += MOVE_EVERY
            self.start(self.move(b"j" if layout(self.session.screen) == self.top else b"k"))

    def due(self):
        """When this instance next needs the loop: its wait's deadline, else its next save or move."""
        if self.wait:
            return self.wait[2]
        if self.task or self.role == "idle" or not self.alive or self.stuck or self.next_save is None:
            return None
        if self.role == "measured" and self.next_move < self.next_save - 0.05:
            return self.next_move
        return self.next_save


def process_state(pid):
    """The state letter of /proc/<pid>/stat (Z: ended, not yet reaped), None when there is no such process."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def pump_all(instances, until, stop=lambda: False):
    """One select over every pty until `until` (perf_counter) or stop(); reads what each wrote."""
    while time.perf_counter() < until and not stop():
        live = {i.fd: i for i in instances if i.alive}
        if not live:
            return
        ready, _, _ = select.select(list(live), [], [], max(0.0, min(0.05, until - time.perf_counter())))
        for fd in ready:
            live[fd].pump()


def set_up(instance):
    """First frame; savers go to goal 1's table, indicatoren column (as save_bench); then idle."""
    session = instance.session
    _, last = session.read(QUIET, timeout=START_TIMEOUT, frame_end=True)
    if last is None:
        raise SystemExit(f"{instance.user}: no first frame within {START_TIMEOUT} s")
    if instance.role != "idle":
        for key in (b"\r", b"l"):
            session.press(key, QUIET, frame_end=True, timeout=STEP_TIMEOUT)
        if "Indicatoren" not in text(session.screen):
            raise SystemExit(f"{instance.user}: goal 1's table not reached:\n{text(session.screen)}")
    if instance.role == "measured":
        instance.top = layout(session.screen)
        session.press(b"j", QUIET, frame_end=True, timeout=STEP_TIMEOUT)
        moved = layout(session.screen) != instance.top
        session.press(b"k", QUIET, frame_end=True, timeout=STEP_TIMEOUT)
        if not moved:
            raise SystemExit(f"{instance.user}: j does not change the screen here, so a move's frame cannot be told")
    wait_until_idle(session, timeout=START_TIMEOUT)
    instance.tail = b""


def quit_all(instances):
    """q for each (after Esc for a form left open), reading all meanwhile; returns the users that did not end."""
    for instance in instances:
        if instance.alive and form_open(instance.session.screen):
            os.write(instance.fd, b"\x1b")
    pump_all(instances, time.perf_counter() + 0.5)
    for instance in instances:
        if instance.alive and "weggooien" in bottom(instance.session.screen):
            os.write(instance.fd, b"j")
    pump_all(instances, time.perf_counter() + 0.3)
    for instance in instances:
        if instance.alive:
            os.write(instance.fd, b"q")
    ended = lambda: all(process_state(i.pid) in (None, "Z") for i in instances)
    pump_all(instances, time.perf_counter() + QUIT_TIMEOUT, ended)
    unclean = [i.user for i in instances if process_state(i.pid) not in (None, "Z")]
    peaks = []
    for instance in instances:
        peaks.append(instance.session.stop(quit_key=None))  # reaps, SIGTERM after 2 s
        instance.reaped = True
    return unclean, peaks


def kill_all(instances):
    for instance in instances:
        if not instance.reaped:
            try:
                os.kill(instance.pid, signal.SIGKILL)
                os.waitpid(instance.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            try:
                os.close(instance.fd)
            except OSError:
                pass
            instance.reaped = True


def words_in(db_path):
    db = sqlite3.connect(db_path)
    try:
        rows = db.execute("SELECT text, author FROM note WHERE text LIKE 'soak-%'").fetchall()
    finally:
        db.close()
    return {word: author for text_, author in rows for word in WORD.findall(text_)}


def fmt(value, digits=1):
    return "–" if value != value else f"{value:.{digits}f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/release/htno-dialoog")
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--instances", type=int, default=10)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--data", default=save_bench.DATA, help="the data directory (default: sample-data)")
    args = parser.parse_args()
    if args.instances < 2:
        parser.error("--instances: at least 2 (one measured, one idle)")
    binary, data = os.path.abspath(args.binary), os.path.abspath(args.data)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the children are killed below
    instances = []
    with tempfile.TemporaryDirectory(prefix="htno-soak-") as work:
        db_path = os.path.join(work, "review.sqlite")
        env = {"XDG_DATA_HOME": work, "XDG_CONFIG_HOME": work}
        save_bench.DATA = data  # make_review starts the binary on save_bench.DATA
        started = time.perf_counter()
        save_bench.make_review(binary, db_path, args.notes)
        print(f"review of {args.notes:,} notes made in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        try:
            for number in range(1, args.instances + 1):
                role = "measured" if number == 1 else "idle" if number == args.instances else "saver"
                instance = Instance(number, role, binary, data, db_path, env)
                instances.append(instance)
                set_up(instance)
            print(f"{args.instances} instances started and idle after {time.perf_counter() - started:.1f} s", file=sys.stderr)

            load_start, date = os.getloadavg()[0], time.strftime("%Y-%m-%d %H:%M")
            idle = instances[-1]
            begin = time.perf_counter()
            end = begin + args.minutes * 60
            idle_cpu = [cpu_seconds(idle.pid), None]
            for index, instance in enumerate(instances):  # the savers spread over the second
                instance.next_save = begin + 0.1 + SAVE_EVERY * index / args.instances
                instance.next_move = begin + MOVE_EVERY / 2
            running = True
            while True:
                now = time.perf_counter()
                if running and now >= end:
                    running = False
                    idle_cpu[1], load_end = cpu_seconds(idle.pid), os.getloadavg()[0]
                if not running and (not any(i.task for i in instances) or now > end + DRAIN_TIMEOUT):
                    break
                for instance in instances:
                    instance.check_timeout(now)
                    instance.schedule(now, running)
                dues = [d for d in (i.due() for i in instances) if d is not None]
                timeout = max(0.0, min([0.05, end - now if running else 0.05] + [d - now for d in dues]))
                live = [i for i in instances if i.alive]
                if not live:
                    raise SystemExit("every instance has ended")
                ready, _, _ = select.select([i.fd for i in live], [], [], timeout)
                # The measured instance first: its frame's end is timed when it is read.
                for instance in live:
                    if instance.fd in ready:
                        instance.pump()
            wall = end - begin
            still_running = [i.user for i in instances if i.task]
            dead = [i.user for i in instances if not i.alive]
            unclean, peaks = quit_all(instances)
        finally:
            kill_all(instances)
        found = words_in(db_path)

    typed = [w for i in instances for w in i.typed]
    confirmed = [w for i in instances for w in i.confirmed]
    lost = [w for w in confirmed if w not in found]
    saved_unconfirmed = [w for w in typed if w in found and w not in set(confirmed)]
    wrong_author = [w for i in instances for w in i.confirmed if w in found and found[w] != i.user]
    measured = instances[0]
    moves = measured.move_ms
    save_ms = [ms for i in instances for ms in i.save_ms]
    idle_pct = (idle_cpu[1] - idle_cpu[0]) / wall * 100 if None not in idle_cpu else float("nan")
    failures = [f"{i.user}: {f}" for i in instances for f in i.failures]
    planned = int(wall / SAVE_EVERY) * (args.instances - 1)
    peak = max((p for p in peaks if p == p), default=float("nan"))

    print(f"## Soak: {args.instances} instances on {args.notes:,} notes, {args.minutes:g} min ({date})\n")
    print(f"`Benchmarks/soak_bench.py --binary {args.binary} --notes {args.notes} --instances {args.instances} "
          f"--minutes {args.minutes:g}`; host {os.uname().nodename}, {len(os.sched_getaffinity(0))} cores (nproc); "
          f"load average {load_start:.2f} at the start, {load_end:.2f} at the end\n")
    print("| instances | notes | minutes | saves confirmed | words found / typed | key to frame median (ms) "
          "| p95 (ms) | samples | idle CPU % | load avg start → end |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    print(f"| {args.instances} | {args.notes:,} | {args.minutes:g} | {len(confirmed):,} | "
          f"{sum(w in found for w in typed):,} / {len(typed):,} | {fmt(median(moves), 2)} | {fmt(percentile(moves, 0.95), 2)} "
          f"| {len(moves):,} | {fmt(idle_pct, 2)} | {load_start:.2f} → {load_end:.2f} |\n")
    print(f"- saves (Ctrl-D to the frame with \"Notitie bewaard\"), all savers: median {fmt(median(save_ms))} ms, "
          f"p95 {fmt(percentile(save_ms, 0.95))} ms, max {fmt(max(save_ms, default=float('nan')))} ms over {len(save_ms):,}; "
          f"{len(confirmed):,} confirmed of {planned:,} planned (one a second per saver), {sum(i.late for i in instances):,} "
          f"slots skipped because a save was still under way")
    print(f"- measured instance ({measured.user}): {len(measured.confirmed)} saves confirmed, moves max "
          f"{fmt(max(moves, default=float('nan')), 2)} ms, {measured.after_other} of them drawn after another frame "
          f"(a reload) came first; idle instance ({idle.user}): {idle.frames} frames drawn "
          f"unasked (reloads after the others' saves)")
    print(f"- words: {len(typed):,} typed, {len(confirmed):,} confirmed, {len(confirmed) - len(lost):,} of those found, "
          f"lost {len(lost)}{' (' + ', '.join(lost[:10]) + ')' if lost else ''}; saved but not confirmed "
          f"{len(saved_unconfirmed)}; found under another author {len(wrong_author)}")
    print(f"- peak resident memory, largest instance: {fmt(peak)} MB")
    verdict = [("key to frame median ≤ 5 ms", median(moves) <= 5), ("p95 ≤ 20 ms", percentile(moves, 0.95) <= 20),
               ("idle under 2 % CPU", idle_pct < 2), ("no word lost", not lost and confirmed)]
    print("- goal: " + "; ".join(f"{name}: {'met' if ok else 'NOT met'}" for name, ok in verdict))
    problems = failures + [f"{u}: still saving when the run ended" for u in still_running] + \
        [f"{u}: ended during the run" for u in dead] + [f"{u}: did not quit on q (SIGTERM)" for u in unclean]
    if problems:
        print(f"- problems ({len(problems)}): " + "; ".join(problems[:20]) + (" …" if len(problems) > 20 else ""))
    return 1 if lost or not confirmed else 0


if __name__ == "__main__":
    sys.exit(main())
