"""`journey-map` blocks in hand-written pages (map format 1.1): real builds show the parts in
place with links valid from the embedding page, and every mistake is a located warning and a
visible error box."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import MINIMAL_MAPS, build_site, write
from html_tree import article, parse
from journeys.core.embed_blocks import find_blocks, page_embeds, page_title
from journeys.plugin.embedded_pages import as_written, printed_placeholder
from test_links import broken_links

GUIDE_PAGE = """\
# Onboarding guide

How buying feels today:

```journey-map
journey: buy
show: [header, chart, grid, ownership, pain-points, opportunities]
```

!!! note "Inside an admonition"

    ```journey-map
    journey: buy
    ```
"""


class Parts(HTMLParser):
    """The embeds of a page: for each, its part names, and the hrefs inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.embeds: list[dict] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "section" and "jm-embed" in classes:
            self.embeds.append({"parts": [], "hrefs": []})
            self.depth = 1
        elif self.depth and tag == "section":
            self.depth += 1
        if self.depth:
            self.embeds[-1]["parts"] += [
                c.removeprefix("jm-embed__part--") for c in classes if c.startswith("jm-embed__part--")
            ]
            if tag == "a" and attrs.get("href"):
                self.embeds[-1]["hrefs"].append(attrs["href"])

    def handle_endtag(self, tag):
        if self.depth and tag == "section":
            self.depth -= 1


def embeds_of(html: str) -> list[dict]:
    parser = Parts()
    parser.feed(html)
    return parser.embeds


def test_parts_show_in_place_in_the_order_asked(handbook_dir):
    built = build_site(handbook_dir, docs={"index.md": "# Home\n", "guides/onboarding.md": GUIDE_PAGE})
    assert built.ok, built.warnings
    embeds = embeds_of(built.html("guides/onboarding/"))
    assert [e["parts"] for e in embeds] == [
        ["header", "chart", "grid", "ownership", "pain-points", "opportunities"],
        ["chart"],
    ]
    # Links resolve from the embedding page, one folder down: to the journey, its persona, the index.
    hrefs = embeds[0]["hrefs"]
    assert "../../journeys/buy/" in hrefs
    assert "../../personas/maya/" in hrefs
    assert any(h.startswith("../../pain-points/#price-mismatch") for h in hrefs)
    assert broken_links(built.site) == []


def test_a_chart_embed_carries_the_chart_and_its_table(handbook_dir):
    built = build_site(handbook_dir, docs={"index.md": "```journey-map\njourney: buy\n```\n"})
    page = built.html("")
    assert page.count('class="jm-chart"') == 1
    assert "data-chart=" in page and "jm-chart-table" in page
    home = build_site(handbook_dir, docs={"index.md": "# Home\n"}).html("")
    assert "data-chart=" not in home  # only pages that embed a chart carry one


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("journey: bu", "unknown journey 'bu' (did you mean 'buy'?)"),
        ("journey: buy\nshow: [chart, grids]", "show: unknown part 'grids' (did you mean 'grid'?)"),
        ("journey: buy\nshows: [chart]", "unknown key 'shows' (did you mean 'show'?)"),
        ("journey: [buy", "the block is not valid YAML"),
        ("show: [chart]", "'journey' is missing"),
        ("journey: buy\nshow: chart", "show: expected a list of parts such as [chart, grid]"),
    ],
)
def test_each_mistake_is_a_located_warning_and_an_error_box(handbook_dir, block, message):
    page = f"# Home\n\nText.\n\n```journey-map\n{block}\n```\n"
    strict = build_site(handbook_dir, docs={"index.md": page})
    assert not strict.ok
    assert any(w.startswith("docs/index.md:5: journey-map: ") and message in w for w in strict.warnings), (
        strict.warnings
    )
    lenient = build_site(handbook_dir, strict=False, docs={"index.md": page})
    html = lenient.html("")
    assert 'class="admonition failure jm-embed-error"' in html
    assert "index.md&#58;5&#58; journey&#45;map" in html  # the message, escaped like all text


def test_an_embed_of_an_invalid_map_shows_its_errors(handbook_dir):
    path = handbook_dir / "maps" / "journeys" / "sales" / "buy.md"
    path.write_text(path.read_text(encoding="utf-8").replace("emotion: -1", "emotion: 7"), encoding="utf-8")
    built = build_site(handbook_dir, strict=False, docs={"index.md": "```journey-map\njourney: buy\n```\n"})
    html = built.html("")
    assert "7 is not between -2 and 2" in unescape(html)
    assert embeds_of(html)[0]["parts"] == []


def test_a_quoted_block_stays_a_quotation(handbook_dir):
    page = "# Guide\n\n````markdown\n```journey-map\njourney: nowhere\n```\n````\n"
    built = build_site(handbook_dir, docs={"index.md": page})
    assert built.ok, built.warnings
    assert "journey: nowhere" in built.html("") and "jm-embed" not in built.html("")


def test_without_the_plugin_a_block_stays_a_code_block(handbook_dir):
    config = {"plugins": ["search", {"journeys": {"enabled": False}}]}
    built = build_site(handbook_dir, config=config, docs={"index.md": "```journey-map\njourney: buy\n```\n"})
    assert built.ok, built.warnings
    content = article(built, "")
    assert not content.find_all(cls="jm-embed")
    assert [code.text for code in content.find_all("code")] == ["journey: buy"]


def test_find_blocks_follows_fence_rules():
    page = "~~~journey-map\njourney: a\n~~~\n\n````\n```journey-map\njourney: b\n```\n````\n\n  ```journey-map\n  journey: c\n  ```\n"
    blocks = find_blocks(page)
    assert [(b.line, b.body) for b in blocks] == [(1, "journey: a"), (11, "journey: c")]


def test_an_unclosed_block_runs_to_the_end_of_the_page():
    (embed,) = page_embeds("```journey-map\njourney: a\n", "docs/x.md", ["a"])
    assert embed.journey == "a" and embed.problems == ()


def test_page_titles_for_shown_in():
    assert page_title("---\ntitle: Strategy 2027\n---\n# Other\n", "x.md") == "Strategy 2027"
    assert page_title("Intro\n\n# Onboarding guide\n", "guides/onboarding.md") == "Onboarding guide"
    assert page_title("no heading", "guides/first-week.md") == "First week"
    assert page_title("no heading", "guides/index.md") == "Guides"


GUIDE = (Path(__file__).resolve().parent.parent / "docs" / "editors-guide.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("block", "values"),
    [
        ("journey: bu", {"'bu'": "'X'", "'buy'": "'Y'"}),
        ("journey: buy\nshow: [grids]", {"'grids'": "'X'", "'grid'": "'Y'"}),
        ("journey: buy\nshow: [grid, grid]", {"'grid'": "'X'"}),
        ("journey: buy\nshow: chart", {}),
        ("journey: buy\nshows: [chart]", {"'shows'": "'X'", "mean 'show'": "mean 'Y'"}),
        ("show: [chart]", {"'journey: buy'": "'journey: X'"}),
        ("journey: [buy", {}),
        ("[]", {}),
    ],
)
def test_the_editors_guide_quotes_every_block_message(block, values):
    (embed,) = page_embeds(f"```journey-map\n{block}\n```\n", "docs/P.md", ["buy"])
    assert embed.problems
    for problem in embed.problems:
        message = str(problem).replace("docs/P.md:1:", "docs/P.md:L:")
        for value, placeholder in values.items():
            message = message.replace(value, placeholder)
        message = re.sub(r"\(line \d+ of the block\): .*", "(line N of the block): ...", message)
        assert f"`{message}`" in GUIDE, message


def test_a_block_in_an_html_comment_is_commented_out_and_the_page_stays_whole(handbook_dir):
    page = "# Home\n\n<!--\n```journey-map\njourney: nowhere\n```\n-->\n\nAfter the comment.\n"
    built = build_site(handbook_dir, docs={"index.md": page})
    assert built.ok, built.warnings
    html = built.html("")
    assert "jm-embed" not in html
    # The comment closes where its author closed it: the rest of the article, and the scripts, are there.
    assert "After the comment." in [p.text for p in article(built, "").find_all("p")]
    assert html.count("<!--") == html.count("-->")
    assert "journeys-charts.js" in html[html.index("After the comment.") :]


SAMPLE = "# Guide\n\nWrite this:\n\n    ```journey-map\n    journey: buy\n    ```\n\nText\n    ```journey-map\n    journey: nowhere\n    ```\n"


def test_an_indented_sample_shows_as_written_in_every_build(handbook_dir, tmp_path_factory):
    first = build_site(handbook_dir, docs={"index.md": SAMPLE})
    assert first.ok, first.warnings
    html = first.html("")
    assert "```journey-map journey: buy ```" in [code.text for code in article(first, "").find_all("code")]
    # No embed, and no placeholder of one printed as code in its place.
    assert "jm-embed" not in html and "journeys-" not in article(first, "").text
    other = tmp_path_factory.mktemp("again")
    write(other, MINIMAL_MAPS)
    assert build_site(other, docs={"index.md": SAMPLE}).html("") == html


def test_find_blocks_skips_indented_code_and_comments_but_not_containers():
    page = (
        "<!-- a comment `<!--` -->\n\n<!-- open\n```journey-map\njourney: a\n```\n-->\n\n"
        "    ```journey-map\n    journey: b\n    ```\n\n"
        "!!! note\n\n    ```journey-map\n    journey: c\n    ```\n\n"
        "- item\n\n    ```journey-map\n    journey: d\n    ```\n"
    )
    assert [b.body for b in find_blocks(page)] == ["journey: c", "journey: d"]


def test_a_placeholder_markdown_printed_as_code_shows_the_block_as_written():
    printed = printed_placeholder("<!--journeys-m:", "-->")
    html = "<pre><code>  &lt;!--journeys-m:0--&gt;\n</code></pre>"
    shown = parse(as_written(html, printed, {0: "```journey-map\njourney: <b>\n```"}))
    # The block's text, escaped: `<b>` is text in the code, not an element.
    assert shown.find("code").text == "```journey-map journey: <b> ```"
    assert shown.find_all("b") == []
