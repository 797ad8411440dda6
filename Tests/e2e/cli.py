#!/usr/bin/python3
"""The command line as a newcomer meets it, outside the app: the top-level and every subcommand's help, parse
errors (unknown option, missing value, invalid value), options before a subcommand, `help bogus`, data errors
(YAML and decoder) and database errors. Every message must be Dutch: none of the parser's English frame
(USAGE, OPTIONS, "Error:", "(default: …)") nor SQLite's or the decoder's English may reach the user. Prints how
many of the messages are fully Dutch, and checks exit codes (help 0, every error non-zero, one line).

Usage: /usr/bin/python3 Tests/e2e/cli.py [path/to/htno-dialoog]
"""
import os, re, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import binary_and_work, check, finish  # noqa: E402

binary, work, env = binary_and_work(TERM="xterm-256color")

# What English from the parser, the decoder, libyaml or SQLite looks like.
ENGLISH = re.compile(r"Error:|Usage:|USAGE:|OPTIONS:|OVERVIEW:|SUBCOMMANDS:|ARGUMENTS:|Show help|Show the version|Unknown option"
                     r"|Missing value|Missing expected|is invalid for|Please provide|\(default[:)]|for more information|detailed help"
                     r"|Unexpected argument|<subcommand>|<options>|SQLite error|no such table|attempt to write|Expected to decode"
                     r"|did not find|found character|Cannot initialize|instead\.|\bthe following\b")


def run(*args, stdin=subprocess.DEVNULL):
    return subprocess.run([binary, *args], capture_output=True, text=True, env=env, stdin=stdin, timeout=60)


data = os.path.join(work, "data-kopie")
shutil.copytree("sample-data", data)


def broken(name, edit):
    """A copy of sample-data with one file changed."""
    folder = tempfile.mkdtemp(dir=work)
    shutil.rmtree(folder)
    shutil.copytree("sample-data", folder)
    path = os.path.join(folder, name)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(edit(text))
    return folder


corrupt_db = os.path.join(work, "kapot.sqlite")
with open(corrupt_db, "wb") as handle:
    handle.write(os.urandom(4096))

# (what, arguments, expected exit: 0 or "error")
cases = [("help", ["--help"], 0), ("help browse", ["help", "browse"], 0)]
for sub in ["browse", "present", "export", "import", "backup", "restore", "agenda", "samenvatting", "keys"]:
    cases.append((f"{sub} --help", [sub, "--help"], 0))
cases += [
    ("version", ["--version"], 0),
    ("unknown option", ["--bogus"], "error"),
    ("unknown option of a subcommand", ["export", "--bogus"], "error"),
    ("missing value", ["--db"], "error"),
    ("missing value of a subcommand", ["export", "--output"], "error"),
    ("invalid format", ["export", "--format", "nope"], "error"),
    ("invalid duration", ["present", "--auto", "anderhalf"], "error"),
    ("invalid theme value", ["present", "--start", "nul"], "error"),
    ("missing argument", ["import"], "error"),
    ("unexpected argument", ["export", "extra"], "error"),
    ("help of no subcommand", ["help", "bogus"], "error"),
    ("import of a missing file", ["import", os.path.join(work, "geen.json"), "--db", os.path.join(work, "x.sqlite")], "error"),
    ("a corrupt database", ["export", "--format", "text", "--db", corrupt_db], "error"),
    ("a missing data folder", ["--check", "--data", os.path.join(work, "nergens")], "error"),
    ("malformed YAML", ["--check", "--data", broken("pilot-goals.yaml", lambda t: t + "\n  - [open\n")], "error"),
    ("a number that is no number", ["--check", "--data", broken("conversation-cycle-2023.yaml",
                                                                 lambda t: t.replace("  - month: 10\n", "  - month: oktober\n", 1))], "error"),
    ("a missing key", ["--check", "--data", broken("pilot-goals.yaml", lambda t: t.replace("{ id: d2-bw-2, text:", "{ id: d2-bw-2, tekst:", 1))], "error"),
    ("restore of a missing backup", ["restore", os.path.join(work, "geen-kopie.sqlite"), "--db", os.path.join(work, "y.sqlite")], "error"),
    ("an invalid period", ["samenvatting", "--sinds", "gisteren"], "error"),
    ("an unknown deck", ["present", "--deck", "onbekend", "--handout", os.path.join(work, "h.html")], "error"),
    ("a folder as database", ["export", "--format", "text", "--db", work], "error"),
    ("import of a file that is no export", ["import", os.path.join(data, "regions.yaml"), "--db", os.path.join(work, "z.sqlite")], "error"),
    ("backup of a missing database", ["backup", os.path.join(work, "kopie.sqlite"), "--db", os.path.join(work, "nog-geen.sqlite")], "error"),
    ("a slide the deck does not have", ["present", "--deck", "htno-middag", "--start", "99"], "error"),
    ("slide 0", ["present", "--deck", "htno-middag", "--start", "0"], "error"),
    ("--notes without --handout", ["present", "--notes"], "error"),
    ("--loop without --auto", ["present", "--loop"], "error"),
    ("--per-page without --handout", ["present", "--per-page", "3"], "error"),
    ("--per-page 4", ["present", "--handout", os.path.join(work, "h.pdf"), "--per-page", "4"], "error"),
    ("--notes with six a page", ["present", "--handout", os.path.join(work, "h.pdf"), "--per-page", "6", "--notes"], "error"),
]

dutch = 0
for what, arguments, expected in cases:
    result = run(*arguments)
    output = result.stdout + result.stderr
    english = ENGLISH.findall(output)
    if not english:
        dutch += 1
    check(f"{what}: Dutch", not english, f"{english}\n{output[:800]}")
    if expected == 0:
        check(f"{what}: exit 0, on standard output", result.returncode == 0 and result.stdout and not result.stderr, output[:300])
    else:
        lines = result.stderr.strip().splitlines()
        check(f"{what}: exit non-zero, starts with 'htno-dialoog: '", result.returncode != 0 and lines and lines[0].startswith("htno-dialoog: "),
              f"exit {result.returncode}\n{output[:500]}")

# Options before the subcommand belong to it.
db = os.path.join(work, "ervoor.sqlite")
before = run("--db", db, "export", "--format", "text", "--data", "sample-data")
check("options before the subcommand: htno-dialoog --db X export --format text works", before.returncode == 0 and "Doel 1" in before.stdout,
      before.stderr)
# --auto 1m30s is a duration.
auto = run("present", "--auto", "1m30s", "--deck", "htno-middag", "--handout", os.path.join(work, "hand-out.html"))
check("present --auto 1m30s is accepted", auto.returncode == 0, auto.stderr)
# Presenting (issue 22, defect 10): an unknown deck lists those there are; a hand-out says where it went and
# is not replaced without asking (no terminal to ask on: refused) unless --force.
unknown = run("present", "--deck", "onbekend", "--handout", os.path.join(work, "h.html"))
check("an unknown deck lists the decks there are",
      unknown.stderr.strip() == "htno-dialoog: onbekend deck 'onbekend'; er zijn: doelen, doel-1, doel-2, doel-3, doel-4, doel-5, doel-6, "
      "landsdeel-noord, landsdeel-noordwest, landsdeel-zuidwest, landsdeel-oost, landsdeel-zuidoost, cyclus, cijfers, themas, tabellen, htno-middag "
      "(of een deckbestand)", unknown.stderr)
handout = os.path.join(work, "hand-out.html")
with open(handout, "rb") as handle:
    written = handle.read()
check("a hand-out says where it went", auto.stdout.strip() == f"Hand-out met 16 dia's geschreven naar {handout}", auto.stdout)
again = run("present", "--deck", "doelen", "--handout", handout)
with open(handout, "rb") as handle:
    kept = handle.read()
check("an existing hand-out is not replaced without asking (no terminal: refused in one line)",
      again.returncode != 0 and kept == written
      and again.stderr.strip() == f"htno-dialoog: {handout} bestaat al; kies een ander bestand of geef --force om het te overschrijven",
      again.stderr)
forced = run("present", "--deck", "doelen", "--handout", handout, "--force")
with open(handout, encoding="utf-8") as handle:
    check("... --force replaces it", forced.returncode == 0 and "Pilotdoelen permanente dialoog" in handle.read(), forced.stderr)
check("... and --start 99 names the slides there are", "dia 1 tot 16" in run("present", "--deck", "htno-middag", "--start", "99").stderr)

# Hand-outs of three and six a page, and a PDF (issue 22, feature 15): the messages say what is wrong in one
# line; a PDF without a browser names the package and the HTML way out; a browser that fails leaves no file.
check("--per-page 4 names the choices", run("present", "--handout", os.path.join(work, "h.pdf"), "--per-page", "4").stderr.strip()
      == "htno-dialoog: --per-page 4: kies 1, 3 of 6 dia's per pagina")
no_browser = subprocess.run([binary, "present", "--handout", os.path.join(work, "zonder.pdf")], capture_output=True, text=True, timeout=60,
                            env=dict(env, PATH="/nonexistent"), stdin=subprocess.DEVNULL)
check("a PDF without Chromium says what to install, or to write .html, and writes nothing",
      no_browser.returncode != 0 and not os.path.exists(os.path.join(work, "zonder.pdf"))
      and no_browser.stderr.strip() == f"htno-dialoog: {work}/zonder.pdf: voor een PDF is Chromium nodig (scripts/setup installeert het "
      "Debian-pakket chromium), of schrijf .html", no_browser.stderr)
fake = os.path.join(work, "nepbrowser")
os.makedirs(fake, exist_ok=True)
with open(os.path.join(fake, "chromium"), "w") as handle:
    handle.write("#!/bin/sh\necho 'kapot' >&2\nexit 3\n")
os.chmod(os.path.join(fake, "chromium"), 0o755)
failing = subprocess.run([binary, "present", "--handout", os.path.join(work, "kapot.pdf")], capture_output=True, text=True, timeout=60,
                         env=dict(env, PATH=fake), stdin=subprocess.DEVNULL)
check("a browser that fails: one Dutch line with its exit code, no file and no leftovers",
      failing.returncode != 0 and failing.stderr.strip() == f"htno-dialoog: {work}/kapot.pdf: Chromium maakte er geen PDF van (stopte met code 3)"
      and not [name for name in os.listdir(work) if "kapot.pdf" in name], failing.stderr)

# A decoder error names the line and column of the value, and what was found.
number = run("--check", "--data", broken("conversation-cycle-2023.yaml", lambda t: t.replace("  - month: 10\n", "  - month: oktober\n", 1)))
check("a decoder error: file, line, column, path, what was expected and found, in one line",
      re.search(r"conversation-cycle-2023\.yaml: regel \d+, kolom \d+, months\[9\]\.month: verwacht een geheel getal, gevonden: 'oktober'$",
                number.stderr.strip()) is not None and number.stderr.count("\n") == 1, number.stderr)

print(f"cli: {dutch} of {len(cases)} messages fully Dutch")
shutil.rmtree(work, ignore_errors=True)
# TERM=dumb: says what it is in its first line, wraps at the terminal's width, creates no database.
dumb_db = os.path.join(work, "dumb.sqlite")
dumb = subprocess.run([binary, "--data", "sample-data", "--db", dumb_db], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                      env=dict(env, TERM="dumb", COLUMNS="72"), timeout=60)
dumb_lines = dumb.stdout.split("\n")
check("TERM=dumb: the first line says what this is", dumb_lines[0].startswith("htno-dialoog: TERM=dumb kan geen scherm opbouwen"), dumb_lines[:2])
check("TERM=dumb: every line within the 72 columns", all(len(line) <= 72 for line in dumb_lines),
      [line for line in dumb_lines if len(line) > 72][:3])
check("TERM=dumb: the whole table, and no database made", "Doel 6" in dumb.stdout and not os.path.exists(dumb_db), dumb.stderr)
parts = ["Programma htno-middag 18 januari 2023: Flexibilisering", "Kiezen voor Technologie: Hoofdactiviteiten en programma's",
         "Jaarverslag pilot 2023", "PTvT jaarverslag 2021", "Voorbeelden uit de regio (Techniekpact voortgangsrapportage 2018)"]
check("TERM=dumb: every source part is there, not only goals and figures", all(part in dumb.stdout for part in parts),
      [part for part in parts if part not in dumb.stdout])

# Completions: every option of every subcommand, with the values there are. The script asks the binary for
# the decks and themes at Tab time; paths complete as files (a database as *.sqlite) or folders.
bash = run("--generate-completion-script", "bash").stdout
for subcommand in ["browse", "present", "export", "import", "backup", "restore", "agenda", "samenvatting", "keys"]:
    check(f"bash completion has the subcommand {subcommand}", f"_htno-dialoog_{subcommand}()" in bash)
check("bash completion: --data completes folders, --db *.sqlite files, --output files",
      re.search(r"'--data'\)\n\s+__htno-dialoog_add_completions -d", bash) is not None
      and "'!*.@(sqlite)'" in bash and re.search(r"'--output'\)\n\s+__htno-dialoog_add_completions -f", bash) is not None)
check("bash completion: --format lists the formats", "'markdown'$'\\n''xlsx'" in bash and "bijlage2" in bash)
decks = run("---completion", "present", "--", "--deck", "2", "0", "htno-dialoog", "present", "--deck").stdout.split()
check("Tab after --deck offers every deck", decks[:2] == ["doelen", "doel-1"] and {"landsdeel-oost", "cyclus", "cijfers", "htno-middag"} <= set(decks), decks)
themes = run("---completion", "browse", "--", "--theme", "2", "0", "htno-dialoog", "--theme").stdout.split()
check("Tab after --theme offers every theme", {"default", "light", "projector", "colorblind", "mono"} <= set(themes), themes)
for shell in ["zsh", "fish"]:
    script = run("--generate-completion-script", shell).stdout
    check(f"{shell} completion covers present --deck and export --format", "--deck" in script and "bijlage1" in script and "samenvatting" in script)

# --check reads what a start reads: a config.yaml or keys.yaml problem is an error, with a hint for a typo.
config = os.path.join(work, "config", "htno-dialoog")
os.makedirs(config, exist_ok=True)
with open(os.path.join(config, "config.yaml"), "w", encoding="utf-8") as handle:
    handle.write("thema: light\n")
with open(os.path.join(config, "keys.yaml"), "w", encoding="utf-8") as handle:
    handle.write("omlaag: [j]\n")
checked = run("--check")
check("--check with a mistyped config.yaml and keys.yaml exits 1, naming both with a hint",
      checked.returncode == 1 and "onbekende instelling 'thema' (bedoelde je 'theme'?" in checked.stderr
      and "onbekende opdracht 'omlaag' (bedoelde je 'ga.omlaag'?" in checked.stderr, checked.stderr)

finish("cli")
