"""Pages remembered across the builds of one `mkdocs serve`, each with the inputs it was
rendered from: a rebuild after a one-map edit renders again only the pages whose inputs
changed, and reuses the rest as they are.

A page's inputs are everything its renderer reads, in two layers. The site-wide ones (the
site's settings and labels, the build date, the stage and team catalogues, persona names,
custom fields) belong to every page: when one changes, nothing is reused. The rest are a page's
own: its map, and the few facts of other maps it shows, such as the title of a journey it links
or the priority of a pain point it lists. `render/page_inputs.py` says what each page reads. A
page whose inputs equal the last build's is, by construction, the page this build would render.

Only a plugin kept across builds keeps a memo; a single build renders without one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from journeys.core.handbook import Handbook
from journeys.core.model import Journey, Persona

T = TypeVar("T")


class Memo:
    def __init__(self) -> None:
        self._base: object = None
        self._last: dict[str, tuple[object, Any]] = {}  # path -> (inputs, rendered) of the last build
        self._now: dict[str, tuple[object, Any]] = {}
        self._items: dict[tuple[str, str], Journey | Persona] = {}  # (kind, id) -> the model object of the last build
        self.rendered: list[str] = []  # the paths this build rendered again: for tests and the benchmark

    def start(self, base: object) -> None:
        """A new build: what the last one rendered is reused only if the site-wide inputs are
        the same. Only what this build uses is kept for the next, so a deleted map's page goes."""
        self._last = self._now if base == self._base else {}
        self._now, self._base, self.rendered = {}, base, []

    def get(self, path: str, inputs: object, render: Callable[[], T]) -> T:
        hit = self._last.get(path)
        if hit is not None and hit[0] == inputs:
            value: T = hit[1]
        else:
            value = render()
            self.rendered.append(path)
        self._now[path] = (inputs, value)
        return value

    def interned(self, handbook: Handbook) -> Handbook:
        """The handbook with every journey and persona equal to the last build's replaced by that
        object. Every map is parsed into new objects on each build; with the old ones, the
        inputs of most pages compare by identity, which is quick."""
        last, self._items = self._items, {}

        def same(kind: str, item: Any) -> Any:
            old = last.get((kind, item.id))
            kept = old if old is not None and old == item else item
            self._items[(kind, item.id)] = kept
            return kept

        return dataclasses.replace(
            handbook,
            journeys=tuple(same("journey", j) for j in handbook.journeys),
            personas=tuple(same("persona", p) for p in handbook.personas),
        )
