"""The CLI finds the site config that declares the plugin's options, wherever it runs from."""

from __future__ import annotations

from helpers import write
from journeys.cli import main
from journeys.cli.site_config import find_config_file, read_options

CONFIG = "plugins:\n  - journeys:\n      custom_fields:\n        - key: backstage\n          label: Behind the scenes\n"


def test_check_from_outside_reads_the_config_beside_the_maps_folder(
    handbook_dir, tmp_path_factory, monkeypatch, capsys
):
    write(handbook_dir, {"mkdocs.yml": CONFIG})
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    assert main(["check", str(handbook_dir / "maps")]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out.endswith("maps: 2 journeys, 2 personas, 1 pain point: no errors\n")


def test_without_a_config_anywhere_the_custom_lane_is_unknown(handbook_dir, tmp_path_factory, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    assert main(["check", str(handbook_dir / "maps")]) == 1
    assert "stages[0].steps[0].backstage: unknown key" in capsys.readouterr().out


def test_the_config_in_the_working_directory_wins(handbook_dir, tmp_path_factory, monkeypatch):
    write(handbook_dir, {"mkdocs.yml": CONFIG})
    here = tmp_path_factory.mktemp("here")
    write(here, {"mkdocs.yml": "site_name: other\n"})
    monkeypatch.chdir(here)
    assert find_config_file(str(handbook_dir / "maps")) == "mkdocs.yml"
    assert read_options(find_config_file(str(handbook_dir / "maps"))).custom_fields == ()


def test_an_explicit_config_file_is_used_as_given(handbook_dir, tmp_path_factory, monkeypatch, capsys):
    write(handbook_dir, {"elsewhere.yml": CONFIG})
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    assert main(["-f", str(handbook_dir / "elsewhere.yml"), "check", str(handbook_dir / "maps")]) == 0


def test_a_properdocs_config_is_found_too(handbook_dir, monkeypatch):
    write(handbook_dir, {"properdocs.yml": CONFIG})
    monkeypatch.chdir(handbook_dir)
    assert find_config_file() == "properdocs.yml"


def test_site_options_the_export_needs_are_read(handbook_dir):
    write(
        handbook_dir,
        {"mkdocs.yml": "use_directory_urls: false\nplugins:\n  - journeys:\n      prefix: cx/\n      maps_dir: maps\n"},
    )
    options = read_options(str(handbook_dir / "mkdocs.yml"))
    assert (options.use_directory_urls, options.prefix) == (False, "cx/")


def test_inherit_merges_the_parent_config_as_mkdocs_does(tmp_path):
    """A public config that INHERITs the internal one: its own plugin options, the parent's
    site settings (here custom_dir and repo_url) unless it sets them itself."""
    (tmp_path / "base.yml").write_text(
        "site_name: Base\nrepo_url: https://git.example/cx\ntheme:\n  name: material\n  custom_dir: overrides\n"
        "plugins:\n  - journeys:\n      review_after_days: 30\n",
        encoding="utf-8",
    )
    (tmp_path / "public.yml").write_text(
        "INHERIT: base.yml\ndocs_dir: public-docs\nplugins:\n  - journeys:\n      audience: public\n", encoding="utf-8"
    )
    options = read_options(str(tmp_path / "public.yml"))
    assert options.audience == "public"
    assert options.review_after_days == 180  # lists are replaced, as MkDocs does: the parent's plugins are gone
    assert options.repo_url == "https://git.example/cx"
    assert options.custom_dir.endswith("overrides") and options.docs_dir.endswith("public-docs")
