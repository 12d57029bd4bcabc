"""The language of a document, detected with py3langid when not given."""
from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

# The model's 97 languages include minor ones (Nigerian Pidgin, Volapuk …) that
# short news sentences are misread as; news comes in these.
NEWS_LANGUAGES = ("ar", "az", "be", "bg", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr",
                  "he", "hi", "hu", "hy", "it", "ja", "ka", "kk", "ko", "ky", "lt", "lv", "mn", "nl",
                  "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "tr", "uk", "ur", "uz", "zh")
# Letters only Kazakh uses among Cyrillic languages: a Kazakh text that the
# statistical model scores as Russian or Kyrgyz still shows them.
_KAZAKH_LETTERS = "\u04d9\u0493\u049b\u04a3\u04e9\u04b1\u04af\u04bb\u0456"

# py3langid's byte automaton forgets where it started after 6 bytes: from every state, any
# 6 bytes lead to the same state (`automaton_memory` checks it by a subset construction;
# 40 s), so the state at each byte is the walk from the start over the 6 bytes ending
# there, which numpy does for all bytes at once. Checked for this model file only: another
# model (a py3langid upgrade) is walked by py3langid itself until checked and listed here.
_CHECKED_MODELS = {"f4f4a2c3465ca1f081541037f9cac23021d68151c2f709c55ae5eedfca522963": 6}


def automaton_memory(tables) -> int | None:
    """The number of bytes after which the automaton's state no longer depends on the state
    it started from (None: more than 16): the images of the set of all states under every
    byte string, kept while they have more than one state."""
    import numpy as np

    nm, rowbase, _ = tables
    level = [np.arange(len(rowbase))]
    for k in range(1, 17):
        nxt = []
        for states in level:
            img = nm[np.unique(rowbase[states])[:, None] + np.arange(256)]
            for c in range(256):
                u = np.unique(img[:, c])
                if len(u) > 1:
                    nxt.append(u)
        if not nxt:
            return k
        level = nxt
    return None


def _walk_tables(identifier):
    """The automaton as numpy arrays, when the model has the layout py3langid 0.4 gives it
    (flat transition rows, pre-shifted row offsets, one feature or -1 a state); else None."""
    import numpy as np

    try:
        nm = np.frombuffer(identifier.tk_nextmove, dtype=f"u{identifier.tk_nextmove.itemsize}")  # a view
        rowbase = np.asarray(identifier._rowbase, dtype=np.int64)
        out = np.asarray(identifier.tk_output, dtype=np.int64)
    except (AttributeError, TypeError, ValueError):
        return None
    if nm.ndim != 1 or rowbase.ndim != 1 or out.ndim != 1 or len(out) != len(rowbase):
        return None
    return nm, rowbase, out


def _features(tables, text: bytes, memory: int):
    """py3langid's `visit_counts` made with numpy: the automaton's features over the bytes
    of `text` -> (feature indexes in order of first occurrence, their counts as float32),
    or None; what its Counter holds, in the order it holds it."""
    import numpy as np

    nm, rowbase, out = tables
    b = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
    n = len(b)
    state = np.zeros(n, dtype=np.int64)
    for back in range(min(memory, n) - 1, -1, -1):
        # position i reads byte i - back (positions before `back` have not started yet)
        state[back:] = nm[rowbase[state[back:]] + b[:n - back]]
    feats = out[state]
    pos = np.flatnonzero(feats >= 0)
    if not len(pos):
        return None
    # one sort of (feature, position): a feature's run gives its count, its first key the
    # position it first occurs at
    shift = n.bit_length()
    wide = np.uint32 if int(out.max()).bit_length() + shift <= 32 else np.uint64
    key = (feats[pos].astype(wide) << wide(shift)) | pos.astype(wide)
    key.sort()
    f = key >> wide(shift)
    new = np.empty(len(f), dtype=bool)
    new[0] = True
    np.not_equal(f[1:], f[:-1], out=new[1:])
    start = np.flatnonzero(new)
    counts = np.diff(start, append=len(f))
    order = np.argsort(key[start] & wide((1 << shift) - 1))
    return f[start][order].astype(np.intp), counts[order].astype(np.float32)


def _cache_dir() -> Path:
    env = os.environ.get("TIMELINE_CACHE")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "timeline"


def _load_model(path: Path):
    """py3langid's `modelio.load_model`, with the model's decompressed bytes kept in the
    user's cache (`$TIMELINE_CACHE`, else `~/.cache/timeline`; 68 MB), named by the
    hash of the compressed file: decompressing it is 0.35 s of every process's start,
    reading the kept copy 0.1 s. The same bytes, read the same way; without a writable
    cache, as before."""
    import io
    import lzma

    import numpy as np
    from py3langid.modelio import _to_array

    packed = path.read_bytes()
    digest = hashlib.sha256(packed).hexdigest()
    kept = _cache_dir() / f"langid-{digest[:16]}.npz"
    source = None
    try:
        if kept.stat().st_size > 0:
            source = kept
    except OSError:
        pass
    if source is None:
        raw = lzma.decompress(packed)
        source = io.BytesIO(raw)
        try:
            kept.parent.mkdir(parents=True, exist_ok=True)
            tmp = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
            tmp.write_bytes(raw)
            os.replace(tmp, kept)
        except OSError:
            pass
    with np.load(source, allow_pickle=False) as data:
        missing = {"nextmove_row", "out_feat"}.difference(data.files)
        if missing:
            raise ValueError(f"{path}: unsupported model layout, missing {sorted(missing)}")
        model = (data["ptc"], data["pc"], data["classes"].tolist(), _to_array(data["nextmove"]),
                 _to_array(data["nextmove_row"]), data["out_feat"].tolist())
    return model, digest


@cache
def _identifier():
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, RAW_FLOOR, LanguageIdentifier

    class Identifier(LanguageIdentifier):
        """py3langid's identifier with its byte walk in numpy (the same scores)."""
        __slots__ = ("_tables", "_memory", "_ptc32")

        def _raw_score(self, text):
            if self._memory is None or not isinstance(text, bytes):
                return super()._raw_score(text)
            found = _features(self._tables, text, self._memory)
            if found is None:
                fill = 0.0 if self._norm_probs else RAW_FLOOR
                return np.full(len(self.nb_classes), fill, dtype=np.float32)
            idx, counts = found
            if self._ptc32 is None or self._ptc32[0] is not self.nb_ptc:
                # float16 -> float32 is exact, and the product casts to float32 anyway
                self._ptc32 = (self.nb_ptc, self.nb_ptc.astype(np.float32))
            return np.log1p(counts) @ self._ptc32[1][idx] + self.nb_pc  # as its _sparse_score

    path = MODEL_DIR / MODEL_FILE
    digest = None
    try:
        (ptc, pc, classes, nextmove, row, output), digest = _load_model(path)
        identifier = Identifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output, tk_row=row)
    except (ImportError, ValueError, KeyError):  # another py3langid's layout: its own loader
        identifier = Identifier.from_model_file(path)
    identifier._tables = _walk_tables(identifier)
    identifier._memory = identifier._ptc32 = None
    if identifier._tables is not None:
        digest = digest or hashlib.sha256(path.read_bytes()).hexdigest()
        identifier._memory = _CHECKED_MODELS.get(digest)
    identifier.set_languages(NEWS_LANGUAGES)
    return identifier


def detect(text: str) -> str:
    sample = text[:5000]
    lang, _ = _identifier().classify(sample)
    if lang in ("ru", "mn", "bg", "uk", "ky"):
        low = sample.lower()
        if sum(low.count(ch) for ch in _KAZAKH_LETTERS) >= 3:
            return "kk"
    return lang
