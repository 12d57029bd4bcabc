"""Where the top-level sql/ and templates/ folders are: beside the package in a
checkout, inside it (as _sql/, _templates/) in an installed wheel."""
from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).parent


def _find(installed: str, checkout: str) -> Path:
    for p in (_PKG / installed, _PKG.parent / checkout):
        if p.is_dir():
            return p
    raise FileNotFoundError(f"cannot find the {checkout}/ folder beside or inside the timeline package")


def sql_dir() -> Path:
    return _find("_sql", "sql")


def templates_dir() -> Path:
    return _find("_templates", "templates")
