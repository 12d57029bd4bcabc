"""Language identification: the numpy walk of py3langid's automaton gives py3langid's own
scores, bit for bit (ingest/language.py)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from timeline.ingest import language
from timeline.ingest.readers import read_documents

ROOT = Path(__file__).resolve().parent.parent


def _reference():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    ref = LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE)
    ref.set_languages(language.NEWS_LANGUAGES)
    return ref


def _texts():
    texts = [d.text for d in read_documents([ROOT / "seeds", ROOT / "tests" / "corpus"]) if hasattr(d, "text")]
    for f in sorted((ROOT / "tests" / "cases" / "dates").glob("*.tsv")):
        texts += [line.split("\t")[0] for line in f.read_text(encoding="utf-8").splitlines()[:40]]
    # short and odd inputs: fewer bytes than the automaton's memory, no features, all capitals
    return texts + ["", " ", "a", "ab", "аб", "ΑΒΓ", "12345", "\u04d9" * 3, "ЗАГОЛОВОК НОВОСТИ", "—\u00a0…"]


def test_the_walk_is_checked_for_the_installed_model():
    if language._identifier()._memory is None:
        pytest.skip("a py3langid model not checked: py3langid walks it itself")
    assert language._identifier()._memory == 6


def test_scores_are_py3langid_s_bit_for_bit():
    fast, ref = language._identifier(), _reference()
    for text in _texts():
        sample = text[:5000]
        got, want = fast._decide(sample), ref._decide(sample)
        assert got.dtype == want.dtype and got.tobytes() == want.tobytes(), sample[:80]
        assert fast.classify(sample) == ref.classify(sample)


def test_feature_counts_are_visit_counts_in_its_order():
    from py3langid.langid import visit_counts

    fast = language._identifier()
    if fast._memory is None:
        pytest.skip("model not checked")
    for text in _texts()[:40]:
        data = fast._encode(text[:5000])
        want = visit_counts(fast.tk_nextmove, fast._rowbase, fast.tk_output, data)
        got = language._features(fast._tables, data, fast._memory)
        if want is None:
            assert got is None
            continue
        idx, counts = got
        assert idx.tolist() == list(want.keys())
        assert counts.tolist() == [float(c) for c in want.values()]
        assert np.float32 == counts.dtype


def test_kazakh_letters_override_a_cyrillic_neighbour():
    text = "Қазақстан мен Ресей арасындағы келісімге қол қойылды. Бұл туралы Ақорда хабарлады."
    assert language.detect(text) == "kk"
