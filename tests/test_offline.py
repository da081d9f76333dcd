"""The handbook builds on a machine without a network: CI runners and laptops on a train.
Every socket operation fails during the build, and the demo still builds strictly."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config


def refuse(*args, **kwargs):
    raise OSError("network access during the build")


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def blocked(name):
        def fail(*args, **kwargs):
            attempts.append((name, args[1:2] if name == "connect" else args[:1]))
            refuse()

        return fail

    monkeypatch.setattr(socket.socket, "connect", blocked("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", blocked("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", blocked("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", blocked("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", blocked("gethostbyname"))
    return attempts


def test_blocked_network_really_fails(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("example.com", 80), timeout=1)
    assert no_network


def test_demo_builds_strict_without_network(demo_copy: Path, no_network, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01: after the demo's review dates
    config = load_config(config_file=str(demo_copy / "mkdocs.yml"), strict=True, site_dir=str(demo_copy / "site"))
    build(config)
    assert no_network == [], "the build tried to reach the network"
    site = demo_copy / "site"
    assert (site / "journeys" / "index.html").is_file()
    assert (site / "journeys.json").is_file()
    pages = list(site.glob("journeys/*/index.html"))
    assert len(pages) >= 8
    for page in pages:
        html = page.read_text(encoding="utf-8")
        # Nothing on a page loads from another host: scripts, styles and fonts ship with it.
        for attribute in ('src="http', 'src="//', "@import url(http"):
            assert attribute not in html, (page, attribute)
