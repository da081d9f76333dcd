"""`mkdocs serve --dirty`: after a one-map edit only the pages whose text changed are written
again (MkDocs counts every in-memory file as modified, so the plugin says which are not), and a
hand-written page that embeds the edited journey is refreshed too."""

from __future__ import annotations

import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import build_site

EMBED = "# Home\n\n```journey-map\njourney: buy\n```\n"


def _mtimes(site):
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def _config(root):
    # MkDocs keeps the instance of a plugin that defines on_startup across loads of the
    # config, as `mkdocs serve` does across rebuilds.
    return load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))


def test_a_dirty_rebuild_writes_only_what_changed(handbook_dir):
    assert build_site(handbook_dir, docs={"index.md": EMBED, "other.md": "# Other\n"}).ok  # writes mkdocs.yml
    config = _config(handbook_dir)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)  # the first build of a preview: everything, remembered
    site = handbook_dir / "site"
    before = _mtimes(site)
    time.sleep(0.05)
    path = handbook_dir / "maps" / "journeys" / "sales" / "buy.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: Buying online", "title: Buying on the web"), encoding="utf-8"
    )
    build(_config(handbook_dir), dirty=True)
    after = _mtimes(site)
    rewritten = sorted(page for page in after if after[page] != before.get(page))
    assert "journeys/buy/index.html" in rewritten and "journeys/index.html" in rewritten
    assert "index.html" in rewritten  # it embeds the edited journey
    assert "other/index.html" not in rewritten and "personas/omar/index.html" not in rewritten
    assert "Buying on the web" in (site / "journeys/buy/index.html").read_text(encoding="utf-8")
    assert "Buying on the web" in (site / "index.html").read_text(encoding="utf-8")
