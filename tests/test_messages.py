"""Author text in messages: on one line, control characters escaped, long values cut. CI reads
log lines that start with `::` as workflow commands, so no author text may start a line."""

from __future__ import annotations

from journeys.core.problems import Problem, did_you_mean, one_line, quoted


def test_one_line_escapes_line_breaks_controls_and_direction_marks():
    assert one_line("a\nb\r\tc\x1b[31m\u202egnp.exe\u2028") == "a\\nb\\r\\tc\\x1b[31m\\u202egnp.exe\\u2028"
    assert one_line("plain text, ünïcode and emoji 🙂") == "plain text, ünïcode and emoji 🙂"


def test_quoted_values_are_cut_to_a_readable_length():
    assert quoted("x\n::error::boom") == "'x\\n::error::boom'"
    long = quoted("y" * 10_000)
    assert len(long) < 200 and long.endswith("… (10,000 characters)'")


def test_a_problem_prints_on_one_line_whatever_its_parts_hold():
    problem = Problem("maps/a\n::add-mask::x.md", 3, 4, "stages[0].\n::stop-commands::k", "bad\n::error::value")
    text = str(problem)
    assert "\n" not in text
    assert text == "maps/a\\n::add-mask::x.md:3:4: stages[0].\\n::stop-commands::k: bad\\n::error::value"


def test_a_warning_says_so_after_its_place():
    warning = Problem("maps/teams.yml", 5, 3, "name", "looks like another team's name", "warning")
    assert str(warning) == "maps/teams.yml:5:3: warning: name: looks like another team's name"
    assert sorted([warning, Problem("maps/teams.yml", 2, 1, "", "e")])[0].line == 2


def test_did_you_mean_quotes_the_suggestion():
    assert did_you_mean("persona", ["personas", "stages"]) == " (did you mean 'personas'?)"
    assert did_you_mean("zzz", ["personas"]) == ""
