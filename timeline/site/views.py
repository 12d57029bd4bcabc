"""Reading the site's views and table macros by name: the only SQL the site runs is
`SELECT * FROM <view>` (or `<macro>(?, …)`); everything else lives in sql/."""
from __future__ import annotations

import re

from ..resources import sql_dir

_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def _names(folder: str) -> set[str]:
    return {f.stem for f in (sql_dir() / folder).glob("*.sql")}


def read_view(con, name: str) -> list[dict]:
    """Every row of one view of sql/views/ (named after its file), as dicts."""
    if not _NAME.match(name) or name not in _names("views"):
        raise ValueError(f"no view named {name!r} in sql/views/")
    cur = con.execute(f"SELECT * FROM {name}")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def read_macro(con, name: str, *params) -> list[dict]:
    """Rows of one table macro of sql/macros/ (named after its file), with bound parameters."""
    if not _NAME.match(name) or name not in _names("macros"):
        raise ValueError(f"no table macro named {name!r} in sql/macros/")
    marks = ", ".join("?" for _ in params)
    cur = con.execute(f"SELECT * FROM {name}({marks})", list(params))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]
