"""Public builds leak nothing through the ways issue 24 found: History entries of versions that
were internal, hints in the messages of a public map, narrative links and snippet includes that
reach internal files, and links to the internal repository. Each test plants sentinels where a
leak would come from and searches every file of the built site for them, with the machinery of
test_public_build.py (search index, sitemap, exports and every page included)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import build_site, write
from history_repo import entries, git, section
from journeys.core import load_handbook
from journeys.core.public_checks import snippet_includes
from test_public_build import (
    PUBLIC_CONFIG,
    Planter,
    internal_journey,
    leaks,
    planted_handbook,
    public_journey,
    site_bytes,
)

PUBLIC = "maps/journeys/public-journey.md"
INTERNAL_BUILD = {
    "plugins": ["search", {"journeys": {"custom_fields": [{"key": "backstage", "label": "Behind the scenes"}]}}]
}


def public_config(**options) -> dict:
    plugin = {"audience": "public", "custom_fields": [{"key": "backstage", "label": "Behind the scenes"}], **options}
    return {"plugins": ["search", {"journeys": plugin}]}


def commit(root: Path, message: str, day: int) -> None:
    git(root, "add", "-A", day=day)
    git(root, "commit", "-q", "-m", message, day=day)


# --- History --------------------------------------------------------------------------------


def history_of_a_map_made_public(root: Path) -> list[str]:
    """The planted handbook, in a repository where the public journey was internal at first,
    public, internal again and public again, and where an internal map was renamed into a
    second public journey; every internal version carries sentinels of its own."""
    planted = planted_handbook(root)
    old_sentinels: list[str] = []

    def internal_version(tag: str) -> str:
        """An internal map whose every field holds a sentinel `zqx<tag><n>old`."""
        s = Planter()
        text = internal_journey(s, "public-journey", "public-persona", "shared-pain")
        old_sentinels.extend(re.sub(r"zqx(\d{4})leak", rf"zqx{tag}\1old", value) for value in s.planted)
        return re.sub(r"zqx(\d{4})leak", lambda m: f"zqx{tag}{m.group(1)}old", text)

    public_text = (root / PUBLIC).read_text(encoding="utf-8")
    (root / PUBLIC).write_text(internal_version("a"), encoding="utf-8")
    renamed = root / "maps/journeys/zqxoldinternalname.md"
    renamed.write_text(internal_version("c"), encoding="utf-8")
    git(root, "init", "-q")
    commit(root, "Start with internal maps", 1)
    (root / PUBLIC).write_text(public_text, encoding="utf-8")
    commit(root, "Publish it", 2)
    (root / PUBLIC).write_text(internal_version("b"), encoding="utf-8")
    commit(root, "Internal again", 3)
    (root / PUBLIC).write_text(public_text, encoding="utf-8")
    commit(root, "Public again", 4)
    (root / PUBLIC).write_text(public_text.replace("emotion: 1", "emotion: 2"), encoding="utf-8")
    commit(root, "Feel better", 4)
    git(root, "mv", "maps/journeys/zqxoldinternalname.md", "maps/journeys/public-renamed.md", day=5)
    commit(root, "Rename", 5)
    (root / "maps/journeys/public-renamed.md").write_text(
        public_text.replace("Public journey", "Renamed public journey"), encoding="utf-8"
    )
    commit(root, "Publish the renamed map", 6)
    return planted + ["zqxoldinternalname"] + old_sentinels


def test_public_history_shows_nothing_of_versions_that_were_internal(tmp_path):
    planted = history_of_a_map_made_public(tmp_path)
    built = build_site(tmp_path, config=PUBLIC_CONFIG)
    assert built.ok, built.warnings
    assert leaks(built.site, planted) == []
    page = built.html("journeys/public-journey/")
    # Newest first: the change between two public versions, then the two commits that made the
    # map public; the commits that made internal versions are left out.
    assert [e.split(" ", 2)[-1] for e in entries(section(page))] == [
        "Emotion: Public page: +1 → +2",
        "Made public",
        "Made public",
    ]
    renamed = built.html("journeys/public-renamed/")
    assert "Made public" in renamed and "Map added" not in renamed


def test_the_internal_build_shows_the_internal_versions(tmp_path):
    """The control: the same repository built internally shows what the old versions held."""
    planted = history_of_a_map_made_public(tmp_path)
    built = build_site(tmp_path, config=INTERNAL_BUILD)
    assert built.ok, built.warnings
    found = {entry.split(": ", 1)[1] for entry in leaks(built.site, planted)}
    assert {"zqxa0000old", "zqxb0000old"} <= found  # the old titles, in the History section


# --- Hints ----------------------------------------------------------------------------------

SECRETS = ("zqxsecretpersona", "zqxsecretjourney", "zqxsecretpain", "zqxsecretstage", "zqxsecretteam")


def hint_handbook(root: Path, public_front: dict, narrative: str = "Public words.\n") -> None:
    """An internal persona, journey, pain point, stage and team with secret ids, and a public
    journey whose front matter is `public_front`."""
    internal = {
        "title": "Secret journey",
        "personas": ["zqxsecretpersona"],
        "owner": "zqxsecretteam",
        "stages": [
            {
                "stage": "zqxsecretstage",
                "steps": [{"touchpoint": "T", "emotion": 0, "pain_points": [{"id": "zqxsecretpain", "text": "P"}]}],
            }
        ],
    }
    public = {
        "title": "Public journey",
        "personas": ["public-persona"],
        "visibility": "public",
        "stages": [{"stage": "discover", "steps": [{"touchpoint": "Page", "emotion": 0}]}],
        **public_front,
    }
    write(
        root,
        {
            "maps/stages.yml": "- id: discover\n- id: zqxsecretstage\n",
            "maps/teams.yml": "- id: zqxsecretteam\n- id: web\n",
            "maps/personas/public-persona.md": "---\nname: Public persona\nvisibility: public\n---\nWho reads the site.\n",
            "maps/personas/zqxsecretpersona.md": "---\nname: Secret persona\n---\n",
            "maps/journeys/zqxsecretjourney.md": "---\n" + yaml.safe_dump(internal) + "---\n",
        },
    )
    (root / PUBLIC).write_text("---\n" + yaml.safe_dump(public) + "---\n" + narrative, encoding="utf-8")


TYPOS = {
    "personas": ["zqxsecretpersonb"],
    "state": "future",
    "baseline": "zqxsecretjourneb",
    "stages": [
        {
            "stage": "zqxsecretstagf",
            "steps": [
                {
                    "touchpoint": "Page",
                    "emotion": 0,
                    "owner": "zqxsecretteab",
                    "opportunities": [{"text": "O", "addresses": ["zqxsecretpaim"]}],
                }
            ],
        }
    ],
}


def test_the_error_box_of_a_public_map_suggests_no_internal_id(tmp_path):
    hint_handbook(tmp_path, TYPOS)
    built = build_site(tmp_path, strict=False, config=public_config())
    page = built.html("journeys/public-journey/")
    assert "zqxsecretpersonb" in page  # the error box is there, quoting the map's own values
    assert leaks(built.site, list(SECRETS)) == []
    assert [w for w in built.warnings if any(secret in w for secret in SECRETS)] == []


FRONTS = {
    "persona": {"personas": ["zqxsecretpersona"]},
    "baseline": {"state": "future", "baseline": "zqxsecretjourney"},
    "addresses": {
        "stages": [
            {
                "stage": "discover",
                "steps": [
                    {"touchpoint": "P", "emotion": 0, "opportunities": [{"text": "O", "addresses": ["zqxsecretpain"]}]}
                ],
            }
        ]
    },
}


@pytest.mark.parametrize("front", FRONTS.values(), ids=FRONTS.keys())
def test_a_public_map_is_told_the_same_whether_an_internal_item_exists(tmp_path, front):
    """The same public map, once beside the internal items its ids name and once without
    them: its messages are the same, so they cannot tell which internal items exist."""
    messages = []
    for name in ("with", "without"):
        hint_handbook(tmp_path / name, front)
    for path in ("maps/personas/zqxsecretpersona.md", "maps/journeys/zqxsecretjourney.md"):
        (tmp_path / "without" / path).unlink()
    for name in ("with", "without"):
        handbook = load_handbook(tmp_path / name / "maps", root=tmp_path / name, audience="public")
        messages.append([str(p) for p in handbook.problems if p.path == PUBLIC])
    assert messages[0] and messages[0] == messages[1]
    assert not any(secret in m for m in messages[0] for secret in SECRETS if secret not in str(front))


# --- Narrative links ------------------------------------------------------------------------


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", *args], cwd=root, capture_output=True, text=True, check=False
    )


def run_mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args], cwd=root, capture_output=True, text=True, check=False
    )


def write_config(root: Path, config: dict) -> None:
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump({"site_name": "Public", "theme": {"name": "material"}, **config}), encoding="utf-8"
    )


def test_a_narrative_link_to_an_internal_map_fails_the_check_and_any_strict_build(tmp_path):
    hint_handbook(tmp_path, {}, "Public words.\n\nSee [our plan](zqxsecretjourney.md) too.\n")
    write_config(tmp_path, public_config())
    checked = run_cli(tmp_path, "check", "--audience", "public")
    assert checked.returncode == 1
    line = 1 + (tmp_path / PUBLIC).read_text(encoding="utf-8").split("\n").index(
        "See [our plan](zqxsecretjourney.md) too."
    )
    assert re.search(
        rf"^{re.escape(PUBLIC)}:{line}:\d+: link 'zqxsecretjourney.md': a public build", checked.stdout, re.M
    )
    for flags in (["--strict"], ["--strict", "-q"]):
        built = run_mkdocs(tmp_path, *flags)
        assert built.returncode == 1, (flags, built.stderr)
    # Without --strict the map is published as its error box, with no link to the internal map.
    assert run_mkdocs(tmp_path).returncode == 0
    hrefs = [h for page in site_bytes(tmp_path / "site").values() for h in re.findall(r'href="([^"]*)"', page)]
    assert [h for h in hrefs if "zqxsecret" in h] == []


# --- Snippets -------------------------------------------------------------------------------

SECRET_TEXT = "zqxsnippetsecret"


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ('--8<-- "maps/journeys/secret.md"', True),
        ("--8<-- '.git/config'", True),
        ('    --8<-- "secret.md:3:5"', True),
        ('-8<- "secret.md:section"', True),
        ('---8<--- "https://example.com/x.md"', True),
        ("--8<--", True),  # the block form's first line
        ('\t--8<-- "a.md"', True),
        (';--8<-- "secret.md"', False),  # the extension's escape: shown as text
        ('Text then --8<-- "secret.md"', False),
        ("a -8<- b", False),
    ],
)
def test_snippet_lines_of_every_form_are_found(line, found):
    assert (snippet_includes(f"Intro.\n{line}\nEnd.\n") == [7]) is found


SNIPPETS_NARRATIVE = """Public words.

--8<-- "maps/journeys/zqxsecretjourney.md"

--8<-- ".git/config"

--8<--
secret.txt
--8<--

;--8<-- "secret.txt"
"""


def test_a_public_narrative_cannot_include_a_file(tmp_path):
    hint_handbook(tmp_path, {}, SNIPPETS_NARRATIVE)
    write(tmp_path, {"secret.txt": SECRET_TEXT + "\n"})
    git(tmp_path, "init", "-q")
    snippets = {"pymdownx.snippets": {"base_path": ["."], "check_paths": True}}
    write_config(tmp_path, {**public_config(), "markdown_extensions": [snippets]})
    checked = run_cli(tmp_path, "check", "--audience", "public")
    assert checked.returncode == 1
    lines = [int(n) for n in re.findall(rf"^{re.escape(PUBLIC)}:(\d+):\d+: a snippet line", checked.stdout, re.M)]
    text = (tmp_path / PUBLIC).read_text(encoding="utf-8").split("\n")
    assert [text[n - 1] for n in lines] == [
        '--8<-- "maps/journeys/zqxsecretjourney.md"',
        '--8<-- ".git/config"',
        "--8<--",  # the block form's two marker lines
        "--8<--",
    ]
    for flags in (["--strict"], ["--strict", "-q"]):
        assert run_mkdocs(tmp_path, *flags).returncode == 1
    assert run_mkdocs(tmp_path).returncode == 0
    site = site_bytes(tmp_path / "site")
    assert [
        name for name, content in site.items() if SECRET_TEXT in content or "repositoryformatversion" in content
    ] == []
    assert [name for name, content in site.items() if "secret journey" in content] == []


def test_the_escaped_snippet_line_is_text(tmp_path):
    hint_handbook(tmp_path, {}, 'Public words.\n\n;--8<-- "secret.txt"\n')
    write(tmp_path, {"secret.txt": SECRET_TEXT + "\n"})
    write_config(tmp_path, {**public_config(), "markdown_extensions": [{"pymdownx.snippets": {"base_path": ["."]}}]})
    assert run_mkdocs(tmp_path, "--strict").returncode == 0
    page = (tmp_path / "site/journeys/public-journey/index.html").read_text(encoding="utf-8")
    assert "--8&lt;-- &quot;secret.txt&quot;" in page or '--8&lt;-- "secret.txt"' in page
    assert SECRET_TEXT not in page


# --- Repository links -----------------------------------------------------------------------

INTERNAL_REPO = "example.com/org/handbook"  # helpers.BASE_CONFIG's repo_url
PUBLIC_REPO = "https://github.com/acme/journeys-public"


def repository_handbook(root: Path) -> None:
    planted_handbook(root)
    git(root, "init", "-q")
    commit(root, "Start", 1)
    public = root / PUBLIC
    public.write_text(public.read_text(encoding="utf-8").replace("emotion: 1", "emotion: 2"), encoding="utf-8")
    commit(root, "Feel better", 2)


def test_a_public_build_links_to_no_internal_repository(tmp_path):
    repository_handbook(tmp_path)
    built = build_site(tmp_path, config=PUBLIC_CONFIG)
    assert built.ok, built.warnings
    assert [name for name, content in site_bytes(built.site).items() if INTERNAL_REPO in content] == []
    page = built.html("journeys/public-journey/")
    assert "jm-history__hash" in page and 'rel="edit"' not in page and "md-source" not in page


def test_public_repo_url_is_where_a_public_build_links(tmp_path):
    repository_handbook(tmp_path)
    built = build_site(tmp_path, config=public_config(public_repo_url=PUBLIC_REPO))
    assert built.ok, built.warnings
    assert [name for name, content in site_bytes(built.site).items() if INTERNAL_REPO in content] == []
    page = built.html("journeys/public-journey/")
    assert f'href="{PUBLIC_REPO}"' in page  # the theme's repository link
    assert f'href="{PUBLIC_REPO}/edit/main/maps/journeys/public-journey.md"' in page
    assert re.search(rf'href="{re.escape(PUBLIC_REPO)}/commit/[0-9a-f]{{40}}"', page)
    assert re.search(r">\s*GitHub\s*<", page)  # the repository's name, derived from its address as MkDocs does


def test_the_internal_build_links_to_its_repository(tmp_path):
    repository_handbook(tmp_path)
    built = build_site(tmp_path, config=INTERNAL_BUILD)
    page = built.html("journeys/public-journey/")
    assert f"https://{INTERNAL_REPO}/commit/" in page and f"https://{INTERNAL_REPO}/edit/main/maps/" in page


def test_public_repo_url_must_be_a_web_address(tmp_path):
    planted_handbook(tmp_path)
    write_config(tmp_path, public_config(public_repo_url="javascript:alert(1)"))
    checked = run_cli(tmp_path, "check")
    assert checked.returncode == 2
    assert "public_repo_url: expected an http(s) URL such as 'https://github.com/org/handbook'" in checked.stderr


# --- No public map --------------------------------------------------------------------------


def test_a_public_build_without_a_public_journey_is_a_warning(tmp_path):
    hint_handbook(tmp_path, {"visibility": "internal"})
    write_config(tmp_path, public_config())
    assert run_cli(tmp_path, "check", "--audience", "public").returncode == 0
    strict = run_cli(tmp_path, "check", "--audience", "public", "--strict")
    assert strict.returncode == 1 and "warning: this is a public build, and no journey is marked" in strict.stdout
    built = build_site(tmp_path, strict=True, config=public_config())
    assert not built.ok
    assert any("no journey is marked 'visibility: public'" in w for w in built.warnings)
    assert build_site(tmp_path, strict=False, config=public_config()).ok


def test_a_public_standalone_export_links_to_no_internal_repository(tmp_path):
    repository_handbook(tmp_path)
    write(tmp_path, {"docs/index.md": "# Home\n"})
    write_config(
        tmp_path,
        {**public_config(), "repo_url": f"https://{INTERNAL_REPO}", "edit_uri": "edit/main/docs/", "repo_name": "cx"},
    )
    done = run_cli(tmp_path, "export", "--standalone", "out")
    assert done.returncode == 0, done.stdout + done.stderr
    exported = {p: p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert [str(p) for p, content in exported.items() if INTERNAL_REPO in content] == []
    assert "repo_url" not in yaml.safe_load(exported[tmp_path / "out" / "mkdocs.yml"].split("\n", 1)[1])
