"""The generated pages' HTML, held compressed while MkDocs holds every page.

MkDocs 1.6 (and ProperDocs) converts every page before it writes any and keeps each page's
content to the end of the build. A handbook's generated pages are mostly finished HTML, and
Python holds the text of a page with one arrow or emoji in it at two or four bytes a
character: at 5,000 maps the pages alone took about a gigabyte. So their finished blocks wait here,
compressed (about a ninth of their UTF-8 size), from `on_files` until the page is converted, and
the converted page waits here again until it is written.
"""

from __future__ import annotations

import zlib

# zlib's fastest level: ten times smaller already, and the build pays for it on every page.
LEVEL = 1


def _pack(texts: list[str]) -> tuple[bytes, tuple[int, ...]]:
    return zlib.compress("".join(texts).encode("utf-8"), LEVEL), tuple(len(text) for text in texts)


def _unpack(packed: tuple[bytes, tuple[int, ...]]) -> list[str]:
    data, lengths = packed
    whole = zlib.decompress(data).decode("utf-8")
    texts, start = [], 0
    for length in lengths:
        texts.append(whole[start : start + length])
        start += length
    return texts


class HeldPages:
    def __init__(self) -> None:
        self._blocks: dict[str, tuple[bytes, tuple[int, ...]]] = {}  # page -> its finished HTML blocks
        self._contents: dict[str, tuple[bytes, tuple[int, ...]]] = {}  # page -> its content, converted

    def put_blocks(self, src: str, blocks: list[str]) -> None:
        self._blocks[src] = _pack(blocks)

    def blocks(self, src: str) -> list[str] | None:
        """The page's blocks; they stay held, for `put_content` to keep instead of the page."""
        packed = self._blocks.get(src)
        return _unpack(packed) if packed is not None else None

    def put_content(self, src: str, content: str) -> None:
        """The converted page, which another plugin changed: held whole, its blocks let go."""
        self._blocks.pop(src, None)
        self._contents[src] = _pack([content])

    def take(self, src: str) -> tuple[str | None, list[str] | None]:
        """The page held whole, or its blocks (the page then is its skeleton, still held by
        MkDocs); neither is held any longer."""
        content = self._contents.pop(src, None)
        if content is not None:
            return _unpack(content)[0], None
        blocks = self._blocks.pop(src, None)
        return None, (_unpack(blocks) if blocks is not None else None)
