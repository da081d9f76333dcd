"""Compatibility shim for Pagefind 1.x (read on 1.5.2): the same site indexed twice gives the
same bundle, as every other file of a build does.

Pagefind writes its filter index in hash-map order (pagefind/src/index/mod.rs: "TODO: Change
filter indexes to BTree to give them a stable hash"; its issue #638 made the fragments stable in
1.3, not these): the values in each `filter/*.pf_filter` file, and the list of those files in the
page table (`pagefind.<lang>_<hash>.pf_meta`), come in a new order on every run, so their bytes,
their names and `pagefind-entry.json` change though nothing else did. This puts both in sorted
order, names the files after their new content, and points the entry file at the new table.

The files are gzip streams of a signature and CBOR (minicbor's encoding of Pagefind's structs:
arrays, text, unsigned integers). They are read with the small decoder below, which accepts
nothing else; a file it cannot read, or cannot write back to the very same bytes, leaves the
whole bundle as Pagefind wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os

SIGNATURE = b"pagefind_dcd"


class Unreadable(ValueError):
    """Not the CBOR this shim knows."""


def decode(data: bytes):
    value, end = _item(data, 0)
    if end != len(data):
        raise Unreadable("trailing bytes")
    return value


def _item(data: bytes, at: int):
    if at >= len(data):
        raise Unreadable("truncated")
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        count = info
    elif info in (24, 25, 26, 27):
        width = 1 << (info - 24)
        count, at = int.from_bytes(data[at : at + width], "big"), at + width
    else:
        raise Unreadable(f"unexpected header {data[at - 1]:#x}")
    if major == 0:
        return count, at
    if major == 3:
        return data[at : at + count].decode("utf-8"), at + count
    if major == 4:
        items = []
        for _ in range(count):
            item, at = _item(data, at)
            items.append(item)
        return items, at
    raise Unreadable(f"unexpected major type {major}")


def encode(value) -> bytes:
    if isinstance(value, bool):
        raise Unreadable("a boolean")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(item) for item in value)
    raise Unreadable(f"a {type(value).__name__}")


def _head(major: int, count: int) -> bytes:
    if count < 24:
        return bytes([major << 5 | count])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if count < 1 << (8 * width):
            return bytes([major << 5 | info]) + count.to_bytes(width, "big")
    raise Unreadable("an integer too large")


def _read(path: str):
    with open(path, "rb") as handle:
        data = gzip.decompress(handle.read())
    if not data.startswith(SIGNATURE):
        raise Unreadable(f"{path}: no signature")
    body = data[len(SIGNATURE) :]
    value = decode(body)
    if encode(value) != body:
        raise Unreadable(f"{path}: does not read back the same")
    return value


def _write(path: str, value) -> None:
    with open(path, "wb") as handle:
        handle.write(gzip.compress(SIGNATURE + encode(value), mtime=0))


def _name(prefix: str, value, length: int) -> str:
    return f"{prefix}_{hashlib.sha256(encode(value)).hexdigest()[:length]}"


def stable_order(bundle: str) -> bool:
    """Put the bundle's filter index in sorted order; False if it was left as it was."""
    entry_path = os.path.join(bundle, "pagefind-entry.json")
    try:
        with open(entry_path, encoding="utf-8") as handle:
            entry_text = handle.read()
        entry = json.loads(entry_text)
        if _entry_json(entry) != entry_text:
            raise Unreadable("pagefind-entry.json does not read back the same")
        plans = [_plan(bundle, lang, index["hash"]) for lang, index in sorted(entry["languages"].items())]
    except (OSError, KeyError, TypeError, ValueError, EOFError, gzip.BadGzipFile):
        return False
    # Every file read before any is written: a new name may be an old one.
    for _, old_meta, _, filters in plans:
        for old in filters:
            os.remove(os.path.join(bundle, "filter", f"{old}.pf_filter"))
        os.remove(os.path.join(bundle, f"pagefind.{old_meta}.pf_meta"))
    for lang, _, meta, filters in plans:
        for new, value in filters.values():
            _write(os.path.join(bundle, "filter", f"{new}.pf_filter"), value)
        new_meta = _name(lang, meta, 10)
        _write(os.path.join(bundle, f"pagefind.{new_meta}.pf_meta"), meta)
        entry["languages"][lang]["hash"] = new_meta
    with open(entry_path, "w", encoding="utf-8", newline="") as handle:
        handle.write(_entry_json(entry))
    return True


def _entry_json(entry) -> str:
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def _plan(bundle: str, lang: str, meta_hash: str):
    """The language's filter files and page table in sorted order, with their new names."""
    meta = _read(os.path.join(bundle, f"pagefind.{meta_hash}.pf_meta"))
    filters: dict[str, tuple[str, list]] = {}  # old name -> (new name, content)
    for table in meta:
        # The page table's list of filter files: [filter name, file name] pairs.
        if not (isinstance(table, list) and table and all(_is_filter_file(bundle, row) for row in table)):
            continue
        for row in table:
            name, values = _read(os.path.join(bundle, "filter", f"{row[1]}.pf_filter"))
            value = [name, sorted(values)]
            filters[row[1]] = (_name(lang, value, 7), value)
            row[1] = filters[row[1]][0]
        table.sort()
    return lang, meta_hash, meta, filters


def _is_filter_file(bundle: str, row) -> bool:
    return (
        isinstance(row, list)
        and len(row) == 2
        and all(isinstance(part, str) for part in row)
        and os.path.isfile(os.path.join(bundle, "filter", f"{row[1]}.pf_filter"))
    )
