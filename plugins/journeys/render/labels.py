"""Every interface word the generated pages print, in one place.

Templates read them as `labels.<key>`; the plugin option `labels` replaces any of them (to
translate the handbook or change its wording) without touching a template. Keys are grouped by
the page that uses them; a key used on several pages sits under "shared".
"""

from __future__ import annotations

from collections.abc import Mapping

LABELS: dict[str, str] = {
    # shared
    "due_for_review": "due for review",
    "never_reviewed": "never reviewed",
    "reviewed": "reviewed",
    "last_reviewed": "last reviewed",
    "days_ago": "days ago",
    "state_current": "Current state",
    "state_future": "Future state",
    "problems_title": "This map has errors and is not published until they are fixed",
    "problems_hint": "Run journeys check to see them without building the site.",
    # embeds (a journey-map block in a hand-written page)
    "embed_label": "Journey map:",
    "embed_open": "Open the whole journey map",
    "embed_error_title": "This journey-map block cannot be shown",
    "shown_in": "Shown in",
    # journey page
    # aggregate pages (personas, stages, teams, indexes, pain points)
    "teams_intro": "Who owns and supports each part of the customer experience.",
}


class UnknownLabel(ValueError):
    """A `labels` option names a key no template uses."""


def merged(overrides: Mapping[str, str] | None) -> dict[str, str]:
    """The default labels with the user's replacements; an unknown key is an error, so a typo
    in `labels:` is reported instead of silently changing nothing."""
    result = dict(LABELS)
    for key, value in sorted((overrides or {}).items()):
        if key not in LABELS:
            from journeys.core.problems import did_you_mean

            raise UnknownLabel(f"labels: unknown label '{key}'{did_you_mean(key, LABELS)}")
        result[key] = str(value)
    return result
