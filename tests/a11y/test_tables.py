"""Every table the plugin generates has a name and header cells with scopes, and the map grid
announces the stage, the touchpoint and then the lane of each cell."""

from __future__ import annotations

from html.parser import HTMLParser


class Tables(HTMLParser):
    """Each generated (jm-) table as its caption flag and the rows of (tag, attributes) cells."""

    def __init__(self):
        super().__init__()
        self.tables: list[dict] = []
        self.current: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and (attrs.get("class") or "").startswith("jm-"):
            self.current = {"class": attrs["class"], "named": "aria-label" in attrs, "rows": []}
            self.tables.append(self.current)
        elif self.current is None:
            return
        elif tag == "caption":
            self.current["named"] = True
        elif tag == "tr":
            self.current["rows"].append([])
        elif tag in ("th", "td") and self.current["rows"]:
            self.current["rows"][-1].append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "table":
            self.current = None


def tables_of(path) -> list[dict]:
    parser = Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tables


def test_generated_tables_are_named_and_scoped(demo_site):
    found = {}
    for path in sorted(demo_site.rglob("index.html")):
        for table in tables_of(path):
            where = f"{path.relative_to(demo_site)} {table['class']}"
            for name in table["class"].split():  # jm-table, jm-table--cards and the kind
                found[name] = found.get(name, 0) + 1
            assert table["named"], f"{where}: no caption or aria-label"
            unscoped = [a for row in table["rows"] for tag, a in row if tag == "th" and "scope" not in a]
            assert not unscoped, f"{where}: header cells without scope: {unscoped}"
    assert {"jm-grid", "jm-ownership", "jm-kpis", "jm-pain-index", "jm-table", "jm-table--cards"} <= set(found), found


def test_map_grid_reads_stage_then_touchpoint_then_lane(demo_site):
    checked = 0
    for path in sorted((demo_site / "journeys").glob("*/index.html")):
        for grid in (t for t in tables_of(path) if t["class"] == "jm-grid"):
            rows = grid["rows"]
            stages = rows[0][1:]
            assert rows[0][0][0] == "td" and all(a.get("scope") == "colgroup" for _, a in stages), path
            steps = sum(int(a.get("colspan", 1)) for _, a in stages)
            touch = next(r for r in rows if r[0][0] == "th" and all(a.get("scope") == "col" for _, a in r[1:]))
            assert len(touch) - 1 == steps, f"{path}: one touchpoint header per step"
            lanes = rows[rows.index(touch) + 1 :]
            # A lane has a cell per step; the stage goals' lane one per stage, spanning its steps.
            assert lanes and all(
                r[0] == ("th", {"scope": "row"}) and sum(int(a.get("colspan", 1)) for _, a in r[1:]) == steps
                for r in lanes
            ), path
            checked += 1
    assert checked >= 8, "every demo journey has a grid"
