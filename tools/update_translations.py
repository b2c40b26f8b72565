"""Update and compile the translation catalogues.

    python tools/update_translations.py            # lupdate + lrelease
    python tools/update_translations.py --check    # fail if anything is untranslated or
                                                   # a .qm is out of date (CI, tests)

1. pyside6-lupdate reads every user-visible text in judging_app/ui (self.tr(...),
   QCoreApplication.translate(context, ...)) into resources/translations/judging_app_id.ts
   (and the plural forms into judging_app_en.ts); new texts appear as type="unfinished".
   Translate them (Qt Linguist:
   `pyside6-linguist resources/translations/judging_app_id.ts`, or by editing the XML),
   following the glossary in the design document.
2. pyside6-lrelease compiles every resources/translations/*.ts to the .qm next to it.
   qtbase_id.ts (Qt's own standard buttons, file dialog, context menus; Qt ships no
   Indonesian) is maintained by hand and only compiled here.
Commit both the .ts and the .qm files.
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "judging_app" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
# The app's own catalogues: Indonesian has every text; English only the plural forms
# ("%Ln competition(s)" -> "1 competition" / "2 competitions").
APP_CATALOGUES = {
    TRANSLATIONS / "judging_app_id.ts": ("id", []),
    TRANSLATIONS / "judging_app_en.ts": ("en", ["-pluralonly"]),
}


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: next to this Python (a venv), else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts: Path, language: str, extra: list[str]) -> None:
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    subprocess.run(
        [
            tool("pyside6-lupdate"), *files,
            "-ts", str(ts),
            "-source-language", "en",
            "-target-language", language,
            *extra,
            "-locations", "none",  # stable diffs: no line numbers
            "-no-obsolete",
            "-silent",
        ],
        cwd=ROOT, check=True,
    )


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-nounfinished", "-silent", str(ts), "-qm", str(qm)],
        check=True,
    )


def catalogues() -> list[Path]:
    return sorted(TRANSLATIONS.glob("*.ts"))


def problems_in(ts: Path) -> list[str]:
    """Messages that are unfinished, empty, or whose %1 placeholders differ from the source."""
    out: list[str] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            where = f"{ts.name}: [{name}] {source!r}"
            if translation is None:
                out.append(f"{where}: no translation")
                continue
            kind = translation.get("type", "")
            if kind in ("unfinished", "vanished", "obsolete"):
                out.append(f"{where}: {kind or 'unfinished'}")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            for text in forms:
                if not text.strip():
                    out.append(f"{where}: empty translation")
                elif sorted(re.findall(r"%L?\d|%L?n", text)) != sorted(
                    re.findall(r"%L?\d|%L?n", source)
                ):
                    out.append(f"{where}: placeholders differ in {text!r}")
    return out


def stale_binaries() -> list[str]:
    """.qm files that differ from what lrelease makes of their .ts now."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in catalogues():
            fresh = Path(tmp) / ts.with_suffix(".qm").name
            run_lrelease(ts, fresh)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or not filecmp.cmp(fresh, committed, shallow=False):
                out.append(f"{committed.name} is out of date: run tools/update_translations.py")
    return out


def out_of_sync_with_sources() -> list[str]:
    """Texts in the code that a committed catalogue lacks (or keeps after they went)."""
    out: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts, (language, extra) in APP_CATALOGUES.items():
            copy = Path(tmp) / ts.name
            shutil.copyfile(ts, copy)
            run_lupdate(copy, language, extra)
            if copy.read_bytes() != ts.read_bytes():
                out += problems_in(copy) or [
                    f"{ts.name} differs from the texts in the code: "
                    "run tools/update_translations.py"
                ]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = out_of_sync_with_sources() + [p for ts in catalogues() for p in problems_in(ts)]
        problems += stale_binaries()
    else:
        for ts, (language, extra) in APP_CATALOGUES.items():
            run_lupdate(ts, language, extra)
        for ts in catalogues():
            run_lrelease(ts, ts.with_suffix(".qm"))
        problems = [p for ts in catalogues() for p in problems_in(ts)]
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{len(catalogues())} catalogue(s) complete and compiled")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
