"""Every interface word the generated pages print, in one place.

Templates read them as `labels.<key>`; the plugin option `labels` replaces any of them (to
translate the handbook or change its wording) without touching a template. Keys are grouped by
the page that uses them; a key used on several pages sits under "shared". A label with
`{names}` in braces is filled in by the page (`labels.x | fill(name=...)` in a template); a
replacement must use the same names, and may leave any out. A count takes the word that goes
with it as `{journeys|journey|journeys}`: the first form for exactly 1, the second for any other
number (a language with more forms than two can word the sentence around the count instead).
"""

from __future__ import annotations

from collections.abc import Mapping

from journeys.core.options import OptionError, label_fields, plurals
from journeys.core.schema import INSIGHT_KINDS, OPPORTUNITY_STATUSES, step_record

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
    "problems_hint": "Run {command} to see them without building the site.",
    "has_errors": "has errors",
    "no_journeys_yet": "No journeys yet.",
    "col_journey": "Journey",
    "col_persona": "Persona",
    "col_personas": "Personas",
    "col_stage": "Stage",
    "col_team": "Team",
    "col_touchpoint": "Touchpoint",
    "col_channel": "Channel",
    "col_emotion": "Emotion",
    "col_average_emotion": "Average emotion",
    "col_owner": "Owner",
    "col_review": "Review",
    "col_summary": "Summary",
    "col_state": "State",
    "col_measure": "Measure",
    "col_current": "Current",
    "col_target": "Target",
    "col_unit": "Unit",
    "pain_points_heading": "Pain points",
    "priority_of": "priority {score}",
    "priority_none": "no priority today",
    "priority_legend": "Priority ranks a pain point across every map: the severity weight ({weights}) of its "
    "occurrences still open in current-state maps, times the journeys and personas they reach ({link}).",
    "priority_legend_link": "how priority is computed",
    "pain_in_designs": "in future-state designs only",
    "pains_more": "{more|The other|The {more} others} of these {pains} pain {pains|point|points} {more|is|are} in "
    "the {index}.",
    "pains_more_link": "pain-point index, filtered to this page",
    # embeds (a journey-map block in a hand-written page)
    "embed_label": "Journey map:",
    "embed_open": "Open the whole journey map",
    "embed_error_title": "This journey-map block cannot be shown",
    "shown_in": "Shown in",
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
    # journey_lane_<key>: each step field's lane, as core/schema.py labels it
    **{f"journey_lane_{key.name}": key.lane for key in step_record().keys if key.lane},
    "journey_line_interaction": "Line of interaction",
    "journey_line_visibility": "Line of visibility",
    "journey_line_internal": "Line of internal interaction",
    "journey_line_beyond": "Beyond the blueprint",
    "journey_group_frontstage": "Frontstage",
    "journey_group_backstage": "Backstage",
    "journey_group_support": "Support",
    "journey_zoom_in": "Zoom in:",
    "journey_pain_count": "{count} {count|pain point|pain points}",
    "journey_breadcrumbs": "Where this journey sits among the others",
    "journey_zooms_into": "Zooms into",
    "journey_step_of": "{step} in {journey}",
    "journey_step_whole": "The whole journey",
    "journey_children": "Journeys inside this one",
    "journey_children_intro": "Each of these journeys zooms into a step of this one, in the order of the steps, "
    "then into the journey as a whole. Pain points count those of the journeys inside each.",
    "journey_children_caption": "Journeys that zoom into {journey}",
    "journey_children_part_intro": "Journeys {range} of those inside {journey}, in the order of its steps, then "
    "by title.",
    "journey_subtree_pains": "Pain points across these journeys",
    "journey_subtree_pains_intro": "Every pain point of this journey and of {count|the journey|the {count} "
    "journeys} inside it, highest priority first.",
    "journey_subtree_no_pains": "No pain point in this journey or in {count|the journey|the {count} journeys} "
    "inside it.",
    "journey_subtree_pains_more": "{more} more {more|occurs|occur} inside this journey; the {index} lists every one.",
    "journey_subtree_pains_index": "pain-point index",
    "col_zooms_into": "Zooms into",
    "col_health": "Health",
    "journey_open_question": "Open question",
    "journey_priority": "priority",
    "journey_impact": "impact",
    "journey_addresses": "Addresses",
    "journey_evidence": "Evidence",
    "journey_kpi_now": "now",
    "journey_kpi_target": "target",
    "journey_compared": "Compared with today",
    "journey_compared_note": "This journey's emotion at each step is in the Emotion lane of the map above.",
    "journey_chart_caption": "Emotion along “{journey}”, step by step",
    "journey_chart_shared": " — one curve shared by {count} {count|persona|personas}: {names}",
    "journey_chart_compared": ", with today's “{baseline}” laid over it stage by stage",
    "journey_chart_label": "Line chart. {caption}. {steps} {steps|step|steps} in {stages} {stages|stage|stages}, {range}.",
    "journey_chart_table": "Emotion at each step of {journey}",
    "col_thinking": "Thinking",
    "journey_ownership": "Ownership",
    "journey_ownership_caption": "Who owns each touchpoint",
    "journey_col_stage": "Stage",
    "journey_col_touchpoint": "Touchpoint",
    "journey_col_owner": "Owner",
    "journey_col_supporting": "Supporting",
    "journey_col_tools": "Tools",
    "journey_narrative": "Narrative",
    "chart_as_table": "The chart as a table",
    "emotion_very_negative": "very negative",
    "emotion_negative": "negative",
    "emotion_neutral": "neutral",
    "emotion_positive": "positive",
    "emotion_very_positive": "very positive",
    "chart_emotion": "Emotion: {feeling}",
    "chart_today": "Today: {name}",
    "chart_range": "from {low} to {high}",
    "chart_no_steps": "no steps",
    "chart_future_state": "{journey} (future state)",
    # measures over time (map format 1.2): health, charts, the measure pages
    "health_on_target": "on target",
    "health_off_target": "off target",
    "health_no_data": "no data",
    "health_stale": "stale",
    "journey_health": "Health",
    "journey_kpis_caption": "The journey's measures, its stages' and its steps', with their health",
    "journey_measures_heading": "Measures over time",
    "col_scope": "Scope",
    "col_as_of": "As of",
    "col_date": "Date",
    "col_value": "Value",
    "col_n": "Sample",
    "col_source": "Source",
    "col_kind": "Kind",
    "col_better": "Better",
    "col_series": "Series",
    "col_latest": "Latest",
    "col_trend": "Trend",
    "col_values": "Values",
    "col_kpis": "KPIs by health",
    "scope_journey": "whole journey",
    "scope_handbook": "whole handbook",
    "scope_stage": "{stage}, every journey",
    "scope_persona": "customers of {persona}",
    "measure_chart_caption": "{measure}, {scope}",
    "measure_chart_table": "Values of {caption}, newest first",
    "measure_chart_source": "Source of every value: {source}.",
    "measure_latest": "latest {value} on {date} ({count} {count|day|days} ago)",
    "measure_no_values": "no values yet in this scope",
    "measure_target_higher": "target {target} or more",
    "measure_target_lower": "target {target} or less",
    "measure_legend_met": "meets the target",
    "measure_legend_missed": "misses it",
    "measure_legend_target": "target",
    "measure_legend_stale": "no value since the latest, to the build date",
    "better_higher": "higher is better",
    "better_lower": "lower is better",
    "kind_nps": "NPS",
    "kind_csat": "CSAT",
    "kind_ces": "CES",
    "kind_percent": "percent",
    "kind_count": "count",
    "kind_duration": "duration",
    "kind_score": "score",
    "measures_title": "Measures",
    "measures_description": "Every measure of the handbook and its values over time.",
    "measures_intro": "{measures} measures, {values} values. Each KPI that names a measure reads its values in "
    "the KPI's scope; its health compares the latest with its target, and a value older than {days} days is "
    "stale.",
    "measures_caption": "Every measure",
    "measures_part_intro": "Measures {range} of the {index}.",
    "measure_kind": "Kind",
    "measure_unit": "Unit",
    "measure_better": "Better",
    "measure_target": "Target",
    "measure_owner": "Owner",
    "measure_values": "Values",
    "measure_values_range": "{count} values from {first} to {last}",
    "measure_value_single": "one value, on {first}",
    "measure_handbook_heading": "Across the handbook",
    "measure_health_heading": "KPIs that name it",
    "measure_series_heading": "Every series",
    "measure_series_intro": "Each scope the values name, with its latest value and its health against its target: "
    "the KPI's that reads it, or else the measure's. Handbook-wide first, then by journey, stage and persona.",
    "measure_series_caption": "Every series of {measure}",
    "measure_parts_intro": "Series {range} are below; the pages listed here hold the others.",
    "measure_part_intro": "Series {range} of {measure}. What it is and how it is read are on its page.",
    "measure_no_series": "No values yet: add rows for this measure to a file in maps/measures/.",
    "measure_values_count": "{count} {count|value|values}",
    "stage_measures_heading": "Measures",
    "stage_measures_caption": "KPIs of this stage in each journey",
    "persona_measures_heading": "Measures",
    "team_measures_owned": "Measures it owns",
    "kpis_more": "The other {more} of these {kpis} KPIs are on their journeys' pages and their measures' pages.",
    "team_kpis_caption": "KPIs of the journeys it owns",
    # aggregate pages (personas, stages, teams, indexes, pain points)
    "journeys_title": "Journeys",
    "journeys_description": "Every journey map in the handbook.",
    "journeys_intro": "{journeys} {journeys|journey map|journey maps} for {personas} {personas|persona|personas}.",
    "journeys_heatmap_heading": "How each persona feels at each stage",
    "heatmap_caption": "Average emotion of each persona at each stage, current-state journeys",
    "journeys_contents_heading": "Contents",
    "journeys_contents_intro": "The index continues over several pages. Each persona and folder, with its number of "
    "journeys, links to where its list begins.",
    "journeys_part_intro": "Rows {range} of the {index}: the journeys by persona, then by folder.",
    "journeys_by_persona": "By persona",
    "journeys_by_folder": "By folder",
    "journeys_of": "Journeys of {persona}",
    "journeys_in": "Journeys in {folder}",
    "top_level": "(top level)",
    "journeys_tree_heading": "Journeys at every zoom level",
    "journeys_tree_intro": "Each journey opens to the journeys that zoom into it: the lifecycle, the journeys "
    "inside it, and the journeys inside those.",
    "journeys_tree_inside": "{count} {count|journey|journeys} inside",
    "journeys_tree_more": "The tree shows {shown} of the {total} top-level {total|journey|journeys}, those with journeys inside "
    "first. Every journey is listed below, by persona and by folder.",
    "personas_title": "Personas",
    "personas_description": "Every persona in the handbook.",
    "personas_intro": "{personas} {personas|persona|personas}: who our customers are and every journey each one takes.",
    "personas_caption": "Every persona",
    "col_segment": "Segment",
    "col_current_journeys": "Current-state journeys",
    "col_future_journeys": "Future-state journeys",
    "persona_summary": "Summary",
    "persona_segment": "Segment",
    "persona_tags": "Tags",
    "persona_goals": "Goals",
    "persona_frustrations": "Frustrations",
    "persona_needs": "Needs",
    "persona_journeys": "Journeys",
    "persona_journeys_caption": "{state}: the journeys of {persona}",
    "persona_emotion_heading": "Emotion by stage",
    "persona_emotion_caption": "Average emotion of {persona} at each stage, across every current-state journey",
    "persona_future_caption": "Future-state designs for {persona}: the average emotion they promise at each "
    "stage, not how it feels today",
    "persona_pains_note": "Highest priority first.",
    "persona_chart_caption": "Emotion of {persona} in {journeys} current-state {journeys|journey|journeys}, stage "
    "by stage",
    "persona_chart_designs": "; {designs} future-state {designs|design|designs} dashed, labelled “future state”",
    "persona_chart_table": "Emotion of {persona} at every step",
    "persona_chart_label": "Line chart, one curve a journey. {caption}, {range}.",
    "persona_parts_intro": "The chart shows journeys {range}; the pages listed here chart the others. The "
    "averages below cover every journey.",
    "persona_part_intro": "Journeys {range} of {persona}, charted step by step.",
    "persona_narrative": "Narrative",
    "redesigns": "redesigns",
    "stages_title": "Stages",
    "stages_description": "The stage catalogue shared by every journey.",
    "stages_intro": "The broad phases of every customer experience, always in this order. Average emotions "
    "come from current-state maps: how customers feel today.",
    "stages_caption": "The stages, in the order every map follows",
    "col_description": "Description",
    "col_journeys": "Journeys",
    "col_pain_points": "Pain points",
    "stage_emotion_heading": "Average emotion",
    "stage_emotion_today": "{emotion} across {touchpoints} {touchpoints|touchpoint|touchpoints} in {journeys} "
    "current-state {journeys|journey|journeys}.",
    "stage_emotion_future": "Future-state designs, not how customers feel today: {emotion} across {touchpoints} "
    "{touchpoints|touchpoint|touchpoints} in {journeys} {journeys|design|designs}.",
    "stage_journeys_heading": "Journeys",
    "stage_no_journeys": "No journey passes through this stage yet.",
    "stage_steps_caption": "{state}: every journey through this stage, step by step",
    "stage_parts_intro": "Journeys {range} are below; the pages listed here hold the others.",
    "stage_part_intro": "Journeys {range} through this stage, step by step. The average emotion and the pain "
    "points are on the page of {stage}.",
    "stage_pains_note": "Found at this stage, highest priority first.",
    "stage_chart_caption": "How customers feel at {stage} today: every step of {journeys} current-state "
    "{journeys|journey|journeys}",
    "spread_step": "A step",
    "spread_mean": "Average of the journey",
    "spread_average": "average",
    "teams_title": "Teams",
    "teams_description": "What each team owns and supports.",
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
    "change_touchpoint_renamed": "Touchpoint renamed",
    "change_emotion": "Emotion",
    "change_pain_point_added": "Pain point added",
    "change_pain_point_removed": "Pain point removed",
    "change_pain_point_status": "Pain point status",
    "change_kpi": "KPI",
    "change_kpi_target": "KPI target",
    "change_kpi_added": "KPI added",
    "change_kpi_removed": "KPI removed",
    "change_narrative": "Narrative changed",
    "change_details": "Other details changed",
    "change_unreadable": "Front matter cannot be read (journeys check says why)",
    "change_unreadable_before": "The version before cannot be read, so what changed is unknown",
    "change_too_large": "This version is over 1 MiB, the most a map may be, so it was not read",
    "change_too_large_before": "The version before is over 1 MiB, the most a map may be, so what changed is unknown",
    "change_made_public": "Made public",
    "change_link_outside": "A link to a file outside the maps folder: not read",
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
    "change_opportunity_status": "Opportunity status",
    "change_opportunity_score": "Opportunity score",
    "change_insight_added": "Insight added",
    "change_insight_removed": "Insight removed",
    "teams_caption": "Every team",
    "col_contact": "Contact",
    "col_journeys_owned": "Journeys owned",
    "col_touchpoints_owned": "Touchpoints owned",
    "col_touchpoints_supported": "Touchpoints supported",
    "col_role": "Role",
    "team_about": "About",
    "team_contact": "Contact",
    "team_journeys_heading": "Journeys it owns",
    "team_touchpoints_heading": "Touchpoints",
    "team_no_touchpoints": "No touchpoint names this team yet.",
    "team_touchpoints_caption": "Touchpoints this team owns or supports",
    "team_touchpoints_state_caption": "{state}: touchpoints this team owns or supports",
    "team_measures_state_caption": "{state}: measures at these touchpoints",
    "team_parts_intro": "Touchpoints {range} and their measures are on this page; the pages listed here hold "
    "the others.",
    "team_part_intro": "Touchpoints {range} that this team owns or supports, and their measures. What it owns "
    "and the pain points are on the page of {team}.",
    "team_pains_note": "At the touchpoints above, highest priority first.",
    "team_measures_heading": "Measures",
    "team_measures_caption": "Measures at these touchpoints",
    "role_owner": "owns",
    "role_supporting": "supports",
    "pains_title": "Pain points",
    "pains_description": "Every pain point, merged across maps and ranked.",
    "pains_summary": "{pains} pain {pains|point|points} at {places} {places|place|places} in {journeys} "
    "{journeys|journey|journeys}. A pain point that several maps name with the same id is one row here, at the "
    "highest severity any of them gives it, and open while one of its occurrences in a current-state map is.",
    "pains_priority_heading": "Priority",
    "pains_formula": "priority = severity weight × (journeys + personas)",
    "pains_priority_text": "The severity weight is {weights}, that of its most severe occurrence in a "
    "current-state map that is not resolved. Journeys counts the current-state journeys where it occurs and is not "
    "resolved, personas the personas of those journeys: its reach today. Future-state designs and resolved "
    "occurrences are listed under Where, marked, but add nothing: a design describes what is not built yet, and a "
    "resolved problem reaches no one. A pain point grows in priority with how bad it is and with how many "
    "journeys and customers it reaches. Rows are sorted by priority, then by severity, then by id.",
    "pain_place_design": "future-state design",
    # a row with more places than it lists, and the page of its own (render/pain_places.py)
    "pain_places_more": "All {places} {places|place|places}, with what each says: {link}",
    "pain_places_more_link": "the pain point's page",
    "row_more_items": "and {more} more",
    "pain_places_title": "Where “{pain}” occurs",
    "pain_places_description": "Every place a pain point occurs, with what each map says of it there.",
    "pain_places_intro": "{places} {places|place|places} in {journeys} {journeys|journey|journeys}. Its priority, "
    "status and the research behind it are on {row}, which lists the first places only.",
    "pain_places_row": "its row in the pain-point index",
    "pain_places_personas": "It reaches {personas} {personas|persona|personas}: {names}.",
    "pain_places_caption": "Every place of this pain point, in the index's order",
    "col_wording": "Its wording there",
    "pain_place_resolved": "resolved here",
    "pains_matrix_heading": "What to fix first",
    "matrix_caption": "Which pain points to fix first: severity against reach, highest priority top right",
    "matrix_reach_axis": "Reach today: journeys + personas",
    "matrix_severity_axis": "Severity",
    "matrix_table_caption": "Pain points by priority",
    "matrix_point": "{pain} ({severity}, priority {score})",
    "pains_downloads_heading": "Downloads",
    "pains_downloads_text": "The same data for spreadsheets and other tools: {links}.",
    "pains_index_heading": "Index",
    "pains_none": "No pain points yet.",
    "pains_caption": "Every pain point, highest priority first",
    "pains_region": "Pain-point index",
    "col_priority": "Priority",
    "col_pain_point": "Pain point",
    "col_severity": "Severity",
    "col_status": "Status",
    "col_where": "Where",
    "col_teams": "Teams",
    "col_evidence": "Evidence",
    "col_opportunities": "Opportunities",
    "opportunity_at": "at",
    "wording_from": "Wording from {place}; other maps word it differently.",
    "pains_matrix_top": "The chart shows {shown} of the {pains} pain {pains|point|points}: the highest priorities, "
    "leaving out any that reach no one today (resolved everywhere, or only in future-state designs). The "
    "index below lists every one.",
    # the index filter (journeys-filter.js reads these from the table)
    "filter_form": "Filter the table",
    "filter_all": "All",
    "filter_show_all": "Show all",
    "filter_showing": "Showing {shown} of {total}.",
    "filter_everywhere": "Matching pain points on every page of the index",
    "filter_loading": "Loading every page's rows…",
    "filter_failed": "Could not load the other pages' rows; showing the matches on this page only.",
    "col_places": "Places",
    "col_backing": "Backing",
    "backing_backed": "backed",
    "backing_none_value": "backed by nothing",
    # how a pain point is backed (map format 1.2, "Insights")
    # A count with its noun (`counted`): {count} is the number, with thousands separators.
    "backing_insights": "{count} {count|insight|insights}: {kinds}",
    "backing_participants": "{count} {count|participant|participants}",
    "backing_evidence": "{count} {count|piece|pieces} of evidence",
    "n_pain_points": "{count} pain {count|point|points}",
    "n_opportunities": "{count} {count|opportunity|opportunities}",
    "n_journeys": "{count} {count|journey|journeys}",
    "backing_none": "Backed by nothing yet",
    "backing_label": "Backed by",
    "backing_summary": "{backed} of {pains} pain {pains|point|points} {backed|is|are} backed by insights or "
    "evidence; {unbacked} by nothing yet: they are marked in the {index}.",
    # insight kinds, one and several (`kinds` in a pain point's backing)
    **{f"insight_kind_{kind.replace('-', '_')}": kind.replace("-", " ") for kind in INSIGHT_KINDS},
    **{
        f"insight_kinds_{kind.replace('-', '_')}": {
            "analytics": "analytics",
            "other": "other",
            "support-tickets": "support tickets",
        }.get(kind, kind.replace("-", " ") + "s")
        for kind in INSIGHT_KINDS
    },
    # insights index and pages
    "insights_title": "Insights",
    "insights_description": "The research behind the maps: interviews, surveys, analytics, tickets.",
    "insights_intro": "{count} {count|piece|pieces} of research behind the maps{count||, newest first}: {kinds}.",
    "insights_caption": "Every insight, newest first",
    "insights_region": "Insights",
    "insights_part_intro": "Insights {range}, newest first. The summary is on the first page of the {index}.",
    "insights_pains_link": "pain-point index",
    "insights_none": "No insights yet.",
    "col_insight": "Insight",
    "col_participants": "Participants",
    "col_backs": "Backs",
    "col_insights": "Insights",
    "insight_backs": "{what} in {journeys}",
    "insight_backs_both": "{pains} and {opportunities}",
    "insight_backs_nothing": "nothing yet",
    "insight_kind": "Kind",
    "insight_date": "Date",
    "insight_participants": "Participants",
    "insight_owner": "Owner",
    "insight_source": "Source",
    "insight_tags": "Tags",
    "insight_findings": "Findings",
    "insight_quotes": "In their words",
    "insight_backs_heading": "What it backs",
    "insight_backs_none": "No pain point or opportunity names this insight yet.",
    "insight_pains_caption": "Pain points it backs, highest priority first",
    "insight_opportunities_caption": "Opportunities it backs, highest score first",
    "insight_journeys": "In the journeys",
    "insight_more": "and {more} more, in journeys.json",
    "insight_narrative": "Narrative",
    # the opportunity portfolio (map format 1.2, "Opportunities through to delivery")
    **{f"opportunity_status_{status.replace('-', '_')}": status.replace("-", " ") for status in OPPORTUNITY_STATUSES},
    "opportunities_title": "Opportunities",
    "opportunities_description": "Every opportunity, scored value against effort, through to delivery.",
    "opportunities_summary": "{opportunities} in {journeys}, {scored} of them scored.",
    "opportunities_by_status": "By status",
    "opportunities_score_heading": "Score",
    "opportunities_formula": "score = (value + business value) ÷ effort",
    "opportunities_score_text": "Value is what it is worth to customers, business value what it is worth to the "
    "company, effort what it costs to deliver, each from 1 to 5. A score over 2 is worth more than it costs. An "
    "opportunity without all three is unscored and listed after the scored ones. Opportunities that several maps "
    "name with the same id are one row here.",
    "opportunities_matrix_heading": "Value against effort",
    "opportunities_matrix_top": "The chart shows the {shown} highest scores of {opportunities}; the portfolio below "
    "lists every one.",
    "effort_caption": "Which opportunities pay: value against effort, quick wins top left",
    "effort_value_axis": "Value + business value",
    "effort_effort_axis": "Effort",
    "effort_quick_wins": "Quick wins",
    "effort_big_bets": "Big bets",
    "effort_fill_ins": "Fill-ins",
    "effort_money_pits": "Reconsider",
    "effort_point": "{opportunity} ({status}, score {score})",
    "effort_table_caption": "Scored opportunities, highest score first",
    "opportunities_downloads_text": "The same data for spreadsheets and other tools: {links}.",
    "opportunities_portfolio_heading": "Portfolio",
    "opportunities_caption": "Every opportunity, highest score first",
    "opportunities_region": "Opportunity portfolio",
    "opportunities_part_intro": "Opportunities {range} by score. The summary and the chart are on the first page "
    "of the {index}.",
    "col_score": "Score",
    "col_business_value": "Business value",
    "col_effort": "Effort",
    "effort_even": "The dashed diagonal marks a score of 2: above it, an opportunity is worth more than it costs.",
    "col_opportunity": "Opportunity",
    "col_value_effort": "Value, effort",
    "col_addresses": "Addresses",
    "col_tickets": "Tickets",
    "unscored": "unscored",
    "value_effort": "value {value}, business {business}, effort {effort}",
    "opportunity_score": "score {score}",
    "opportunity_in": "in {journeys}",
    # a team's page
    "team_opportunities_heading": "Opportunities it delivers",
    "team_opportunities_note": "Highest score first.",
    "team_opportunities_more": "{more|The other|The {more} others} of these {opportunities} "
    "{opportunities|opportunity|opportunities} {more|is|are} in the {portfolio}.",
    "team_opportunities_more_link": "portfolio, filtered to this team",
    "pains_part_intro": "Pain points {range} by priority. The summary, the chart and the highest priorities are on "
    "the first page of the {index}.",
    # parts of a long page (render/pagination.py)
    "pager_label": "Pages of this list",
    "pager_intro": "This list continues on other pages:",
    "pager_range": "{first}–{last}",
    "pager_previous": "← Previous page",
    "pager_next": "Next page →",
    "part_title": "{title}: {range}",
    # the search box, with search: pagefind (render/search_facets.py, assets/journeys-search.js)
    "search_kind_journey": "Journey",
    "search_kind_persona": "Persona",
    "search_kind_stage": "Stage",
    "search_kind_team": "Team",
    "search_kind_pain_point": "Pain point",
    "search_kind_insight": "Insight",
    "search_kind_measure": "Measure",
    "search_filter_kind": "Kind",
    "search_filter_persona": "Persona",
    "search_filter_stage": "Stage",
    "search_filter_team": "Team",
    "search_filter_severity": "Severity",
    "search_filter_state": "State",
    "search_filter_tag": "Tag",
    "search_filters": "Filter the results",
    "search_remove": "Remove the filter {filter}",
    "search_found": "{found} found, the best {shown} shown",
    "search_unavailable": "Search needs the handbook on a web server",
    "search_unavailable_why": "A page opened from a file cannot load the search index: serve the site "
    "(mkdocs serve, or any web server), or build it with Material's offline plugin.",
}


class UnknownLabel(ValueError):
    """A `labels` option names a key no template uses, or a placeholder its page cannot fill."""


def fields(label: str) -> set[str]:
    """The `{names}` a label is filled in with, those its plural choices count included
    (core/options.py checks that they are plain)."""
    return label_fields(label)


def fill(label: str, **values: object) -> str:
    """A label with its plural choices made and its `{names}` filled in (values as they are; the
    caller escapes)."""
    return plurals(label, values).format_map(values)


def counted(labels: Mapping[str, str], key: str, count: int, **values: object) -> str:
    """The label `key` with its {count} (in the form of its noun the count takes) shown with
    thousands separators."""
    return fill(plurals(labels[key], {"count": count}), **values, count=f"{count:,}")


def merged(overrides: Mapping[str, str] | None) -> dict[str, str]:
    """The default labels with the user's replacements; an unknown key is an error, so a typo
    in `labels:` is reported instead of silently changing nothing."""
    result = dict(LABELS)
    for key, value in sorted((overrides or {}).items()):
        if key not in LABELS:
            from journeys.core.problems import did_you_mean

            raise UnknownLabel(f"labels: unknown label '{key}'{did_you_mean(key, LABELS)}")
        value = str(value)
        try:
            extra = fields(value) - fields(LABELS[key])
        except OptionError as exc:  # an unmatched brace, a format spec
            raise UnknownLabel(f"labels: {key}: {exc.message}") from None
        if extra:
            known = ", ".join(f"{{{n}}}" for n in sorted(fields(LABELS[key]))) or "none"
            raise UnknownLabel(f"labels: {key}: unknown placeholder {{{sorted(extra)[0]}}}; this label can use {known}")
        result[key] = value
    return result
