"""The one loader of per-language data (timeline/lang/<code>/*.toml) and the
gazetteer (timeline/gazetteer/).  Files are read once per process."""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).parent / "lang"
GAZETTEER_DIR = Path(__file__).parent / "gazetteer"


@cache
def languages() -> tuple[str, ...]:
    """The languages that have a data folder."""
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")))


@cache
def data_language(lang: str) -> str | None:
    """The language whose event data (triggers, status, quantities, discourse) reads `lang`:
    its own folder, else the close language of lang/fallbacks.toml, else None (no events)."""
    if (LANG_DIR / lang / "triggers.toml").exists():
        return lang
    with (LANG_DIR / "fallbacks.toml").open("rb") as f:
        other = tomllib.load(f)["fallback"].get(lang)
    return other if other and (LANG_DIR / other / "triggers.toml").exists() else None


@cache
def load(lang: str, name: str) -> dict:
    """The table `timeline/lang/<lang>/<name>.toml`, or {} when the language has none."""
    path = LANG_DIR / lang / f"{name}.toml"
    if not path.exists():
        return {}
    with path.open("rb") as f:
        return tomllib.load(f)
