"""Readers: files and folders of .txt, .md, .jsonl and .html -> Documents.

Each reader yields Documents or InputErrors, never raises for one bad input,
so that the good documents of a run are kept.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from ..errors import InputError
from ..model import Document

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_TEXT_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
META_FIELDS = ("id", "url", "published", "lang", "source", "title")
EXTENSIONS = (".txt", ".md", ".jsonl", ".html", ".htm")


def expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The files named, and the readable files under named folders, in a stable order."""
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            yield InputError(str(p), "no such file or folder")
        elif p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file() and not x.name.startswith(".")):
                if f.suffix.lower() in EXTENSIONS:
                    yield f
        else:
            yield p


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | InputError]:
    for item in expand(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item)


def read_file(path: Path) -> Iterator[Document | InputError]:
    """The documents of one file, their texts without control characters (C0 but tab, newline
    and carriage return; DEL; C1; the noncharacters U+FFFE and U+FFFF): HTML and XML cannot
    carry them, and no news text means them."""
    for item in _read(path):
        if isinstance(item, Document):
            item.text = _TEXT_CONTROL.sub("", item.text)
            if not item.text.strip():
                item = InputError(item.origin, "no text but control characters")
        yield item


def _read(path: Path) -> Iterator[Document | InputError]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":  # line by line: a file of 100,000 documents is never held whole
        yield from _read_jsonl(path)
        return
    reader = _READERS.get(suffix)
    if reader is None:
        yield InputError(str(path), f"unknown extension {suffix or '(none)'}; expected one of {', '.join(EXTENSIONS)}")
        return
    try:
        raw = path.read_bytes()
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror}")
        return
    problem = _binary(raw[:8192])
    if problem:
        yield InputError(str(path), problem)
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        yield InputError(str(path), _not_utf8(raw, e))
        return
    text = text.removeprefix("\ufeff")
    if not text.strip():
        yield InputError(str(path), "empty file")
        return
    yield from reader(path, text)


def _binary(head: bytes) -> str | None:
    return "binary file (NUL bytes), not text" if b"\x00" in head else None


def _not_utf8(raw: bytes, e: UnicodeDecodeError) -> str:
    return f"not UTF-8 (byte {e.start}: {raw[e.start:e.start + 1]!r})"


def _meta(doc: Document, meta: dict) -> Document:
    """Known metadata fields onto the document; other keys are ignored."""
    for key in META_FIELDS:
        value = meta.get(key)
        if value is not None:
            # metadata is one line of text: control characters (escape codes, NULs) go
            setattr(doc, key, _CONTROL.sub("", str(value)).strip())
    if doc.lang:  # a BCP 47 tag's language: ru-RU, en_US, kk-Cyrl-KZ -> ru, en, kk
        doc.lang = re.split(r"[-_]", doc.lang, maxsplit=1)[0].lower() or None
    return doc


def _read_txt(path: Path, text: str) -> Iterator[Document | InputError]:
    yield Document(id=path.stem, text=text, origin=str(path))


def _read_md(path: Path, text: str) -> Iterator[Document | InputError]:
    doc = Document(id=path.stem, text=text, origin=str(path))
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end == -1:
            yield InputError(str(path), "YAML front matter opened with --- is never closed", line=1)
            return
        try:
            meta = yaml.safe_load(text[3:end]) or {}
        except yaml.YAMLError as e:
            yield InputError(str(path), f"bad YAML front matter: {e.__class__.__name__}", line=1)
            return
        if not isinstance(meta, dict):
            yield InputError(str(path), "YAML front matter is not a mapping", line=1)
            return
        body_start = text.find("\n", end + 4)
        doc.text = text[body_start + 1:] if body_start != -1 else ""
        if not doc.text.strip():
            yield InputError(str(path), "no text after the front matter")
            return
        _meta(doc, meta)
    yield doc


def _read_jsonl(path: Path) -> Iterator[Document | InputError]:
    """A document a line; a bad line (not UTF-8, not a JSON object, no text) is skipped, named by
    its number, and the others are read."""
    try:
        f = path.open("rb")
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror}")
        return
    with f:
        problem = _binary(f.peek(8192)[:8192])
        if problem:
            yield InputError(str(path), problem)
            return
        blank = True
        for n, raw in enumerate(f, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield InputError(str(path), _not_utf8(raw, e), line=n)
                blank = False
                continue
            if n == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            blank = False
            yield from _jsonl_document(path, n, line)
    if blank:
        yield InputError(str(path), "empty file")


def _jsonl_document(path: Path, n: int, line: str) -> Iterator[Document | InputError]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        yield InputError(str(path), f"malformed JSON: {e.msg} (column {e.colno})", line=n)
        return
    if not isinstance(obj, dict):
        yield InputError(str(path), "a line must be a JSON object", line=n)
        return
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        yield InputError(str(path), "no \"text\" field with text", line=n)
        return
    doc = Document(id=f"{path.stem}:{n}", text=body, origin=f"{path}:{n}")
    yield _meta(doc, obj)


def _read_html(path: Path, text: str) -> Iterator[Document | InputError]:
    import trafilatura  # heavy import, only for HTML input

    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    body = extracted.text if extracted is not None else None
    if not body or not body.strip():
        yield InputError(str(path), "no main text found in the HTML page")
        return
    doc = Document(id=path.stem, text=body, origin=str(path))
    if extracted.title:
        doc.title = extracted.title
    if extracted.date:
        doc.published = extracted.date
    if extracted.url:
        doc.url = extracted.url
    if extracted.sitename:
        doc.source = extracted.sitename
    yield doc


_READERS = {".txt": _read_txt, ".md": _read_md, ".html": _read_html, ".htm": _read_html}  # and .jsonl, by line
