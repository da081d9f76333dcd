"""The Jinja2 environment that renders page layouts and the pieces they are made of.

Layouts live in `journeys/templates/` inside the package. A file of the same name in the
theme's `custom_dir`, under `journeys/`, replaces the package's, as Material's own partials
are overridden. The pieces every page shares (links, chips, badges, tables, cards, the error
box) are the macros of `macros.html`; an override of that file defines only the macros it
changes, and the package's stay for the rest (`Templates.macros`). The environment is private
to the plugin (MkDocs' own renders with autoescape off): every value printed with `{{ }}` is
escaped as plain text through `text.text` unless it is `Markup`, which only the macros, the
renderers' figures and the `fill_markup` filter produce.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from types import SimpleNamespace

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    meta,
    nodes,
)
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Macro
from markupsafe import Markup

from journeys.core.problems import Problem, did_you_mean, one_line
from journeys.render.labels import fill, merged
from journeys.render.text import is_web_url, text, url

PACKAGE_TEMPLATES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "templates")
OVERRIDE_FOLDER = "journeys"  # under the theme's custom_dir
MACROS = "macros.html"
# The package's own templates under this prefix, whatever the overrides: the macros an
# override leaves out come from there, and an override may import them to wrap one.
PACKAGE = "journeys-package"
# Each fact is searched on its home page only (a touchpoint on its journey's page, a pain point
# in its index row, a persona on its page); elsewhere Material's search leaves out elements
# with this attribute. Its parser tracks skipped elements by tag name, so the attribute goes
# on an element with no element of the same name inside it. With a value, Material removes the
# attribute from the page once it is indexed (mkdocs-material 9.x, search plugin's
# on_page_context), so it costs the published page nothing. Templates print it as
# `{{ not_searched }}`: this is the one place that spells it.
NOT_SEARCHED = ' data-search-exclude="true"'


_NOTHING = Markup()


def _finalize(value: object) -> Markup:
    """Every `{{ }}` value as markup: author text gets the same escaping as everywhere else
    (HTML and the characters Markdown extensions act on), markup stays."""
    if type(value) is Markup:
        return value
    if value is None:
        return _NOTHING
    if hasattr(value, "__html__"):
        return Markup(value)
    return Markup(text(value))


class _Escaping(CodeGenerator):
    """Where autoescaping is on, a `{{ }}` is compiled to `finalize(value)` alone: `_finalize`
    returns markup for every value, so Jinja's own escape() after it (which copies every string
    it is given into a new Markup) would change nothing. Pages print about a million values at
    1,000 maps; this halves what each costs. Jinja's NativeCodeGenerator overrides the same two
    methods (jinja2 3.1)."""

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src:
            self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src:
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


class _Environment(Environment):
    code_generator_class = _Escaping


def fill_markup(label: str, **values: object) -> Markup:
    """A label escaped as plain text, with its {names} filled in by markup (left as it is)
    or by plain values (escaped like author text)."""
    escaped = text(label).replace("&#123;", "{").replace("&#125;", "}")
    return Markup(escaped.format_map({k: v if hasattr(v, "__html__") else text(v) for k, v in values.items()}))


def _href(value: str) -> Markup:
    """An address the renderer made (never author text but evidence, which is checked to be an
    http(s) URL), escaped for an attribute."""
    return Markup(url(value))


class TemplateProblem(ValueError):
    """A page template (most likely an override) that cannot be read or rendered: it does not
    parse, is not UTF-8, names a value its page does not have, or fails as it runs (`{{ 1/0 }}`,
    a `fill` without a name its label has). One line, naming the file and, where known, the line."""


class Templates:
    """Renders named templates and macros with the labels in scope; cheap to call per page."""

    def __init__(self, custom_dir: str | None = None, labels: Mapping[str, str] | None = None) -> None:
        folders = [os.path.join(custom_dir, OVERRIDE_FOLDER)] if custom_dir else []
        self.labels = merged(labels)
        package = FileSystemLoader(PACKAGE_TEMPLATES)
        self.env = _Environment(
            loader=ChoiceLoader([PrefixLoader({PACKAGE: package}), FileSystemLoader(folders), package]),
            autoescape=True,
            finalize=_finalize,
            undefined=StrictUndefined,  # a misspelt variable in an override fails loudly
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=False,
        )
        self.env.filters["text"] = lambda value: Markup(text(value))
        self.env.filters["url"] = _href
        # A label with its {names} filled in; the result is escaped as a whole on output, so
        # a value that is markup (a link, a chip) must be passed already rendered and the
        # label marked safe with it: `labels.x | fill_markup(links=...)`.
        self.env.filters["fill"] = fill
        self.env.filters["fill_markup"] = fill_markup
        self.env.tests["web_url"] = lambda value: isinstance(value, str) and is_web_url(value)
        self.env.globals["labels"] = self.labels
        self.env.globals["not_searched"] = Markup(NOT_SEARCHED)
        # Filled once the macro files are read; templates and macros reach every macro through
        # it, so an overridden macro is the one used everywhere, inside other macros too.
        self.macros = SimpleNamespace()
        self.env.globals["macros"] = self.macros
        self.overrides = folders[0] if folders else None
        for name in sorted(os.listdir(self.overrides)) if self.overrides and os.path.isdir(self.overrides) else ():
            if name.endswith(".html"):
                self._template(name)  # an override that does not parse stops the build at once
        vars(self.macros).update(self._macros())
        self._pieces: dict[tuple[object, ...], Markup] = {}
        # Pages link the same items again and again (a journey from each of its rows): six links
        # in seven repeat one made shortly before, at 1,000 maps.
        self.link: Callable[[str, str], Markup] = lru_cache(maxsize=8192)(self._link)

    def render(self, name: str, **values: object) -> Markup:
        """The template's output as markup, with surrounding whitespace removed so a block
        never starts with a blank line (Markdown would end the HTML block there)."""
        with self.reported(name):
            return Markup(self._template(name).render(**values).strip())

    def piece(self, key: tuple[object, ...], make: Callable[[], Markup]) -> Markup:
        """`make()`, made once for `key`: chips and badges whose few values recur on every page
        (an emotion score, a severity) are not rendered again each time."""
        found = self._pieces.get(key)
        if found is None:
            found = self._pieces[key] = make()
        return found

    def _link(self, href: str, label: str) -> Markup:
        """The `link` macro's output (see `link`)."""
        return self.macros.link(href, label)

    @contextmanager
    def reported(self, name: str = MACROS) -> Iterator[None]:
        """Template errors raised inside as one TemplateProblem naming the file: `name`, or the
        template the error was raised in (a macro called from Python, an include)."""
        try:
            yield
        except TemplateProblem:
            raise
        except TemplateError as exc:
            raise TemplateProblem(f"template {self._failing(name, exc)}: {one_line(exc.message or '')}") from None
        except Exception as exc:  # an expression of the template fails as Python: {{ 1/0 }}, a name `fill` lacks
            raise TemplateProblem(f"template {self._failing(name, exc)}: {_reason(exc)}") from None

    def _template(self, name: str) -> Template:
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
        """The file and line a render failed at: the innermost frame of template code, in an
        included template or a macro too; without one, the template asked for. Jinja rewrites
        the traceback of `render` so its frames carry the template's lines; a macro called from
        Python keeps the compiled code's frames, whose template maps their lines back."""
        found = None
        trace = exc.__traceback__
        while trace is not None:
            frame = trace.tb_frame
            template = frame.f_globals.get("__jinja_template__")
            if template is not None and template.filename:
                found = (template.filename, template.get_corresponding_lineno(trace.tb_lineno))
            elif frame.f_code.co_filename.endswith(".html"):
                found = (frame.f_code.co_filename, trace.tb_lineno)
            trace = trace.tb_next
        if found is None:
            return self._where(name)
        path, line = found
        shown = os.path.basename(path) if os.path.dirname(path) == PACKAGE_TEMPLATES else path
        return f"{shown}:{line}"

    def _macros(self) -> dict[str, Macro]:
        """The package's macros, with those an override of macros.html defines in their place."""
        found = _exported(self._module(f"{PACKAGE}/{MACROS}"))
        if self.overrides and os.path.isfile(os.path.join(self.overrides, MACROS)):
            own = _exported(self._module(MACROS))
            unknown = sorted(set(own) - set(found))
            if unknown:
                raise TemplateProblem(
                    f"template {self._where(MACROS)}: unknown macro '{unknown[0]}'{did_you_mean(unknown[0], found)}; "
                    "an override defines macros of the package's macros.html (start a helper's name with _)"
                )
            found.update(own)
        return found

    def _module(self, name: str) -> object:
        with self.reported(name):
            return self._template(name).module

    def _where(self, name: str) -> str:
        """The file a template comes from: the override when there is one."""
        if name.startswith(PACKAGE + "/"):
            return name[len(PACKAGE) + 1 :]
        if self.overrides and os.path.isfile(os.path.join(self.overrides, name)):
            return os.path.join(self.overrides, name)
        return name


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError) and exc.args:  # str.format_map, under `fill`
        return one_line(f"a label names {{{exc.args[0]}}}, which `fill` is not given here")
    return one_line(f"{exc} ({type(exc).__name__})")


def override_warnings(custom_dir: str | None, shown: Callable[[str], str] = os.path.relpath) -> list[Problem]:
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


def _exported(module: object) -> dict[str, Macro]:
    return {name: value for name, value in vars(module).items() if isinstance(value, Macro)}


@lru_cache(maxsize=1)
def default_templates() -> Templates:
    """The package's templates with the default labels: for renders without a site config."""
    return Templates()
