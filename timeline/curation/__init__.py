"""Curation: corrections people make, removal of documents, copies of one article, and
re-extraction, none of which the next ingest undoes (issue 12).

- `corrections`  record a correction (validated, with author, reason and time; anchored to the
                 mentions it is about) from options or a TOML file
- `apply`        the step that runs after every merge, in the merge's transaction: copies join
                 their original's events, then every correction is applied in the order it was
                 made; a correction whose event is gone is marked orphaned, never dropped
- `removal`      delete documents with their mentions; events left without a source are
                 recorded in removed_events
- `mirrors`      MinHash (5-word shingles, Jaccard >= 0.9) copies: documents.mirror_of
- `reextract`    extract stored documents again with the current extractor, keeping event ids
"""
from __future__ import annotations

from .apply import apply, orphan_warnings

__all__ = ["apply", "orphan_warnings"]
