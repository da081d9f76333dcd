"""What a ticket URL says about itself (map format 1.2, "Opportunities through to delivery"): the
tracker and the item's key where the URL carries them (GitHub and GitLab issues and pull or
merge requests, Jira, Linear, Azure DevOps work items), and its host otherwise. Pages show an
opportunity's tickets by these words, each a link to its URL.

Only the URL is read, never the network: the words are what a reader of the address would make
of it, and the same address always gives the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

_NUMBER = r"([1-9][0-9]{0,11})"
_GITHUB = re.compile(r"/([^/]+)/([^/]+)/(issues|pull)/" + _NUMBER + r"(?:/.*)?\Z")
_GITLAB = re.compile(r"/(.+?)/-/(issues|merge_requests)/" + _NUMBER + r"(?:/.*)?\Z")
_JIRA_KEY = r"([A-Z][A-Z0-9_]{0,30}-[1-9][0-9]{0,11})"
_JIRA = re.compile(r"(?:/.*)?/browse/" + _JIRA_KEY + r"/?\Z")
_LINEAR = re.compile(r"/[^/]+/issue/([A-Za-z][A-Za-z0-9]{0,30}-[1-9][0-9]{0,11})(?:/.*)?\Z")
_AZURE = re.compile(r"(?:/.*)?/([^/]+)/_workitems/edit/" + _NUMBER + r"/?\Z")


@dataclass(frozen=True)
class Ticket:
    """How a ticket reads: `tracker` ("GitHub", "Jira"...) and `key` ("org/repo#12", "CX-101"),
    or, for an address no rule knows, its host as `tracker` and no key."""

    url: str
    tracker: str
    key: str = ""

    @property
    def label(self) -> str:
        return f"{self.tracker} {self.key}" if self.key else self.tracker


def ticket(url: str) -> Ticket:
    """The tracker and key of a ticket `url` (an https URL, as the map format requires)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
    except ValueError:  # a malformed address (an unclosed IPv6 bracket): its text is all there is
        return Ticket(url, url)
    path = parts.path
    found = _known(host, path, parts.query)
    if found is not None:
        return Ticket(url, *found)
    return Ticket(url, host or url)


def _known(host: str, path: str, query: str) -> tuple[str, str] | None:
    if host == "github.com" or host.startswith("github."):  # github.com, or GitHub Enterprise Server
        match = _GITHUB.match(path)
        if match:
            return "GitHub", f"{unquote(match[1])}/{unquote(match[2])}#{match[4]}"
    match = _GITLAB.match(path)  # `/-/` marks GitLab's own routes, on gitlab.com and any self-hosted one
    if match:
        sign = "#" if match[2] == "issues" else "!"  # GitLab's own references: #issue, !merge request
        return "GitLab", f"{unquote(match[1])}{sign}{match[3]}"
    match = _JIRA.match(path)
    if match:
        return "Jira", match[1]
    if host.endswith(".atlassian.net"):  # a board with an issue open: ?selectedIssue=CX-101
        selected = parse_qs(query).get("selectedIssue", [""])[0]
        if re.fullmatch(_JIRA_KEY, selected):
            return "Jira", selected
    if host == "linear.app":
        match = _LINEAR.match(path)
        if match:
            return "Linear", match[1].upper()
    if host == "dev.azure.com" or host.endswith(".visualstudio.com"):
        match = _AZURE.match(path)
        if match:
            return "Azure DevOps", f"{unquote(match[1])}#{match[2]}"
    return None
