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
    # journey page
    "journey_summary": "Summary",
    "journey_personas": "Personas",
    "journey_owner": "Owner",
    "journey_state": "State",
    "journey_review": "Review",
    "journey_tags": "Tags",
    "journey_redesigns": "redesigns",
    "journey_redesigned_by": "redesigned by",
    "journey_key_measures": "Key measures",
    "journey_measures_caption": "Journey-level measures",
    "journey_map": "Map",
    "journey_grid_region": "Journey map, scrolls sideways",
    "journey_grid_caption": "stages, touchpoints and lanes",
    "journey_lane_goal": "Goal and expectations",
    "journey_lane_touchpoint": "Touchpoint",
    "journey_lane_channel": "Channel",
    "journey_lane_action": "Action",
    "journey_lane_thinking": "Thinking",
    "journey_lane_emotion": "Emotion",
    "journey_lane_pain_points": "Pain points",
    "journey_lane_opportunities": "Opportunities",
    "journey_lane_gaps": "Gaps",
    "journey_lane_kpis": "Measures",
    "journey_open_question": "Open question",
    "journey_priority": "priority",
    "journey_impact": "impact",
    "journey_addresses": "Addresses",
    "journey_evidence": "Evidence",
    "journey_kpi_now": "now",
    "journey_kpi_target": "target",
    "journey_compared": "Compared with today",
    "journey_compared_note": "This journey's emotion at each step is in the Emotion lane of the map above.",
    "journey_ownership": "Ownership",
    "journey_ownership_caption": "Who owns each touchpoint",
    "journey_col_stage": "Stage",
    "journey_col_touchpoint": "Touchpoint",
    "journey_col_owner": "Owner",
    "journey_col_supporting": "Supporting",
    "journey_col_tools": "Tools",
    "journey_narrative": "Narrative",
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
