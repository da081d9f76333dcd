"""Identifiers become URLs, so they are checked and made here and nowhere else."""

from __future__ import annotations

import re
import unicodedata
from typing import TypeGuard

ID_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,62}\Z")
# Each kind's index page is `<kind>s/index.md` and its further parts `<kind>s/index/page-N.md`
# (render/pagination.py), so an item with the id `index` would replace its index. A detail
# page's own parts are `<kind>s/<id>/page-N.md`, which no other id (it has no '/') can reach.
RESERVED_IDS = frozenset({"index"})


def is_valid_id(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and ID_RE.match(value) is not None


def slugify(text: str) -> str:
    """The id a free-text name makes: ASCII letters and digits joined by single dashes.

    Two spellings of a team or channel that make the same slug are the same thing.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:63].rstrip("-")


def humanize(id_: str) -> str:
    """The default display name of a stage or team: dashes as spaces, capitalised."""
    return id_.replace("-", " ").capitalize()


def reserved(kind: str, id_: str) -> str | None:
    """Why `id_` cannot be the id of a `kind` (persona, journey, stage, team), or None."""
    if id_ not in RESERVED_IDS:
        return None
    return f"{kind}s/{id_}.md is the page that lists every {kind}"
