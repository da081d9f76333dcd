"""`mkdocs serve` survives an editor's mistakes: a map broken while serving shows its errors
on its page, the server keeps answering, and fixing the map brings the page back."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from html import unescape
from pathlib import Path

import pytest
import yaml

from helpers import BASE_CONFIG, MINIMAL_MAPS, write

TIMEOUT = 120  # seconds for one rebuild on a busy CI machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, unescape(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def wait_for(url: str, condition, server: subprocess.Popen, what: str) -> str:
    """Poll `url` until its page satisfies `condition`; fail early if the server died."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        assert server.poll() is None, f"mkdocs serve exited while waiting for {what}"
        status, page = fetch(url)
        if status == 200 and condition(page):
            return page
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def server(handbook_dir: Path):
    write(handbook_dir, {"docs/index.md": "# Home\n"})
    (handbook_dir / "mkdocs.yml").write_text(yaml.safe_dump(BASE_CONFIG), encoding="utf-8")
    port = free_port()
    log = open(handbook_dir / "serve.log", "w", encoding="utf-8")  # noqa: SIM115 - the server writes it until the test stops it
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=handbook_dir,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        yield process, f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        output = (handbook_dir / "serve.log").read_text(encoding="utf-8")
        assert "Traceback" not in output, output


def test_broken_map_shows_its_errors_and_the_fix_brings_the_page_back(server, handbook_dir: Path):
    process, base = server
    page_url = base + "journeys/buy/"
    map_file = handbook_dir / "maps" / "journeys" / "sales" / "buy.md"
    original = map_file.read_text(encoding="utf-8")

    wait_for(page_url, lambda page: "Comparison site" in page, process, "the first build")

    map_file.write_text(original.replace("title: Buying online", "title: [Buying online"), encoding="utf-8")
    broken = wait_for(page_url, lambda page: "jm-problems" in page, process, "the page to show the error")
    assert re.search(r"maps/journeys/sales/buy\.md:\d+:\d+: YAML syntax error", broken)
    assert "Comparison site" not in broken
    status, home = fetch(base)
    assert status == 200 and "Home" in home
    assert "Buying online, redesigned" in wait_for(base + "journeys/buy-future/", bool, process, "another page")

    map_file.write_text(original, encoding="utf-8")
    fixed = wait_for(page_url, lambda page: "jm-problems" not in page, process, "the fixed page")
    assert "Comparison site" in fixed
    assert process.poll() is None
