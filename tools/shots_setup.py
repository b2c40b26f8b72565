"""Screenshots of the Setup view on demo data, in Indonesian and English.

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
SIZE = (1100, 700)


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def _frame(view):
    """The view beside a navigation like the workspace's (the other views are left out, so
    the pictures do not depend on them)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QHBoxLayout, QListWidget, QWidget

    from judging_app.ui.workspace import VIEWS

    window = QWidget()
    nav = QListWidget()
    nav.setFixedWidth(190)
    for key, _module, _cls in VIEWS:
        nav.addItem(QCoreApplication.translate("CompetitionWorkspace", key.capitalize()))
    nav.setCurrentRow(0)
    layout = QHBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(nav)
    layout.addWidget(view, 1)
    view.retranslate()
    return window, view


def shoot(out_dir: Path, language: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from judging_app.core.enums import AwardKind
    from judging_app.core.setup import AwardTierSpec
    from judging_app.demo.generator import build_demo
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database
    from judging_app.ui.background import Runner
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.i18n import Translations
    from judging_app.ui.launch import application
    from judging_app.ui.settings import AppSettings
    from judging_app.ui.views.base import ViewContext
    from judging_app.ui.views.setup_tables import CriteriaModel
    from judging_app.ui.views.setup_view import SetupView

    app = application()
    translations = Translations(app)
    translations.apply(language)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="judging-app-setup-shots-") as tmp:
        db = open_database(Path(tmp) / "demo.sqlite")
        try:
            demo = build_demo(Workspace(db, "Dewi Lestari"), entries=140, judges=5, scored=True)
            settings = AppSettings.at_path(Path(tmp) / "settings.ini")
            settings.actor_name = "Dewi Lestari"
            ctx = ViewContext(db=db, competition=demo.code, settings=settings, dialogs=Dialogs(),
                              runner=Runner(synchronous=True), language=lambda: language,
                              actor=lambda parent: "Dewi Lestari")
            window, view = _frame(SetupView(ctx))
            view.refresh()
            window.resize(*SIZE)
            window.show()

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
            window.deleteLater()
            _settle(app)
        finally:
            db.close()
    translations.uninstall()
    return written


if __name__ == "__main__":
    for lang in ("id", "en"):
        for shot in shoot(OUT, lang):
            print(shot.relative_to(ROOT))
