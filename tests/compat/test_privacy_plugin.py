"""Material's privacy plugin in an air-gapped CI: it looks for external assets in every page,
stylesheet and script, and downloads them; the handbook gives it none to download."""

from __future__ import annotations

import re

from compat.demo import build_demo, demo_config, with_plugins
from test_offline import no_network

# The privacy plugin's own pattern for URLs inside scripts (material/plugins/privacy/plugin.py).
SCRIPT_URL = re.compile(r"[\"'](?P<url>(?:https?:)?//[^\"']+\.(?:css|js(?:on)?))[\"']")


def test_privacy_builds_strict_without_network(demo_copy, no_network, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01: after the demo's review dates
    # Material's own bundle names Mermaid on unpkg, which privacy downloads whenever site_url is
    # set; a handbook without diagrams excludes it (docs/compatibility.md). A cache of its own,
    # so nothing fetched earlier on this machine helps.
    privacy = {"privacy": {"cache_dir": str(demo_copy / ".cache"), "assets_exclude": ["unpkg.com/mermaid@11/*"]}}
    built = build_demo(demo_copy, with_plugins(demo_config(demo_copy), after=[privacy]))
    assert built.ok, built.warnings
    assert no_network == [], "the build tried to reach the network"
    plotly = built.site / "assets/journeys/vendor/plotly-basic.min.js"
    assert SCRIPT_URL.findall(plotly.read_text(encoding="utf-8")) == []
    assert len(list(built.site.glob("journeys/*/index.html"))) >= 8
