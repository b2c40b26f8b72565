"""Screenshot of the Reports view on demo data, in Indonesian and English.

    python tools/shots_reports.py          # writes docs/screenshots/reports_*.png
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
ACTOR = "Dewi Lestari"


def shoot(out_dir: Path, language: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tools"))
    from shots_results import _frame, _settle

    from judging_app.demo.generator import build_demo
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database
    from judging_app.ui.background import Runner
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.i18n import Translations
    from judging_app.ui.launch import application
    from judging_app.ui.settings import AppSettings
    from judging_app.ui.views.base import ViewContext
    from judging_app.ui.views.reports_view import ReportsView

    app = application()
    translations = Translations(app)
    translations.apply(language)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="judging-app-reports-shots-") as tmp:
        db = open_database(Path(tmp) / "demo.sqlite")
        try:
            demo = build_demo(Workspace(db, ACTOR), entries=40, judges=4, scored=True)
            settings = AppSettings.at_path(Path(tmp) / "settings.ini")
            settings.actor_name = ACTOR
            ctx = ViewContext(db=db, competition=demo.code, settings=settings, dialogs=Dialogs(),
                              runner=Runner(synchronous=True), language=lambda: language,
                              actor=lambda parent: ACTOR)
            view = ReportsView(ctx)
            view.retranslate()
            view.refresh()
            view.result_label.setText(f"{view.tr('Saved: %1').replace('%1', '/home/sekretariat/hasil.xlsx')}")
            window = _frame(view, "reports")
            window.show()
            _settle(app)
            path = out_dir / f"reports_{language}.png"
            window.grab().save(str(path))
            window.close()
        finally:
            db.close()
    translations.uninstall()
    return [path]


if __name__ == "__main__":
    for lang in ("id", "en"):
        for p in shoot(OUT, lang):
            print(p)
