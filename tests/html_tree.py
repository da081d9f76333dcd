"""Generated pages parsed into a small element tree, so tests assert on structure (which
cell of which row holds what) instead of long exact-HTML substrings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)  # Elements and strings

    @property
    def text(self) -> str:
        """The text a reader sees, whitespace collapsed."""
        parts = [c if isinstance(c, str) else c.text for c in self.children]
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag)
            and (cls is None or cls in e.classes)
            and all(e.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Element:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}> under <{self.tag}>"
        return found[0]

    def links(self) -> list[tuple[str, str]]:
        """(href, text) of every link inside."""
        return [(a.attrs.get("href", ""), a.text) for a in self.find_all("a")]

    def rows(self) -> list[list[Element]]:
        """A table's body rows as lists of cells."""
        body = self.find("tbody")
        return [
            [c for c in tr.children if isinstance(c, Element) and c.tag in ("td", "th")] for tr in body.find_all("tr")
        ]

    def terms(self) -> dict[str, Element]:
        """A description list's definitions by the text of their terms."""
        return dict(zip((dt.text for dt in self.find_all("dt")), self.find_all("dd")))

    def column(self, header: str) -> list[str]:
        """The text of every body cell labelled with `header`."""
        return [c.text for row in self.rows() for c in row if c.attrs.get("data-label") == header]


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        for n in range(len(self.stack) - 1, 0, -1):
            if self.stack[n].tag == tag:
                del self.stack[n:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    return builder.root


def article(built, url: str) -> Element:
    """The article of a built page."""
    return parse(built.html(url)).find("article")


def headed(root: Element, heading: str) -> list[Element]:
    """The elements after the h2/h3 whose text is `heading`, up to the next heading."""
    parent = next(
        e
        for e in [root, *root.iter()]
        if any(
            isinstance(c, Element) and c.tag in ("h2", "h3") and c.text.rstrip("¶ ").strip() == heading
            for c in e.children
        )
    )
    found, inside = [], False
    for child in parent.children:
        if not isinstance(child, Element):
            continue
        if child.tag in ("h1", "h2", "h3"):
            if inside:
                break
            inside = child.text.rstrip("¶ ").strip() == heading
        elif inside:
            found.append(child)
    return found
