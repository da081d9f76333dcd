"""Shared test helpers: write a handbook into a temporary folder, build it with MkDocs, serve a
built site. Fixtures and pytest hooks are in conftest.py."""

from __future__ import annotations

import contextlib
import functools
import http.server
import logging
import os
import shutil
import socket
import subprocess
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# No network beyond 127.0.0.1, no profile sync, no updates: the browser sees only the site.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material 9.7+ prints a banner otherwise


BASE_CONFIG = {
    "site_name": "Test handbook",
    "repo_url": "https://example.com/org/handbook",
    "edit_uri": "edit/main/docs/",
    "theme": {"name": "material", "features": ["navigation.instant", "content.action.edit"]},
    "plugins": ["search", {"journeys": {"custom_fields": [{"key": "backstage", "label": "Behind the scenes"}]}}],
    "markdown_extensions": ["admonition", "attr_list"],
}


DEMO = ("docs", "maps")  # the demo handbook's folders beside mkdocs.yml
# The form editor's collections, in the order its menu lists them, in any build that serves it.
EDITOR_COLLECTIONS = ["journeys", "personas", "insights", "stages", "teams", "measures"]


def demo_custom_fields():
    """The custom fields the demo's mkdocs.yml declares, for loading its maps without MkDocs."""
    from journeys.cli.site_config import read_options

    return read_options(str(REPO / "mkdocs.yml")).custom_fields


def copy_demo(root: Path) -> Path:
    """A copy of the demo handbook (its folders and mkdocs.yml) under `root`."""
    for name in DEMO:
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def write(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


@dataclass
class Build:
    site: Path
    warnings: list[str]
    ok: bool

    def html(self, url: str) -> str:
        """The HTML of a page by its URL, e.g. 'journeys/buy/'."""
        path = self.site / url
        if url.endswith("/") or not url:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


def build_site(root: Path, *, strict: bool = True, config: dict | None = None, docs: dict | None = None) -> Build:
    """Build the handbook under `root` (maps already written there) and collect warnings."""
    cfg = dict(BASE_CONFIG, **(config or {}))
    (root / "docs").mkdir(exist_ok=True)
    write(root / "docs", docs or {"index.md": "# Home\n"})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(cfg), encoding="utf-8")
    return build_config(root, strict=strict)


def build_config(root: Path, *, strict: bool = True, **overrides) -> Build:
    """Build the site whose mkdocs.yml is under `root`, collecting every warning MkDocs and
    its plugins log; a strict build that aborts is `ok=False`, not an exception."""
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.WARNING:
                records.append(record.getMessage())

    handler = Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        loaded = load_config(
            config_file=str(root / "mkdocs.yml"), strict=strict, site_dir=str(root / "site"), **overrides
        )
        ok = True
        try:
            build(loaded)
        except Abort:
            ok = False
    finally:
        logger.removeHandler(handler)
    return Build(root / "site", records, ok)


MINIMAL_MAPS = {
    "maps/stages.yml": """
        - id: discover
          name: Discover
          description: Looks around.
        - id: buy
    """,
    "maps/teams.yml": """
        - id: sales
          name: Sales team
          contact: "#sales"
        - id: care
          name: Customer care
    """,
    "maps/personas/maya.md": """
        ---
        name: Maya, first-time buyer
        summary: Buys her first policy.
        goals: [Cheap cover]
        ---
        Maya's research notes.
    """,
    "maps/personas/omar.md": """
        ---
        name: Omar, landlord
        goals: [Fewer calls from tenants]
        ---
    """,
    "maps/journeys/sales/buy.md": """
        ---
        title: Buying online
        summary: From quote to policy.
        personas: [maya]
        owner: sales
        reviewed: 2020-01-01
        kpis:
          - name: Conversion
            current: 18%
            target: 25%
        stages:
          - stage: discover
            goal: Find cover.
            steps:
              - touchpoint: Comparison site
                channel: Web
                action: Compares quotes.
                thinking: Which one is real?
                emotion: -1
                owner: sales
                supporting: [care]
                tools: [Price feed]
                kpis: [Click-through rate]
                backstage: Price feed refresh
                pain_points:
                  - id: price-mismatch
                    text: Price changes after click-through.
                    severity: high
                    evidence: ["Survey: 31%", "https://tickets.example.com/123", "javascript:alert(1)"]
                opportunities:
                  - text: Guarantee the listed price.
                    impact: high
                    addresses: [price-mismatch]
          - stage: buy
            steps:
              - touchpoint: Checkout
                emotion: 1
                owner: sales
                gaps: [Drop-off unknown]
        ---
        We interviewed six buyers.
    """,
    "maps/journeys/buy-future.md": """
        ---
        title: Buying online, redesigned
        personas: maya
        state: future
        baseline: buy
        stages:
          - stage: buy
            steps:
              - touchpoint: One-page checkout
                emotion: 2
                owner: care
        ---
    """,
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serving(site: Path, port: int = 0):
    """Serve a built site on 127.0.0.1; yields the server so the caller can read its port."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


DECAP_SERVER = REPO / "node_modules" / "decap-server" / "dist" / "index.js"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@contextlib.contextmanager
def editor_demo(root: Path):
    """A copy of the demo under `root`, committed to a git repository of its own, built with the
    form editor pointed at a decap-server (npm) that writes into it, and served on 127.0.0.1:
    yields the editor's URL. decap-server stops when the block ends."""
    if not DECAP_SERVER.is_file():
        raise RuntimeError(f"{DECAP_SERVER} is missing: run `npm ci` (package.json lists decap-server)")
    copy_demo(root)
    port = free_port()
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "      review_after_days: 180\n",
        f"      review_after_days: 180\n      editor:\n        local_backend: http://127.0.0.1:{port}/api/v1\n",
        1,
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "demo")
    built = build_config(root)
    assert built.ok, built.warnings
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(root), "MODE": "fs"}
    server = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("decap-server did not start")
            time.sleep(0.1)
        with serving(built.site) as web:
            yield f"http://127.0.0.1:{web.server_address[1]}/admin/"
    finally:
        server.terminate()
        server.wait(timeout=10)
