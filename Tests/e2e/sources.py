#!/usr/bin/env python3
"""Checks the source documents of sample-data word for word against the source texts kept in the repository
(Tests/Fixtures/sources), read by PyYAML, not by the app's own decoder:

- every title, paragraph, item and note of a document is in its source, letter for letter (whitespace, hyphens
  and dashes aside, since a line-break hyphen is joined and a page break cut a paragraph in two), in the
  source's order;
- every line of the source's text is somewhere in sample-data (this document, or the file the document says
  holds that box or table), except the lines listed below as not text (page furniture of the text version).

Run: Tests/e2e/sources.py [binary, ignored]"""
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sources = os.path.join(root, "Tests", "Fixtures", "sources")
data = os.path.join(root, "sample-data")

# Markup of the text versions (markdown headings, emphasis and list marks, HTML tags, dot leaders): not words.
MARKUP = re.compile(r"</?(?:p|ul|li|a|b|i|sup|sub|u)(?:\s[^<>]*)?>|\*+|\.{4,}|^#+ |^[-—•]+>? |^> ", re.MULTILINE)


def key(text):
    """The letters, digits and punctuation of a text, without whitespace, hyphens, dashes or markup."""
    return re.sub(r"[\s\-–—\u00ad]+", "", MARKUP.sub("", text))


def strings(node):
    """Every string of a YAML value, in document order."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def document_texts(document):
    """The words a document claims are in its source: part titles and blocks (not its own ids, places, labels
    or the captions of what another file holds), in order."""
    for part in document["parts"]:
        if "title" in part:
            yield part["title"]
        for block in part["blocks"]:
            for kind in ("paragraph", "item", "heading", "note"):
                if kind in block:
                    yield block[kind]


# Lines of a source that are page furniture, not text: running heads, page numbers, image stand-ins.
NOT_TEXT = {
    "004-seo-evaluerend-advies-techniekpact-2020.txt": [r"^seo economisch onderzoek$", r"^---$", r"^\d+$"],
    # The goal number as a page label ("DOEL 2"; OCR made 6, 7 and 8 into "©", "/" and "3"): the data's place.
    "002-techniekpact-voortgang-2018.txt": [r"^\d+$", r"^DOEL [0-9©/]+$"],
}

DOCUMENTS = [
    ("techniekpact-voortgang-2018.yaml", "002-techniekpact-voortgang-2018.txt"),
    ("seo-evaluatie-2020.yaml", "004-seo-evaluerend-advies-techniekpact-2020.txt"),
]

all_data = {}
for name in sorted(os.listdir(data)):
    if name.endswith(".yaml"):
        with open(os.path.join(data, name), encoding="utf-8") as file:
            all_data[name] = yaml.safe_load(file)

for document_name, source_name in DOCUMENTS:
    document = all_data.get(document_name)
    check(f"{document_name}: is in sample-data", document is not None)
    if document is None:
        continue
    with open(os.path.join(sources, source_name), encoding="utf-8") as file:
        source = file.read()
    source_key = key(source)

    # Every text is in the source, in order.
    position, missing, out_of_order = 0, [], []
    for text in document_texts(document):
        found = source_key.find(key(text), position)
        if found < 0:
            earlier = source_key.find(key(text))
            (out_of_order if earlier >= 0 else missing).append(text)
        else:
            position = found + len(key(text))
    texts = list(document_texts(document))
    check(f"{document_name}: all {len(texts)} texts are in {source_name} letter for letter",
          not missing, "not in the source:\n" + "\n".join(t[:160] for t in missing[:8]))
    check(f"{document_name}: texts in the source's order", not out_of_order,
          "out of order:\n" + "\n".join(t[:160] for t in out_of_order[:8]))

    # Every source line is in sample-data: this document first, the files it refers to for the rest.
    elsewhere = {block["file"] for part in document["parts"] for block in part["blocks"] if "elsewhere" in block}
    check(f"{document_name}: the files it refers to exist ({', '.join(sorted(elsewhere)) or 'none'})",
          all(name in all_data for name in elsewhere))
    covering = key("".join(document_texts(document))) + "\n" + "\n".join(
        key("".join(strings(all_data[name]))) for name in sorted(elsewhere) if name in all_data)
    furniture = [re.compile(pattern) for pattern in NOT_TEXT[source_name]]
    lines = [line.strip() for line in source.splitlines()]
    text_lines = [line for line in lines if key(line) and not any(p.match(line) for p in furniture)]
    uncovered = [line for line in text_lines if key(line) not in covering]
    check(f"{document_name}: every one of the {len(text_lines)} text lines of {source_name} is in sample-data",
          not uncovered, f"{len(uncovered)} not covered:\n" + "\n".join(line[:160] for line in uncovered[:12]))

finish("sources")
