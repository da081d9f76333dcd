"""Pagefind's index of the site, made once the build is done.

Each page MkDocs writes leaves its copy to index (plugin/pagefind_html.py) in a staging folder,
mirroring the site's paths; the rows of a page whose items are rows leave one file each beside
it. After the build, Pagefind (PyPI `pagefind[bin]`: the Rust indexer, and the Python package
that finds its binary) reads the folder and writes its bundle to the site's `pagefind/`. Readers' browsers fetch from
it only the pieces a search needs: the words' chunks, the results' fragments, the filters.

The staging folder lives as long as the plugin instance under `mkdocs serve --dirty`, so the
pages a dirty rebuild does not write keep their copies; otherwise it goes with the build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile

from journeys.plugin.pagefind_order import stable_order

BUNDLE = "pagefind"  # the bundle's folder under the site
# What Pagefind writes that the handbook does not use: its own search interfaces (the handbook
# answers Material's search box, plugin/material_page.py) and the worker pagefind.js starts
# when it runs in a page (ours already runs it in a worker).
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "pagefind-worker.js",
)


class PagefindUnavailable(Exception):
    """Pagefind is not installed, or failed; the message says what to do."""


class Staging:
    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="journeys-pagefind-")
        self.by_page: dict[str, list[str]] = {}  # page's path in the site -> its copies' files

    def put(self, dest: str, page: str | None, rows: tuple[str, ...] = ()) -> None:
        """The copies of the page written at `dest` (relative to the site), replacing the last
        build's: the page's own at its path, its rows' as `<dest>.rows/<n>.html`."""
        for old in self.by_page.pop(dest, ()):
            os.remove(old)
        named = [(dest, page)] if page is not None else []
        named += [(f"{dest}.rows/{n:05d}.html", row) for n, row in enumerate(rows)]
        paths = []
        for name, text in named:
            path = os.path.join(self.folder, *name.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            paths.append(path)
        if paths:
            self.by_page[dest] = paths

    def keep_only(self, present: set[str]) -> None:
        """Drop the copies of pages the site no longer has (a dirty rebuild after a deletion)."""
        for dest in sorted(self.by_page.keys() - present):
            self.put(dest, None)

    def index(self, site_dir: str) -> tuple[int, bool]:
        """Index the staged copies into the site's bundle (`index_folder`)."""
        return index_folder(self.folder, site_dir)

    def snapshot(self) -> str:
        """A folder of the copies as they are now, which the next build's changes leave alone
        (each file linked, not copied: a copy the next build writes is a new file), for indexing
        while the next build runs. The caller removes it."""
        folder = tempfile.mkdtemp(prefix="journeys-pagefind-snapshot-")
        shutil.copytree(self.folder, folder, copy_function=os.link, dirs_exist_ok=True)
        return folder

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.by_page = {}


def index_folder(folder: str, site_dir: str) -> tuple[int, bool]:
    """Index the copies in `folder` into the site's bundle: the number of records indexed, and
    whether the bundle's filter index could be put in a stable order (pagefind_order.py). The
    bundle is written beside the last one and takes its place at once, so a preview's readers
    search the last bundle until the next is whole."""
    out = os.path.join(site_dir, BUNDLE)
    new, old = out + ".new", out + ".old"
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        count = _index(folder, new)
        for name in UNUSED:
            path = os.path.join(new, name)
            if os.path.isfile(path):
                os.remove(path)
        stable = stable_order(new)
        if os.path.isdir(out):
            os.replace(out, old)
        os.replace(new, out)
    finally:
        for leftover in (new, old):
            shutil.rmtree(leftover, ignore_errors=True)
    return count, stable


def _index(folder: str, out: str) -> int:
    """Pagefind's indexer on `folder`, its bundle written to `out`. The command, not the Python
    API's service: the service is stopped as soon as it has answered the last request, and once
    in a while a file it was still writing came out empty; the command is done when it exits.
    (The package finds the binary that `pagefind[bin]` installs, or PAGEFIND_BINARY_PATH.)"""
    from pagefind.service import get_executable  # only sites that search with Pagefind need it

    binary = get_executable()
    if binary is None:
        raise PagefindUnavailable(
            "the Pagefind binary was not found: install `pagefind[bin]`, or set `search: material`"
        )
    try:
        done = subprocess.run(
            [str(binary), "--site", folder, "--output-path", out], capture_output=True, text=True, encoding="utf-8"
        )
    except OSError as exc:
        raise PagefindUnavailable(
            f"the Pagefind binary could not run ({exc.strerror}: {binary}): install `pagefind[bin]`, or set `search: material`"
        ) from None
    said = " ".join((done.stdout + done.stderr).split())
    if done.returncode != 0:
        raise PagefindUnavailable(f"Pagefind could not index the site: {said[-500:]}")
    indexed = _INDEXED.search(said)
    return int(indexed.group(1)) if indexed else 0


_INDEXED = re.compile(r"Indexed (\d+) pages?")
