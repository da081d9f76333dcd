"""`journeys init DIR`: a handbook of one's own that passes the check and builds `--strict` as
written, with the company's name and repository, and nothing of the demo."""

from __future__ import annotations

import yaml

from helpers import REPO, build_config
from journeys.cli import main
from journeys.core import load_handbook

DEMO_WORDS = ("harbour", "mutual", "priya", "renter", "landlord", "contributing", "performance", "lighthouse")


def test_init_writes_a_handbook_that_builds_strict_with_no_demo_text(tmp_path, capsys):
    root = tmp_path / "handbook"
    assert main(["init", str(root), "--company", "Acme Rail & Bus", "--repo", "https://github.com/acme/journeys"]) == 0
    assert "wrote a handbook into" in capsys.readouterr().out
    written = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert written == [
        ".github/workflows/handbook.yml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "README.md",
        "docs/index.md",
        "maps/journeys/becoming-a-customer.md",
        "maps/personas/new-customer.md",
        "maps/stages.yml",
        "maps/teams.yml",
        "mkdocs.yml",
        "requirements.txt",
    ]
    handbook = load_handbook(str(root / "maps"), root=str(root))
    assert (handbook.problems, handbook.warnings) == ((), ())
    assert [j.id for j in handbook.journeys] == ["becoming-a-customer"]
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Acme Rail & Bus customer journeys"
    assert config["repo_url"] == "https://github.com/acme/journeys"
    assert config["plugins"][1]["journeys"]["editor"] == "admin/"
    built = build_config(root)
    assert built.ok and built.warnings == []
    editor = yaml.safe_load((built.site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert editor["backend"] == {"name": "github", "branch": "main", "repo": "acme/journeys"}
    # The home page shows the journey through its embed.
    assert "Becoming a customer" in built.html("") and "jm-chart" in built.html("")
    sources = {
        p: p.read_text(encoding="utf-8").lower() for p in root.rglob("*") if p.is_file() and "site" not in p.parts
    }
    pages = {p: p.read_text(encoding="utf-8").lower() for p in built.site.rglob("*.html")}
    found = [f"{p}: {w}" for p, text in {**sources, **pages}.items() for w in DEMO_WORDS if w in text]
    assert found == []


def test_init_refuses_a_folder_that_holds_a_handbook(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    assert "mkdocs.yml exists already" in capsys.readouterr().err
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Mine\n"


def test_init_without_a_repository_says_how_to_set_one(tmp_path):
    root = tmp_path / "h"
    assert main(["init", str(root)]) == 0
    assert "# repo_url:" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "Our company customer journeys" in (root / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_starter_workflow_is_the_example_workflow_installing_from_requirements():
    """The handbook `init` writes has no package of its own to install: only that line differs."""
    starter = (REPO / "plugins/journeys/cli/starter/.github/workflows/handbook.yml").read_text(encoding="utf-8")
    example = (REPO / ".github/workflows/handbook.yml").read_text(encoding="utf-8")
    assert starter == example.replace("run: pip install .\n", "run: pip install -r requirements.txt\n")
    assert "pip install -r requirements.txt" in starter
