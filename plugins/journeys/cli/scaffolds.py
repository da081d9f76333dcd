"""The commented files `journeys new` writes: valid as written, so an editor starts from a
green check and changes one value at a time.

Values the editor supplies (titles) are written as JSON strings, which YAML reads back
verbatim whatever characters they hold.
"""

from __future__ import annotations

import datetime
import json

from journeys.core import placeholders

_HEADER = """\
# Map format v1. The file name (without .md) is the {kind}'s id and the last part of its URL.
# Replace the example values (`journeys check` points at any left) and delete the optional
# keys you do not need, then run
# `journeys check` and preview with `mkdocs serve --livereload`.
# Strings are plain text: no Markdown, no HTML. Quote a string that contains ": " or " #",
# or starts with a quote, bracket, brace, "*", "&", "!", "%", "@" or "?".
# Indent with 2 spaces, never tabs. Lines starting with "#" are comments.
"""

PERSONA = """\
---
{header}
# name (required): the display name, e.g. "Maya, first-time buyer".
name: {name}
# summary (optional): one line shown in lists and at the top of the profile.
# summary: Buys her first home insurance, online, on a budget.
# segment (optional): market segment or customer type.
# segment: Direct, under 30
# goals, frustrations, needs (optional): lists of short sentences.
# goals:
#   - Cover that fits a first flat
# frustrations:
#   - Forms that ask the same thing twice
# needs:
#   - A price she can trust
# quote (optional): something this persona would say, in their words.
# quote: "I just want it to work."
# image (optional): a path relative to the docs folder, or an https URL.
# image: images/personas/{id}.jpg
# tags (optional): free-text labels.
# tags: [direct]
# Below the closing line: what this persona rests on (interviews, surveys, analytics, with
# dates and numbers of participants), as Markdown. Links are relative to this file.
---
"""

JOURNEY = """\
---
{header}
# title (required): the name of the map as people say it.
title: {title}
# summary (optional): one line shown in lists and at the top of the page.
summary: {summary}
# personas (required): ids of files in maps/personas/ (the file name without .md).
# One id or a list of ids. This handbook has: {persona_ids}.
personas: [{personas}]
# owner (optional): the team accountable for the whole journey{team_hint}.
{owner}
# state (optional): current (how it works today, the default) or future (a design).
state: current
# baseline (only with state: future): the id of the current-state map this one redesigns.
# baseline: another-journey-id
# reviewed (optional): date of the last review, YYYY-MM-DD, no quotes. Maps not reviewed
# for a while are shown as due for review.
reviewed: {today}
# tags (optional): free-text labels.
# tags: [example]
# kpis (optional): journey-level measures; a name, or name, current, target and unit.
# kpis:
#   - name: Completed in one contact
#     current: 55%
#     target: 80%
# stages (required): one block per stage, each at most once{stage_hint}.
stages:
  - stage: {stage}
    # goal (optional): what the customer wants to achieve in this stage.
    goal: {goal}
    # expectations (optional): what the customer assumes will happen. In [brackets] a comma
    # starts a new item: quote an item that has one.
    # expectations: [A clear answer, "Real prices, not teaser prices"]
    # steps (required): the touchpoints of this stage, in time order.
    steps:
      # touchpoint (required): where the customer meets us.
      - touchpoint: {touchpoint}
        # channel (optional): Web, App, Phone, E-mail, Store, Broker, ...
        channel: Web
        # action (optional): what the customer does.
        action: {action}
        # thinking (optional): what the customer thinks or says, in their words.
        thinking: {thinking}
        # emotion (required): a whole number from -2 (very negative) to 2 (very positive).
        emotion: 0
        # owner (optional): the team that owns this touchpoint; supporting: other teams.
        # owner: {team_example}
        # supporting: [{team_example}]
        # tools (optional): systems and processes used here.
        # tools: [CRM]
        # pain_points (optional): a sentence, or a mapping with text (required), id (reuse
        # it on every map where the same problem appears), severity (low, medium, high,
        # critical), evidence (quotes, figures or https URLs) and status (open,
        # in-progress, resolved).
        # pain_points:
        #   - id: {id}-example-pain
        #     text: What goes wrong for the customer.
        #     severity: medium
        #     evidence: ["Interview 3: it took me an hour"]
        # opportunities (optional): a sentence, or text, impact (low, medium, high) and
        # addresses (pain point ids it would fix).
        # opportunities:
        #   - text: What we could do about it.
        #     impact: medium
        #     addresses: [{id}-example-pain]
        # gaps (optional): what we do not know yet at this point.
        # gaps: ["How many customers give up here?"]
{custom_fields}---
## Research basis

{research}

## Open questions

- {questions}
"""

_CUSTOM_FIELD = """\
        # {key} (optional, custom lane "{label}"): a sentence or a list of sentences.
        # {key}: What happens out of the customer's sight.
"""


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def persona_template(id_: str, name: str) -> str:
    return PERSONA.format(header=_HEADER.format(kind="persona"), name=_quoted(name), id=id_)


def journey_template(
    id_: str,
    title: str,
    *,
    personas: list[str],
    known_personas: list[str],
    owner: str | None,
    stages: list[str] | None,
    teams: list[str] | None,
    custom_fields=(),
    today: datetime.date,
) -> str:
    """`personas` and `owner` are what the editor gave (none: the key is left for them to
    fill in); `known_personas` the handbook's, for the hint. `stages`/`teams` are the
    catalogue ids, or None when the handbook has no catalogue file (then any stage id and
    free-text owners are valid)."""
    if stages:
        stage, stage_hint = stages[0], ", using ids from stages.yml in its order: " + ", ".join(stages)
    else:
        stage, stage_hint = "discover", ": any id you choose (a-z, 0-9 and -)"
    if teams:
        team_example, team_hint = teams[0], "; ids from teams.yml: " + ", ".join(teams)
    else:
        team_example, team_hint = "Customer care", " (free text: there is no teams.yml)"
    return JOURNEY.format(
        header=_HEADER.format(kind="journey"),
        title=_quoted(title),
        id=id_,
        persona_ids=", ".join(known_personas),
        personas=", ".join(personas),
        owner=f"owner: {_quoted(owner)}" if owner else f"# owner: {team_example}",
        team_hint=team_hint,
        team_example=team_example,
        stage=stage,
        stage_hint=stage_hint,
        today=today.isoformat(),
        summary=_quoted(placeholders.SUMMARY),
        goal=_quoted(placeholders.GOAL),
        touchpoint=_quoted(placeholders.TOUCHPOINT),
        action=_quoted(placeholders.ACTION),
        thinking=_quoted(placeholders.THINKING),
        research=placeholders.RESEARCH,
        questions=placeholders.QUESTIONS,
        custom_fields="".join(_CUSTOM_FIELD.format(key=key, label=label) for key, label in custom_fields),
    )
