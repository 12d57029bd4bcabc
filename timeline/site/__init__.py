"""The static site: read the site_* views (sql/views/), check them, render templates/.

    from timeline.site import build_site
    build_site("timeline.duckdb", "site")      # -> number of pages
"""
from __future__ import annotations

from .build import build_site

__all__ = ["build_site"]
