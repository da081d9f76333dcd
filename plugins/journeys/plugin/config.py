"""The plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class CustomField(base.Config):
    key = c.Type(str)
    """The step key editors write, e.g. `backstage`."""
    label = c.Type(str)
    """The lane's title on journey pages, e.g. "Behind the scenes"."""


class JourneysConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Build the handbook pages. Turn off to build the hand-written docs alone, faster."""

    maps_dir = c.Type(str, default="maps")
    """The folder of personas, journeys, stages.yml and teams.yml, relative to mkdocs.yml."""

    prefix = c.Type(str, default="")
    """Put in front of every generated URL, e.g. "cx/" publishes journeys at cx/journeys/."""

    review_after_days = c.Type(int, default=180)
    """A journey whose `reviewed` date is older than this is shown as due for review."""

    custom_fields = c.ListOfItems(c.SubConfig(CustomField), default=[])
    """Extra step keys, each rendered as a lane of the map grid, in this order."""

    plotly_js = c.Optional(c.Type(str))
    """Where pages load plotly.js from, e.g. a CDN URL. Unset, the site serves the cartesian
    plotly.js bundle that ships with the plugin, so charts work behind a firewall."""

    labels = c.Type(dict, default={})
    """Interface words to replace, by key (see `render/labels.py`), e.g. `due_for_review: à revoir`
    to translate the handbook. Page layouts themselves are overridden by templates of the same
    name under the theme's `custom_dir`, in `journeys/`."""
