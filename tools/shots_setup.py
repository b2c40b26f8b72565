"""Screenshots of the Setup view on demo data, in Indonesian and English, in the real window
at 1366×768.

    python tools/shots_setup.py            # writes docs/screenshots/setup_*.png

Runs on Qt's offscreen platform with a throw-away database and settings in a temporary
folder. The demo competition (140 entries, 5 judges, proposal round scored) is in judging,
so its proposal round's rubric is locked.
"""

from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(out_dir: Path, language: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tools"))
    from shots_waiting import demo_window

    from judging_app.core.enums import AwardKind
    from judging_app.core.setup import AwardTierSpec
    from judging_app.ui.launch import application
    from judging_app.ui.views.setup_tables import CriteriaModel

    app = application()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="judging-app-setup-shots-") as tmp:
        session, code = demo_window(app, Path(tmp), language, SIZE)
        try:
            window = session.window  # the app's own window, its work done at once
            workspace = window.open_competition(code)
            window.runner.hold = True  # the setup is read on a worker: what shows meanwhile
            view = workspace.show_view("setup")
            _settle(app)
            path = out_dir / f"setup_loading_{language}.png"
            window.grab().save(str(path))
            written.append(path)
            window.runner.release()

            def save(name: str) -> None:
                _settle(app)
                path = out_dir / f"setup_{name}_{language}.png"
                if not window.grab().save(str(path)):
                    raise SystemExit(f"could not write {path}")
                written.append(path)

            view.tabs.setCurrentIndex(0)
            save("rules")
            view.tabs.setCurrentIndex(2)
            view.rounds.round_list.setCurrentRow(1)
            save("rounds_locked")
            view.rounds.round_list.setCurrentRow(2)
            editor = view.rounds.criteria_editor
            editor.select_row(0)
            weight = view.rounds.criteria.index(0, CriteriaModel.WEIGHT)
            view.rounds.criteria.setData(weight, "25,5")
            save("rounds_editing")
            view.tabs.setCurrentIndex(3)
            view.tiers.insert_item(AwardTierSpec(  # a predicate by score band, as in the IGA
                "sangat_inovatif", "Sangat Inovatif", AwardKind.BAND, min_score=Decimal(60),
                min_inclusive=False))
            save("tiers")
            view.tabs.setCurrentIndex(1)
            save("categories")
            window.close()
            _settle(app)
        finally:
            session.translations.uninstall()
            session.window.db.close()
    return written


if __name__ == "__main__":
    for lang in ("id", "en"):
        for shot in shoot(OUT, lang):
            print(shot.relative_to(ROOT))
