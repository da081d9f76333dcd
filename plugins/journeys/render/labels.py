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
    # history
    "history_title": "History",
    "history_intro": "The latest changes to this map, newest first, from the handbook's git history.",
    "history_uncommitted": "not yet committed",
    "history_renamed_from": "renamed from",
    "history_truncated": "This copy of the repository is a shallow clone: older history is not in it.",
    "history_earlier": "Older changes are in the file's git history.",
    "history_shallow_start": "oldest commit in this shallow clone",
    "history_no_change": "no change to the map's content",
    "change_map_added": "Map added",
    "change_map_removed": "Map removed",
    "change_title": "Title",
    "change_owner": "Owner",
    "change_touchpoint_added": "Touchpoint added",
    "change_touchpoint_removed": "Touchpoint removed",
    "change_emotion": "Emotion",
    "change_pain_point_added": "Pain point added",
    "change_pain_point_removed": "Pain point removed",
    "change_pain_point_status": "Pain point status",
    "change_narrative": "Narrative changed",
    "change_details": "Other details changed",
    "change_unreadable": "Front matter cannot be read (journeys check says why)",
    "change_unreadable_before": "The version before cannot be read, so what changed is unknown",
    "change_persona_added": "Persona added",
    "change_persona_removed": "Persona removed",
    "change_fields": "Changed",
    "change_catalogue_added": "Catalogue added",
    "change_catalogue_removed": "Catalogue removed",
    "change_stage_added": "Stage added",
    "change_stage_removed": "Stage removed",
    "change_stage_renamed": "Stage renamed",
    "change_stage_details": "Stage description changed",
    "change_team_added": "Team added",
    "change_team_removed": "Team removed",
    "change_team_renamed": "Team renamed",
    "change_team_details": "Team description or contact changed",
    "change_reviewers": "Reviewers",
    "change_order": "Order changed",
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
