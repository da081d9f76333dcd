"""The editor's guide quotes the messages the check really prints: each broken input of
tests/broken_inputs.py that the guide quotes is made in a real handbook, and its message (with
the values replaced by the guide's placeholders) must appear in docs/editors-guide.md."""

from __future__ import annotations

import pytest

from broken_inputs import CUSTOM_FIELDS, GUIDED, ids, write_handbook
from helpers import REPO
from journeys.core import load_handbook

GUIDE = (REPO / "docs" / "editors-guide.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", GUIDED, ids=ids(GUIDED))
def test_the_guide_quotes_the_real_message(tmp_path, case):
    write_handbook(tmp_path, case)
    messages = []
    handbook = load_handbook(tmp_path / "maps", root=tmp_path, custom_fields=CUSTOM_FIELDS)
    for problem in handbook.problems + handbook.warnings:
        # The guide names the key itself only in the unknown-key message ("X: unknown key").
        message = f"{problem.key}: {problem.message}" if case.guide.startswith("X: ") else problem.message
        for value, placeholder in case.placeholders:
            message = message.replace(value, placeholder)
        messages.append(message)
    assert case.guide in messages
    assert f"`{case.guide}`" in GUIDE
