"""Load a maps folder into a validated Handbook: every file, every error, in one pass."""

from __future__ import annotations

import functools
import gc
import os
from dataclasses import dataclass, field
from functools import cached_property

from journeys.core import builders, narrative_links, placeholders
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
from journeys.core.index import MergedPainPoint, merge_pain_points
from journeys.core.look_alike import Named, look_alikes
from journeys.core.model import CatalogueEntry, Journey, Persona
from journeys.core.problems import Problem, did_you_mean, quoted
from journeys.core.public_checks import NO_PUBLIC_JOURNEY, SNIPPET_MESSAGE, public_problems, snippet_includes
from journeys.core.schema import PERSONA, STAGE, TEAM, Checker, ListOf, format_path, journey_record

# Stages and teams a handbook may have, listed in a catalogue or named by its journeys: each one
# is a page, and 1 MiB of teams.yml would otherwise make 77,779 of them (docs/security.md).
MAX_ENTRIES = 1_000


@dataclass(frozen=True)
class Handbook:
    personas: tuple[Persona, ...]
    journeys: tuple[Journey, ...]
    stages: tuple[CatalogueEntry, ...]
    teams: tuple[CatalogueEntry, ...]
    problems: tuple[Problem, ...]  # every error in every file, sorted
    custom_fields: tuple[tuple[str, str], ...] = ()  # (key, label) in declared order
    audience: str = "internal"  # "public": a projection made by core.audience.public_view
    warnings: tuple[Problem, ...] = ()  # likely mistakes that leave every map valid, sorted

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
    def valid_journeys(self) -> tuple[Journey, ...]:
        """The journeys whose content is published; an invalid map's page shows its errors."""
        return tuple(j for j in self.journeys if not j.problems)


@dataclass
class _Item:
    """One persona or journey file on its way to the model."""

    doc: Document
    data: dict
    refs: list
    id: str
    folder: str = ""
    path: str = ""  # absolute
    links: list = field(default_factory=list)  # narrative_links.Link


def _display(abs_path: str, root: str) -> str:
    rel = os.path.relpath(abs_path, root)
    return _printable((abs_path if rel.startswith("..") else rel).replace(os.sep, "/"))


def _printable(name: str) -> str:
    """A file name that is not UTF-8 arrives with surrogates, which no terminal, log or page
    can print; show its odd bytes as escapes instead."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _map_files(folder: str, recursive: bool) -> list[str]:
    """Markdown files, sorted; names starting with '_' or '.' are drafts and templates."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(("_", "."))) if recursive else []
        found += [os.path.join(dirpath, f) for f in filenames if f.endswith(".md") and not f.startswith(("_", "."))]
    return sorted(found)


def _cached(parse, abs_path: str, display: str, cache: dict | None) -> Document:
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


def _catalogue(path: str | None, root: str, record, cache) -> tuple[list[dict] | None, list[Problem], list[Named]]:
    """The entries of stages.yml or teams.yml (None without the file), its problems, and its
    ids and names as readers see them."""
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


def _named(doc: Document, kind: str, id_: str, text: str, what: str, path: tuple) -> Named:
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


def _entry(data: dict) -> CatalogueEntry:
    return CatalogueEntry(
        data["id"],
        data.get("name") or humanize(data["id"]),
        data.get("description"),
        data.get("contact"),
        tuple(data.get("reviewers") or ()),
    )


def _load_item(abs_path: str, root: str, record, cache, folder: str = "") -> _Item:
    doc = _cached(parse_markdown_file, abs_path, _display(abs_path, root), cache)
    ck = Checker(checker_for(doc))
    data: dict = {}
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


def _cycle_collection_paused(load):
    """Loading makes hundreds of thousands of small dicts, lists and tuples and no cyclic
    garbage, so the cycle collector would only rescan them again and again: about 40% of the
    time of loading 1,000 maps. It runs again as soon as loading is done."""

    @functools.wraps(load)
    def paused(*args, **kwargs):
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
    custom_fields=(),
    root: str | None = None,
    cache: dict | None = None,
    docs_dir: str | None = None,
    audience: str = "internal",
) -> Handbook:
    """Read and validate every map under `maps_dir`; for a public `audience`, also what a
    public build would leak (core/audience.py).

    `root` is the folder that paths in messages and `source` are relative to (the folder of
    the site config, or the working directory). `custom_fields` are (key, label) pairs.
    `docs_dir` is the site's docs folder, which narratives may link into (default: `docs`
    under `root`).
    """
    root = os.path.abspath(root or os.getcwd())
    docs_dir = os.path.abspath(docs_dir or os.path.join(root, "docs"))
    maps_dir = os.path.abspath(maps_dir)
    custom_fields = tuple(custom_fields)
    if not os.path.isdir(maps_dir):
        missing = Problem(_display(maps_dir, root), None, None, "", "maps folder not found")
        return Handbook((), (), (), (), (missing,), custom_fields)
    files = _find_files(maps_dir, root)
    loose = list(files.problems)
    stage_data, found, stage_names = _catalogue(files.stages, root, STAGE, cache)
    loose += found
    team_data, found, team_names = _catalogue(files.teams, root, TEAM, cache)
    loose += found
    persona_items = [_load_item(p, root, PERSONA, cache) for p in files.personas]
    record = journey_record(custom_fields)
    journey_items = [_load_item(p, root, record, cache, _folder(p, files.journeys_dir)) for p in files.journeys]
    loose += _missing_kinds(files, persona_items, journey_items, root)

    # Every file is checked, including one whose id another file has already: only the
    # first of them gets a page, but the others' mistakes are reported in the same run.
    personas_kept = _unique(persona_items, "persona")
    journeys_kept = _unique(journey_items, "journey")
    known = _known_ids(personas_kept, journeys_kept, stage_data, team_data)
    free_stages = _free_ids(journey_items, "stage") if stage_data is None else None
    free_teams = _free_ids(journey_items, "team") if team_data is None else None
    known["free"] = {"stage": free_stages, "team": free_teams}
    # In a public build, what a public map's messages may suggest: only what the public site
    # shows, so that its error box names nothing internal (core/public_checks.py).
    public = _public_hints(journeys_kept) if audience == "public" else None
    for item in persona_items + journey_items:
        _resolve(item, known, public if _published(item, public) else None)
    today = build_date()
    for item in journey_items:
        _check_journey(item, known, today, public if _published(item, public) else None)
    loose += _check_folders(journey_items, files.journeys_dir, root)
    _check_links(persona_items + journey_items, personas_kept, journeys_kept, maps_dir, docs_dir, root, public)
    _check_placeholders(journey_items)
    warnings = []
    if public is not None:
        public_problems(
            ((i.id, i.data) for i in personas_kept), ((i.id, i.data, checker_for(i.doc)) for i in journeys_kept)
        )
        for item in (i for i in personas_kept + journeys_kept if _published(i, public)):
            for offset in snippet_includes(item.doc.body):
                _report_in_body(item, offset, SNIPPET_MESSAGE)
        if not public["journey"]:
            warnings.append(Problem(_display(maps_dir, root), None, None, "", NO_PUBLIC_JOURNEY, "warning"))

    personas, journeys = _model(personas_kept, journeys_kept, team_data, record)
    stages = tuple(_entry(e) for e in stage_data) if stage_data is not None else _derived_stages(journeys, free_stages)
    teams = (
        tuple(_entry(e) for e in team_data)
        if team_data is not None
        else _derived_teams(journeys_kept, free_teams or {})
    )
    problems = sorted({*loose, *(p for item in persona_items + journey_items for p in item.doc.problems)})
    warnings += look_alikes([*stage_names, *team_names, *_item_names(personas_kept, journeys_kept, known)])
    warnings += [w for item in persona_items + journey_items for w in split_list_warnings(item.doc)]
    # A public build publishes public personas only, and says nothing of the others.
    warnings += _unfinished_personas(p for p in persona_items if public is None or _published(p, public))
    return Handbook(personas, journeys, stages, teams, tuple(problems), custom_fields, warnings=tuple(sorted(warnings)))


def _item_names(personas, journeys, known) -> list[Named]:
    """The ids and names readers see of personas and journeys, and of the stages and teams
    that journeys name when there is no catalogue (a team's name is then each spelling)."""
    found: dict[tuple, Named] = {}
    for kind, items, name in (("persona", personas, "name"), ("journey", journeys, "title")):
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


def _published(item: _Item, public: dict | None) -> bool:
    """Whether `item` is a public map of a public build (`public` from `_public_hints`)."""
    return public is not None and item.data.get("visibility") == "public"


def _public_hints(journey_items: list[_Item]) -> dict:
    """The ids a public map's messages may suggest, by kind: what public journeys hold. Teams
    are internal-facing (public_fields), so none is ever suggested."""
    published = [i for i in journey_items if i.data.get("visibility") == "public"]
    return {
        "journey": {i.id for i in published},
        "stage": {value for i in published for kind, value, _ in i.refs if kind == "stage"},
        "team": set(),
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


def _find_files(maps_dir: str, root: str) -> _Files:
    stages_path, teams_path = (os.path.join(maps_dir, name) for name in ("stages.yml", "teams.yml"))
    personas_dir = os.path.join(maps_dir, "personas")
    journeys_dir = os.path.join(maps_dir, "journeys")
    persona_files, journey_files = _map_files(personas_dir, False), _map_files(journeys_dir, True)
    leaving = {p for p in (stages_path, teams_path, *persona_files, *journey_files) if leads_out(p, maps_dir)}
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
    )


def _folder(path: str, journeys_dir: str) -> str:
    return _printable(os.path.relpath(os.path.dirname(path), journeys_dir).replace(os.sep, "/").strip("."))


def _missing_kinds(files: _Files, persona_items, journey_items, root: str) -> list[Problem]:
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


def _known_ids(persona_items, journey_items, stage_data, team_data) -> dict:
    """What references may point at: the ids that have a page (or a catalogue entry)."""
    return {
        "persona": {i.id for i in persona_items},
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


def _check_folders(journey_items, journeys_dir: str, root: str) -> list[Problem]:
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


def _check_links(items, personas, journeys, maps_dir: str, docs_dir: str, root: str, public: dict | None) -> None:
    """Resolve the relative links of every narrative; one that leads to no page is an error
    at its line. Only the maps that have a page can be linked to: in a public build, a public
    map's narrative only to public maps."""
    pages = {i.path: ("persona", i.id) for i in personas}
    pages.update({i.path: ("journey", i.id) for i in journeys})
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


def _unfinished_personas(items) -> list[Problem]:
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


def _check_placeholders(items) -> None:
    """The instructions `journeys new` writes for the editor must not be published."""
    for item in items:
        report = checker_for(item.doc)
        for path in placeholders.in_values(item.doc.located.data if item.doc.located else None):
            report(path, placeholders.MESSAGE)
        for offset in placeholders.in_narrative(item.doc.body):
            _report_in_body(item, offset, placeholders.MESSAGE)


def _model(persona_items, journey_items, team_data, record) -> tuple[tuple[Persona, ...], tuple[Journey, ...]]:
    team_id = (lambda name: name) if team_data is not None else slugify
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
                )
                for i in journey_items
            ),
            key=lambda j: j.id,
        )
    )
    return personas, journeys


def _resolve(item: _Item, known: dict, public: dict | None = None) -> None:
    """Report references to nothing. For a public map of a public build (`public`), persona,
    baseline and pain point references are public_checks' to report, whether what they name is
    internal or does not exist, and hints come from `public` only: its messages must not tell
    which internal items exist."""
    report = checker_for(item.doc)
    over: set[str] = set()  # kinds past their cap in this file: said once, at the first
    for kind, value, path in item.refs:
        if public is not None and kind in ("persona", "journey", "pain-point"):
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
            where = "in teams.yml" if kind == "team" else "in stages.yml" if kind == "stage" else "in this handbook"
            # A public map's hints name public ids only, and never list what a catalogue holds.
            hints = public[kind] if public is not None else choices
            hint = did_you_mean(value, hints) or (_known_list(choices) if public is None else "")
            report(path, f"unknown {kind} {quoted(value)}: no such id {where}{hint}")


def _known_list(ids, shown: int = 10) -> str:
    """`, which has a, b, c`: the ids there are (catalogue order, else sorted), ten at most,
    for a reference that is close to none of them."""
    ids = list(ids) if isinstance(ids, list) else sorted(ids)
    if not ids:
        return ", which has none"
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return f", which has {', '.join(ids[:shown])}{more}"


def _check_journey(item: _Item, known: dict, today, public: dict | None = None) -> None:
    report = checker_for(item.doc)
    data = item.data
    reviewed = data.get("reviewed")
    # A day's grace: an editor east of the build machine's time zone is a day ahead of it.
    if reviewed is not None and (reviewed - today).days > 1:
        report(("reviewed",), f"{reviewed.isoformat()} is in the future: write the date the map was last reviewed")
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


def _check_steps(data: dict, report) -> None:
    """Within one journey: a step id names one step (a measure's step column, a journey's
    details), and no explicit pain-point id takes the form of a generated one."""
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
            for m, pain in enumerate(step.get("pain_points") or ()):
                if isinstance(pain, dict) and builders.GENERATED_KEY.match(pain.get("id") or ""):
                    report(
                        ("stages", i, "steps", n, "pain_points", m, "id"),
                        f"{quoted(pain['id'])} has the form of the ids the handbook gives pain points without one "
                        "(<journey>--<stage>-<step>-<n>), so it could merge two unrelated pain points: choose "
                        "another id",
                    )


def _derived_stages(journeys, named) -> tuple[CatalogueEntry, ...]:
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
