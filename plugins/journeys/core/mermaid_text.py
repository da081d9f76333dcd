"""Text inside a Mermaid diagram, both ways.

Mermaid's grammar ends a name at `:`, `#`, `;` and a line break, so a character it cannot
hold is written as an entity code, `#35;` for `#`: Mermaid encodes `#name;` and `#123;` before
parsing and shows the character they stand for. A line break inside a name is `<br>`.
"""

from __future__ import annotations

import html
import re

# What Mermaid's encodeEntities turns into placeholders before its lexer runs: ASCII word
# characters only, as JavaScript's \w.
ENTITY = re.compile(r"#([A-Za-z0-9_]+);")
# Private-use characters, which no diagram holds, stand for an entity while the lexer runs.
_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(_OPEN + r"([A-Za-z0-9_]+)" + _CLOSE)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)  # Mermaid's lineBreakRegex


def hide_entities(text: str) -> str:
    """Entity codes as placeholders, so that the `#` and `;` in them end nothing. A
    placeholder is as long as its code, so positions in the text still hold."""
    return ENTITY.sub(lambda m: _OPEN + m.group(1) + _CLOSE, text)


def decode(text: str) -> str:
    """The text Mermaid shows for a lexed name: `<br>` as a line break, entity codes as
    their character; an entity code that names no character as the `&name;` that Mermaid's
    renderer makes of it."""
    text = _LINE_BREAK.sub("\n", text)

    def character(match: re.Match[str]) -> str:
        inner = match.group(1)
        return html.unescape(f"&#{inner};" if inner.isdigit() else f"&{inner};")

    return _PLACEHOLDER.sub(character, text)


# `#` starts a comment and `;` is no statement of Mermaid's journey grammar, wherever they
# stand; `<` and `>` would be read as HTML, `&` only where it starts an entity; `%` only
# doubled, as a comment or a directive; the placeholder characters, which the import would
# take for an entity code.
_ALWAYS = "#;<>" + _OPEN + _CLOSE
_HTML_ENTITY = re.compile(r"&#?\w+;")


def encode(text: str, also: str = "") -> str:
    """`text` as Mermaid writes it: line breaks as `<br>`, the characters of `_ALWAYS` and
    `also` as entity codes (`#35;`)."""
    out = "".join(
        f"#{ord(c)};"
        if c in _ALWAYS + also
        or (c == "%" and text[i + 1 : i + 2] == "%")
        or (c == "&" and _HTML_ENTITY.match(text, i))
        else c
        for i, c in enumerate(text)
    )
    return re.sub(r"\r\n?|\n", "<br>", out)
