"""The MkDocs side: configuration and events only. All logic lives in core and render."""

from journeys.plugin.plugin import JourneysPlugin

__all__ = ["JourneysPlugin"]
