"""Extraction in worker processes: chunks of documents in, Arrow tables out, in input order.

`extract_document` is a pure function, so a pool maps it over chunks of documents.
Each worker loads the gazetteer and the language data once (the pool's initializer),
extracts a chunk, and sends back its rows as Arrow tables (`store.writer.to_arrow`,
fixed schemas), which pickle as flat buffers. The caller (one DuckDB writer in the
main process) receives the chunks in input order, so a parallel run stores the same
rows, in the same order, as a sequential one.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import pyarrow as pa

from ..errors import InputError
from ..model import Document

# A short text per language, run once in each worker so that its first real chunk
# does not pay for loading the language data and building the matchers.
_WARM = {"ru": "7 октября 2023 года Путин встретился с Токаевым в Москве.",
         "kk": "2024 жылғы 13 қарашада Бакуде келісімге қол қойылды.",
         "el": "Η συμφωνία υπεγράφη στις 12 Νοεμβρίου 2025 στη Μόσχα.",
         "en": "On 3 March 2024 Kazakhstan and Azerbaijan signed an agreement on oil transit."}


@dataclass(slots=True)
class Outcome:
    """What became of one document of a chunk: its mention count, or the error that skipped it."""
    doc_id: str
    origin: str
    mentions: int = 0
    error: InputError | None = None


def warm(user_gazetteer: str | None = None) -> None:
    """Load the extractor's data in this process (gazetteer, language tables, matchers, language model)."""
    from ..pipeline import extract_document, extractor_version
    from .language import detect

    extractor_version(user_gazetteer)
    detect(_WARM["en"])  # loads the language identifier's model
    for lang, text in _WARM.items():
        try:
            extract_document(Document(id=f"warm-{lang}", text=text, lang=lang), user_gazetteer)
        except Exception:  # noqa: BLE001 - warming is best effort; the real run reports errors
            pass


def extract_chunk(docs: list[Document], user_gazetteer: str | None = None):
    """Extract each document of a chunk -> (Arrow tables of the good ones, one Outcome per document)."""
    from ..pipeline import extract_document
    from ..store.writer import to_arrow

    good, outcomes = [], []
    for doc in docs:
        try:
            ex = extract_document(doc, user_gazetteer)
        except InputError as e:
            outcomes.append(Outcome(doc.id, doc.origin, error=e))
            continue
        except Exception as e:  # noqa: BLE001 - an extractor bug must not lose the rest of the run
            outcomes.append(Outcome(doc.id, doc.origin, error=InputError(
                doc.origin, f"extraction failed: {e.__class__.__name__}: {e}")))
            continue
        good.append(ex)
        outcomes.append(Outcome(doc.id, doc.origin, mentions=len(ex.mentions)))
    return to_arrow(good), outcomes


def chunked(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for x in items:
        chunk.append(x)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _init_worker(user_gazetteer: str | None) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    warm(user_gazetteer)


def pool(workers: int, user_gazetteer: str | None = None) -> ProcessPoolExecutor:
    """Worker processes started fresh (spawn: no copy of the parent's DuckDB connection or threads)."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"),
                               initializer=_init_worker, initargs=(user_gazetteer,))


def map_ordered(fn, chunks: Iterable[list], workers: int, args: tuple = (),
                user_gazetteer: str | None = None) -> Iterator:
    """fn(chunk, *args) for each chunk, in a pool of `workers` processes (in-process when
    workers <= 1), yielded in input order with a bounded number of chunks in flight."""
    if workers <= 1:
        for chunk in chunks:
            yield fn(chunk, *args)
        return
    ex = pool(workers, user_gazetteer)
    try:
        inflight: deque = deque()
        limit = 3 * workers
        for chunk in chunks:
            inflight.append(ex.submit(fn, chunk, *args))
            if len(inflight) >= limit:
                yield inflight.popleft().result()
        while inflight:
            yield inflight.popleft().result()
    finally:
        ex.shutdown(wait=True, cancel_futures=True)


def extract_chunks(chunks: Iterable[list[Document]], workers: int = 1,
                   user_gazetteer: str | None = None) -> Iterator[tuple[dict[str, pa.Table], list[Outcome]]]:
    """(tables, outcomes) of each chunk, in input order."""
    yield from map_ordered(extract_chunk, chunks, workers, (user_gazetteer,), user_gazetteer)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
