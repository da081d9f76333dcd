"""Write a synthetic handbook in map format v1.2 for the benchmark.

Deterministic: seeded `random.Random`s, no clock, files written in sorted order, so the
same size and seed always give the same bytes. The shape follows the performance issue:
N journeys in six area folders, N/10 personas, the 8-stage and 12-team catalogues, 4 to 8
stages a journey in catalogue order, 2 to 4 steps a stage, pain point ids shared across
journeys, and some evidence, KPIs and opportunities that address existing ids. Measures (map
format 1.2, issue 26): a catalogue of three, each journey's KPIs name all three, and every
journey has 24 monthly values of each (N × 3 × 24 rows: 360,000 at 5,000 maps) in one CSV file
an area folder. The values come from a random generator of their own, so the maps are the same
bytes as before measures were added.
Map format 1.2 also adds N/10 insights of every kind, named by about half the pain points,
and opportunities with ids shared across journeys, scored, with a status, an owner, tickets
and insights, drawn from random generators of their own too.

With --skew, the data takes the shape a real handbook may have and a uniform one never does:
most named pain points, opportunities and step owners come from a few ids, drawn by Zipf's
law (the first of 50 pain point ids takes about a fifth of the places, the tenth about 2 %), so
a few ids occur in hundreds or thousands of places; and a fifth of the journeys are children
of the first one (map format 1.2's `parent`). The skew comes from a random generator of
its own, applied to each map once it is drawn: without --skew the bytes are the same as before.

    python benchmarks/generate.py OUT_DIR [--journeys 1000] [--seed 1] [--skew] [--git-history]

With --git-history, OUT_DIR also becomes a git repository with a few commits that edit and
move maps, for measuring the History sections (benchmarks/history.py).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import re
import shutil
import subprocess

import yaml

STAGES = ["discover", "compare", "buy", "onboard", "manage", "claim", "renew", "leave"]
TEAMS = [
    "marketing",
    "digital-sales",
    "pricing",
    "broker-partnerships",
    "contact-centre",
    "claims-handling",
    "claims-suppliers",
    "billing",
    "customer-comms",
    "retention",
    "complaints",
    "data-platform",
]
AREAS = ["claims", "digital", "partners", "retention", "sales", "service"]
CHANNELS = ["Web", "App", "Phone", "E-mail", "Letter", "Comparison site", "Broker", "Chat", "SMS"]
WORDS = [
    "account",
    "address",
    "agent",
    "app",
    "answer",
    "bill",
    "broker",
    "call",
    "claim",
    "cover",
    "customer",
    "date",
    "detail",
    "document",
    "e-mail",
    "excess",
    "form",
    "home",
    "letter",
    "limit",
    "list",
    "message",
    "month",
    "number",
    "offer",
    "online",
    "payment",
    "phone",
    "policy",
    "premium",
    "price",
    "question",
    "quote",
    "receipt",
    "renewal",
    "reply",
    "schedule",
    "status",
    "supplier",
    "team",
    "update",
    "value",
    "visit",
    "week",
]
SEVERITIES = ["low", "medium", "medium", "high", "critical"]
MEASURES = [
    {"id": "journey-nps", "name": "Journey NPS", "kind": "nps", "target": 20, "owner": "customer-comms"},
    {"id": "completion", "name": "Completed in one go", "kind": "percent", "target": 80, "owner": "data-platform"},
    {"id": "days-to-done", "name": "Days to done", "kind": "duration", "target": 5, "owner": "data-platform"},
]
MONTHS = 24  # monthly values up to December 2025, before the benchmarks' build date (2026-01-01)
INSIGHT_KINDS = ["interview", "survey", "analytics", "support-tickets", "usability-test", "review", "observation"]
OPPORTUNITY_STATUSES = ["idea", "idea", "planned", "planned", "in-progress", "shipped", "dropped"]
MKDOCS_YML = {
    "site_name": "Benchmark handbook",
    "repo_url": "https://example.com/org/handbook",
    "edit_uri": "edit/main/docs/",
    # System fonts, as in the repo's mkdocs.yml: no request to Google Fonts.
    "theme": {
        "name": "material",
        "font": False,
        "features": ["navigation.instant", "navigation.tabs", "navigation.indexes", "content.action.edit"],
    },
    "plugins": ["search", {"journeys": {"maps_dir": "maps"}}],
    "markdown_extensions": ["admonition", "attr_list", {"toc": {"permalink": True}}],
    # As in the repo's mkdocs.yml: the nav lists the indexes only, never the detail pages.
    "nav": [
        {"Home": "index.md"},
        {"Journeys": "journeys/index.md"},
        {"Personas": "personas/index.md"},
        {"Stages": "stages/index.md"},
        {"Teams": "teams/index.md"},
        {"Pain points": "pain-points/index.md"},
        {"Measures": "measures/index.md"},
        {"Insights": "insights/index.md"},
        {"Opportunities": "opportunities/index.md"},
    ],
}
INDEX_MD = """# Benchmark handbook

A synthetic handbook written by `benchmarks/generate.py` to measure build time and size.

- [Journeys](journeys/index.md)
- [Personas](personas/index.md)
- [Stages](stages/index.md)
- [Teams](teams/index.md)
- [Pain points](pain-points/index.md)
- [Measures](measures/index.md)
- [Insights](insights/index.md)
- [Opportunities](opportunities/index.md)
"""


def sentence(rnd: random.Random, low: int, high: int) -> str:
    words = rnd.sample(WORDS, rnd.randint(low, high))
    return (" ".join(words)).capitalize() + "."


def catalogue(ids: list[str], what: str) -> list[dict]:
    return [
        {"id": i, "name": i.replace("-", " ").capitalize(), "description": f"The {i.replace('-', ' ')} {what}."}
        for i in ids
    ]


def persona(rnd: random.Random, n: int) -> dict:
    return {
        "name": f"Persona {n}, {rnd.choice(['renter', 'homeowner', 'landlord', 'senior'])}",
        "summary": sentence(rnd, 6, 10),
        "segment": rnd.choice(["Direct", "Broker", "Partner"]),
        "goals": [sentence(rnd, 4, 8) for _ in range(3)],
        "frustrations": [sentence(rnd, 4, 8) for _ in range(3)],
        "needs": [sentence(rnd, 4, 8) for _ in range(2)],
        "quote": sentence(rnd, 8, 14),
        "tags": sorted(rnd.sample(["direct", "digital-first", "price-sensitive", "loyal", "vulnerable"], 2)),
    }


def insight(rnd: random.Random, n: int) -> dict:
    """An insight of map format 1.2, dated before the benchmarks' build date."""
    return {
        "title": f"Insight {n}: {sentence(rnd, 3, 6).rstrip('.')}",
        "kind": INSIGHT_KINDS[n % len(INSIGHT_KINDS)],
        "date": datetime.date(rnd.randint(2024, 2025), rnd.randint(1, 12), rnd.randint(1, 28)),
        "participants": rnd.randint(5, 5000),
        "source": f"https://research.example.com/studies/{n:04d}",
        "owner": rnd.choice(TEAMS),
        "findings": [sentence(rnd, 8, 14) for _ in range(rnd.randint(1, 3))],
        "quotes": [sentence(rnd, 6, 12)],
        "tags": sorted(rnd.sample(["claims", "sales", "service", "renewal", "digital"], 2)),
    }


def managed(opportunity_id: str, insights: list[str]) -> dict:
    """What map format 1.2 adds to an opportunity, the same wherever its id is named (maps
    that disagree on an opportunity's figures are an error): drawn from its id."""
    rnd = random.Random(opportunity_id)
    data = {
        "id": opportunity_id,
        "value": rnd.randint(1, 5),
        "business_value": rnd.randint(1, 5),
        "effort": rnd.randint(1, 5),
        "status": rnd.choice(OPPORTUNITY_STATUSES),
        "owner": rnd.choice(TEAMS),
        "tickets": [f"https://jira.example.com/browse/CX-{rnd.randint(100, 99999)}" for _ in range(rnd.randint(0, 2))],
    }
    if insights and rnd.random() < 0.5:
        data["insights"] = sorted(rnd.sample(insights, min(len(insights), rnd.randint(1, 2))))
    return data


def backing(pain_id: str, seed: int, insights: list[str]) -> list[str]:
    """The insights behind a shared pain point, the same on every map that names it, as the
    research behind a problem is: about half the pain points have one or two."""
    rnd = random.Random(f"{seed}:backing:{pain_id}")
    if rnd.random() < 0.5:
        return []
    return sorted(rnd.sample(insights, min(len(insights), rnd.randint(1, 2))))


def add_research(data: dict, n: int, seed: int, insights: list[str], opportunities: list[str]) -> None:
    """Map format 1.2 on journey `n`'s data: the insights behind its named pain points, and
    ids from a shared pool, with their figures, on most of its opportunities."""
    rnd = random.Random(f"{seed}:research:{n}")
    for block in data["stages"]:
        for step in block["steps"]:
            for pain in step.get("pain_points", ()):
                if "id" in pain and insights:
                    backed = backing(pain["id"], seed, insights)
                    if backed:
                        pain["insights"] = backed
            for opportunity in step.get("opportunities", ()):
                if rnd.random() < 0.8:
                    opportunity.update(managed(rnd.choice(opportunities), insights))


def pain_point(rnd: random.Random, pool: list[str], used: set[str]) -> dict:
    """Mostly a shared id from the pool (never twice in one journey), sometimes an anonymous one."""
    if rnd.random() < 0.8:
        free = [p for p in rnd.sample(pool, min(5, len(pool))) if p not in used]
        if free:
            used.add(free[0])
            pain = {"id": free[0], "text": sentence(rnd, 6, 12), "severity": rnd.choice(SEVERITIES)}
            if rnd.random() < 0.5:
                pain["evidence"] = [
                    f"Survey {rnd.randint(2024, 2026)}-Q{rnd.randint(1, 4)}: {rnd.randint(5, 60)}% mention it",
                    f"https://tickets.example.com/{rnd.randint(1000, 99999)}",
                ]
            return pain
    return {"text": sentence(rnd, 6, 12), "severity": rnd.choice(SEVERITIES)}


def step(rnd: random.Random, pool: list[str], used: set[str]) -> dict:
    data = {
        "touchpoint": sentence(rnd, 2, 4).rstrip("."),
        "channel": rnd.choice(CHANNELS),
        "action": sentence(rnd, 6, 12),
        "thinking": sentence(rnd, 5, 10),
        "emotion": rnd.randint(-2, 2),
        "owner": rnd.choice(TEAMS),
    }
    if rnd.random() < 0.5:
        data["supporting"] = sorted(rnd.sample([t for t in TEAMS if t != data["owner"]], rnd.randint(1, 2)))
    data["tools"] = [sentence(rnd, 1, 2).rstrip(".") for _ in range(rnd.randint(1, 2))]
    if rnd.random() < 0.3:
        data["kpis"] = [
            {
                "name": sentence(rnd, 2, 4).rstrip("."),
                "current": f"{rnd.randint(1, 90)}%",
                "target": f"{rnd.randint(1, 99)}%",
            }
        ]
    if rnd.random() < 0.35:
        data["pain_points"] = [pain_point(rnd, pool, used)]
        if rnd.random() < 0.4:
            addresses = [p["id"] for p in data["pain_points"] if "id" in p]
            data["opportunities"] = [
                {
                    "text": sentence(rnd, 6, 12),
                    "impact": rnd.choice(["low", "medium", "high"]),
                    **({"addresses": addresses} if addresses else {}),
                }
            ]
    if rnd.random() < 0.2:
        data["gaps"] = [sentence(rnd, 6, 12)]
    return data


def journey(rnd: random.Random, n: int, personas: list[str], pool: list[str], currents: list[str]) -> dict:
    count = rnd.randint(4, 8)
    chosen = sorted(rnd.sample(range(len(STAGES)), count))
    used: set[str] = set()
    data = {
        "title": f"Journey {n}: {sentence(rnd, 3, 5).rstrip('.')}",
        "summary": sentence(rnd, 8, 14),
        "personas": sorted(rnd.sample(personas, min(len(personas), rnd.randint(1, 2)))),
        "owner": rnd.choice(TEAMS),
    }
    # Every tenth journey redesigns an earlier current-state one.
    if n % 10 == 9 and currents:
        data["state"] = "future"
        data["baseline"] = rnd.choice(currents)
    else:
        data["state"] = "current"
    # Before the benchmarks' fixed build date (2026-01-01, run.py): a later one is an error.
    data["reviewed"] = datetime.date(rnd.randint(2023, 2025), rnd.randint(1, 12), rnd.randint(1, 28))
    data["tags"] = sorted(rnd.sample(["online", "phone", "broker", "contents", "buildings", "claims", "renewal"], 2))
    data["kpis"] = [
        {
            "name": sentence(rnd, 3, 5).rstrip("."),
            "current": f"{rnd.randint(1, 90)}%",
            "target": f"{rnd.randint(1, 99)}%",
        }
    ] + [{"measure": m["id"]} for m in MEASURES]
    data["stages"] = [
        {
            "stage": STAGES[i],
            "goal": sentence(rnd, 4, 8),
            "expectations": [sentence(rnd, 2, 4) for _ in range(2)],
            "steps": [step(rnd, pool, used) for _ in range(rnd.randint(2, 4))],
        }
        for i in chosen
    ]
    return data


# --skew: how many ids take most of the places, and the share of places they take.
SKEWED_PAINS = 50
SKEWED_OPPORTUNITIES = 20
SKEWED_TEAMS = 3
SKEW_SHARE = 0.8
SKEWED_CHILDREN = 5  # every fifth journey is a child of the first


def zipf(rnd: random.Random, ids: list[str]) -> str:
    """One of `ids`, the k-th drawn with a weight of 1/k."""
    return rnd.choices(ids, weights=[1 / (k + 1) for k in range(len(ids))])[0]


def add_skew(data: dict, n: int, seed: int, pool: list[str], insights: list[str], opportunities: list[str]) -> None:
    """Journey `n`'s data with most of its named pain points, opportunities and step owners
    from the first few ids of their pools (never one pain point id twice in a journey; an
    opportunity that addressed a renamed pain point addresses its new id), and every fifth
    journey a child of the first."""
    rnd = random.Random(f"{seed}:skew:{n}")
    if n % SKEWED_CHILDREN == 1:
        data["parent"] = "journey-00000"
    hot_pains, hot_opportunities, hot_teams = (
        pool[:SKEWED_PAINS],
        opportunities[:SKEWED_OPPORTUNITIES],
        TEAMS[:SKEWED_TEAMS],
    )
    used = {
        pain["id"]
        for block in data["stages"]
        for step in block["steps"]
        for pain in step.get("pain_points", ())
        if "id" in pain
    }
    for block in data["stages"]:
        for step in block["steps"]:
            if rnd.random() < SKEW_SHARE:
                step["owner"] = zipf(rnd, hot_teams)
                supporting = [t for t in step.pop("supporting", ()) if t != step["owner"]]
                if supporting:
                    step["supporting"] = supporting
            renamed = {}
            for pain in step.get("pain_points", ()):
                if "id" not in pain or rnd.random() >= SKEW_SHARE:
                    continue
                new = zipf(rnd, hot_pains)
                if new in used:
                    continue
                used.discard(pain["id"])
                used.add(new)
                renamed[pain["id"]] = new
                pain["id"] = new
                pain.pop("insights", None)
                backed = backing(new, seed, insights) if insights else []
                if backed:
                    pain["insights"] = backed
            for opportunity in step.get("opportunities", ()):
                if "addresses" in opportunity:
                    opportunity["addresses"] = [renamed.get(a, a) for a in opportunity["addresses"]]
                if "id" in opportunity and rnd.random() < SKEW_SHARE:
                    figures = managed(zipf(rnd, hot_opportunities), insights)
                    for key in ("value", "business_value", "effort", "status", "owner", "tickets", "insights"):
                        opportunity.pop(key, None)
                    opportunity.update(figures)


def month_end(n: int) -> datetime.date:
    """The last day of the n-th month from January 2024."""
    year, month = divmod(n + 1, 12)
    return datetime.date(2024 + year, month + 1, 1) - datetime.timedelta(days=1)


def measure_values(rnd: random.Random, journey_ids: list[str]) -> str:
    """Every journey's values of every measure, month by month, as one CSV file."""
    lines = ["date,measure,value,journey,n,source"]
    for jid in journey_ids:
        start = {
            "journey-nps": rnd.randint(-20, 30),
            "completion": rnd.randint(50, 90),
            "days-to-done": rnd.randint(2, 12),
        }
        for n in range(MONTHS):
            day = month_end(n).isoformat()
            for m in MEASURES:
                value = start[m["id"]] + rnd.randint(-3, 3)
                value = max(0, value) if m["kind"] != "nps" else value
                lines.append(f"{day},{m['id']},{value},{jid},{rnd.randint(20, 400)},Monthly survey")
    return "\n".join(lines) + "\n"


def front_matter(data: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100) + "---\n" + body


def generate(out: str, journeys: int, seed: int = 1, skew: bool = False) -> None:
    """Write mkdocs.yml, docs/index.md and maps/ for `journeys` journeys into `out`, replacing them."""
    rnd = random.Random(seed)
    for name in ("maps", "docs"):
        shutil.rmtree(os.path.join(out, name), ignore_errors=True)
    files: dict[str, str] = {
        "mkdocs.yml": yaml.safe_dump(MKDOCS_YML, sort_keys=False),
        "docs/index.md": INDEX_MD,
        "maps/stages.yml": yaml.safe_dump(catalogue(STAGES, "stage"), sort_keys=False),
        "maps/teams.yml": yaml.safe_dump(catalogue(TEAMS, "team"), sort_keys=False),
        "maps/measures.yml": yaml.safe_dump(MEASURES, sort_keys=False),
    }
    persona_ids = [f"persona-{n:04d}" for n in range(max(1, journeys // 10))]
    for n, pid in enumerate(persona_ids):
        files[f"maps/personas/{pid}.md"] = front_matter(
            persona(rnd, n), f"## Research basis\n\n{sentence(rnd, 10, 20)}\n"
        )
    pool = [f"pain-{n:04d}" for n in range(max(10, journeys // 4))]
    research = random.Random(f"{seed}:insights")
    insight_ids = [f"insight-{n:04d}" for n in range(max(5, journeys // 10))]
    for n, iid in enumerate(insight_ids):
        files[f"maps/insights/{iid}.md"] = front_matter(
            insight(research, n), f"## How we did it\n\n{sentence(research, 12, 24)}\n"
        )
    opportunity_pool = [f"opportunity-{n:04d}" for n in range(max(10, journeys // 5))]
    currents: list[str] = []
    by_area: dict[str, list[str]] = {area: [] for area in AREAS}
    for n in range(journeys):
        jid = f"journey-{n:05d}"
        data = journey(rnd, n, persona_ids, pool, currents)
        add_research(data, n, seed, insight_ids, opportunity_pool)
        if skew:
            add_skew(data, n, seed, pool, insight_ids, opportunity_pool)
        if data["state"] == "current":
            currents.append(jid)
        area = AREAS[n % len(AREAS)]
        by_area[area].append(jid)
        files[f"maps/journeys/{area}/{jid}.md"] = front_matter(data, f"## Research basis\n\n{sentence(rnd, 20, 30)}\n")
    values = random.Random(seed + 1)
    for area, ids in by_area.items():
        if ids:
            files[f"maps/measures/{area}.csv"] = measure_values(values, ids)
    for name in sorted(files):
        path = os.path.join(out, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(files[name])


def _git(out: str, *args: str, day: int = 1) -> None:
    """git as a fixed author at a fixed time, so the same handbook gets the same commits."""
    stamp = f"2026-06-{day:02d}T09:00:00+00:00"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_NAME="Bench",
        GIT_AUTHOR_EMAIL="bench@example.com",
        GIT_COMMITTER_NAME="Bench",
        GIT_COMMITTER_EMAIL="bench@example.com",
        GIT_AUTHOR_DATE=stamp,
        GIT_COMMITTER_DATE=stamp,
        GIT_CONFIG_NOSYSTEM="1",
    )
    subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=out,
        env=env,
        check=True,
        capture_output=True,
    )


def add_git_history(out: str, commits: int = 5, share: float = 0.1, seed: int = 1) -> None:
    """Make `out` a git repository whose history edits the maps as editors do: a first commit
    of everything, then `commits` commits each changing an emotion (and in every other map a
    pain point's status) in `share` of the journeys, then one commit moving a tenth of the
    journeys to another folder. Replaces any repository already there."""
    rnd = random.Random(seed)
    shutil.rmtree(os.path.join(out, ".git"), ignore_errors=True)
    _git(out, "init", "-q")
    _git(out, "add", "-A")
    _git(out, "commit", "-q", "-m", "The synthetic handbook", day=1)
    journeys = sorted(
        os.path.join(d, f) for d, _, files in os.walk(os.path.join(out, "maps", "journeys")) for f in files
    )
    for n in range(commits):
        for i, path in enumerate(sorted(rnd.sample(journeys, max(1, int(len(journeys) * share))))):
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            emotions = re.findall(r"emotion: (-?\d)", text)
            old = emotions[rnd.randrange(len(emotions))]
            text = text.replace(f"emotion: {old}\n", f"emotion: {(int(old) + 3) % 5 - 2}\n", 1)
            if i % 2 and "severity:" in text:
                text = re.sub(r"(\n( +)severity: \w+\n)(?!\2status:)", r"\1\2status: resolved\n", text, count=1)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        _git(out, "commit", "-q", "-am", f"Research round {n + 1}: emotions and pain points revised", day=2 + n)
    moved = os.path.join(out, "maps", "journeys", "moved")
    os.makedirs(moved, exist_ok=True)
    for path in journeys[::10]:
        _git(out, "mv", os.path.relpath(path, out), os.path.relpath(os.path.join(moved, os.path.basename(path)), out))
    _git(out, "commit", "-q", "-m", "Move a tenth of the journeys", day=2 + commits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder to write mkdocs.yml, docs/ and maps/ into")
    parser.add_argument("--journeys", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--skew", action="store_true", help="a few pain point, opportunity and team ids in most places (Zipf's law)"
    )
    parser.add_argument(
        "--git-history",
        action="store_true",
        help="also make OUT a git repository with a few commits that edit and move maps",
    )
    args = parser.parse_args()
    generate(args.out, args.journeys, args.seed, args.skew)
    if args.git_history:
        add_git_history(args.out, seed=args.seed)


if __name__ == "__main__":
    main()
