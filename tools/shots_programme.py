"""Screenshots of the yearly programme's window on the programme demo, in Indonesian and
English: compliance of a year, a unit's history, the matches to confirm, forwarding into a
new competition made from the KIPP template.

    python tools/shots_programme.py          # writes docs/screenshots/programme_*.png
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
ACTOR = "Dewi Lestari"
SIZE = (1180, 720)


def _settle(app) -> None:
    for _ in range(8):
        app.processEvents()


def shoot(out_dir: Path, language: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from judging_app.demo.programme import build_programme_demo
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database
    from judging_app.ui.background import Runner
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.i18n import Translations
    from judging_app.ui.launch import application
    from judging_app.ui.programme.base import programme_context
    from judging_app.ui.programme.window import ProgrammeWindow
    from judging_app.ui.settings import AppSettings

    app = application()
    translations = Translations(app)
    translations.apply(language)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    with tempfile.TemporaryDirectory(prefix="judging-app-programme-shots-") as tmp:
        db = open_database(Path(tmp) / "programme.sqlite")
        try:
            summary = build_programme_demo(Workspace(db, ACTOR))
            settings = AppSettings.at_path(Path(tmp) / "settings.ini")
            settings.actor_name = ACTOR
            ctx = programme_context(db, settings, Dialogs(), Runner(synchronous=True),
                                    lambda: language, lambda parent: ACTOR)
            window = ProgrammeWindow(ctx)
            window.resize(*SIZE)
            window.show()
            compliance = window.show_tab("compliance")
            compliance.year_box.setCurrentIndex(compliance.year_box.findData(summary.years[1]))
            _settle(app)
            paths.append(_grab(window, out_dir / f"programme_compliance_{language}.png"))
            window.show_history(summary.merged[1])  # the unit another was merged into
            _settle(app)
            paths.append(_grab(window, out_dir / f"programme_history_{language}.png"))
            window.show_tab("matches")
            _settle(app)
            paths.append(_grab(window, out_dir / f"programme_matches_{language}.png"))
            forward = window.show_tab("forward")
            forward.source_box.setCurrentIndex(forward.source_box.findData(
                summary.competitions[1]))
            forward.target_box.setCurrentIndex(forward.target_box.findData(
                "template:national_kipp"))
            _settle(app)
            paths.append(_grab(window, out_dir / f"programme_forward_{language}.png"))
            window.close()
        finally:
            db.close()
    translations.uninstall()
    return paths


def _grab(window, path: Path) -> Path:
    window.grab().save(str(path))
    return path


if __name__ == "__main__":
    for lang in ("id", "en"):
        for p in shoot(OUT, lang):
            print(p)
