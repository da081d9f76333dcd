"""`journeys export --standalone OUT`: a whole project that MkDocs, ProperDocs and Zensical build
without the plugin, with every internal link working under a sub-path `site_url`."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

import html_tree
from helpers import MINIMAL_MAPS, REPO, copy_demo, serving, write
from journeys.cli import main
from journeys.cli.standalone import SEARCH_SECTION_WORDS, too_long_for_search
from journeys.render.urls import Site

SITE_URL = "https://example.com/handbook/"
JOURNEY = "journeys/buy-contents-online"  # a demo journey, at maps/journeys/sales/buy-contents-online.md
REDESIGN = "journeys/renewal-redesign-2027"  # the demo's future-state journey, with a baseline


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "data-plotly") and value:  # data-plotly: the charts script loads it
                self.links.append(value)
            elif name in ("id", "name") and value:
                self.ids.add(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _file_for(site: Path, url_path: str) -> Path:
    """The built file a path under the site's sub-path names."""
    rel = unquote(url_path[len(urlsplit(SITE_URL).path) :])
    return site / rel / "index.html" if rel.endswith("/") or not rel else site / rel


def broken_links(site: Path) -> tuple[int, list[str]]:
    """Every link of every built page (and the plotly.js a chart loads) that stays on the site (relative, root-absolute or to
    the host of `site_url`), resolved against the page's URL under `site_url`: how many there
    are, and those that name no built file or an anchor missing on the page they name."""
    host, base = urlsplit(SITE_URL).netloc, urlsplit(SITE_URL).path
    pages = {path: _parse(path) for path in sorted(site.rglob("*.html"))}
    count, broken = 0, []
    for path, parsed in pages.items():
        rel = path.relative_to(site).as_posix()
        page_url = urljoin(SITE_URL, rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        for link in parsed.links:
            parts = urlsplit(link)
            if (parts.scheme or parts.netloc) and parts.netloc != host:
                continue
            if not (parts.scheme or parts.netloc or parts.path):  # "#anchor" on the same page
                target_path, target = urlsplit(page_url).path, path
            else:
                target_path = urlsplit(urljoin(page_url, parts.path)).path
                target = _file_for(site, target_path)
            count += 1
            if not target_path.startswith(base) or not target.is_file():
                broken.append(f"{rel}: {link} -> {target_path}")
            elif parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{rel}: {link}: no #{parts.fragment} on {target_path}")
    return count, broken


def run_generator(generator: str, project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", generator, "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def export(root: Path, out: str, *args: str, config: str | None = None) -> int:
    cwd = os.getcwd()
    os.chdir(root)
    try:
        return main([*(["-f", config] if config else []), "export", "--standalone", out, *args])
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo handbook under a sub-path site_url, exported once for any generator and once
    --for zensical."""
    root = tmp_path_factory.mktemp("demo")
    copy_demo(root)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {SITE_URL}", config), encoding="utf-8")
    assert export(root, "any") == 0
    assert export(root, "zensical", "--for", "zensical") == 0
    return root


@pytest.fixture(scope="module")
def built(demo):
    """`built(generator, export)`: the site that generator builds from that export, once."""
    sites: dict = {}

    def build(generator: str, name: str) -> Path:
        if (generator, name) not in sites:
            project = demo / f"{name}-by-{generator}"  # a copy each: every generator builds into site/
            shutil.copytree(demo / name, project)
            result = run_generator(generator, project)
            assert result.returncode == 0, result.stdout + result.stderr
            assert "WARNING" not in result.stderr, result.stderr
            sites[generator, name] = project / "site"
        return sites[generator, name]

    return build


@pytest.mark.parametrize(
    ("generator", "name"), [("mkdocs", "any"), ("properdocs", "any"), ("zensical", "any"), ("zensical", "zensical")]
)
def test_every_internal_link_resolves_under_a_sub_path(built, generator, name):
    site = built(generator, name)
    count, broken = broken_links(site)
    assert broken == []
    assert count > 3000  # the demo's pages link to each other thousands of times

    def page(url):
        return (site / (f"{url}/index.html" if name == "zensical" else f"{url}.html")).read_text(encoding="utf-8")

    assert "Buying contents cover online" in page(JOURNEY) and 'class="jm-grid' in page(JOURNEY)
    assert 'class="jm-chart' in page(REDESIGN)  # a future state keeps its plotly chart over the baseline
    text = page(JOURNEY)
    assert "Behind the scenes" in text  # the custom field, read from the source config's plugin options
    for asset in (
        "assets/journeys/journeys.css",
        "assets/journeys/journeys-charts.js",
        "assets/journeys/journeys-filter.js",
    ):
        assert asset in text and (site / asset).is_file()
    assert (site / "journeys.json").is_file() and (site / "pain-points.csv").is_file()
    # Journeys at every zoom level and a blueprint: their links are among those resolved above.
    micro = html_tree.parse(page("journeys/burst-pipe-at-night")).find("nav", cls="jm-breadcrumbs")
    assert [text for _, text in micro.links()] == ["Being a Harbour Mutual customer", "Escape of water claim"]
    lifecycle = html_tree.parse(page("journeys/being-a-customer"))
    assert len(lifecycle.find_all("div", cls="jm-zoom")) == 7 and lifecycle.find("table", cls="jm-children")
    index = page("journeys/index") if name == "any" else (site / "journeys/index.html").read_text(encoding="utf-8")
    assert html_tree.parse(index).find("ul", cls="jm-tree").find_all("details")
    blueprint = html_tree.parse(page("journeys/escape-of-water-claim")).find("table", cls="jm-grid")
    assert [line.find("span", cls="jm-line__name").text for line in blueprint.find_all("tr", cls="jm-line")] == [
        "Line of interaction",
        "Line of visibility",
        "Line of internal interaction",
        "Beyond the blueprint",
    ]


@pytest.mark.parametrize("name", ["any", "zensical"])
def test_charts_draw_and_filters_filter_in_the_zensical_site(built, browser, tmp_path, name):
    """Zensical's theme keeps Material's `document$`, which the plugin's scripts hook on."""
    shutil.copytree(built("zensical", name), tmp_path / "handbook")
    with serving(tmp_path) as server:
        base = f"http://127.0.0.1:{server.server_address[1]}/handbook/"
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(base + (f"{REDESIGN}/" if name == "zensical" else f"{REDESIGN}.html"), wait_until="networkidle")
        page.locator(".jm-chart").first.scroll_into_view_if_needed()  # charts draw when they come near
        page.wait_for_function("() => document.querySelector('.jm-chart svg.main-svg')", timeout=20000)
        page.goto(base + ("pain-points/" if name == "zensical" else "pain-points/index.html"), wait_until="networkidle")
        rows = "() => [...document.querySelectorAll('.jm-pain-index tbody tr')].filter(r => !r.hidden).length"
        every = page.evaluate(rows)
        page.select_option("form.jm-filter select[name=severity]", "critical")
        assert 0 < page.evaluate(rows) < every
        page.close()
    assert errors == []


def test_mkdocs_links_the_zensical_export_wrongly_which_is_why_it_says_so(built, demo):
    """The reason for the two kinds of export: the links Zensical needs break under MkDocs."""
    assert "MkDocs and ProperDocs would break them" in (demo / "zensical/mkdocs.yml").read_text(encoding="utf-8")
    _count, broken = broken_links(built("zensical", "zensical"))
    assert broken == []
    site = demo / "zensical-by-mkdocs"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
        cwd=demo / "zensical",
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stderr
    assert len(broken_links(site)[1]) > 100


def test_the_config_keeps_the_site_settings_without_the_plugin(demo):
    source = yaml.safe_load((demo / "mkdocs.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((demo / "any/mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["search"]
    assert config["use_directory_urls"] is False
    assert config["extra_css"] == ["assets/journeys/journeys.css"]
    assert config["extra_javascript"] == ["assets/journeys/journeys-filter.js", "assets/journeys/journeys-charts.js"]
    for key in ("site_name", "site_url", "repo_url", "edit_uri", "theme", "markdown_extensions", "nav"):
        assert config[key] == source[key], key
    zensical = yaml.safe_load((demo / "zensical/mkdocs.yml").read_text(encoding="utf-8"))
    assert "use_directory_urls" not in zensical and "hooks" not in zensical


def test_the_export_searches_with_its_generators_own_search(built):
    # Pagefind and the search box's worker come with the plugin, which the export leaves out:
    # the demo's `search: pagefind` becomes Material's search, with the same exclusions.
    site = built("mkdocs", "any")
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert any(d["location"] == "journeys/escape-of-water-claim.html" for d in docs)
    assert not (site / "pagefind").exists()
    page = (site / "journeys" / "escape-of-water-claim.html").read_text(encoding="utf-8")
    assert "journeys-search-worker.js" not in page and "journeys-start.js" not in page


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs"])
def test_edit_links_open_the_map_file(built, generator):
    site = built(generator, "any")

    def edit_link(page: str) -> str | None:
        found = re.search(r'<a href="([^"]*)" title="Edit this page"', (site / page).read_text(encoding="utf-8"))
        return found and found.group(1)

    repo = "https://git.harbour-mutual.example/cx/journeys/"
    assert edit_link(f"{JOURNEY}.html") == repo + "edit/main/maps/journeys/sales/buy-contents-online.md"
    assert edit_link("personas/first-time-renter.html") == repo + "edit/main/maps/personas/first-time-renter.md"
    assert edit_link("index.html") == repo + "edit/main/docs/index.md"  # a hand-written page opens its own source
    assert edit_link("journeys/index.html") is None  # an index shows no single map: no button, as with the plugin


def test_a_config_that_inherits_is_exported_with_its_parent_merged_in(demo_copy):
    """The repository's public build: INHERIT: mkdocs.yml, a docs folder and an audience of its own."""
    shutil.copytree(REPO / "public-docs", demo_copy / "public-docs")
    public = (REPO / "mkdocs.public.yml").read_text(encoding="utf-8")
    (demo_copy / "mkdocs.public.yml").write_text(
        re.sub(r"(?m)^site_url: .*$", f"site_url: {SITE_URL}", public), encoding="utf-8"
    )
    assert export(demo_copy, "out", config="mkdocs.public.yml") == 0
    config = yaml.safe_load(re.sub(r"!!?[\w/:.]+", "", (demo_copy / "out/mkdocs.yml").read_text(encoding="utf-8")))
    assert config["site_name"] == "Harbour Mutual customer journeys (public)"
    assert config["theme"]["palette"][0]["primary"] == "indigo"  # from the parent
    assert "Teams: teams/index.md" not in str(config["nav"]) and "INHERIT" not in config
    journeys = sorted(p.name for p in (demo_copy / "out/docs/journeys").glob("*.md"))
    assert journeys == ["buy-contents-online.md", "contents-theft-claim.md", "index.md"]  # the public maps
    assert not (demo_copy / "out/docs/editors-guide.md").exists()  # the internal docs folder stays out
    result = run_generator("mkdocs", demo_copy / "out")
    assert result.returncode == 0, result.stderr
    assert broken_links(demo_copy / "out/site")[1] == []


@pytest.fixture
def small(handbook_dir) -> Path:
    """The minimal handbook with a config that uses tags, a custom_dir, a hook of its own and
    no nav."""
    write(
        handbook_dir,
        {
            "mkdocs.yml": """
            site_name: !ENV [JOURNEYS_TEST_UNSET, Small handbook]
            site_url: https://example.com/handbook/
            repo_url: https://git.example.com/org/handbook
            edit_uri: edit/main/docs/
            theme:
              name: material
              custom_dir: overrides
            hooks:
              - hooks/mark.py
            plugins:
              - search
              - journeys:
                  custom_fields:
                    - key: backstage
                      label: Behind the scenes
            markdown_extensions:
              - pymdownx.emoji:
                  emoji_index: !!python/name:material.extensions.emoji.twemoji
                  emoji_generator: !!python/name:material.extensions.emoji.to_svg
        """,
            "overrides/main.html": '{% extends "base.html" %}\n{% block footer %}<p id="custom-footer">ours</p>{% endblock %}\n',
            "hooks/mark.py": "def on_page_markdown(markdown, *, page, config, files):\n    return markdown + '\\n\\nhooked\\n'\n",
            "docs/index.md": "# Home\n\nSee [buying](journeys/buy.md) :smile:\n",
            "docs/guide/tips.md": "# Tips\n",
            "docs/images/maya.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
            "maps/personas/maya.md": MINIMAL_MAPS["maps/personas/maya.md"].replace(
                "goals:", "image: images/maya.svg\n        goals:"
            ),
        },
    )
    return handbook_dir


def test_tags_custom_dir_hooks_and_a_generated_nav_carry_over(small):
    source = (small / "mkdocs.yml").read_bytes()
    assert export(small, "out") == 0
    assert (small / "mkdocs.yml").read_bytes() == source
    text = (small / "out/mkdocs.yml").read_text(encoding="utf-8")
    assert "site_name: !ENV\n- JOURNEYS_TEST_UNSET\n- Small handbook\n" in text
    assert "emoji_index: !!python/name:material.extensions.emoji.twemoji" in text
    config = yaml.safe_load(re.sub(r"!!?[\w/:.]+", "", text))
    assert config["nav"] == [
        "index.md",
        "guide/tips.md",
        "journeys/index.md",
        "personas/index.md",
        "stages/index.md",
        "teams/index.md",
        "pain-points/index.md",
    ]
    assert config["hooks"] == ["hooks/mark.py", "journeys_edit_url.py"]
    result = run_generator("mkdocs", small / "out")
    assert result.returncode == 0, result.stderr
    home = (small / "out/site/index.html").read_text(encoding="utf-8")
    assert html_tree.parse(home).find("title").text == "Small handbook"
    assert 'id="custom-footer"' in home and "hooked" in home
    assert 'href="journeys/buy.html"' in home and "twemoji" in home
    assert broken_links(small / "out/site")[1] == []


def test_a_generated_nav_lists_the_insights_index_of_a_handbook_with_insights(small):
    """Map format 1.2: the insights index and the portfolio are indexes, listed once the
    handbook has them, and only then (a 1.1 handbook's nav is as it was, above)."""
    (small / "maps/insights").mkdir()
    (small / "maps/insights/survey.md").write_text(
        "---\ntitle: Survey\nkind: survey\ndate: 2025-01-31\n---\n", encoding="utf-8"
    )
    assert export(small, "out") == 0
    config = yaml.safe_load(re.sub(r"!!?[\w/:.]+", "", (small / "out/mkdocs.yml").read_text(encoding="utf-8")))
    assert config["nav"][-2:] == ["pain-points/index.md", "insights/index.md"]
    assert "opportunities/index.md" not in config["nav"]


def test_zensical_resolves_images_and_plotly_of_the_zensical_export(small):
    assert export(small, "out", "--for", "zensical") == 0
    result = run_generator("zensical", small / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    persona = (small / "out/site/personas/maya/index.html").read_text(encoding="utf-8")
    assert 'src="../../images/maya.svg"' in persona
    assert 'data-plotly="../../assets/journeys/vendor/plotly-basic.min.js"' in (
        small / "out/site/journeys/buy-future/index.html"
    ).read_text(encoding="utf-8")
    count, broken = broken_links(small / "out/site")
    assert broken == [] and count > 50


def test_a_second_export_replaces_the_first_and_keeps_the_plugin_options(small):
    assert export(small, "out") == 0
    (small / "out/docs/stale.md").write_text("# Left over\n", encoding="utf-8")
    (small / "docs/index.md").write_text("# Home again\n", encoding="utf-8")
    assert export(small, "out") == 0
    assert not (small / "out/docs/stale.md").exists()
    assert (small / "out/docs/index.md").read_text(encoding="utf-8") == "# Home again\n"
    assert "Behind the scenes" in (small / "out/docs/journeys/buy.md").read_text(encoding="utf-8")


def test_a_folder_that_is_not_an_earlier_export_is_left_alone(small, capsys):
    write(small, {"out/notes.txt": "mine\n"})
    assert export(small, "out") == 2
    assert "out exists and is not an earlier standalone export" in capsys.readouterr().err
    assert os.listdir(small / "out") == ["notes.txt"]
    assert export(small, "docs/site") == 2
    assert "docs/site is inside docs" in capsys.readouterr().err
    assert not (small / "docs/site").exists()


def test_a_hand_written_page_at_a_generated_path_wins_and_is_reported(small, capsys):
    write(small, {"docs/journeys/buy.md": "# My own page\n"})
    assert export(small, "out") == 1
    assert "journeys/buy.md is written by hand and hides the page" in capsys.readouterr().err
    assert (small / "out/docs/journeys/buy.md").read_text(encoding="utf-8") == "# My own page\n"


def test_map_errors_are_exported_as_error_pages_and_fail_the_command(small, capsys):
    write(
        small,
        {"maps/journeys/sales/buy.md": MINIMAL_MAPS["maps/journeys/sales/buy.md"].replace("emotion: -1", "emotion: 9")},
    )
    assert export(small, "out") == 1
    assert "stages[0].steps[0].emotion: 9 is not between -2 and 2" in capsys.readouterr().err
    assert "9 is not between &#45;2 and 2" in (small / "out/docs/journeys/buy.md").read_text(encoding="utf-8")


def test_a_toml_config_is_named_not_parsed(small, monkeypatch, capsys):
    write(small, {"zensical.toml": '[project]\nsite_name = "Small"\n'})
    monkeypatch.chdir(small)
    assert main(["-f", "zensical.toml", "export", "--standalone", "out"]) == 2  # the setup is wrong, as for any config
    assert "zensical.toml: only a YAML site config (mkdocs.yml or properdocs.yml) is read" in capsys.readouterr().err
    assert not (small / "out").exists()


def test_a_page_with_a_section_too_long_for_zensicals_search_is_left_out_of_search(small):
    """Zensical stops the build on such a section (seen at 1,000 maps: the pain-point index)."""
    words = " ".join(f"w{n}" for n in range(SEARCH_SECTION_WORDS + 1))
    write(
        small,
        {
            "maps/journeys/sales/buy.md": MINIMAL_MAPS["maps/journeys/sales/buy.md"].replace(
                "text: Price changes after click-through.", f"text: {words}"
            )
        },
    )
    assert export(small, "out") == 0
    excluded = sorted(
        p.relative_to(small / "out/docs").as_posix()
        for p in (small / "out/docs").rglob("*.md")
        if "\nsearch:\n  exclude: true\n" in p.read_text(encoding="utf-8").split("\n---\n")[0]
    )
    assert "pain-points/index.md" in excluded and "personas/omar.md" not in excluded
    result = run_generator("mkdocs", small / "out")
    assert result.returncode == 0, result.stderr
    index = (small / "out/site/search/search_index.json").read_text(encoding="utf-8")
    assert "pain-points/index.html" not in index and "guide/tips.html" in index


def test_only_a_long_section_counts_for_search():
    half = " ".join(["word"] * (SEARCH_SECTION_WORDS // 2 + 1))
    assert not too_long_for_search(f"# One\n\n{half}\n\n## Two\n\n<p>{half}</p>\n")
    assert too_long_for_search(f"# One\n\n<p>{half}</p><p>{half}</p>\n")
    assert not too_long_for_search("<td>" + "<b></b>" * SEARCH_SECTION_WORDS + "</td>")  # markup is no words


def test_source_relative_links_start_from_the_source_folder():
    """The Zensical link style, and the plugin's own (URL-relative), side by side."""
    plugin, zensical = Site(), Site(source_relative=True)
    assert plugin.href("journeys/buy.md", "personas/maya.md") == "../../personas/maya/"
    assert zensical.href("journeys/buy.md", "personas/maya.md") == "../personas/maya/"
    assert zensical.href("journeys/index.md", "personas/maya.md", "x") == plugin.href(
        "journeys/index.md", "personas/maya.md", "x"
    )
    assert zensical.asset("journeys/buy.md", "journeys.json") == "../journeys.json"
    assert plugin.asset("journeys/buy.md", "journeys.json") == "../../journeys.json"
