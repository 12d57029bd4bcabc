"""Document -> sentences: paragraphs are lines, razdel splits each.

razdel's rules are punctuation-based and serve Cyrillic, Greek and Latin
text alike; splitting on line ends first keeps a headline or a paragraph
without a final full stop from running into the next one.

razdel grows a sentence by string concatenation and pays several
microseconds for every delimiter, so a very long line (a megabyte of dots
or digits) would take minutes.  A line longer than WINDOW is read in
windows: razdel splits each window, the sentences it ends are kept and the
next window starts at the last sentence, so the boundaries are razdel's own
for any sentence shorter than WINDOW.  A window razdel leaves whole is cut
at its last whitespace (razdel splits only where whitespace follows a
delimiter), or, without whitespace, runs to the next whitespace as one
sentence.  Time is linear in the line's length.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from razdel import sentenize

from .model import Sentence

_LINE = re.compile(r"[^\n]+")
# a sentence razdel ends after a day's ordinal ("am 11.", "den 3.") or a figure's abbreviated
# scale ("2 Mrd.", "5 Mio.") goes on: sentences rarely end in a bare short number or scale
_ORDINAL_END = re.compile(r"(?:(?<=\s)\d{1,2}|\d[ \u00a0][^\W\d_]{1,4})\.\Z")
_CLOSING = ".!?\u2026:;\u00bb\u201d\"')]"  # what may end a paragraph's last line
_SPACE = re.compile(r"\s")
_LAST_SPACE = re.compile(r".*\s", re.S)  # greedy: up to the last whitespace
WINDOW = 4096


def _spans(line: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of one line, offsets into the line."""
    n, pos = len(line), 0
    while pos < n:
        if n - pos <= WINDOW:
            for s in sentenize(line[pos:]):
                yield pos + s.start, pos + s.stop
            return
        sents = list(sentenize(line[pos:pos + WINDOW]))
        if not sents:  # whitespace only
            pos += WINDOW
            continue
        if len(sents) >= 2:  # the last one may go on past the window
            for s in sents[:-1]:
                yield pos + s.start, pos + s.stop
            pos += sents[-1].start
            continue
        m = _LAST_SPACE.match(line, pos, pos + WINDOW)
        if m and m.end() - pos > 1:
            cut = m.end()
        else:  # no whitespace in the window: razdel would not split before the next one
            m = _SPACE.search(line, pos + WINDOW)
            cut = m.start() if m else n
        seg = line[pos:cut]
        lead = len(seg) - len(seg.lstrip())
        tail = len(seg.rstrip())
        if tail > lead:
            yield pos + lead, pos + tail
        pos = cut


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: a line, or lines hard-wrapped inside a sentence (a line
    that ends without closing punctuation, followed on the next line by a lower-case word or a
    figure, goes on: "было прокачано\n1,06 млн тонн")."""
    spans: list[list[int]] = []
    for line in _LINE.finditer(text):
        body = line.group()
        if not body.strip():
            continue
        first = body.lstrip()[:1]
        last = text[spans[-1][0]:spans[-1][1]].rstrip()[-1:] if spans else ""
        if last and last not in _CLOSING and (first.islower() or first.isdigit()) \
                and text.count("\n", spans[-1][1], line.start()) == 1:
            spans[-1][1] = line.end()
        else:
            spans.append([line.start(), line.end()])
    return [(a, b) for a, b in spans]


def split(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for paragraph, (base, end) in enumerate(paragraphs(text)):
        body = text[base:end]
        for s, e in _spans(body):
            if not body[s:e].strip():
                continue
            prev = out[-1] if out and out[-1].paragraph == paragraph else None
            if prev is not None and _ORDINAL_END.search(prev.text):
                # "am 11. September unterzeichneten": a day's ordinal dot ends no sentence
                out[-1] = Sentence(prev.start, base + e, text[prev.start:base + e], paragraph)
            else:
                out.append(Sentence(base + s, base + e, body[s:e], paragraph))
    return out
