"""Two builds of the same maps, in different folders, give byte-identical sites: nothing
depends on the build folder, the clock (SOURCE_DATE_EPOCH), file system order or hashing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import REPO, copy_demo

EPOCH = "1798761600"  # 2027-01-01T00:00:00Z: after every review date of the demo, as a build date must be


def build_demo(root: Path, hash_seed: str) -> Path:
    """Build a fresh copy of the demo handbook at `root` in its own process, so module
    state, the interpreter's hash seed and the working folder are those of a real run."""
    copy_demo(root)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, PYTHONHASHSEED=hash_seed, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(root / "site")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return root / "site"


def tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_in_different_folders_are_byte_identical(tmp_path: Path):
    first = tree(build_demo(tmp_path / "one", "1"))
    second = tree(build_demo(tmp_path / "second-build-folder", "2"))
    assert first.keys() == second.keys()
    assert "sitemap.xml.gz" in first and "journeys.json" in first and "search/search_index.json" in first
    differ = sorted(name for name in first if first[name] != second[name])
    assert differ == []
    for name, content in first.items():
        assert str(tmp_path).encode() not in content, f"{name} contains the build folder"
    # Dates come from SOURCE_DATE_EPOCH, not the clock.
    assert int.from_bytes(first["sitemap.xml.gz"][4:8], "little") == int(EPOCH)  # the gzip header's mtime
    sitemap = first["sitemap.xml"].decode("utf-8")
    assert "<lastmod>2027-01-01</lastmod>" in sitemap
    assert sitemap.count("<lastmod>") == sitemap.count("<lastmod>2027-01-01</lastmod>")
