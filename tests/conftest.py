"""Shared fixtures: one database built by the real pipeline from seeds/, and a
factory for fresh databases. The timezone is pinned; nothing depends on locale."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

os.environ["TZ"] = "UTC"
if hasattr(time, "tzset"):
    time.tzset()

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "golden" / "seed_gold.jsonl"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """A database holding the five seed articles, ingested by the real pipeline."""
    import timeline

    path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    with timeline.open(path) as tl:
        report = tl.ingest([SEEDS], progress=False)
    assert report.ok, report.errors
    return path


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A writable copy of the seed folder."""
    dst = tmp_path / "seeds"
    shutil.copytree(SEEDS, dst)
    return dst


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """The `timeline` command as a user runs it, in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "timeline.cli", *args], cwd=cwd or ROOT, input=input,
                          capture_output=True, text=True, timeout=300, env=env)
