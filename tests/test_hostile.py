"""Hostile front matter: every field of every map filled with markup, script, template and
Markdown syntax. The built site must show it all as literal text and contain no element,
attribute or script that the author wrote.

The same corpus is built twice, once hostile and once with plain words in the same places,
so the element structure of every page can be compared one to one."""

from __future__ import annotations

import csv
import datetime
import json
import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from helpers import build_site
from journeys.render.templating import Templates
from journeys.render.text import json_data, text
from pagefind_bundle import records

HOSTILE = (
    "<script>alert(1)</script> </script><script>alert(2)</script> <img src=x onerror=alert(1)> "
    "javascript:alert(1) {{ config }} {% raw %}{% endraw %} **b** _i_ [x](javascript:alert(1)) "
    '![i](x) --8<-- "secret.txt" {: onclick="alert(1)" } <!-- c --> ]]> a\u2028b\u2029c "\' &amp; &lt;'
)
LONG_WORD = "W" * 5000
SECRET = "SECRET-FILE-CONTENT-MUST-NOT-APPEAR"
# Values that are the same in both builds: they test what becomes a link or an image, and
# what the CSV export guards against formula injection.
EVIDENCE_URL = "https://tickets.example.com/a?b=1&c=2"
TICKET_URL = 'https://jira.example.com/browse/CX-1?x="><script>alert(1)</script>'  # an https URL all the same
FORMULAS = ['=HYPERLINK("http://x.example","y")', "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1"]

PLUGINS = ["search", "tags", {"journeys": {"custom_fields": [{"key": "backstage", "label": "Behind the scenes"}]}}]
EXTENSIONS = [
    "admonition",
    "attr_list",
    "md_in_html",
    "toc",
    "pymdownx.magiclink",
    {"pymdownx.snippets": {"base_path": ["."], "check_paths": False}},
]


def corpus(say, catalogues: bool = True) -> dict[str, str]:
    """Map files that fill every field with `say(field)`. Without catalogues, stages come from
    the journeys and teams are the free text of `owner` and `supporting`."""

    def many(label):
        return [say(label + " 1"), say(label + " 2")]

    def team(id_):
        return {
            "id": id_,
            "name": say(f"team {id_} name"),
            "description": say(f"team {id_} description"),
            "contact": say(f"team {id_} contact"),
        }

    def front(data, body="The narrative.\n"):
        return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body

    step = {
        "touchpoint": say("touchpoint"),
        "channel": say("channel"),
        "action": say("action") + " " + LONG_WORD,
        "thinking": say("thinking"),
        "emotion": -1,
        "owner": "sales" if catalogues else say("owner team"),
        "supporting": ["care"] if catalogues else [say("supporting team")],
        "tools": many("tool"),
        "kpis": [
            say("step kpi"),
            {
                "name": say("step kpi name"),
                "current": say("step kpi current"),
                "target": say("step kpi target"),
                "unit": say("step kpi unit"),
            },
        ],
        "backstage": many("backstage"),
        "pain_points": [
            {
                "id": "hostile-pain",
                "text": say("pain text"),
                "severity": "high",
                "evidence": [
                    say("evidence"),
                    "javascript:alert(1)",
                    " JavaScript:alert(1)",
                    EVIDENCE_URL,
                    "data:text/html,<script>alert(1)</script>",
                ],
                "insights": ["hostile-insight"],
            },
            say("pain shorthand"),
            *({"text": formula, "severity": "low"} for formula in FORMULAS),
        ],
        "opportunities": [
            {
                "text": say("opportunity"),
                "impact": "high",
                "addresses": ["hostile-pain"],
                # Map format 1.2: an opportunity of the portfolio, its ticket an address whose
                # query would break an attribute that did not escape it.
                "id": "hostile-opportunity",
                "value": 4,
                "business_value": 3,
                "effort": 2,
                "status": "in-progress",
                "owner": "sales" if catalogues else say("opportunity owner team"),
                "tickets": [EVIDENCE_URL, TICKET_URL],
                "insights": ["hostile-insight"],
            },
            say("opportunity shorthand"),
        ],
        "gaps": many("gap"),
    }
    journey = {
        "title": say("journey title"),
        "summary": say("journey summary"),
        "personas": ["maya"],
        "owner": "sales",
        "reviewed": datetime.date(2020, 1, 1),
        "tags": many("journey tag"),
        "kpis": [
            say("journey kpi"),
            {
                "name": say("journey kpi name"),
                "current": say("journey kpi current"),
                "target": say("journey kpi target"),
                "unit": say("journey kpi unit"),
            },
        ],
        "stages": [
            {"stage": "discover", "goal": say("stage goal"), "expectations": many("expectation"), "steps": [step]},
            {"stage": "buy", "steps": [{"touchpoint": say("checkout"), "emotion": 1, "owner": "care"}]},
        ],
    }
    future = {
        "title": say("future title"),
        "personas": "maya",
        "state": "future",
        "baseline": "hostile",
        "stages": [
            {
                "stage": "buy",
                "steps": [
                    {
                        "touchpoint": say("future touchpoint"),
                        "emotion": 2,
                        "owner": "care",
                        "pain_points": [say("future pain")],
                    }
                ],
            }
        ],
    }
    persona = {
        "name": say("persona name"),
        "summary": say("persona summary"),
        "segment": say("segment"),
        "goals": many("goal"),
        "frustrations": many("frustration"),
        "needs": many("need"),
        "quote": say("quote"),
        "image": 'https://images.example.com/p.png" onerror="alert(1)',
        "tags": many("persona tag"),
    }
    stages = [
        {"id": "discover", "name": say("stage discover name"), "description": say("stage discover description")},
        {"id": "buy", "name": say("stage buy name"), "description": say("stage buy description")},
    ]
    insight = {
        "title": say("insight title"),
        "kind": "interview",
        "date": datetime.date(2025, 1, 31),
        "participants": 9,
        "source": say("insight source"),
        "owner": "care" if catalogues else say("insight owner team"),
        "findings": many("finding"),
        "quotes": many("insight quote"),
        "tags": many("insight tag"),
    }
    files = {
        "maps/insights/hostile-insight.md": front(insight),
        "maps/personas/maya.md": front(persona),
        "maps/journeys/hostile.md": front(journey),
        "maps/journeys/hostile-future.md": front(future),
        "secret.txt": SECRET + "\n",
    }
    if catalogues:
        files["maps/stages.yml"] = yaml.safe_dump(stages, allow_unicode=True)
        files["maps/teams.yml"] = yaml.safe_dump([team("sales"), team("care")], allow_unicode=True)
    return files


def hostile(label: str) -> str:
    return f"{label} {HOSTILE}"


def plain(label: str) -> str:
    return f"{label} plain words"


class Shape(HTMLParser):
    """What a page is made of: its elements with their attribute names, attribute values
    that can run or load something, and its visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: Counter = Counter()
        self.urls: list[str] = []
        self.handlers: list[str] = []
        self.inline_scripts: list[str] = []
        self.text: list[str] = []
        self._in = []

    def handle_starttag(self, tag, attrs):
        self.elements[(tag, tuple(sorted(name for name, _ in attrs)))] += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}={value}")
            if name in ("href", "src", "action", "formaction", "xlink:href", "data", "srcset", "poster"):
                self.urls.append(value or "")
        self._in.append(tag)

    def handle_endtag(self, tag):
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data):
        if self._in and self._in[-1] == "script":
            self.inline_scripts.append(data)
        elif not (self._in and self._in[-1] == "style"):
            self.text.append(data)


def shape(html: str) -> Shape:
    parser = Shape()
    parser.feed(html)
    parser.close()
    return parser


def write_raw(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


@pytest.fixture(scope="module", params=["catalogues", "free-text"])
def builds(request, tmp_path_factory):
    out = {}
    for name, say in (("hostile", hostile), ("plain", plain)):
        root = tmp_path_factory.mktemp(name)
        write_raw(root, corpus(say, request.param == "catalogues"))
        out[name] = build_site(root, config={"markdown_extensions": EXTENSIONS, "plugins": PLUGINS})
    out["catalogues"] = request.param == "catalogues"
    return out


def pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def test_hostile_corpus_is_valid_and_builds_strict(builds):
    for name in ("hostile", "plain"):
        build = builds[name]
        assert build.ok, (name, build.warnings)
        assert build.warnings == [], (name, build.warnings)


def test_every_page_has_the_same_elements_as_the_plain_build(builds):
    hostile_pages, plain_pages = pages(builds["hostile"].site), pages(builds["plain"].site)
    # Free-text team names make the team pages' paths; they sort the same in both builds.
    assert [p for p in hostile_pages if not p.startswith("teams/")] == [
        p for p in plain_pages if not p.startswith("teams/")
    ]
    assert len(hostile_pages) == len(plain_pages)
    assert "journeys/hostile/index.html" in hostile_pages
    for (path, html), clean_html in zip(hostile_pages.items(), plain_pages.values()):
        page, clean = shape(html), shape(clean_html)
        assert page.elements == clean.elements, (path, page.elements - clean.elements, clean.elements - page.elements)
        assert page.handlers == clean.handlers == [], path
        assert len(page.inline_scripts) == len(clean.inline_scripts), path
        assert not any("alert(" in script for script in page.inline_scripts), path


def test_no_page_links_or_loads_anything_but_http_and_site_urls(builds):
    built = pages(builds["hostile"].site)
    assert len(built) > 10
    for path, html in built.items():
        for value in shape(html).urls:
            head = value.strip().lower().split("/", 1)[0].split("#", 1)[0].split("?", 1)[0]
            scheme = head.split(":", 1)[0] if ":" in head else ""
            assert scheme in ("", "http", "https", "mailto"), (path, value)
        assert SECRET not in html, path


def test_author_text_reads_literally(builds):
    visible = {path: "".join(shape(html).text) for path, html in pages(builds["hostile"].site).items()}
    labels = set(re.findall(r"@@(.*?)@@", "".join(corpus(lambda label: f"@@{label}@@", builds["catalogues"]).values())))
    assert len(labels) > 40
    missing = sorted(label for label in labels if not any(hostile(label) in text for text in visible.values()))
    assert missing == []
    journey = visible["journeys/hostile/index.html"]
    assert hostile("action") + " " + LONG_WORD in journey
    assert "javascript:alert(1)" in journey  # evidence that is not a web URL stays text


def test_titles_read_literally_in_head_header_and_heading(builds):
    html = builds["hostile"].html("journeys/hostile/")
    title = hostile("journey title")
    page = shape(html)
    visible = "".join(page.text)
    # <title>, the header's title and the h1 each carry the title once, as text.
    assert visible.count(title) >= 3
    description = html.split('<meta name="description" content="', 1)[1].split('"', 1)[0]
    assert unescape(description) == hostile("journey summary")


def test_only_http_evidence_becomes_a_link(builds):
    hrefs = shape(builds["hostile"].html("journeys/hostile/")).urls
    assert EVIDENCE_URL in hrefs
    # Links that differ from the plain build's are made from ids and slugs, never author text.
    extra = set(hrefs) - set(shape(builds["plain"].html("journeys/hostile/")).urls)
    assert [h for h in extra if not re.fullmatch(r"[a-z0-9./#_-]+", h)] == []


@pytest.fixture(scope="module")
def material_builds(builds, tmp_path_factory):
    """The same corpus with Material's own search (`search: material`)."""
    plugins = [*PLUGINS[:2], {"journeys": {**PLUGINS[2]["journeys"], "search": "material"}}]
    out = {}
    for name, say in (("hostile", hostile), ("plain", plain)):
        root = tmp_path_factory.mktemp(f"material-{name}")
        write_raw(root, corpus(say, builds["catalogues"]))
        out[name] = build_site(root, config={"markdown_extensions": EXTENSIONS, "plugins": plugins})
    return out


def test_search_index_holds_only_escaped_text(material_builds):
    # Material's search shows index entries as HTML, so they must hold no author markup.
    def index(build):
        return json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]

    hostile_docs, plain_docs = index(material_builds["hostile"]), index(material_builds["plain"])
    assert len(hostile_docs) == len(plain_docs)
    allowed = Counter()
    for doc in plain_docs:
        allowed.update(shape(doc["title"] + doc["text"]).elements)
    found = Counter()
    for doc in hostile_docs:
        parsed = shape(doc["title"] + doc["text"])
        found.update(parsed.elements)
        assert parsed.handlers == [] and parsed.inline_scripts == [], doc["location"]
    assert set(found) <= set(allowed), set(found) - set(allowed)
    titles = "".join("".join(shape(doc["title"]).text) for doc in hostile_docs)
    assert hostile("journey title") in titles


def test_pagefind_holds_author_text_as_text(builds):
    # Pagefind keeps a page's words as text; the search box's worker escapes every word before it
    # shows it (tests/browser/test_search_in_browser.py searches a hostile handbook).
    hostile_records, plain_records = records(builds["hostile"].site), records(builds["plain"].site)
    assert len(hostile_records) == len(plain_records)
    journey = next(r for r in hostile_records if r["meta"]["url"] == "/journeys/hostile/")
    assert journey["meta"]["title"] == hostile("journey title")
    assert " ".join(hostile("journey title").split()) in journey["content"]  # line separators are spaces
    everything = json.dumps(hostile_records, ensure_ascii=False)
    assert SECRET not in everything and "{{ config }}" in everything


def test_journeys_json_holds_the_exact_strings(builds):
    path = builds["hostile"].site / "journeys.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    journey = next(j for j in data["journeys"] if j["id"] == "hostile")
    assert journey["title"] == hostile("journey title")
    assert next(p for p in data["personas"] if p["id"] == "maya")["name"] == hostile("persona name")
    assert {p["text"] for p in data["pain_points"]} >= {hostile("pain text"), *FORMULAS}


def test_csv_guards_formulas_and_keeps_text(builds):
    path = builds["hostile"].site / "pain-points.csv"
    with path.open(newline="", encoding="utf-8") as handle:  # as a spreadsheet reads it: CR ends a row
        rows = list(csv.reader(handle))
    assert len({len(row) for row in rows}) == 1, "a row was split"
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], "a cell starts a spreadsheet formula"
    assert hostile("pain text") in cells
    for formula in FORMULAS:
        assert any(c.endswith(formula) and c != formula for c in cells), formula


@pytest.mark.parametrize("value", [HOSTILE, LONG_WORD, "&#x27; &amp;amp; \\*", "plain"])
def test_text_escapes_everything_once_and_reads_back(value):
    escaped = text(value)
    assert unescape(escaped) == value
    assert not set("<>\"'`*_[]{}\u2028") & set(escaped)


def test_json_data_cannot_close_an_attribute_or_a_script():
    data = json_data({"title": HOSTILE})
    assert data.isascii()  # U+2028 and U+2029 arrive escaped
    # As a template prints it into a data attribute (every value is escaped as text).
    escaped = Templates().macros.chart("Caption", "Label", "plotly.js", data, [])
    attribute = re.search(r'data-chart="([^"]*)"', escaped).group(1)
    assert not set("<>'") & set(attribute)
    assert json.loads(unescape(attribute)) == {"title": HOSTILE}


def chart_strings(site: Path) -> list[str]:
    """Every string in every chart spec on the site (charts carry their data in `data-chart`)."""
    found = []

    def walk(value):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for html in pages(site).values():
        for spec in re.findall(r'data-chart="([^"]*)"', html):
            walk(json.loads(unescape(spec)))
    return found


def test_chart_data_holds_no_author_markup(builds):
    # Plotly reads a few HTML tags in labels and hover text; only the renderer's may be there.
    def tags(strings):
        return {tag.lower() for s in strings for tag in re.findall(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)", s)}

    hostile_strings, plain_strings = chart_strings(builds["hostile"].site), chart_strings(builds["plain"].site)
    assert hostile_strings, "the hostile journey has no chart"
    assert tags(hostile_strings) == tags(plain_strings)
    # Escaped once for Plotly, which shows it as the author wrote it (long labels are wrapped).
    assert any("touchpoint &lt;script&gt;alert(1)&lt;/script&gt;" in s for s in hostile_strings)
