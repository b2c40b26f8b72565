"""No dead references: every relative link of the README and the docs leads to a file of the
repository (and to a heading there, when it names one), and every docs/ page the code
mentions (in --help texts, docstrings, comments) exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([ROOT / "README.md", ROOT / "CHANGELOG.md", *(ROOT / "docs").rglob("*.md"),
                *(ROOT / "judging_app").rglob("*.md")])
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^\s*```.*?^\s*```", flags=re.DOTALL | re.MULTILINE)


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return {slug(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}


def links(page: Path) -> list[str]:
    return LINK.findall(FENCE.sub("", page.read_text(encoding="utf-8")))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page):
    dead = []
    for target in links(page):
        if re.match(r"[a-z]+:", target):
            continue  # https:, mailto:
        path, _, anchor = target.partition("#")
        destination = (page.parent / path).resolve() if path else page
        if not destination.exists() or (anchor and destination.suffix == ".md"
                                        and anchor not in anchors(destination)):
            dead.append(target)
    assert not dead, f"{page.relative_to(ROOT)}: dead links {dead}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_page_named_in_code_spans_exists(page):
    """`../shared/DESIGN.md` written as code, not as a link, was a dead reference too."""
    named = re.findall(r"`([\w./-]+\.md)`", page.read_text(encoding="utf-8"))
    dead = [name for name in named
            if not (page.parent / name).exists() and not (ROOT / name).exists()]
    assert not dead, f"{page.relative_to(ROOT)}: names missing pages {dead}"


def test_the_link_checker_sees_links_anchors_and_dead_ends(tmp_path):
    page = tmp_path / "a.md"
    page.write_text("# Title\n## The `results` command\n[x](a.md#the-results-command) "
                    "![p](b.png) [y](https://example.org)\n```\n[z](inside-code.md)\n```\n",
                    encoding="utf-8")
    assert links(page) == ["a.md#the-results-command", "b.png", "https://example.org"]
    assert anchors(page) == {"title", "the-results-command"}


def test_every_docs_page_the_code_names_exists():
    named = set()
    for path in (ROOT / "judging_app").rglob("*.py"):
        named |= set(re.findall(r"docs/[\w./-]+\.md", path.read_text(encoding="utf-8")))
    assert "docs/results-json.md" in named  # results --help points there
    missing = sorted(name for name in named if not (ROOT / name).is_file())
    assert not missing, missing
