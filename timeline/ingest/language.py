"""The language of a document, detected with py3langid when not given."""
from __future__ import annotations

from functools import cache

# The model's 97 languages include minor ones (Nigerian Pidgin, Volapuk …) that
# short news sentences are misread as; news comes in these.
NEWS_LANGUAGES = ("ar", "az", "be", "bg", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr",
                  "he", "hi", "hu", "hy", "it", "ja", "ka", "kk", "ko", "ky", "lt", "lv", "mn", "nl",
                  "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "tr", "uk", "ur", "uz", "zh")
# Letters only Kazakh uses among Cyrillic languages: a Kazakh text that the
# statistical model scores as Russian or Kyrgyz still shows them.
_KAZAKH_LETTERS = frozenset("\u04d9\u0493\u049b\u04a3\u04e9\u04b1\u04af\u04bb\u0456")


@cache
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    identifier = LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE)
    identifier.set_languages(NEWS_LANGUAGES)
    return identifier


def detect(text: str) -> str:
    sample = text[:5000]
    lang, _ = _identifier().classify(sample)
    if lang in ("ru", "mn", "bg", "uk", "ky") and sum(ch in _KAZAKH_LETTERS for ch in sample.lower()) >= 3:
        return "kk"
    return lang
