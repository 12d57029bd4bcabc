"""The wheel carries what the package reads at run time: sql/ and templates/ (as _sql/, _templates/),
the language data and the gazetteer."""
from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_the_wheel_carries_sql_templates_and_data(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
                   check=True, capture_output=True, timeout=600)
    [wheel] = tmp_path.glob("timeline-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for sql in (ROOT / "sql").rglob("*.sql"):
        assert f"timeline/_sql/{sql.relative_to(ROOT / 'sql').as_posix()}" in names, sql
    for tpl in (ROOT / "templates").glob("*.html"):
        assert f"timeline/_templates/{tpl.name}" in names, tpl
    for needed in ("timeline/lang/ru/dates.toml", "timeline/lang/fallbacks.toml", "timeline/gazetteer/people.tsv",
                   "timeline/gazetteer/occasions.toml", "timeline/cli.py"):
        assert needed in names, needed
