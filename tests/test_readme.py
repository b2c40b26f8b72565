"""The README puts users first and keeps the developers' two commands near the top; CI runs
exactly the README's test command and installs the README's Debian libraries."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def block_after(marker: str) -> str:
    """The first fenced block after `<!-- marker -->`."""
    found = re.search(rf"<!-- {marker} -->\s*```\w*\n(.+?)\n\s*```", README, flags=re.DOTALL)
    assert found, f"README has no block marked {marker}"
    return found[1].strip()


def test_the_two_developer_commands():
    start, tests = block_after("start-command"), block_after("test-command")
    assert start.endswith(".venv/bin/judging-app") and "pip install -e ." in start
    assert "pytest" in tests and '".[test]"' in tests


def test_users_first_then_the_developer_commands_near_the_top():
    windows = README.index("## Install on Windows")
    developers = README.index("<!-- start-command -->")
    assert windows < README.index("judge's laptop") < developers < README.index("## What it does")
    assert "Python 3.11" in README[developers:README.index("## What it does")]
    assert '".[postgres]"' in README


def test_ci_runs_the_readme_test_command():
    assert block_after("test-command") in CI.splitlines()


def test_ci_installs_the_debian_libraries_the_readme_lists():
    listed = block_after("debian-runtime").split()
    assert listed[:2] == ["apt-get", "install"]
    readme_packages = set(listed[2:])
    ci_packages = set(re.search(r"debs=\((.+?)\)", CI, flags=re.DOTALL)[1].split())
    assert readme_packages <= ci_packages, readme_packages - ci_packages
    # what Qt 6's xcb platform plugin links against (ldd on libqxcb.so and libQt6XcbQpa)
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
            "libxcb-render-util0", "libxcb-randr0", "libxcb-shape0", "libxcb-xkb1",
            "libxkbcommon-x11-0", "libx11-xcb1", "libegl1", "libfontconfig1"} <= readme_packages
