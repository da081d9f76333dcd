"""The plugin's options in mkdocs.yml: one MkDocs config option for each option declared in
`core/options.py`, which holds their defaults, types, checks and documentation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config.base import ValidationError
from mkdocs.config.config_options import BaseConfigOption

from journeys.core import options


class CheckedOption(BaseConfigOption):
    """An option checked by core, so `journeys check` and the build accept the same values."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.default = options.default(name)

    def run_validation(self, value):
        try:
            return options.check(self.name, value)
        except options.OptionError as exc:
            where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in exc.path)
            raise ValidationError(f"{where.lstrip('.')}: {exc.message}" if where else exc.message) from None


# Built from core's options, one schema entry per field. The type checker sees a plain Config
# (its values are read by key, as `self.config["enabled"]`): a class made at run time has no
# attributes it could know.
if TYPE_CHECKING:
    JourneysConfig = base.Config
else:
    JourneysConfig = type(
        "JourneysConfig",
        (base.Config,),
        {
            "__doc__": "The `journeys` plugin's options (see journeys.core.options.Options).",
            "__module__": __name__,
            **{option.name: CheckedOption(option.name) for option in options.PLUGIN_OPTIONS},
        },
    )
