"""Author text is plain text. Everything from front matter goes through these functions on its
way into a page, so no HTML, Markdown, Jinja or extension syntax written by an author can act."""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

# HTML's special characters, and the characters that Python-Markdown or common extensions
# (attr_list, pymdownx.snippets, emoji, magiclink, critic, tilde, caret, mark, arithmatex) give
# meaning to. One pass over the author's text: escaping the output of html.escape again would
# break its own entities ('&#x27;' has a '#').
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
# Every replacement worked out once: text() runs for every piece of author text on every
# page, and a table lookup is what keeps it cheap.
_ESCAPES = {c: _HTML.get(c) or f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]()#+-!|~^=:@$%\n\r\u2028\u2029"}
_ACTIVE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")


def text(value: object) -> str:
    """Escape for HTML text and attribute values, and neutralise Markdown syntax."""
    return _ACTIVE.sub(lambda m: _ESCAPES[m[0]], str(value))


# What GitHub's Markdown acts on in the text of a list item: HTML (`<`, `>`, `&`), emphasis, code
# and link syntax (backslash-escaped), and @mentions and #references, which GitHub links in the
# rendered text, so a word joiner (U+2060, invisible) parts them from what follows. Nothing else is
# escaped, so the raw comment still reads as the words it shows (`-`, `:` and `.` stay as they are).
_GITHUB = {"<": "&lt;", ">": "&gt;", "&": "&amp;", **{c: "\\" + c for c in "\\`*_[]~|"}}
_GITHUB_ACTIVE = re.compile(r"[<>&\\`*_\[\]~|]|(?<![\w@#])([@#])(?=[\w/-])")


def github_text(value: object) -> str:
    """Author text for one line of a GitHub comment in Markdown, shown as written."""
    return _GITHUB_ACTIVE.sub(lambda m: m[1] + "\u2060" if m[1] else _GITHUB[m[0]], " ".join(str(value).split()))


def url(href: str) -> str:
    """An href for an attribute. Evidence URLs are author text, but Markdown never runs inside
    an attribute of a raw HTML block, so HTML escaping is all they need."""
    return html.escape(href, quote=True)


def is_web_url(value: str) -> bool:
    """Evidence is the one place author text may become a link, and only an http(s) URL."""
    return re.match(r"https?://[^\s<>\"']+\Z", value, re.IGNORECASE) is not None


def json_data(data: object) -> str:
    """JSON for a data attribute: compact, sorted, ASCII-only (so U+2028 and '</script>'
    arrive escaped). A template escapes it for the attribute as it prints it."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def number(value: object) -> Markup:
    """A figure the renderer computed: digits and a sign, never author text, so it is printed
    as it is (author text has its Markdown characters escaped, the sign among them)."""
    return Markup(value)
