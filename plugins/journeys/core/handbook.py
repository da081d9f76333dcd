"""Load a maps folder into a validated Handbook: every file, every error, in one pass."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import gc
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ParamSpec, TypeVar

from journeys.core import builders, hierarchy, narrative_links, placeholders
from journeys.core.build_date import build_date
from journeys.core.documents import (
    Document,
    checker_for,
    leads_out,
    parse_markdown_file,
    parse_yaml_file,
    split_list_warnings,
)
from journeys.core.ids import RESERVED_IDS, humanize, is_valid_id, reserved, slugify
from journeys.core.index import (
    MergedOpportunity,
    MergedPainPoint,
    Uses,
    insight_uses,
    managed,
    merge_opportunities,
    merge_pain_points,
)
from journeys.core.look_alike import Named, look_alikes
from journeys.core.measure_files import JourneyScope, Known, read_values
from journeys.core.measures import Scope, SeriesKey, kpi_problems, measure_model, measured_kpi, series_index, sort_key
from journeys.core.model import (
    CatalogueEntry,
    Insight,
    Journey,
    Kpi,
    Link,
    Measure,
    MeasureValue,
    Persona,
    StageBlock,
    Step,
)
from journeys.core.near_ids import Use, near_id_warnings
from journeys.core.opportunity_checks import check_shared_opportunities
from journeys.core.problems import Problem, did_you_mean, quoted
from journeys.core.public_checks import NO_PUBLIC_JOURNEY, SNIPPET_MESSAGE, public_problems, snippet_includes
from journeys.core.schema import (
    INSIGHT,
    KIND_UNITS,
    MEASURE,
    PERSONA,
    STAGE,
    TEAM,
    Checker,
    CustomField,
    CustomFields,
    Data,
    ListOf,
    Record,
    Report,
    custom_fields_of,
    format_path,
    journey_record,
)
from journeys.core.yaml_source import Located, Path

# Stages and teams a handbook may have, listed in a catalogue or named by its journeys: each one
# is a page, and 1 MiB of teams.yml would otherwise make 77,779 of them (docs/security.md).
MAX_ENTRIES = 1_000

# Parsed files by absolute path, with the (mtime, size) they were parsed at: see `_cached`.
ParseCache = dict[str, tuple[tuple[int, int] | None, Document]]
# What references may point at, by kind (see `_known_ids`): the value's type depends on the kind.
_Known = dict[str, Any]
# What a public map's messages may suggest, by kind (see `_public_hints`).
_Public = dict[str, set[str]]
_P = ParamSpec("_P")
_R = TypeVar("_R")


@dataclass(frozen=True)
class Handbook:
    personas: tuple[Persona, ...]
    journeys: tuple[Journey, ...]
    stages: tuple[CatalogueEntry, ...]
    teams: tuple[CatalogueEntry, ...]
    problems: tuple[Problem, ...]  # every error in every file, sorted
    custom_fields: tuple[CustomField, ...] = ()  # in declared order
    audience: str = "internal"  # "public": a projection made by core.audience.public_view
    warnings: tuple[Problem, ...] = ()  # likely mistakes that leave every map valid, sorted
    measures: tuple[Measure, ...] = ()  # measures.yml, in its order (map format 1.2)
    measure_values: tuple[MeasureValue, ...] = ()  # maps/measures/*.csv, by measure, scope and date
    measures_source: str = ""  # measures.yml as paths in messages name it: the measure pages' source

    @cached_property
    def measure_by_id(self) -> dict[str, Measure]:
        return {m.id: m for m in self.measures}

    @cached_property
    def series(self) -> dict[SeriesKey, tuple[MeasureValue, ...]]:
        """(measure, journey, stage, step, persona) -> its values, oldest first."""
        return series_index(self.measure_values)

    insights: tuple[Insight, ...] = ()  # map format 1.2: insights/<id>.md, by id

    @cached_property
    def insight_by_id(self) -> dict[str, Insight]:
        return {i.id: i for i in self.insights}

    @cached_property
    def valid_insights(self) -> tuple[Insight, ...]:
        """The insights whose content is published, newest first (then by id); an invalid
        insight's page shows its errors."""
        valid = sorted((i for i in self.insights if not i.problems and i.date), key=lambda i: i.id)
        return tuple(sorted(valid, key=lambda i: i.date or datetime.date.min, reverse=True))

    @cached_property
    def opportunities(self) -> tuple[MergedOpportunity, ...]:
        """Opportunities of the valid journeys merged by id, highest score first."""
        return merge_opportunities(self.valid_journeys)

    @cached_property
    def opportunity_by_id(self) -> dict[str, MergedOpportunity]:
        return {o.id: o for o in self.opportunities}

    @cached_property
    def has_portfolio(self) -> bool:
        """Whether the site has the opportunity portfolio (core.index.managed says when)."""
        return managed(self.opportunities)

    @cached_property
    def insight_uses(self) -> dict[str, Uses]:
        """Insight id -> the pain points, opportunities and journeys that name it."""
        return insight_uses(self.pain_points, self.opportunities)

    @cached_property
    def persona_by_id(self) -> dict[str, Persona]:
        return {p.id: p for p in self.personas}

    @cached_property
    def journey_by_id(self) -> dict[str, Journey]:
        return {j.id: j for j in self.journeys}

    @cached_property
    def stage_by_id(self) -> dict[str, CatalogueEntry]:
        return {s.id: s for s in self.stages}

    @cached_property
    def team_by_id(self) -> dict[str, CatalogueEntry]:
        return {t.id: t for t in self.teams}

    @cached_property
    def pain_points(self) -> tuple[MergedPainPoint, ...]:
        """Pain points of the valid journeys merged by id, highest priority first."""
        return merge_pain_points(self.valid_journeys)

    @cached_property
    def pain_point_by_id(self) -> dict[str, MergedPainPoint]:
        return {p.id: p for p in self.pain_points}

    @cached_property
    def journeys_by_persona(self) -> dict[str, tuple[Journey, ...]]:
        """Valid journeys of each persona, in id order."""
        found: dict[str, list[Journey]] = {p.id: [] for p in self.personas}
        for journey in self.valid_journeys:
            for persona_id in journey.personas:
                found.setdefault(persona_id, []).append(journey)
        return {k: tuple(v) for k, v in found.items()}

    @cached_property
    def redesigned_by(self) -> dict[str, tuple[Journey, ...]]:
        """Future-state journeys by the id of the baseline they redesign."""
        found: dict[str, list[Journey]] = {}
        for journey in self.journeys:
            if journey.baseline:
                found.setdefault(journey.baseline, []).append(journey)
        return {k: tuple(v) for k, v in found.items()}

    @cached_property
    def children(self) -> dict[str, tuple[Journey, ...]]:
        """Journeys by the id of the journey they zoom into, in order (core/hierarchy.py)."""
        return hierarchy.children_by_parent(self.journeys)

    @cached_property
    def detailing_step(self) -> dict[str, tuple[Journey, StageBlock, Step]]:
        """Journey id -> the step of its parent that zooms into it, with that step's journey and block."""
        return hierarchy.detailing_steps(self.journeys)

    @cached_property
    def valid_journeys(self) -> tuple[Journey, ...]:
        """The journeys whose content is published; an invalid map's page shows its errors."""
        return tuple(j for j in self.journeys if not j.problems)


@dataclass
class _Item:
    """One persona or journey file on its way to the model."""

    doc: Document
    data: Data
    refs: list[tuple[str, str, Path]]  # (kind, value, path), see schema.Checker
    id: str
    folder: str = ""
    path: str = ""  # absolute
    links: list[Link] = field(default_factory=list)


def _display(abs_path: str, root: str) -> str:
    rel = os.path.relpath(abs_path, root)
    return _printable((abs_path if rel.startswith("..") else rel).replace(os.sep, "/"))


def _printable(name: str) -> str:
    """A file name that is not UTF-8 arrives with surrogates, which no terminal, log or page
    can print; show its odd bytes as escapes instead."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _map_files(folder: str, recursive: bool, extension: str = ".md") -> list[str]:
    """Markdown (or `extension`) files, sorted; names starting with '_' or '.' are drafts and
    templates."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(("_", "."))) if recursive else []
        found += [os.path.join(dirpath, f) for f in filenames if f.endswith(extension) and not f.startswith(("_", "."))]
    return sorted(found)


def _cached(parse: Callable[[str, str], Document], abs_path: str, display: str, cache: ParseCache | None) -> Document:
    """Parse through `cache` (abs path -> (mtime, size, document)) so a rebuild re-reads only
    the files that changed. Problems are copied because checking appends to them."""
    if cache is None:
        return parse(abs_path, display)
    try:
        stat = os.stat(abs_path)
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    hit = cache.get(abs_path)
    if hit is None or hit[0] != stamp or hit[1].display != display:
        hit = (stamp, parse(abs_path, display))
        cache[abs_path] = hit
    doc = hit[1]
    return Document(doc.display, doc.located, doc.body, list(doc.problems), doc.body_line)


def _catalogue(
    path: str | None, root: str, record: Record[Any], cache: ParseCache | None, refs: list[_Item] | None = None
) -> tuple[list[Data] | None, list[Problem], list[Named]]:
    """The entries of stages.yml, teams.yml or measures.yml (None without the file), its
    problems, and its ids and names as readers see them. `refs` collects the file's references
    as an `_Item` to resolve (a measure's owner team)."""
    if path is None or not os.path.isfile(path):
        return None, [], []
    doc = _cached(parse_yaml_file, path, _display(path, root), cache)
    if doc.located is None:
        return [], doc.problems, []
    ck = Checker(checker_for(doc))
    data = doc.located.data
    if isinstance(data, list) and len(data) > MAX_ENTRIES:
        ck.report((MAX_ENTRIES,), _too_many(record.name, f"{len(data):,} entries are listed"))
        data = data[:MAX_ENTRIES]
    entries = ListOf(record).check(data, (), ck)
    if refs is not None:
        refs.append(_Item(doc, {}, ck.refs, record.name))
    seen: dict[str, int] = {}
    named = []
    for i, entry in enumerate(entries or []):
        if entry["id"] in seen:
            ck.report((i, "id"), f"duplicate {record.name} id '{entry['id']}' (also entry {seen[entry['id']]})")
        seen.setdefault(entry["id"], i)
        if entry["id"] and (why := reserved(record.name, entry["id"])):
            ck.report((i, "id"), f"'{entry['id']}' is reserved: {why}; choose another id")
            entry["id"] = None  # no page for it, and references to it are reported where they are
        for what in ("id", "name") if entry["id"] else ():
            if entry.get(what):
                named.append(_named(doc, record.name, entry["id"], entry[what], what, (i, what)))
    return [e for e in entries or [] if e["id"]], doc.problems, named


def _named(doc: Document, kind: str, id_: str, text: str, what: str, path: Path) -> Named:
    line, col = doc.located.where(path) if doc.located else (None, None)
    return Named(kind, id_, text, what, doc.display, line, col, format_path(path))


def _too_many(kind: str, why: str) -> str:
    return f"a handbook may have at most {MAX_ENTRIES:,} {kind}s, each a page of its own, and {why}: merge some"


def _free_ids(items: list[_Item], kind: str) -> dict[str, str]:
    """Without a catalogue, the stages or teams the journeys name, in the order they are first
    named, up to MAX_ENTRIES: id -> its first spelling (a team's id is the slug of its name)."""
    id_of = slugify if kind == "team" else str
    found: dict[str, str] = {}
    for item in items:
        for ref_kind, value, _ in item.refs:
            if ref_kind == kind and len(found) < MAX_ENTRIES and id_of(value):
                found.setdefault(id_of(value), value.strip())
    return found


def _entry(data: Data) -> CatalogueEntry:
    return CatalogueEntry(
        data["id"],
        data.get("name") or humanize(data["id"]),
        data.get("description"),
        data.get("contact"),
        tuple(data.get("reviewers") or ()),
    )


def _load_item(abs_path: str, root: str, record: Record[Any], cache: ParseCache | None, folder: str = "") -> _Item:
    doc = _cached(parse_markdown_file, abs_path, _display(abs_path, root), cache)
    ck = Checker(checker_for(doc))
    data: Data = {}
    if doc.located is not None:
        data = record.check(doc.located.data, (), ck) or {}
    stem = _printable(os.path.splitext(os.path.basename(abs_path))[0])
    id_ = data.get("id")
    if (
        id_ is None
        and doc.located is not None
        and not (isinstance(doc.located.data, dict) and "id" in doc.located.data)
    ):
        if is_valid_id(stem):
            id_ = stem
            if why := reserved(record.name, stem):
                ck.report((), f"the file name gives the id '{stem}', which is reserved: {why}; rename the file")
        else:
            ck.report(
                (), f"the file name '{stem}' is not a valid id: rename the file or add 'id: {slugify(stem) or 'my-id'}'"
            )
    elif id_ is not None and (why := reserved(record.name, id_)):
        ck.report(("id",), f"'{id_}' is reserved: {why}; choose another id")
    return _Item(doc, data, ck.refs, id_ or slugify(stem) or "unnamed", folder, abs_path)


def _cycle_collection_paused(load: Callable[_P, _R]) -> Callable[_P, _R]:
    """Loading makes hundreds of thousands of small dicts, lists and tuples and no cyclic
    garbage, so the cycle collector would only rescan them again and again: about 40% of the
    time of loading 1,000 maps. It runs again as soon as loading is done."""

    @functools.wraps(load)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return load(*args, **kwargs)
        gc.disable()
        try:
            return load(*args, **kwargs)
        finally:
            gc.enable()

    return paused


@_cycle_collection_paused
def load_handbook(
    maps_dir: str,
    *,
    custom_fields: CustomFields = (),
    root: str | None = None,
    cache: ParseCache | None = None,
    docs_dir: str | None = None,
    audience: str = "internal",
) -> Handbook:
    """Read and validate every map under `maps_dir`; for a public `audience`, also what a
    public build would leak (core/audience.py).

    `root` is the folder that paths in messages and `source` are relative to (the folder of
    the site config, or the working directory). `custom_fields` are `CustomField`s (or (key,
    label) pairs, fields without a lane).
    `docs_dir` is the site's docs folder, which narratives may link into (default: `docs`
    under `root`).
    """
    root = os.path.abspath(root or os.getcwd())
    docs_dir = os.path.abspath(docs_dir or os.path.join(root, "docs"))
    maps_dir = os.path.abspath(maps_dir)
    custom_fields = custom_fields_of(custom_fields)
    if not os.path.isdir(maps_dir):
        missing = Problem(_display(maps_dir, root), None, None, "", "maps folder not found")
        return Handbook((), (), (), (), (missing,), custom_fields)
    files = _find_files(maps_dir, root)
    loose = list(files.problems)
    stage_data, found, stage_names = _catalogue(files.stages, root, STAGE, cache)
    loose += found
    team_data, found, team_names = _catalogue(files.teams, root, TEAM, cache)
    loose += found
    measure_item: list[_Item] = []
    measure_data, found, measure_names = _catalogue(files.measures, root, MEASURE, cache, measure_item)
    loose += found
    persona_items = [_load_item(p, root, PERSONA, cache) for p in files.personas]
    record = journey_record(custom_fields)
    journey_items = [_load_item(p, root, record, cache, _folder(p, files.journeys_dir)) for p in files.journeys]
    insight_items = [_load_item(p, root, INSIGHT, cache) for p in files.insights]
    loose += _missing_kinds(files, persona_items, journey_items, root)
    items = persona_items + journey_items + insight_items

    # Every file is checked, including one whose id another file has already: only the
    # first of them gets a page, but the others' mistakes are reported in the same run.
    personas_kept = _unique(persona_items, "persona")
    journeys_kept = _unique(journey_items, "journey")
    insights_kept = _unique(insight_items, "insight")
    known = _known_ids(personas_kept, journeys_kept, stage_data, team_data, measure_data, insights_kept)
    free_stages = _free_ids(journey_items, "stage") if stage_data is None else None
    # An insight's or a measure's owner names a team as a step's does: without teams.yml, one of its own.
    free_teams = _free_ids(journey_items + insight_items + measure_item, "team") if team_data is None else None
    known["free"] = {"stage": free_stages, "team": free_teams}
    # In a public build, what a public map's messages may suggest: only what the public site
    # shows, so that its error box names nothing internal (core/public_checks.py).
    public = _public_hints(journeys_kept, insights_kept) if audience == "public" else None
    for item in items + measure_item:
        _resolve(item, known, public if _published(item, public) else None)
    today = build_date()
    units = {m["id"]: _unit(m) for m in measure_data or ()}
    for item in journey_items:
        _check_journey(item, known, today, public if _published(item, public) else None)
        kpi_problems(item.data, checker_for(item.doc), units)
    values, found = read_values(
        [(f, _display(f, root)) for f in files.measure_values], _measure_known(known, journeys_kept), today
    )
    loose += [p for p in found if p.level == "error"]
    zoom = _check_hierarchy(journeys_kept, known, public)
    for item in insight_items:
        _check_date(item, ("date",), "write the date the research ended", today)
    _check_opportunities(journeys_kept, slugify if team_data is None else None, public)
    loose += _check_folders(journey_items, files.journeys_dir, root)
    _check_links(items, personas_kept, journeys_kept, maps_dir, docs_dir, root, public, insights_kept)
    _check_placeholders(journey_items + insight_items)
    warnings = []
    if public is not None:
        public_problems(
            ((i.id, i.data) for i in personas_kept), ((i.id, i.data, checker_for(i.doc)) for i in journeys_kept)
        )
        for item in (i for i in personas_kept + journeys_kept + insights_kept if _published(i, public)):
            for offset in snippet_includes(item.doc.body):
                _report_in_body(item, offset, SNIPPET_MESSAGE)
        if not public["journey"]:
            warnings.append(Problem(_display(maps_dir, root), None, None, "", NO_PUBLIC_JOURNEY, "warning"))

    team_id = (lambda name: name) if team_data is not None else slugify
    measures = tuple(
        dataclasses.replace(m, owner=team_id(m.owner)) if m.owner else m
        for m in (measure_model(e, MEASURE) for e in measure_data or ())
    )
    values.sort(key=sort_key)
    series = series_index(values)
    by_id = {m.id: m for m in measures}
    personas, journeys = _model(
        personas_kept,
        journeys_kept,
        team_id,
        record,
        lambda data, scope: measured_kpi(data, scope, by_id, series),
        zoom,
    )
    insights = _insights(insights_kept, team_data)
    stages = (
        tuple(_entry(e) for e in stage_data) if stage_data is not None else _derived_stages(journeys, free_stages or {})
    )
    teams = (
        tuple(_entry(e) for e in team_data)
        if team_data is not None
        else _derived_teams(journeys_kept + insights_kept + measure_item, free_teams or {})
    )
    problems = sorted({*loose, *(p for item in items + measure_item for p in item.doc.problems)})
    # A public build publishes public maps and insights only, and its warnings say nothing of
    # internal insights (or personas, below).
    told = [i for i in insights_kept if public is None or _published(i, public)]
    named = [*stage_names, *team_names, *measure_names, *_item_names(personas_kept, journeys_kept, known, told)]
    warnings += look_alikes(named) + [p for p in found if p.level != "error"]
    warnings += [w for item in persona_items + journey_items + told for w in split_list_warnings(item.doc)]
    warnings += _unfinished_personas(i for i in persona_items if public is None or _published(i, public))
    warnings += near_id_warnings(_pain_id_uses([i for i in journeys_kept if public is None or _published(i, public)]))
    return Handbook(
        personas,
        journeys,
        stages,
        teams,
        tuple(problems),
        custom_fields,
        warnings=tuple(sorted(warnings)),
        measures=measures,
        measure_values=tuple(values),
        measures_source=_display(files.measures, root) if files.measures and measures else "",
        insights=insights,
    )


def _unit(entry: Data) -> str:
    """A measure's unit: as written, or its kind's."""
    unit = entry.get("unit")
    return unit if isinstance(unit, str) else KIND_UNITS.get(entry.get("kind") or "", "")


def _measure_known(known: _Known, journeys: list[_Item]) -> Known:
    """What the values in maps/measures/*.csv may name, from the validated maps."""
    scopes = {}
    for item in journeys:
        blocks = [b for b in item.data.get("stages") or () if isinstance(b, dict) and b.get("stage")]
        scopes[item.id] = JourneyScope(
            tuple(b["stage"] for b in blocks),
            {s["id"]: b["stage"] for b in blocks for s in b.get("steps") or () if isinstance(s, dict) and s.get("id")},
            tuple(item.data.get("personas") or ()),
        )
    stages = known["stage"]
    if stages is None:  # no catalogue: the stages the journeys use
        stages = list(dict.fromkeys(stage for scope in scopes.values() for stage in scope.stages))
    return Known(known["measure"], scopes, frozenset(stages), frozenset(known["persona"]), known["stage"] is not None)


def _item_names(
    personas: Iterable[_Item], journeys: Iterable[_Item], known: _Known, insights: Iterable[_Item] = ()
) -> list[Named]:
    """The ids and names readers see of personas, journeys and insights, and of the stages and
    teams that journeys name when there is no catalogue (a team's name is then each spelling)."""
    found: dict[tuple[str, str, str], Named] = {}
    for kind, items, name in (
        ("persona", personas, "name"),
        ("journey", journeys, "title"),
        ("insight", insights, "title"),
    ):
        for item in items:
            if item.doc.located is None:
                continue
            key = ("id",) if item.data.get("id") else ()
            found[(kind, "id", item.id)] = _named(item.doc, kind, item.id, item.id, "id", key)
            if item.data.get(name):
                found[(kind, name, item.id)] = _named(item.doc, kind, item.id, item.data[name], name, (name,))
    for item in journeys:
        for kind, value, path in item.refs:
            if kind == "stage" and known["stage"] is None:
                found.setdefault((kind, "id", value), _named(item.doc, kind, value, value, "id", path))
            elif kind == "team" and known["team"] is None and slugify(value):
                found.setdefault((kind, "name", value), _named(item.doc, kind, slugify(value), value, "name", path))
    return list(found.values())


def _published(item: _Item, public: _Public | None) -> bool:
    """Whether `item` is a public map of a public build (`public` from `_public_hints`)."""
    return public is not None and item.data.get("visibility") == "public"


def _check_hierarchy(journeys: list[_Item], known: _Known, public: _Public | None) -> hierarchy.Checked:
    """Check every `parent` and `details` (core/hierarchy.py). In a public build, a public map
    is checked among the public maps only, as the public site shows them: a link to an internal
    journey is dropped there without a word (core/audience.py), and no message in a public map
    names an internal journey or its file. The internal maps are checked as in any build, with
    what the public maps say heard but reported in their own check only."""
    if public is None:
        return hierarchy.check(journeys, known["journey"], lambda i: checker_for(i.doc), _where)
    published = [i for i in journeys if _published(i, public)]
    everything = hierarchy.check(
        journeys, known["journey"], lambda i: _silent if _published(i, public) else checker_for(i.doc), _where
    )
    shown = hierarchy.check(published, public["journey"], lambda i: checker_for(i.doc), _where)
    ids = public["journey"]
    return hierarchy.Checked(
        {**{c: p for c, p in everything.parents.items() if c not in ids}, **shown.parents},
        {**{j: d for j, d in everything.details.items() if j not in ids}, **shown.details},
    )


def _silent(*_: object) -> None:
    """A report that says nothing: what is reported elsewhere (see `_check_hierarchy`)."""


def _public_hints(journey_items: list[_Item], insight_items: list[_Item]) -> _Public:
    """The ids a public map's messages may suggest, by kind: what public journeys hold, and the
    public insights. Teams are internal-facing (public_fields), so none is ever suggested."""
    published = [i for i in journey_items if i.data.get("visibility") == "public"]
    return {
        "journey": {i.id for i in published},
        "stage": {value for i in published for kind, value, _ in i.refs if kind == "stage"},
        "team": set(),
        "insight": {i.id for i in insight_items if i.data.get("visibility") == "public"},
    }


@dataclass
class _Files:
    """The files of a maps folder that are read; links leading out of it are left out."""

    stages: str | None
    teams: str | None
    personas: list[str]
    journeys: list[str]
    personas_dir: str
    journeys_dir: str
    problems: list[Problem]
    measures: str | None = None  # measures.yml
    measure_values: list[str] = field(default_factory=list)  # measures/*.csv, sorted
    insights: list[str] = field(default_factory=list)


def _find_files(maps_dir: str, root: str) -> _Files:
    stages_path, teams_path, measures_path = (
        os.path.join(maps_dir, name) for name in ("stages.yml", "teams.yml", "measures.yml")
    )
    personas_dir = os.path.join(maps_dir, "personas")
    journeys_dir = os.path.join(maps_dir, "journeys")
    persona_files, journey_files = _map_files(personas_dir, False), _map_files(journeys_dir, True)
    value_files = _map_files(os.path.join(maps_dir, "measures"), False, ".csv")
    insight_files = _map_files(os.path.join(maps_dir, "insights"), False)
    catalogues = (stages_path, teams_path, measures_path)
    found = (*catalogues, *persona_files, *journey_files, *value_files, *insight_files)
    leaving = {p for p in found if leads_out(p, maps_dir)}
    problems = [
        Problem(
            _display(p, root),
            None,
            None,
            "",
            "is a link to a file outside the maps folder: a map must be a file inside it",
        )
        for p in sorted(leaving)
    ]
    return _Files(
        None if stages_path in leaving else stages_path,
        None if teams_path in leaving else teams_path,
        [p for p in persona_files if p not in leaving],
        [p for p in journey_files if p not in leaving],
        personas_dir,
        journeys_dir,
        problems,
        None if measures_path in leaving else measures_path,
        [p for p in value_files if p not in leaving],
        [p for p in insight_files if p not in leaving],
    )


def _folder(path: str, journeys_dir: str) -> str:
    return _printable(os.path.relpath(os.path.dirname(path), journeys_dir).replace(os.sep, "/").strip("."))


def _missing_kinds(files: _Files, persona_items: list[_Item], journey_items: list[_Item], root: str) -> list[Problem]:
    problems = []
    if not persona_items:
        problems.append(
            Problem(
                _display(files.personas_dir, root), None, None, "", "no persona: add at least one file personas/<id>.md"
            )
        )
    if not journey_items:
        problems.append(
            Problem(
                _display(files.journeys_dir, root), None, None, "", "no journey: add at least one file journeys/<id>.md"
            )
        )
    return problems


def _unique(items: list[_Item], kind: str) -> list[_Item]:
    """The first file (in path order) for each id; a later one with the same id has no page
    to go to, so it gets an error of its own. A reserved id has no page either: its index
    page is there (its error was reported on loading)."""
    first: dict[str, _Item] = {}
    for item in items:
        if item.id in RESERVED_IDS:
            continue
        if item.id in first:
            checker_for(item.doc)(
                ("id",),
                f"duplicate {kind} id '{item.id}': {first[item.id].doc.display} has it already; rename the file or set another 'id'",
                True,
            )
        else:
            first[item.id] = item
    return list(first.values())


def _known_ids(
    persona_items: Iterable[_Item],
    journey_items: Iterable[_Item],
    stage_data: list[Data] | None,
    team_data: list[Data] | None,
    measure_data: list[Data] | None = None,
    insight_items: Iterable[_Item] = (),
) -> _Known:
    """What references may point at: the ids that have a page (or a catalogue entry). A
    measure id maps to its kind."""
    return {
        "measure": {e["id"]: e["kind"] for e in measure_data or () if e.get("kind")},
        "persona": {i.id for i in persona_items},
        "insight": {i.id for i in insight_items},
        "journey": {i.id: i for i in journey_items},
        "stage": [e["id"] for e in stage_data] if stage_data is not None else None,  # catalogue order
        "team": {e["id"] for e in team_data} if team_data is not None else None,
        "pain-point": {
            p["id"]
            for i in journey_items
            for block in i.data.get("stages") or ()
            for step in block.get("steps") or ()
            for p in step.get("pain_points") or ()
            if p.get("id")
        },
    }


def _pain_id_uses(journey_items: list[_Item]) -> dict[str, list[Use]]:
    """Every explicit pain-point id, with where each map gives it."""
    uses: dict[str, list[Use]] = {}
    for item in journey_items:
        located = item.doc.located
        for i, block in enumerate(item.data.get("stages") or ()):
            for j, step in enumerate(block.get("steps") or () if isinstance(block, dict) else ()):
                pains = step.get("pain_points") or () if isinstance(step, dict) else ()
                for k, pain in enumerate(pains):
                    if isinstance(pain, dict) and isinstance(pain.get("id"), str):
                        path = ("stages", i, "steps", j, "pain_points", k, "id")
                        line, col = located.where(path) if located else (None, None)
                        uses.setdefault(pain["id"], []).append((item.doc.display, line, col, format_path(path)))
    return uses


def _check_folders(journey_items: Iterable[_Item], journeys_dir: str, root: str) -> list[Problem]:
    """A sub-folder groups journeys under its name's slug, so a name without letters or
    digits cannot group anything; each such folder is reported once, and the journeys in it
    carry the error so their pages show it."""
    problems = []
    for item in journey_items:
        for n, part in enumerate(item.folder.split("/") if item.folder else ()):
            if not slugify(part):
                folder = os.path.join(journeys_dir, *item.folder.split("/")[: n + 1])
                problem = Problem(
                    _display(folder, root),
                    None,
                    None,
                    "",
                    f"the folder name '{part}' makes no id: rename the folder with letters or digits, e.g. 'claims'",
                )
                item.doc.problems.append(problem)
                problems.append(problem)
    return problems


def _check_links(
    items: Iterable[_Item],
    personas: Iterable[_Item],
    journeys: Iterable[_Item],
    maps_dir: str,
    docs_dir: str,
    root: str,
    public: _Public | None,
    insights: Iterable[_Item] = (),
) -> None:
    """Resolve the relative links of every narrative; one that leads to no page is an error
    at its line. Only the maps that have a page can be linked to: in a public build, a public
    map's narrative only to public maps."""
    pages = {i.path: ("persona", i.id) for i in personas}
    pages.update({i.path: ("journey", i.id) for i in journeys})
    pages.update({i.path: ("insight", i.id) for i in insights})
    published = {i.path for i in items if _published(i, public)}
    public_pages = {path: page for path, page in pages.items() if path in published}
    display = functools.partial(_display, root=root)
    for item in items:
        slow = narrative_links.slow_markdown(item.doc.body)
        if slow is not None:
            _report_in_body(item, *slow)
            continue  # the links are not read either: the map's page will show its errors
        if "](" not in item.doc.body and "]:" not in item.doc.body:
            continue  # most narratives have no link: skip the scan
        item.links, found = narrative_links.resolve(
            item.doc.body,
            item.path,
            maps_dir=maps_dir,
            docs_dir=docs_dir,
            pages=public_pages if _published(item, public) else pages,
            display=display,
            public=_published(item, public),
        )
        for offset, message in found:
            _report_in_body(item, offset, message)


def _report_in_body(item: _Item, offset: int, message: str) -> None:
    before = item.doc.body[:offset]
    line = item.doc.body_line + before.count("\n")
    item.doc.problems.append(Problem(item.doc.display, line, offset - before.rfind("\n"), "", message))


# Keys that say nothing of who a persona is: a file with only these and no narrative is a stub.
_STUB_KEYS = frozenset({"name", "id", "visibility"})


def _unfinished_personas(items: Iterable[_Item]) -> list[Problem]:
    """A persona with only a name and no narrative (a stub from `journeys new persona` or
    `journeys import-mermaid`) is valid, but a reader learns nothing from its page: a warning,
    so `--strict` holds it back until someone writes who the persona is."""
    found = []
    for item in items:
        located = item.doc.located
        given = {key for key, value in item.data.items() if value not in (None, [], "")}
        if located is None or item.doc.problems or not given or given - _STUB_KEYS or item.doc.body.strip():
            continue
        line, col = located.where(("name",), key=True)
        name = item.data.get("name") or item.id
        message = (
            f"persona {quoted(name)} has only a name: say who they are (summary, goals, frustrations, needs) "
            "and, below the front matter, what the persona rests on"
        )
        found.append(Problem(item.doc.display, line, col, "", message, level="warning"))
    return found


def _check_placeholders(items: Iterable[_Item]) -> None:
    """The instructions `journeys new` writes for the editor must not be published."""
    for item in items:
        report = checker_for(item.doc)
        for path in placeholders.in_values(item.doc.located.data if item.doc.located else None):
            report(path, placeholders.MESSAGE)
        for offset in placeholders.in_narrative(item.doc.body):
            _report_in_body(item, offset, placeholders.MESSAGE)


def _where(item: _Item, path: Path) -> str:
    """`file:line` of a key of an item, for a message about it written elsewhere."""
    line, _ = item.doc.located.where(path) if item.doc.located else (None, None)
    return f"{item.doc.display}:{line}" if line else item.doc.display


def _model(
    persona_items: Iterable[_Item],
    journey_items: Iterable[_Item],
    team_id: Callable[[str], str],
    record: Record[Journey],
    kpi: Callable[[Data, Scope], Kpi],
    zoom: hierarchy.Checked,
) -> tuple[tuple[Persona, ...], tuple[Journey, ...]]:
    """`team_id` makes a team id of an owner as written; `kpi(data, scope)` a KPI's model;
    `zoom` the checked parents and step details."""
    personas = tuple(
        sorted(
            (
                builders.persona(
                    PERSONA,
                    i.data,
                    id_=i.id,
                    source=i.doc.display,
                    body=i.doc.body,
                    problems=sorted(i.doc.problems),
                    links=i.links,
                )
                for i in persona_items
            ),
            key=lambda p: p.id,
        )
    )
    journeys = tuple(
        sorted(
            (
                builders.journey(
                    record,
                    i.data,
                    id_=i.id,
                    source=i.doc.display,
                    folder=i.folder,
                    body=i.doc.body,
                    problems=sorted(i.doc.problems),
                    links=i.links,
                    team_id=team_id,
                    kpi=kpi,
                    parent=zoom.parents.get(i.id),
                    details=zoom.details.get(i.id, {}),
                )
                for i in journey_items
            ),
            key=lambda j: j.id,
        )
    )
    return personas, journeys


def _insights(items: list[_Item], team_data: list[Data] | None) -> tuple[Insight, ...]:
    team_id = (lambda name: name) if team_data is not None else slugify
    return tuple(
        sorted(
            (
                builders.insight(
                    INSIGHT,
                    i.data,
                    id_=i.id,
                    file=i.doc.display,
                    body=i.doc.body,
                    problems=sorted(i.doc.problems),
                    links=i.links,
                    team_id=team_id,
                )
                for i in items
            ),
            key=lambda i: i.id,
        )
    )


def _resolve(item: _Item, known: _Known, public: _Public | None = None) -> None:
    """Report references to nothing. For a public map of a public build (`public`), persona,
    baseline and pain point references are public_checks' to report, whether what they name is
    internal or does not exist; a `parent` or `details` naming an internal journey is dropped
    from the public site (core/audience.py), so only one naming nothing is reported; and hints
    come from `public` only: its messages must not tell which internal items exist."""
    report = checker_for(item.doc)
    over: set[str] = set()  # kinds past their cap in this file: said once, at the first
    for kind, value, path in item.refs:
        if public is not None and kind in ("persona", "pain-point"):
            continue
        if public is not None and kind == "journey" and (path == ("baseline",) or value in known["journey"]):
            continue
        made = slugify(value) if kind == "team" and known["team"] is None else value
        if kind in ("stage", "team") and (why := reserved(kind, made)):
            if made == value:
                report(path, f"'{value}' is reserved: {why}; choose another id")
            else:
                report(path, f"{quoted(value)} makes the team id '{made}', which is reserved: {why}; name it otherwise")
            continue
        if kind in ("team", "stage") and known[kind] is None:
            if not made:
                report(path, f"{quoted(value)} makes no team id: use letters or digits")
            elif made not in known["free"][kind] and kind not in over:
                over.add(kind)
                report(path, _too_many(kind, f"this one would be one more, as there is no {kind}s.yml"))
            continue
        if kind == "team":
            choices = known["team"]
        elif kind == "stage":
            choices = known["stage"]
        else:
            choices = known[kind]
        if value not in choices:
            where = {"team": "in teams.yml", "stage": "in stages.yml", "measure": "in measures.yml"}.get(
                kind, "in this handbook"
            )
            # A public map's hints name public ids only, and never list what a catalogue holds.
            hints = public.get(kind, set()) if public is not None else choices
            hint = did_you_mean(value, hints) or (_known_list(choices) if public is None else "")
            report(path, f"unknown {kind} {quoted(value)}: no such id {where}{hint}")


def _known_list(ids: Iterable[str], shown: int = 10) -> str:
    """`, which has a, b, c`: the ids there are (catalogue order, else sorted), ten at most,
    for a reference that is close to none of them."""
    ids = list(ids) if isinstance(ids, list) else sorted(ids)
    if not ids:
        return ", which has none"
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return f", which has {', '.join(ids[:shown])}{more}"


def _check_opportunities(
    journey_items: list[_Item], team_id: Callable[[str], str] | None, public: _Public | None
) -> None:
    """Maps that name one opportunity agree on its shared keys (core/opportunity_checks.py).
    In a public build a public map is compared with public maps only, whose opportunities are
    all the public site merges: its messages must not name an internal map or what it says."""

    def entry(item: _Item, report: Report) -> tuple[Data, str, Report, Located | None]:
        return item.data, item.doc.display, report, item.doc.located

    if public is not None:
        check_shared_opportunities(
            [entry(i, checker_for(i.doc)) for i in journey_items if _published(i, public)], team_id
        )
    check_shared_opportunities(
        [entry(i, _told_elsewhere if _published(i, public) else checker_for(i.doc)) for i in journey_items], team_id
    )


def _told_elsewhere(*_args: object, **_kwargs: object) -> None:
    """A public map's report in the check of every map: it was checked among public maps."""


def _check_date(item: _Item, path: tuple[str], what: str, today: datetime.date) -> None:
    """A date of the past: the map's last review, the end of a piece of research."""
    value = item.data.get(path[0])
    # A day's grace: an editor east of the build machine's time zone is a day ahead of it.
    if value is not None and (value - today).days > 1:
        checker_for(item.doc)(path, f"{value.isoformat()} is in the future: {what}")


def _check_journey(item: _Item, known: _Known, today: datetime.date, public: _Public | None = None) -> None:
    report = checker_for(item.doc)
    data = item.data
    _check_date(item, ("reviewed",), "write the date the map was last reviewed", today)
    baseline = data.get("baseline")
    # A public map's messages say nothing of an internal baseline (see _resolve).
    told = known["journey"] if public is None else public["journey"]
    if baseline is not None:
        if data.get("state") != "future":
            report(("baseline",), "a baseline is only allowed with 'state: future'", True)
        elif baseline == item.id:
            report(("baseline",), "a journey cannot be its own baseline")
        elif baseline in told and known["journey"][baseline].data.get("state") == "future":
            report(("baseline",), f"'{baseline}' is a future-state journey; a baseline must be a current-state one")
    order = {s: n for n, s in enumerate(known["stage"])} if known["stage"] is not None else None
    seen: dict[str, int] = {}
    last = -1
    for i, block in enumerate(data.get("stages") or ()):
        stage = block.get("stage")
        if stage is None:
            continue
        if stage in seen:
            report(
                ("stages", i, "stage"),
                f"stage '{stage}' appears twice (also stages[{seen[stage]}]); merge the two blocks",
            )
            continue
        seen[stage] = i
        if order is not None and stage in order:
            if order[stage] < last:
                report(
                    ("stages", i, "stage"), f"stage '{stage}' is out of order: stages follow the order of stages.yml"
                )
            last = max(last, order[stage])
    _check_steps(data, report)


def _check_steps(data: Data, report: Report) -> None:
    """Within one journey: a step id names one step (for a measure's step column; a step's
    `details` needs none, core/hierarchy.py says why), and no explicit pain-point id takes the
    form of a generated one."""
    first: dict[str, tuple[int, int]] = {}
    for i, block in enumerate(data.get("stages") or ()):
        for n, step in enumerate(block.get("steps") or ()):
            if not isinstance(step, dict):
                continue
            step_id = step.get("id")
            if step_id is not None and step_id in first:
                a, b = first[step_id]
                report(
                    ("stages", i, "steps", n, "id"),
                    f"duplicate step id {quoted(step_id)} (also stages[{a}].steps[{b}]): "
                    "a step id names one step of the journey",
                )
            elif step_id is not None:
                first[step_id] = (i, n)
            for key, what in (("pain_points", "pain points"), ("opportunities", "opportunities")):
                for m, item in enumerate(step.get(key) or ()):
                    if isinstance(item, dict) and builders.GENERATED_KEY.match(item.get("id") or ""):
                        report(
                            ("stages", i, "steps", n, key, m, "id"),
                            f"{quoted(item['id'])} has the form of the ids the handbook gives {what} without one "
                            f"(<journey>--<stage>-<step>-<n>), so it could merge two unrelated {what}: choose "
                            "another id",
                        )


def _derived_stages(journeys: Iterable[Journey], named: Iterable[str]) -> tuple[CatalogueEntry, ...]:
    seen: dict[str, CatalogueEntry] = {}
    for journey in journeys:
        for block in journey.stages:
            if block.stage in named and block.stage not in RESERVED_IDS:  # else reported where it is written
                seen.setdefault(block.stage, CatalogueEntry(block.stage, humanize(block.stage)))
    return tuple(seen.values())


def _derived_teams(items: list[_Item], named: dict[str, str]) -> tuple[CatalogueEntry, ...]:
    """Without teams.yml, owners are free text; the first spelling of a slug names the team,
    for the teams within the cap (`named`, from _free_ids over every journey file)."""
    return tuple(
        CatalogueEntry(id_, name)
        for id_, name in sorted(_free_ids(items, "team").items())
        if id_ in named and id_ not in RESERVED_IDS
    )
