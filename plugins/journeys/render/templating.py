"""The Jinja2 environment that renders page layouts.

Layouts live in `journeys/templates/` inside the package. A file of the same name in the
theme's `custom_dir`, under `journeys/`, replaces the package's, as Material's own partials
are overridden. The environment is private to the plugin (MkDocs' own renders with autoescape
off): every value printed with `{{ }}` is escaped as plain text through `text.text` unless it
is `Markup`, which only the renderers and the `|markup`-free fragments produce.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Mapping
from functools import lru_cache

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    meta,
)
from markupsafe import Markup

from journeys.core.problems import Problem, did_you_mean, one_line
from journeys.render.labels import fill, merged
from journeys.render.text import text

PACKAGE_TEMPLATES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "templates")
OVERRIDE_FOLDER = "journeys"  # under the theme's custom_dir


def _finalize(value: object) -> object:
    """Runs on every `{{ }}` value before autoescaping: author text gets the same escaping as
    everywhere else (HTML and the characters Markdown extensions act on), markup stays."""
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    return Markup(text(value))


def fill_markup(label: str, **values: object) -> Markup:
    """A label escaped as plain text, with its {names} filled in by markup (left as it is)
    or by plain values (escaped like author text)."""
    escaped = text(label).replace("&#123;", "{").replace("&#125;", "}")
    return Markup(escaped.format_map({k: v if hasattr(v, "__html__") else text(v) for k, v in values.items()}))


class TemplateProblem(ValueError):
    """A page template (most likely an override) that cannot be read or rendered: it does not
    parse, is not UTF-8, names a value its page does not have, or fails as it runs (`{{ 1/0 }}`,
    a `fill` without a name its label has). One line, naming the file and, where known, the line."""


class Templates:
    """Renders named templates with the labels in scope; cheap to call per page."""

    def __init__(self, custom_dir: str | None = None, labels: Mapping[str, str] | None = None):
        folders = [os.path.join(custom_dir, OVERRIDE_FOLDER)] if custom_dir else []
        self.labels = merged(labels)
        self.env = Environment(
            loader=ChoiceLoader([FileSystemLoader(folders), FileSystemLoader(PACKAGE_TEMPLATES)]),
            autoescape=True,
            finalize=_finalize,
            undefined=StrictUndefined,  # a misspelt variable in an override fails loudly
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=False,
        )
        self.env.filters["text"] = lambda value: Markup(text(value))
        # A label with its {names} filled in; the result is escaped as a whole on output, so
        # a value that is markup (a link, a chip) must be passed already rendered and the
        # label marked safe with it: `labels.x | fill_markup(links=...)`.
        self.env.filters["fill"] = fill
        self.env.filters["fill_markup"] = fill_markup
        self.env.globals["labels"] = self.labels
        self.overrides = folders[0] if folders else None
        for name in sorted(os.listdir(self.overrides)) if self.overrides and os.path.isdir(self.overrides) else ():
            if name.endswith(".html"):
                self._template(name)  # an override that does not parse stops the build at once

    def render(self, name: str, **values: object) -> Markup:
        """The template's output as markup, with surrounding whitespace removed so a block
        never starts with a blank line (Markdown would end the HTML block there)."""
        try:
            return Markup(self._template(name).render(**values).strip())
        except TemplateProblem:
            raise
        except TemplateError as exc:
            raise TemplateProblem(f"template {self._failing(name, exc)}: {one_line(exc.message or '')}") from None
        except Exception as exc:  # an expression of the template fails as Python: {{ 1/0 }}, a name `fill` lacks
            raise TemplateProblem(f"template {self._failing(name, exc)}: {_reason(exc)}") from None

    def _template(self, name: str):
        try:
            return self.env.get_template(name)
        except TemplateSyntaxError as exc:
            raise TemplateProblem(f"template {self._where(name)}:{exc.lineno}: {exc.message}") from None
        except UnicodeDecodeError as exc:
            line = exc.object[: exc.start].count(b"\n") + 1
            raise TemplateProblem(
                f"template {self._where(name)}:{line}: is not UTF-8 text (byte 0x{exc.object[exc.start]:02x}); "
                "save it as UTF-8"
            ) from None

    def _failing(self, name: str, exc: BaseException) -> str:
        """The file and line a render failed at. Jinja puts the template's own lines into the
        traceback (the innermost is the failing one, in an included template too); without
        them, the template asked for."""
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".html")]
        if not frames:
            return self._where(name)
        path = frames[-1].filename
        shown = os.path.basename(path) if os.path.dirname(path) == PACKAGE_TEMPLATES else path
        return f"{shown}:{frames[-1].lineno}"

    def _where(self, name: str) -> str:
        """The file a template comes from: the override when there is one."""
        if self.overrides and os.path.isfile(os.path.join(self.overrides, name)):
            return os.path.join(self.overrides, name)
        return name


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError) and exc.args:  # str.format_map, under `fill`
        return one_line(f"a label names {{{exc.args[0]}}}, which `fill` is not given here")
    return one_line(f"{exc} ({type(exc).__name__})")


def override_warnings(custom_dir: str | None, shown=os.path.relpath) -> list[Problem]:
    """A warning for each .html file under `<custom_dir>/journeys/` that replaces no template
    of the package and that no template includes: most likely a misspelt name, whose override
    would otherwise change nothing without a word. `shown` makes a path as messages print it."""
    folder = os.path.join(custom_dir, OVERRIDE_FOLDER) if custom_dir else None
    if folder is None or not os.path.isdir(folder):
        return []
    package = {name for name in os.listdir(PACKAGE_TEMPLATES) if name.endswith(".html")}
    overrides = sorted(name for name in os.listdir(folder) if name.endswith(".html"))
    used = set(package)
    env = Environment()
    for name in overrides:
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                used |= {n for n in meta.find_referenced_templates(env.parse(handle.read())) if n}
        except (OSError, UnicodeDecodeError, TemplateSyntaxError):
            continue  # reported when the templates are loaded
    return [
        Problem(
            shown(os.path.join(folder, name)),
            None,
            None,
            "",
            f"no template of the journeys plugin is called '{name}'{did_you_mean(name, package)}, and no template "
            "includes it, so it changes nothing",
            level="warning",
        )
        for name in overrides
        if name not in used
    ]


@lru_cache(maxsize=1)
def default_templates() -> Templates:
    """The package's templates with the default labels: for renders without a site config."""
    return Templates()
