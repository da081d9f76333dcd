"""The History section of a journey page (layout: templates/journey_history.html), and the
words of a change for the command line."""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup

from journeys.core.changes import Change
from journeys.core.history import JourneyHistory
from journeys.render.context import Context
from journeys.render.text import url


def change_values(change: Change) -> str:
    return f"{change.before} → {change.after}" if change.before or change.after else ""


def change_text(change: Change, labels: Mapping[str, str]) -> str:
    """One change as a line of plain text, e.g. "Emotion: Quote form: -2 → 0"."""
    return ": ".join(part for part in (labels["change_" + change.kind], change.subject, change_values(change)) if part)


def commit_href(repo_url: str | None, commit_hash: str) -> Markup | None:
    if not repo_url:
        return None
    return Markup(url(repo_url.rstrip("/") + "/commit/" + commit_hash))


def history_section(history: JourneyHistory, ctx: Context, here: str) -> Markup:
    """`history` is a core.history.JourneyHistory; every value from git is escaped by the
    template like any author text."""
    labels = ctx.labels
    entries = []
    for entry in history.entries:
        commit = entry.commit
        entries.append(
            {
                "uncommitted": commit is None,
                "date": commit.date if commit else "",
                "subject": commit.subject if commit else "",
                "short": commit.short if commit else "",
                "href": commit_href(ctx.repo_url, commit.hash) if commit else None,
                "renamed_from": entry.renamed_from,
                "shallow_start": entry.shallow_start,
                "changes": [(labels["change_" + c.kind], c.subject, change_values(c)) for c in entry.changes],
            }
        )
    return ctx.render("journey_history.html", entries=entries, truncated=history.truncated, earlier=history.earlier)
