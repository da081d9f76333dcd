"""What a ticket URL says about itself (core/tickets.py): the tracker and key of GitHub and
GitLab issues and pull or merge requests, Jira issues, Linear issues and Azure DevOps work
items, in each shape their addresses take, and the host of anything else."""

from __future__ import annotations

import pytest

from journeys.core.tickets import Ticket, ticket

SHAPES = [
    # GitHub: issues and pull requests, their sub-pages and anchors, and GitHub Enterprise.
    ("https://github.com/harbour/web/issues/12", "GitHub", "harbour/web#12"),
    ("https://github.com/harbour/web/pull/345", "GitHub", "harbour/web#345"),
    ("https://github.com/harbour/web/pull/345/files", "GitHub", "harbour/web#345"),
    ("https://github.com/harbour/web/issues/12#issuecomment-1", "GitHub", "harbour/web#12"),
    ("https://www.github.com/harbour/web/issues/7", "GitHub", "harbour/web#7"),
    ("https://github.harbour-mutual.example/cx/portal/issues/88", "GitHub", "cx/portal#88"),
    # GitLab: gitlab.com and self-hosted, groups and subgroups, issues (#) and merge requests (!).
    ("https://gitlab.com/harbour/web/-/issues/3", "GitLab", "harbour/web#3"),
    ("https://git.harbour-mutual.example/digital/my-harbour-app/-/issues/412", "GitLab", "digital/my-harbour-app#412"),
    ("https://gitlab.com/group/sub/project/-/merge_requests/57", "GitLab", "group/sub/project!57"),
    ("https://gitlab.com/group/project/-/merge_requests/57/diffs", "GitLab", "group/project!57"),
    # Jira: Cloud and self-hosted /browse/ addresses, and a board with an issue open.
    ("https://harbour.atlassian.net/browse/CX-101", "Jira", "CX-101"),
    ("https://jira.harbour-mutual.example/browse/CLM-208", "Jira", "CLM-208"),
    ("https://jira.harbour-mutual.example/jira/browse/CLM_OPS-9/", "Jira", "CLM_OPS-9"),
    ("https://harbour.atlassian.net/jira/software/projects/CX/boards/1?selectedIssue=CX-7", "Jira", "CX-7"),
    # Linear: the issue key, whatever the title after it.
    ("https://linear.app/harbour/issue/ENG-42/send-a-text-at-each-milestone", "Linear", "ENG-42"),
    ("https://linear.app/harbour/issue/eng-42", "Linear", "ENG-42"),
    # Azure DevOps: dev.azure.com and the older visualstudio.com, project and work item.
    ("https://dev.azure.com/harbour/Claims/_workitems/edit/123", "Azure DevOps", "Claims#123"),
    ("https://dev.azure.com/harbour/Claims%20Ops/_workitems/edit/9/", "Azure DevOps", "Claims Ops#9"),
    ("https://harbour.visualstudio.com/Claims/_workitems/edit/77", "Azure DevOps", "Claims#77"),
    ("https://harbour.visualstudio.com/DefaultCollection/Claims/_workitems/edit/77", "Azure DevOps", "Claims#77"),
]


@pytest.mark.parametrize(("url", "tracker", "key"), SHAPES, ids=[s[0].split("//")[1] for s in SHAPES])
def test_a_ticket_reads_as_its_tracker_and_key(url, tracker, key):
    assert ticket(url) == Ticket(url, tracker, key)


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://github.com/harbour/web", "github.com"),  # a repository, not an issue
        ("https://github.com/harbour/web/issues", "github.com"),  # the list of issues
        ("https://gitlab.com/harbour/web/-/issues", "gitlab.com"),
        ("https://jira.harbour-mutual.example/secure/Dashboard.jspa", "jira.harbour-mutual.example"),
        ("https://harbour.atlassian.net/jira/software/projects/CX/boards/1?selectedIssue=cx7", "harbour.atlassian.net"),
        ("https://linear.app/harbour/project/renewals", "linear.app"),
        ("https://dev.azure.com/harbour/Claims/_boards/board", "dev.azure.com"),
        ("https://www.trello.com/c/abc123/12-milestone-texts", "trello.com"),
        ("https://TRACKER.Example.COM/item/5", "tracker.example.com"),
    ],
)
def test_any_other_address_reads_as_its_host(url, host):
    found = ticket(url)
    assert (found.tracker, found.key, found.label) == (host, "", host)


def test_the_label_joins_tracker_and_key():
    assert ticket("https://harbour.atlassian.net/browse/CX-101").label == "Jira CX-101"
    assert ticket("https://gitlab.com/g/p/-/merge_requests/5").label == "GitLab g/p!5"


def test_an_address_that_cannot_be_parsed_reads_as_itself():
    assert ticket("https://[broken/issues/1") == Ticket("https://[broken/issues/1", "https://[broken/issues/1")
