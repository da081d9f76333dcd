"""What a built site's Pagefind bundle holds, read as Pagefind's own script reads it: every file
is a gzip stream of the signature `pagefind_dcd` and a body (JSON for a fragment, a record a
page or row; CBOR for the word index, the filters and the page table)."""

from __future__ import annotations

import gzip
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def unpacked(raw: bytes) -> bytes:
    """A file's bytes as a reader of the site would find them: gzip streams (Pagefind's files,
    sitemap.xml.gz) unpacked, and the signature of Pagefind's files taken off."""
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return raw[len(SIGNATURE) :] if raw.startswith(SIGNATURE) else raw


def records(site: Path) -> list[dict]:
    """Every record of the index (a page, or a row of the pain-point index), by address."""
    import json

    found = [json.loads(unpacked(path.read_bytes())) for path in (site / "pagefind" / "fragment").glob("*.pf_fragment")]
    return sorted(found, key=lambda record: record["meta"]["url"])


def by_address(site: Path) -> dict[str, dict]:
    """Records by their address from the site root, without the leading slash."""
    return {record["meta"]["url"][1:]: record for record in records(site)}
