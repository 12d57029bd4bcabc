"""Document -> sentences: paragraphs are lines, razdel splits each paragraph.

razdel's rules are punctuation-based and serve Cyrillic, Greek and Latin
text alike; splitting on line ends first keeps a headline or a paragraph
without a final full stop from running into the next one.
"""
from __future__ import annotations

import re

from razdel import sentenize

from .model import Sentence

_LINE = re.compile(r"[^\n]+")


def split(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph = -1
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        paragraph += 1
        base = line.start()
        for s in sentenize(line.group()):
            if s.text.strip():
                out.append(Sentence(base + s.start, base + s.stop, s.text, paragraph))
    return out
