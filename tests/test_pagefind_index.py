"""What Pagefind indexes in a built handbook (`search: pagefind`, the demo's): the same rules as
Material's search (test_search_index.py), each fact once on its home page; a record for every
pain point's row; the filters of every page and row; the marks that say where in a journey map
a word is; and published pages without any of the marks. The pure functions behind it are
tested at the end."""

from __future__ import annotations

import json
import os
import re

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import build_site, copy_demo, demo_custom_fields, write
from html_tree import parse
from journeys.core import load_handbook
from journeys.plugin import material_page, pagefind_html, pagefind_order
from journeys.render.labels import LABELS
from journeys.render.search_facets import FILTERS, KINDS, search_settings
from pagefind_bundle import by_address, records, unpacked


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = tmp_path_factory.mktemp("pagefind")
    copy_demo(root)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True))
    return root


@pytest.fixture(scope="module")
def built(root):
    handbook = load_handbook(str(root / "maps"), custom_fields=demo_custom_fields(), root=str(root))
    return by_address(root / "site"), handbook


def holding(index: dict, phrase: str) -> set[str]:
    """The addresses whose record holds `phrase` in its words."""
    return {address for address, record in index.items() if phrase in record["content"]}


def test_material_search_indexes_nothing_and_the_bundle_is_whole(root, built):
    index, handbook = built
    material = json.loads((root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == []  # Material's plugin skipped every page: Pagefind has them
    assert {f"journeys/{j.id}/" for j in handbook.valid_journeys} <= index.keys()
    assert {f"personas/{p.id}/" for p in handbook.personas} <= index.keys()
    # Pagefind's own search interfaces are not published: the handbook answers Material's box.
    bundle = root / "site" / "pagefind"
    assert sorted(p.name for p in bundle.iterdir() if p.is_file() and p.suffix == ".js") == ["pagefind.js"]


def test_the_form_editor_written_after_the_build_is_not_indexed(root, built):
    # Both run after the build: the editor's page is written beside MkDocs' pages, and Pagefind
    # indexes only the copies of the pages MkDocs wrote.
    index, _ = built
    assert (root / "site" / "admin" / "index.html").is_file()
    assert [address for address in index if address.startswith("admin/")] == []
    assert "form-editor/" in index  # the page about it is a page of the handbook


def test_a_touchpoint_is_indexed_on_its_journey_page_only(built):
    index, handbook = built
    journeys: dict[str, set[str]] = {}
    for journey in handbook.valid_journeys:
        for _, step in journey.steps:
            journeys.setdefault(step.touchpoint, set()).add(f"journeys/{journey.id}/")
    for touchpoint, pages in sorted(journeys.items()):
        found = holding(index, touchpoint)
        assert pages <= found, touchpoint
        assert all(re.fullmatch(r"journeys/[^/]+/", page) for page in found), (touchpoint, found)
    assert len(journeys) >= 10


def test_a_pain_point_is_a_record_of_its_row_and_found_on_a_journey_only_in_words_of_its_own(built):
    index, handbook = built
    varied = 0
    for pain in handbook.pain_points:
        row = index[f"pain-points/#{pain.id}"]
        assert row["meta"]["title"] == pain.text and row["meta"]["page"] == "Pain points"
        assert pain.text in row["content"]
        # The excerpt starts with what a reader reads: no priority number before the words.
        assert row["content"].startswith(f"{pain.severity} {pain.text}"), row["content"][:80]
        assert row["filters"]["kind"] == ["Pain point"] and row["filters"]["severity"] == [pain.severity]
        for proof in pain.evidence:
            assert holding(index, proof) == {f"pain-points/#{pain.id}"}, proof
        for place, own in zip(pain.places, pain.occurrences):
            page = f"journeys/{place.journey.id}/"
            assert (page in holding(index, own.text)) == (own.text != pain.text), (pain.id, page)
            varied += own.text != pain.text
    assert varied
    # The index pages themselves are indexed through their rows only.
    assert "pain-points/" not in index


def test_a_persona_is_indexed_on_its_page_and_named_by_its_journeys_only(built):
    index, handbook = built
    for persona in handbook.personas:
        found = holding(index, persona.name)
        assert f"personas/{persona.id}/" in found
        # No aggregate page repeats it: stage and team pages, the rows, the journeys index.
        assert not {page for page in found if page.split("/")[0] in ("stages", "teams", "pain-points")}, found
        assert "journeys/" not in found


def test_each_page_has_its_filters(built):
    index, handbook = built
    journey = next(j for j in handbook.valid_journeys if j.tags)
    filters = index[f"journeys/{journey.id}/"]["filters"]
    assert filters["kind"] == ["Journey"]
    assert filters["persona"] == sorted(handbook.persona_by_id[p].name for p in journey.personas)
    assert filters["stage"] == sorted({handbook.stage_by_id[b.stage].name for b in journey.stages})
    assert filters["tag"] == sorted(journey.tags)
    assert filters["state"] == [LABELS[f"state_{journey.state}"]]
    assert set(filters["severity"]) == {p.severity for _, s in journey.steps for p in s.pain_points}
    owners = {journey.owner, *(s.owner for _, s in journey.steps)} - {None}
    assert {handbook.team_by_id[t].name for t in owners} <= set(filters["team"])
    for kind, page in (("Persona", "personas"), ("Stage", "stages"), ("Team", "teams")):
        pages = [r for address, r in index.items() if address.startswith(f"{page}/") and address != f"{page}/"]
        assert pages and all(r["filters"]["kind"] == [kind] for r in pages), page
    hand_written = index["editors-guide/"]
    assert hand_written["filters"] == {}


def test_charts_as_tables_and_repeating_pages_are_not_indexed(built):
    index, _ = built
    assert "journeys/" not in index  # every row repeats a journey page
    assert not holding(index, "The chart as a table")
    assert not [address for address, r in index.items() if r["content"].count("¶")]  # headings' permalinks


def test_a_journey_map_says_where_its_words_are(built):
    index, handbook = built
    for journey in handbook.valid_journeys:
        marks = {a["id"] for a in index[f"journeys/{journey.id}/"]["anchors"]}
        for block, step in journey.steps:
            assert f"s|step-{step.anchor}|stage-{block.stage}" in marks, (journey.id, step.anchor)
        assert {f"g|stage-{block.stage}" for block in journey.stages} <= marks


def test_published_pages_carry_no_search_marks(root, built):
    _, handbook = built
    site = root / "site"
    pages = [site / "journeys" / j.id / "index.html" for j in handbook.valid_journeys]
    pages += [site / "pain-points" / "index.html", site / "index.html", site / "404.html"]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "data-pagefind" not in text and "data-search-exclude" not in text, page
        assert '"search": "' in text and "assets/journeys/journeys-search-worker.js" in text, page
    assert "jm-card__head" in pages[0].read_text(encoding="utf-8") or any(
        "jm-card__head" in p.read_text(encoding="utf-8") for p in pages
    )


def test_the_search_settings_name_every_filter():
    settings = json.loads(search_settings({**LABELS, "search_filter_team": "Équipe"}))
    assert [key for key, _ in settings["filters"]] == list(FILTERS)
    assert dict(settings["filters"])["team"] == "Équipe"
    assert {kind.label for kind in KINDS} <= LABELS.keys()
    assert set(settings["words"]) == {
        "search_filters",
        "search_remove",
        "search_found",
        "search_unavailable",
        "search_unavailable_why",
    }


def plugins(*others: str, **options) -> dict:
    """Site plugins: `others` (Material's search unless given), and journeys with `options`."""
    lanes = [{"key": "backstage", "label": "Behind the scenes"}]
    return {"plugins": [*(others or ["search"]), {"journeys": {"custom_fields": lanes, **options}}]}


def test_search_material_keeps_materials_index(handbook_dir):
    built = build_site(handbook_dir, config=plugins(search="material"))
    assert built.ok, built.warnings
    docs = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert any(d["location"].startswith("journeys/") for d in docs)
    assert not (built.site / "pagefind").exists()
    assert "journeys-search-worker.js" not in built.html("")


def test_without_materials_search_plugin_nothing_is_indexed(handbook_dir):
    built = build_site(handbook_dir, config=plugins("tags"))
    assert built.ok, built.warnings
    assert not (built.site / "pagefind").exists()
    assert "journeys-search-worker.js" not in built.html("")


def test_a_missing_pagefind_binary_stops_the_build_with_what_to_do(handbook_dir, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(handbook_dir / "no-such-pagefind"))
    built = build_site(handbook_dir, config=plugins())
    assert not built.ok
    assert any("install `pagefind[bin]`, or set `search: material`" in w for w in built.warnings), built.warnings


def test_the_bundle_reads_back_as_written(root):
    # The leak test reads every file this way (test_public_build.py).
    bundle = root / "site" / "pagefind"
    assert all(json.loads(unpacked(p.read_bytes())) for p in (bundle / "fragment").glob("*"))
    for path in [*bundle.glob("*.pf_meta"), *bundle.glob("filter/*.pf_filter")]:
        body = unpacked(path.read_bytes())
        assert pagefind_order.encode(pagefind_order.decode(body)) == body, path


# The pure functions.

GRID = (
    '<table class="jm-grid"><thead><tr><td></td>'
    '<th scope="colgroup" colspan="2" id="stage-buy" style="--jm-step: 0">Buy</th></tr>'
    '<tr><th scope="row">Touchpoint</th><th scope="col" id="step-buy-1" style="--jm-step: 0">Quote</th>'
    '<th id="step-buy-2" scope="col" style="--jm-step: 1">Pay</th></tr></thead>'
    '<tbody><tr><th scope="row">Goal</th><td colspan="2" style="--jm-step: 0">Get cover.</td></tr>'
    '<tr><th scope="row">Action</th><td style="--jm-step: 0">Fills in.</td> <td class="x" style="--jm-step: 1">Pays.</td></tr>'
    "</tbody></table>"
)


def test_grid_context_marks_every_cell_with_its_step_and_stage():
    marked = pagefind_html.grid_context(GRID)
    marks = re.findall(r'<i id="([^"]*)"></i>', marked)
    assert marks == [
        "g|stage-buy",
        "s|step-buy-1|stage-buy",
        "s|step-buy-2|stage-buy",
        "g|stage-buy",
        "s|step-buy-1|stage-buy",
        "s|step-buy-2|stage-buy",
    ]
    weights = {th.attrs["id"]: th.attrs.get("data-pagefind-weight") for th in parse(marked).find_all("th", scope="col")}
    assert weights == {
        "step-buy-1": str(pagefind_html.TOUCHPOINT_WEIGHT),
        "step-buy-2": str(pagefind_html.TOUCHPOINT_WEIGHT),
    }
    plain = "<table><tr><td>plain</td></tr></table>"
    assert pagefind_html.grid_context(plain) == plain


PAGE = (
    '<!doctype html><html lang="fr" class="no-js"><head></head><body><nav>Menu</nav>'
    '<article class="md-content__inner md-typeset"><h1 id="t">Title &amp; more<a class="headerlink" href="#t">¶</a></h1>'
    '<dl><dt>Summary</dt><dd>Text</dd></dl><p data-pagefind-ignore="true">Left out</p>'
    '<table><tbody><tr id="pain&#45;1" data-severity="high"><td>One <ul><li>a</li></ul></td></tr>'
    '<tr id="pain-2"><td>Two</td></tr></tbody></table></article><footer>Foot</footer></body></html>'
)


def test_page_copy_is_the_content_with_its_marks():
    copy = pagefind_html.page_copy(PAGE, "guide/", (("kind", ("Journey",)), ("persona", ("Dan, Leah",))))
    assert copy.startswith('<!DOCTYPE html><html lang="fr">') and "<body data-pagefind-body>" in copy
    assert "Menu" not in copy and "Foot" not in copy
    tree = parse(copy)
    assert tree.find("a", cls="headerlink").attrs["data-pagefind-ignore"] == "true"
    # Pagefind does not separate a term from its definition itself.
    assert [c if isinstance(c, str) else c.tag for c in tree.find("dl").children] == ["dt", " ", "dd", " "]
    assert [i.attrs for i in tree.find_all("i")] == [
        {"data-pagefind-filter": "kind:Journey"},
        {"data-pagefind-filter": "persona:Dan, Leah"},
        {"data-pagefind-meta": "url:/guide/"},
    ]
    assert pagefind_html.page_copy("<html><body><p>No article</p></body></html>", "x/") is None


def test_a_stage_is_named_without_its_health():
    """The header cell's text names the stage in a result; its health badge is left out."""
    page = PAGE.replace(
        "<dl>",
        '<table><thead><tr><th id="stage-claim" style="--jm-step: 0"><a href="s/">Claim</a> '
        '<span class="jm-health" data-health="off&#45;target">off target</span></th></tr></thead></table><dl>',
    )
    header = parse(pagefind_html.page_copy(page, "j/")).find("th")
    assert header.text == "Claim" and not header.find_all("span", cls="jm-health")


def test_row_copies_are_the_rows_as_written():
    copies = pagefind_html.row_copies(PAGE, "pain-points/", [("pain-1", "One", (("severity", ("high",)),))])
    assert len(copies) == 1
    copy = copies[0]
    assert 'id="pain&#45;1" data-severity="high"' in copy  # the row's attributes as written
    tree = parse(copy)
    row = tree.find("table").find("tbody").find("tr")
    assert row.attrs == {"id": "pain-1", "data-severity": "high"} and row.text == "One a"
    assert [e.tag for e in row.iter()] == ["td", "ul", "li"]
    assert "Two" not in copy
    assert [i.attrs.get("data-pagefind-meta") for i in tree.find_all("i")] == [
        None,
        "title:One",
        "page:Title & more",
        "url:/pain-points/#pain-1",
    ]
    assert pagefind_html.row_copies(PAGE, "p/", [("missing", "x", ())]) == []


def test_elements_by_id_counts_nested_elements_of_the_same_name():
    content = '<div id="a"><div>in</div><div id="b">b</div></div><div id="c">c</div>'
    found = pagefind_html.elements_by_id(content, {"a", "c"})
    assert sorted(found) == ["a", "c"]
    assert found["a"] + found["c"] == content  # each from its start tag to its own end tag


def test_marks_are_renamed_for_pagefind_and_left_out_of_the_published_page():
    content = '<p data-search-exclude="true">x</p>'
    renamed = pagefind_html.mark_excluded(content)
    assert parse(renamed).find("p").attrs == {"data-pagefind-ignore": "true"}
    published = pagefind_html.published(renamed)
    assert parse(published).find("p").attrs == {} and parse(published).text == "x"


MATERIAL_PAGE = (
    "<html><body><main>page</main>"
    '<script id="__config" type="application/json">{"base": "..", "search": '
    '"../assets/javascripts/workers/search.a7633da7.min.js"}</script>\n    '
    '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>\n'
    '      <script src="../assets/journeys/journeys-filter.js"></script>\n'
    "      <script>window.inline = 1</script>\n  </body>\n</html>"
)


def test_the_worker_is_ours_and_relative_as_materials():
    page = material_page.with_worker(MATERIAL_PAGE, "assets/journeys/journeys-search-worker.js")
    assert '"search": "../assets/journeys/journeys-search-worker.js"' in page
    assert (
        page.replace("assets/journeys/journeys-search-worker.js", "assets/javascripts/workers/search.a7633da7.min.js")
        == MATERIAL_PAGE
    )


def test_the_theme_scripts_wait_in_a_template_for_the_starter():
    page = material_page.scripts_after_paint(MATERIAL_PAGE, "assets/journeys/journeys-start.js")
    head, template = page.split('<template id="__scripts">')
    # Only __config stays a script before it.
    assert [script.attrs.get("id") for script in parse(head).find_all("script")] == ["__config"]
    moved, after = template.split("</template>")
    scripts = parse(moved).children
    assert [(script.attrs.get("src"), script.text) for script in scripts] == [
        ("../assets/javascripts/bundle.a5f9d56c.min.js", ""),
        ("../assets/journeys/journeys-filter.js", ""),
        (None, "window.inline = 1"),
    ]
    assert parse(after).children[0].attrs == {"defer": "", "src": "../assets/journeys/journeys-start.js"}
    assert after.rstrip().endswith("</body>\n</html>")
    # A page that already holds them (a theme override of its own), or without Material's script.
    assert material_page.scripts_after_paint(page, "x.js") == page
    other = MATERIAL_PAGE.replace("assets/javascripts/bundle.a5f9d56c.min.js", "theme.js")
    assert material_page.scripts_after_paint(other, "x.js") == other


def test_cbor_reads_and_writes_what_pagefind_writes():
    value = ["1.5.2", [["en_abc1234", 10], ["en_def", 70000]], [], [["tag", "en_1234567"]], ["é" * 30]]
    assert pagefind_order.decode(pagefind_order.encode(value)) == value
    assert pagefind_order.encode(23) == b"\x17" and pagefind_order.encode(24) == b"\x18\x18"
    with pytest.raises(pagefind_order.Unreadable):
        pagefind_order.decode(b"\xa1\x01\x02")  # a map: Pagefind writes none


def test_a_bundle_the_shim_cannot_read_is_left_as_it_is(tmp_path):
    write(tmp_path, {"pagefind-entry.json": '{"version": "9", "languages": {}}'})
    assert pagefind_order.stable_order(str(tmp_path)) is False  # not written as Pagefind writes it
    assert (tmp_path / "pagefind-entry.json").read_text(encoding="utf-8") == '{"version": "9", "languages": {}}'


def test_the_bundle_is_in_sorted_order(root):
    bundle = root / "site" / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = pagefind_order.decode(
        unpacked((bundle / f"pagefind.{entry['languages']['en']['hash']}.pf_meta").read_bytes())
    )
    tables = [t for t in meta if isinstance(t, list) and t and all(isinstance(r, list) and len(r) == 2 for r in t)]
    filters = next(t for t in tables if {r[0] for r in t} == set(FILTERS))
    assert filters == sorted(filters)
    for _, name in filters:
        _, values = pagefind_order.decode(unpacked((bundle / "filter" / f"{name}.pf_filter").read_bytes()))
        assert values == sorted(values)
    assert records(root / "site")
