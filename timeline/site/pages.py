"""Page kinds: which view each reads, which template renders it, where it is written
(like Pelican's *_SAVE_AS). Keys in paths are slugs made by the SQL macro site_slug
or whole numbers, and every path is checked before anything is written."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# events on one listing page: keeps the front page well under 300 KB at any scale
PAGE_SIZE = 100
# rows on one page of a table (the document index): about 200 KB
TABLE_PAGE_SIZE = 1000


@dataclass(frozen=True)
class Kind:
    view: str
    template: str
    path: str  # relative to the site root; {key} is a slug or a year


KINDS: dict[str, Kind] = {
    "front": Kind("site_chronology", "chronology.html", "index.html"),
    "oldest": Kind("site_chronology", "chronology.html", "oldest.html"),
    "year": Kind("site_chronology", "year.html", "{key}/index.html"),
    "undated": Kind("site_chronology", "year.html", "undated/index.html"),
    "event": Kind("site_event", "event.html", "event/{key}.html"),
    "alias": Kind("site_aliases", "redirect.html", "event/{key}.html"),
    "actors": Kind("site_actors", "actors.html", "actor/index.html"),
    "actor": Kind("site_actor_events", "actor.html", "actor/{key}.html"),
    "types": Kind("site_types", "types.html", "type/index.html"),
    "type": Kind("site_types", "type.html", "type/{key}.html"),
    "documents": Kind("site_documents", "documents.html", "document/index.html"),
    "document": Kind("site_document_spans", "document.html", "document/{key}.html"),
    "about": Kind("site_about_counts", "about.html", "about.html"),
    "disputes": Kind("site_event_disputes", "disputes.html", "disputes.html"),
    "plans": Kind("site_event_plans", "plans.html", "plans.html"),
    "removed": Kind("removed_event_pages", "removed.html", "event/{key}.html"),
    "viewer": Kind("site_timelinejs", "viewer.html", "viewer/index.html"),
    "viewer_set": Kind("site_timelinejs", "viewer.html", "viewer/{key}.html"),
}

_SAFE_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,95}$")
_SAFE_PATH = re.compile(r"^(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_.-]*$")


class UnsafePath(ValueError):
    pass


@lru_cache(maxsize=65536)
def page_path(kind: str, key: str | int | None = None, page: int = 1) -> str:
    """The output path of a page, relative to the site root: `event/ev_1.html`,
    `2023/index.html`, and `2023/index.2.html` for its second page."""
    if key is not None:
        key = str(key)
        if not _SAFE_KEY.match(key):
            raise UnsafePath(f"unsafe page key {key!r} for {kind} pages")
    path = KINDS[kind].path.format(key=key)
    if page > 1:
        path = f"{path[:-len('.html')]}.{int(page)}.html"
    return check_path(path)


def check_path(path: str) -> str:
    """A relative path that cannot leave the site folder (no `..`, no absolute path)."""
    if not _SAFE_PATH.match(path) or ".." in path.split("/") or "//" in path:
        raise UnsafePath(f"unsafe output path {path!r}")
    return path


def root_of(path: str) -> str:
    """The relative prefix from a page back to the site root: '' or '../'."""
    return "../" * path.count("/")
