"""What changed in a map between two versions of it, in the terms an editor reviews: touchpoints
added, removed or renamed, emotions, pain points and their status, KPIs and their values. The one change engine behind the
History section of a journey page and `journeys diff`; it compares parsed versions, never lines
of text, so moving a block or re-indenting YAML is no change.

A version is parsed from the text git holds, with the same schema and builders as today's maps,
so a version that was invalid then still shows what could be read of it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from journeys.core import builders
from journeys.core.documents import checker_for, parse_markdown_text
from journeys.core.handbook import _entry
from journeys.core.ids import slugify
from journeys.core.index import opportunity_score, score_text
from journeys.core.model import CatalogueEntry, Insight, Journey, Kpi, Opportunity, PainPoint, Persona, Step
from journeys.core.schema import INSIGHT, PERSONA, Checker, CustomFields, ListOf, Record, journey_record
from journeys.core.yaml_source import YamlProblem, parse_yaml

_K = TypeVar("_K")
_V = TypeVar("_V")
_M = TypeVar("_M")  # the model a builder makes
_Item = TypeVar("_Item", Persona, Insight)  # a file of its own, compared field by field


@dataclass(frozen=True)
class Change:
    """One change. `kind` names it (see render/labels.py, `change_<kind>`); `subject` is what
    it is about (a touchpoint, a pain point's text, a team); `before` and `after` are values."""

    kind: str
    subject: str = ""
    before: str = ""
    after: str = ""


def decode(raw: bytes) -> str | None:
    """A file's bytes as the loader reads them: UTF-8, no BOM, '\\n' line ends."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def _version(raw: bytes, path: str, record: Record[Any], build: Callable[..., _M], **keys: object) -> _M | None:
    """One version of a Markdown file built as today's maps are (`build`, one of core/builders.py,
    with `keys` besides the id, body and problems); None when its front matter cannot be read."""
    text = decode(raw)
    doc = parse_markdown_text(text, path) if text is not None else None
    if doc is None or doc.located is None:
        return None
    data = record.check(doc.located.data, (), Checker(checker_for(doc))) or {}
    return build(record, data, id_=data.get("id") or _stem(path), body=doc.body, problems=doc.problems, **keys)


def journey_version(raw: bytes, path: str, custom_fields: CustomFields = ()) -> Journey | None:
    """A journey parsed from one version of its file; None when its front matter cannot be read."""
    return _version(raw, path, journey_record(custom_fields), builders.journey, source=path, folder="", team_id=slugify)


def persona_version(raw: bytes, path: str) -> Persona | None:
    return _version(raw, path, PERSONA, builders.persona, source=path)


def insight_version(raw: bytes, path: str) -> Insight | None:
    return _version(raw, path, INSIGHT, builders.insight, file=path, team_id=slugify)


def catalogue_version(raw: bytes, record: Record[CatalogueEntry]) -> tuple[CatalogueEntry, ...] | None:
    """The entries of one version of stages.yml or teams.yml (`record` is STAGE or TEAM)."""
    text = decode(raw)
    if text is None:
        return None
    try:
        located = parse_yaml(text)
    except YamlProblem:
        return None
    entries = ListOf(record).check(located.data, (), Checker(lambda *args, **kwargs: None)) or []
    return tuple(_entry(e) for e in entries if e and e.get("id"))


def _keyed(items: Iterable[tuple[_K, _V]]) -> dict[tuple[_K, int], _V]:
    """(key, value) pairs to a dict; a key seen again gets its occurrence number, so two steps
    with the same touchpoint are told apart by their order."""
    found: dict[tuple[_K, int], _V] = {}
    for key, value in items:
        n = 1
        while (key, n) in found:
            n += 1
        found[(key, n)] = value
    return found


def _touchpoints(journey: Journey) -> dict[tuple[str, int], int]:
    return _keyed((step.touchpoint, step.emotion) for _, step in journey.steps)


def _pain_points(journey: Journey) -> dict[str, PainPoint]:
    # An unnamed pain point's generated id moves with its place, so its text is its identity.
    return {(p.key if p.explicit_id else "text:" + p.text): p for _, s in journey.steps for p in s.pain_points}


def _shape(journey: Journey) -> tuple[tuple[str, object], ...]:
    """Everything of a journey that a page shows, for "something else changed"."""
    return tuple(
        (f.name, getattr(journey, f.name)) for f in fields(journey) if f.name not in ("source", "folder", "problems")
    )


def journey_changes(old: Journey | None, new: Journey | None) -> tuple[Change, ...]:
    """The changes from `old` to `new`; None stands for no file (added, removed) or for a
    version whose front matter could not be read."""
    if old is None:
        return () if new is None else (Change("map_added", new.title),)
    if new is None:
        return (Change("map_removed", old.title),)
    touchpoints = _touchpoint_changes(old, new)
    renamed = {c.before: c.after for c in touchpoints if c.kind == "touchpoint_renamed"}
    changes = [
        *_heading_changes(old, new),
        *touchpoints,
        *_pain_point_changes(old, new),
        *_kpi_changes(old, new, renamed),
        *_opportunity_changes(old, new),
    ]
    if old.body != new.body:
        changes.append(Change("narrative"))
    if not changes and _shape(old) != _shape(new):
        changes.append(Change("details"))
    return tuple(changes)


def _heading_changes(old: Journey, new: Journey) -> list[Change]:
    """The title, and the owner as a team: two spellings of one team are no change."""
    changes = []
    if old.title != new.title:
        changes.append(Change("title", "", old.title, new.title))
    if slugify(old.owner or "") != slugify(new.owner or ""):
        changes.append(Change("owner", "", old.owner or "", new.owner or ""))
    return changes


def _touchpoint_changes(old: Journey, new: Journey) -> list[Change]:
    """Touchpoints added, removed and renamed, and each kept touchpoint's emotion as a signed
    score. A touchpoint that leaves a place in the journey's order where another arrives, with
    the same emotion and pain points, was renamed: that is what an editor did."""
    before, after = _touchpoints(old), _touchpoints(new)
    added = [key for key in after if key not in before]
    removed = [key for key in before if key not in after]
    renamed = _renamed(old, new, set(added), set(removed))
    changes = [Change("touchpoint_renamed", "", was, now) for was, now in renamed]
    changes += [Change("touchpoint_added", key[0]) for key in added if key[0] not in {now for _, now in renamed}]
    changes += [Change("touchpoint_removed", key[0]) for key in removed if key[0] not in {was for was, _ in renamed}]
    changes += [
        Change("emotion", key[0], _signed(before[key]), _signed(emotion))
        for key, emotion in after.items()
        if key in before and before[key] != emotion
    ]
    return changes


def _signed(emotion: int) -> str:
    return f"{emotion:+d}" if emotion else "0"


def _renamed(
    old: Journey, new: Journey, added: set[tuple[str, int]], removed: set[tuple[str, int]]
) -> list[tuple[str, str]]:
    """(old name, new name) of the touchpoints renamed in place: at the same position of the
    journey's steps, one name removed and one added, with the same emotion and pain points."""

    def keyed(journey: Journey) -> list[tuple[tuple[str, int], Step]]:
        names = list(_keyed((step.touchpoint, None) for _, step in journey.steps))
        return [(names[n], step) for n, (_, step) in enumerate(journey.steps)]

    def pains(step: Step) -> tuple[str, ...]:
        return tuple(p.key if p.explicit_id else p.text for p in step.pain_points)

    found = []
    for (was, a), (now, b) in zip(keyed(old), keyed(new)):
        if was in removed and now in added and a.emotion == b.emotion and pains(a) == pains(b):
            found.append((was[0], now[0]))
    return found


def _kpi_changes(old: Journey, new: Journey, renamed: dict[str, str]) -> list[Change]:
    """The journey's and each touchpoint's KPIs, by name (a renamed touchpoint's under its new
    name): added, removed, and their current and target values (`Quote-to-purchase: 18% → 16%`)."""

    def kpis(journey: Journey, names: dict[str, str]) -> dict[tuple[str, str], Kpi]:
        found = {(k.name, ""): k for k in journey.kpis}
        found |= {
            (k.name, names.get(step.touchpoint, step.touchpoint)): k for _, step in journey.steps for k in step.kpis
        }
        return found

    def shown(value: str | None, unit: str | None) -> str:
        return "-" if value is None else f"{value} {unit}" if unit else str(value)

    before, after = kpis(old, renamed), kpis(new, {})
    changes = []
    for key, kpi in after.items():
        subject = f"{key[1]}: {key[0]}" if key[1] else key[0]
        was = before.get(key)
        if was is None:
            changes.append(Change("kpi_added", subject))
            continue
        if (was.current, was.unit) != (kpi.current, kpi.unit):
            changes.append(Change("kpi", subject, shown(was.current, was.unit), shown(kpi.current, kpi.unit)))
        if (was.target, was.unit) != (kpi.target, kpi.unit):
            changes.append(Change("kpi_target", subject, shown(was.target, was.unit), shown(kpi.target, kpi.unit)))
    changes += [
        Change("kpi_removed", f"{key[1]}: {key[0]}" if key[1] else key[0]) for key in before if key not in after
    ]
    return changes


def _pain_point_changes(old: Journey, new: Journey) -> list[Change]:
    """Pain points added and removed, and the status of each kept one."""
    before, after = _pain_points(old), _pain_points(new)
    changes = [Change("pain_point_added", p.text) for key, p in after.items() if key not in before]
    changes += [Change("pain_point_removed", p.text) for key, p in before.items() if key not in after]
    changes += [
        Change("pain_point_status", p.text, before[key].status, p.status)
        for key, p in after.items()
        if key in before and before[key].status != p.status
    ]
    return changes


def _opportunities(journey: Journey) -> dict[str, Opportunity]:
    # As pain points: an unnamed opportunity's generated id moves with its place.
    return {(o.key if o.explicit_id else "text:" + o.text): o for _, s in journey.steps for o in s.opportunities}


def _score(opportunity: Opportunity) -> str:
    return score_text(opportunity_score(opportunity.value, opportunity.business_value, opportunity.effort)) or "-"


def _opportunity_changes(old: Journey, new: Journey) -> list[Change]:
    """The status and score of each opportunity the map names in both versions (map format
    1.2): where the work stands, and what it is worth against what it costs."""
    before, after = _opportunities(old), _opportunities(new)
    changes = []
    for key, o in after.items():
        was = before.get(key)
        if was is None:
            continue
        if was.status != o.status:
            changes.append(Change("opportunity_status", o.text, was.status, o.status))
        if _score(was) != _score(o):
            changes.append(Change("opportunity_score", o.text, _score(was), _score(o)))
    return changes


def persona_changes(old: Persona | None, new: Persona | None) -> tuple[Change, ...]:
    return _file_changes("persona", Persona, old, new, lambda p: p.name, ("source", "problems", "body"))


def insight_changes(old: Insight | None, new: Insight | None) -> tuple[Change, ...]:
    return _file_changes("insight", Insight, old, new, lambda i: i.title, ("file", "problems", "body"))


def _file_changes(
    kind: str,
    model: type[_Item],
    old: _Item | None,
    new: _Item | None,
    name: Callable[[_Item], str],
    unshown: tuple[str, ...],
) -> tuple[Change, ...]:
    """A persona's or insight's file: added, removed, which fields changed, the narrative."""
    if old is None:
        return () if new is None else (Change(f"{kind}_added", name(new)),)
    if new is None:
        return (Change(f"{kind}_removed", name(old)),)
    changed = [f.name for f in fields(model) if f.name not in unshown and getattr(old, f.name) != getattr(new, f.name)]
    changes = [Change("fields", ", ".join(changed))] if changed else []
    if old.body != new.body:
        changes.append(Change("narrative"))
    return tuple(changes)


def catalogue_changes(
    kind: str, old: tuple[CatalogueEntry, ...] | None, new: tuple[CatalogueEntry, ...] | None
) -> tuple[Change, ...]:
    """Changes to stages.yml or teams.yml (`kind` "stage" or "team"); None: no such file."""
    if old is None and new is None:
        return ()
    if old is None:
        return (Change("catalogue_added"),)
    if new is None:
        return (Change("catalogue_removed"),)
    before, after = {e.id: e for e in old}, {e.id: e for e in new}
    changes = [Change(f"{kind}_added", e.name) for e in new if e.id not in before]
    changes += [Change(f"{kind}_removed", e.name) for e in old if e.id not in after]
    for entry in new:
        was = before.get(entry.id)
        if was is None:
            continue
        if was.name != entry.name:
            changes.append(Change(f"{kind}_renamed", entry.id, was.name, entry.name))
        if was.reviewers != entry.reviewers:
            changes.append(
                Change("reviewers", entry.name, " ".join(was.reviewers) or "-", " ".join(entry.reviewers) or "-")
            )
        if (was.description, was.contact) != (entry.description, entry.contact):
            changes.append(Change(f"{kind}_details", entry.name))
    if list(before) != list(after) and not changes:
        changes.append(Change("order"))
    return tuple(changes)
