#!/usr/bin/python3
"""The hand-out as its readers get it (issue 22, feature 15): `present --handout FILE.pdf` printed by the real
headless Chromium, with one, three and six slides a page, read back by poppler (pdfinfo, pdftotext with word
boxes, pdftoppm's greyscale rendering), and the HTML laid out by Chromium on a narrow screen. Checks the page
count (a page a slide; a sheet a page for three and six), that the title shares the first page, every slide in
order with its notes, no browser header or footer, and in the rendered pages that every chart value has its bar
on its own line (no bar wraps) and that the two series differ in grey alone (solid against outlined).

Usage: /usr/bin/python3 Tests/e2e/handout_pdf.py [path/to/htno-dialoog]
"""
import atexit, json, math, os, re, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import binary_and_work, check, finish  # noqa: E402

binary, work, env = binary_and_work()
atexit.register(shutil.rmtree, work, ignore_errors=True)
DPI = 144  # two pixels a point: a bar's outline (.12 em at 7 pt) is still a dark pixel
VALUE = re.compile(r"^\d+(,\d+)?%$")


def handout(deck, per_page, notes=False, suffix="pdf"):
    path = os.path.join(work, f"{deck}-{per_page}{'-notities' if notes else ''}.{suffix}")
    result = subprocess.run([binary, "present", "--data", "sample-data", "--deck", deck, "--per-page", str(per_page), "--handout", path]
                            + (["--notes"] if notes else []), capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=180)
    check(f"{deck}, {per_page} a page{' with notes' if notes else ''}, .{suffix}: written, said where", result.returncode == 0
          and result.stdout.strip().endswith(f"geschreven naar {path}"), result.stderr[-500:])
    return path


def page_count(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def page_texts(pdf):
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:page_count(pdf)]]


def words(pdf, page):
    """Each word of a page with its box, in points."""
    xml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True, text=True).stdout
    return [(float(a), float(b), float(c), float(d), html_text(t)) for a, b, c, d, t in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml)]


def html_text(text):
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def grey(pdf, page):
    """The page rendered in grey (pdftoppm's PGM): width, height and the rows of pixel values."""
    stem = os.path.join(work, f"pagina-{os.path.basename(pdf)}-{page}")
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-f", str(page), "-l", str(page), "-singlefile", pdf, stem], check=True)
    with open(stem + ".pgm", "rb") as handle:
        data = handle.read()
    fields = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(fields.group(1)), int(fields.group(2))
    pixels = data[fields.end():]
    return width, height, [pixels[row * width:(row + 1) * width] for row in range(height)]


def bars_beside_values(pdf):
    """For every chart value on every page, between it and what stands left of it on its line (the series name, or
    the margin): how many pixel columns have ink in the value's band of rows (none: the bar wrapped), and how many
    pixels on the row through its middle are dark (a solid bar: its length; an outline: its two sides)."""
    found = []
    for page in range(1, page_count(pdf) + 1):
        page_words = words(pdf, page)
        image = None
        for x0, y0, x1, y1, text in page_words:
            if not VALUE.match(text):
                continue
            left = [w for w in page_words if abs(w[1] - y0) < 2 and w[2] <= x0]
            if left and x0 - max(w[2] for w in left) < 8:
                continue  # part of a longer value ("Ruim 70%"): the words before it stand between
            image = image or grey(pdf, page)
            scale = DPI / 72
            band = image[2][int(y0 * scale):int(y1 * scale) + 1]
            middle = image[2][int((y0 + y1) / 2 * scale)]
            columns = range(int((max([w[2] for w in left], default=30) + 2) * scale), int((x0 - 2) * scale))
            inked = sum(1 for x in columns if any(row[x] < 128 for row in band))
            dark = sum(1 for x in columns if middle[x] < 128)
            series = max(left, key=lambda w: w[2])[4] if left else ""
            found.append((page, series, text, inked, dark))
    return found


def slide_order(pdf):
    """The slides' numbers ("Dia 3 van 16") as a page of boxes is read: page, row of boxes, left to right. A box's
    row follows from where its number stands (rows are 84 mm apart below a 12 mm margin and 6 mm head)."""
    found = []
    for page in range(1, page_count(pdf) + 1):
        page_words = words(pdf, page)
        for (x, y, _, _, dia), (_, _, _, _, number), (_, _, _, _, van) in zip(page_words, page_words[1:], page_words[2:]):
            if dia == "Dia" and number.isdigit() and van == "van":
                found.append((page, int((y - 45) // (84 / 25.4 * 72)), x, int(number)))
    return [number for *_, number in sorted(found)]


# --- one slide a page, with notes ----------------------------------------------------------------------------
middag = handout("htno-middag", 1, notes=True)
texts = page_texts(middag)
check("one a page: 16 pages for 16 slides, no page for the title alone", page_count(middag) == 16, page_count(middag))
size = re.search(r"^Page size:\s+(.*)$", subprocess.run(["pdfinfo", middag], capture_output=True, text=True).stdout, re.M).group(1)
check("... on A4", size.endswith("(A4)"), size)
check("... the deck's title shares page 1 with slide 1", "Htno-middag 18 januari 2023" in texts[0] and "Dia 1 van 16" in texts[0]
      and "Welkom" in texts[0], texts[0][:300])
check("... page n holds slide n", all(f"Dia {n} van 16" in texts[n - 1] for n in range(1, 17)),
      [n for n in range(1, 17) if f"Dia {n} van 16" not in texts[n - 1]])
check("... with its notes", "Het sac htno organiseert" in texts[0] and "Notities" in texts[0])
check("... no header or footer of the browser (date, file path)", not any(re.search(r"file:|\.html|about:blank", t) for t in texts))

# --- three and six a page -----------------------------------------------------------------------------------
for deck, count in [("htno-middag", 16), ("cijfers", 9)]:
    for per_page, notes in [(3, deck == "htno-middag"), (6, False)]:
        pdf = handout(deck, per_page, notes)
        html = open(handout(deck, per_page, notes, "html"), encoding="utf-8").read()
        sheets = html.count('<div class="blad">')
        pages = page_count(pdf)
        texts = page_texts(pdf)
        name = f"{deck}, {per_page} a page"
        check(f"{name}: a sheet a page ({sheets} sheets, {pages} pages), at most twice the plain count",
              pages == sheets and pages <= 2 * math.ceil(count / per_page), (sheets, pages))
        check(f"{name}: every slide once, in reading order (row by row)", slide_order(pdf) == list(range(1, count + 1)), slide_order(pdf))
        check(f"{name}: each page headed with the deck and its sheet", all(f"blad {p} van {pages}" in t for p, t in enumerate(texts, 1)))
        if per_page == 3:
            check(f"{name}: {'the notes' if notes else 'lines to write on'} beside each slide",
                  ("Het sac htno organiseert" in texts[0]) if notes else texts[0].count("Aantekeningen") >= 2, texts[0][:300])
        if deck == "cijfers":
            bars = bars_beside_values(pdf)
            wrapped = [bar for bar in bars if bar[3] == 0]
            check(f"{name}: every value has its bar on its line ({len(bars)} values)", len(bars) >= 40 and not wrapped, wrapped[:5])

# --- the charts, one a page: bars on their line, series apart without colour -----------------------------------
figures = handout("cijfers", 1)
bars = bars_beside_values(figures)
check("charts: every value has its bar on its own line", len(bars) >= 40 and all(bar[3] > 0 for bar in bars),
      [bar for bar in bars if bar[3] == 0][:5])
first = [bar for bar in bars if bar[0] == 1]
solid = [dark for _, series, _, _, dark in first if series == "A"]
outlined = [dark for _, series, _, _, dark in first if series == "B"]
check("charts: series A is a solid bar, B an outline, told apart in grey alone (Tabel 1, page 1)",
      len(solid) == 11 and len(outlined) == 10 and min(solid) > 100 and max(outlined) <= 12, (solid, outlined))
texts = page_texts(figures)
check("charts: a value missing in the source is said, not drawn", "B — geen cijfer" in texts[0] and "x= niet beschikbaar" in texts[0])

# --- the HTML on a narrow screen: Chromium's own layout ------------------------------------------------------
measured = os.path.join(work, "gemeten.html")
page = open(handout("cijfers", 1, suffix="html"), encoding="utf-8").read()
probe = """<script>
const rows = [...document.querySelectorAll('.staaf')].map(row => {
  const boxes = [...row.children].map(child => child.getBoundingClientRect());
  return {tops: boxes.map(b => Math.round(b.top + b.height / 2)), height: row.getBoundingClientRect().height,
          line: parseFloat(getComputedStyle(row).lineHeight)};
});
document.body.insertAdjacentHTML('beforeend', '<pre id="meting">' + JSON.stringify(rows) + '</pre>');
</script>"""
with open(measured, "w", encoding="utf-8") as handle:
    handle.write(page.replace("</body>", probe + "</body>"))
browser = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
dump = subprocess.run([browser, "--headless", "--disable-gpu", "--no-first-run", f"--user-data-dir={work}/profiel", "--window-size=360,800",
                       "--dump-dom", "file://" + measured] + (["--no-sandbox"] if os.getuid() == 0 else []),
                      capture_output=True, text=True, timeout=120)
found = re.search(r'<pre id="meting">(\[.*?\])</pre>', dump.stdout, re.S)
rows = json.loads(html_text(found.group(1))) if found else []
split = [row for row in rows if max(row["tops"]) - min(row["tops"]) > 2 or row["height"] > 1.5 * row["line"]]
check(f"HTML at 360 pixels wide: each bar row is one line, name, bar and value side by side ({len(rows)} rows)", len(rows) >= 40 and not split,
      split[:3])

finish("handout_pdf")
