"""What readers see is tidy: counts agree with their nouns (in any language the labels say),
no heading heads nothing or repeats the caption under it, a journey page shows its map on the
first screen, the pain-point index has the width, and the docs describe the product as built."""

from __future__ import annotations

import itertools
import re

import pytest

from helpers import REPO, build_config, build_site, copy_demo, write
from html_tree import Element, article
from journeys.render.labels import LABELS, fields, fill, merged


def test_a_count_takes_the_singular_for_one_and_the_plural_otherwise():
    label = "{emotion} across {touchpoints} {touchpoints|touchpoint|touchpoints} in {journeys|one journey|{journeys} journeys}."
    assert fill(label, emotion="+1", touchpoints=1, journeys=1) == "+1 across 1 touchpoint in one journey."
    assert fill(label, emotion="+1", touchpoints=0, journeys=3) == "+1 across 0 touchpoints in 3 journeys."
    assert fields(label) == {"emotion", "touchpoints", "journeys"}
    # A translation gives its own forms, or none; a choice must count a name the label has.
    french = "{emotion} sur {touchpoints} {touchpoints|point de contact|points de contact}"
    assert merged({"stage_emotion_today": french})["stage_emotion_today"] == french
    with pytest.raises(ValueError, match=r"unknown placeholder \{steps\}"):
        merged({"stage_emotion_today": "{steps|step|steps}"})


def test_every_count_in_the_labels_agrees_with_its_noun():
    """A label that prints a count next to a noun chooses the noun's form by the count."""
    nouns = r"(journeys?|touchpoints?|personas?|designs?|steps?|stages?|places?|pain points?|maps?|others?)"
    for key, label in LABELS.items():
        plain = re.sub(r"\{(\w+)\|[^{}|]*(\{\w+\})?[^{}|]*\|[^{}|]*(\{\w+\})?[^{}|]*\}", "", label)
        bare = re.findall(r"\{(\w+)\} (?:[\w-]+ )?" + nouns + r"\b", plain)
        assert not bare, (key, label)


def test_pages_say_one_journey_and_one_design(handbook_dir):
    built = build_site(handbook_dir, config=None)
    assert built.ok, built.warnings
    feelings = [p.text for p in article(built, "stages/buy/").find_all("p", cls="jm-feeling")]
    assert feelings[0].endswith("across 1 touchpoint in 1 current-state journey.")
    assert feelings[1].endswith("across 1 touchpoint in 1 design.")
    caption = article(built, "personas/maya/").find("figure").find("figcaption").text
    assert "in 1 current-state journey, stage by stage; 1 future-state design dashed" in caption
    assert article(built, "journeys/").find("p").text == "2 journey maps for 2 personas."


NARRATIVES = {
    "maps/personas/maya.md": """
        ---
        name: Maya, first-time buyer
        ---
        ## Research basis

        Twelve interviews.
    """,
    "maps/personas/omar.md": """
        ---
        name: Omar, landlord
        ---
        Notes without a heading.
    """,
}


def headings(page: Element) -> list[str]:
    return [h.text.rstrip("¶ ").strip() for h in page.find_all() if h.tag in ("h2", "h3")]


def test_a_narrative_with_a_heading_of_its_own_gets_no_empty_narrative_heading(handbook_dir):
    write(handbook_dir, NARRATIVES)
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    maya = headings(article(built, "personas/maya/"))
    assert "Narrative" not in maya and maya[-1] == "Research basis"
    assert headings(article(built, "personas/omar/"))[-1] == "Narrative"


def test_no_heading_repeats_the_caption_under_it(handbook_dir):
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    checked = 0
    for url in ("personas/maya/", "stages/buy/", "teams/care/", "journeys/", "journeys/buy/", "pain-points/"):
        children = [c for c in article(built, url).children if isinstance(c, Element)]
        for heading, after in itertools.pairwise(children):
            if heading.tag not in ("h2", "h3"):
                continue
            tables = after.find_all("table") if after.tag != "table" else [after]
            if not tables or not tables[0].find_all("caption"):
                continue
            caption = tables[0].find("caption")
            words = heading.text.rstrip("¶ ").strip()
            checked += 1
            assert "jm-sr-only" in caption.classes or not caption.text.startswith(words), (url, words, caption.text)
    assert checked >= 6


def test_a_journey_page_shows_its_map_before_the_measures_and_its_facts_in_a_band(handbook_dir):
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    page = article(built, "journeys/buy/")
    assert headings(page)[:2] == ["Map", "Key measures"]
    facts = page.find("dl", cls="jm-facts")
    assert [div.find("dt").text for div in facts.find_all("div", cls="jm-fact")] == [
        "Summary",
        "Personas",
        "Owner",
        "State",
        "Review",
    ]


def sidebars(html: str) -> dict[str, bool]:
    """Material's sidebars of a built page: navigation and toc, and whether each is hidden."""
    found = re.findall(r'<div class="md-sidebar md-sidebar--\w+"[^>]*data-md-type="(\w+)"([^>]*)>', html)
    return {kind: "hidden" in rest for kind, rest in found}


def test_the_pain_point_index_takes_the_width_of_the_screen(handbook_dir):
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    # No empty navigation sidebar beside the index: both sidebars are hidden, as on a journey page.
    assert sidebars(built.html("pain-points/")) == {"navigation": True, "toc": True}
    assert sidebars(built.html("journeys/buy/")) == {"navigation": True, "toc": True}
    assert sidebars(built.html("personas/maya/"))["navigation"] is False


def test_the_template_map_teaches_links_the_build_follows(tmp_path):
    """maps/journeys/_template.md, copied where its first comment says, builds strictly, and the
    links its narrative shows lead to the pages they name."""
    copy_demo(tmp_path)
    template = (REPO / "maps/journeys/_template.md").read_text(encoding="utf-8")
    # An editor answers the template's question (the check refuses its placeholder, as it should).
    filled = template.replace("What do we still need to find out?", "Do movers tell us before they move?")
    (tmp_path / "maps/journeys/service/moving-home.md").write_text(filled, encoding="utf-8")
    built = build_config(tmp_path)
    assert built.ok, built.warnings
    links = dict((text, href) for href, text in article(built, "journeys/moving-home/").links())
    assert links["Policy year and renewal"] == "../policy-year-and-renewal/"
    assert links["Dan and Leah"] == "../../personas/family-homeowner/"
    assert links["the guide"] == "../../editors-guide/"
    assert "do not add Markdown links" not in template


def test_the_home_page_reads_the_map_as_it_is_drawn(tmp_path):
    copy_demo(tmp_path)
    built = build_config(tmp_path)
    assert built.ok, built.warnings
    grid = article(built, "journeys/buy-contents-online/").find("table", cls="jm-grid")
    assert grid.find("tr", cls="jm-lane--emotion").find("svg", cls="jm-curve")  # the curve is a lane
    home = (REPO / "docs/index.md").read_text(encoding="utf-8")
    [emotion] = [line for line in home.split("\n- ") if line.startswith("**Emotion**")]
    assert "above the grid" not in emotion and "Emotion lane" in emotion
