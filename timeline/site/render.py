"""The Jinja environment: templates/ with autoescape on and StrictUndefined, the date
filter, and url() for relative links (so the site works from file:// and any host)."""
from __future__ import annotations

import json
from datetime import date
from functools import partial

from babel import Locale
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from ..dates_display import display_date
from ..resources import templates_dir
from .pages import page_path, root_of

_EN = Locale("en")
# the site's navigation on every page: (path from the site root, label)
NAV = [(page_path(kind), label) for kind, label in (
    ("front", "Chronology"), ("types", "Types"), ("actors", "Actors"), ("documents", "Documents"),
    ("disputes", "Disputes"), ("plans", "Plans"), ("viewer", "Viewer"), ("about", "About"))]


class Later(partial):
    """A page's variable (a timeline, a document's segments, a download's content) computed in the
    process that renders the page, not while planning: the work spreads over the render workers."""


@pass_context
def url(ctx, kind: str, key=None, page: int = 1) -> str:
    """A relative link from the page being rendered to a page of the given kind."""
    return ctx["root"] + page_path(kind, key, page)


@pass_context
def rel(ctx, path: str) -> str:
    """A relative link to a path given from the site root."""
    return ctx["root"] + path


_ITEMS: dict[tuple[str, str], Markup] = {}


@pass_context
def item(ctx, row: dict) -> Markup:
    """One event of a listing (templates/_event_item.html), rendered once per event and
    link depth in this process: the same item shows on its year, type and actor pages."""
    key = (row["slug"], ctx["root"])
    html = _ITEMS.get(key)
    if html is None:
        html = Markup(ctx.environment.get_template("_event_item.html").render(r=row, root=ctx["root"]))
        _ITEMS[key] = html
    return html


def lang_name(code: str | None) -> str:
    if not code:
        return ""
    return _EN.languages.get(code, code)


def script_json(value) -> Markup:
    """JSON safe inside <script type="application/json">: no `<`, `>` or `&` can close it."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                                                           default=str)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def version(value: str, field: str) -> str:
    """One version of a disputed field as people read it: a date as "29 Nov 2025"."""
    if field == "date":
        try:
            return display_date(date.fromisoformat(value), "day")
        except (TypeError, ValueError):
            return value
    return value


def number(n) -> str:
    return f"{n:,}".replace(",", "\u202f") if isinstance(n, int) else str(n)


def make_env(as_of: date | None = None, text_mode: str = "full") -> Environment:
    """as_of: the day of an as-of build (every page says so); text_mode: 'full' or 'quotes'."""
    env = Environment(loader=FileSystemLoader(str(templates_dir())), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False, cache_size=-1)
    env.filters.update(display_date=display_date, lang_name=lang_name, script_json=script_json, number=number,
                       version=version)
    env.globals.update(url=url, rel=rel, item=item, as_of=as_of, text_mode=text_mode, NAV=NAV)
    return env


def render_page(env: Environment, template: str, path: str, variables: dict) -> str:
    return env.get_template(template).render(root=root_of(path), page_path=path, template=template, **variables)
