"""libyaml reads maps fast; PyYAML's Python parser reads what libyaml cannot. Both must give the
same data, the same positions and the same errors, so that the fast path changes nothing."""

from __future__ import annotations

import pytest

from helpers import REPO
from journeys.core import yaml_source

TRICKY = [
    "title: Café — “quotes” 😀 x\nsummary: 日本語のテキスト: no\n  x",
    "title: Café 😀\npersonas: [a, b]\nk: 😀😀 then: y",
    "a: |\n  block\n  text 😀\nb: >\n  folded\n  more\nc: 'single\n  multi'\nd: \"dq \\u00e9\"\n",
    "- {a: 1, b: [x, y]}\n- ? complex\n  : v\n",
    "a: 1 # comment\n# full\nb:\n  - x\n  -   y\n",
    "a: 2026-02-30\n",
    "a: .nan\n",
    "a: !!binary aGVsbG8=\n",
    "a: 2020-01-01 10:00:00\n",
    "a: b: c\n",
    "a:\n\t- x\n",
    "[unclosed\n",
    "a: 'x\n",
    "a: &anchor 1\nb: 2\n",
    "a: &t x\nb: *t\n",
    "a: x\na: y\n",
    "? [a]\n: 1\n",
    'a: "\\x07"\n',
    "a: 0o17\nb: 0x1F\nc: 1_000\nd: yes\ne: ~\nf: 1e3\n",
    "a:\n- b\n- c: 1\n  d: 2\n",
    "",
    "# only a comment\n",
    "a: 1\n---\nb: 2\n",
    "a: !!str 1\n",
    "a: !!set {x}\n",
    "a: x\x7fy\n",
    "a: x\ufffey\n",
    "a: x\x0by\n",
    "a: x\u200by\n",
    "title: " + "[" * 100 + "]" * 100 + "\n",
]


def read(text: str):
    try:
        located = yaml_source.parse_yaml(text, 2)
    except yaml_source.YamlProblem as problem:
        return ("problem", problem.message, problem.line, problem.col)
    return ("data", located.data, located.values, located.keys)


def front_matter(path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("\n---", 1)[0][4:] if path.suffix == ".md" else text


@pytest.mark.parametrize("text", TRICKY + [front_matter(p) for p in sorted((REPO / "maps").rglob("*.*"))])
def test_fast_and_python_parsers_agree(text, monkeypatch):
    fast = read(text)
    monkeypatch.setattr(yaml_source, "_FAST_LOADER", None)
    assert fast == read(text)


def test_fast_path_is_taken_for_an_ordinary_map(monkeypatch):
    """Guards the speed-up itself: a plain map never reaches PyYAML's Python parser."""
    monkeypatch.setattr(yaml_source, "_Loader", None)  # calling it would raise TypeError
    assert yaml_source.parse_yaml("title: x\nstages: [{stage: buy}]\n").data == {
        "title": "x",
        "stages": [{"stage": "buy"}],
    }


def test_a_large_document_is_never_read_by_pythons_parser(monkeypatch):
    """PyYAML's parser takes about 5 s for 1 MiB, and a `*` anywhere or one mistake at the end
    would make it read the whole map: past SLOW_PATH_LIMIT, libyaml's words and nodes serve."""
    monkeypatch.setattr(yaml_source, "_Loader", None)  # calling it would raise TypeError
    padding = "b: x\n" * (yaml_source.SLOW_PATH_LIMIT // 5 + 1)
    assert yaml_source.parse_yaml("a: rated 5* by users\n" + padding).data["a"] == "rated 5* by users"
    for text, line, message in [
        (padding + "c: [\n", padding.count("\n") + 2, "did not find expected node content"),
        ("a: &anchor 1\n" + padding + "c: *anchor\n", 1, "anchors and aliases (*name) are not supported"),
        ("a: " + "[" * 2000 + "\n" + padding, 1, "nested too deeply (more than 40 levels)"),
    ]:
        with pytest.raises(yaml_source.YamlProblem) as problem:
            yaml_source.parse_yaml(text)
        assert problem.value.line == line and message in problem.value.message
