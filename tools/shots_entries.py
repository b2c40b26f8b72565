"""Screenshots of the Entries view and its dialogs, on a 140-entry demo competition.

    python tools/shots_entries.py                 # docs/screenshots/entries_*_{id,en}.png
    python tools/shots_entries.py --out /tmp/shots

Qt's offscreen platform, a throw-away database and settings in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1100, 700)


def shoot(out_dir: Path, language: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from judging_app.core.enums import EntryStatus
    from judging_app.demo.generator import build_demo
    from judging_app.services import entries
    from judging_app.services.templates import create_from_template
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database
    from judging_app.ui.background import Runner
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.i18n import Translations
    from judging_app.ui.launch import application
    from judging_app.ui.settings import AppSettings
    from judging_app.ui.views.base import ViewContext
    from judging_app.ui.views.entries_dialogs import ReasonDialog, UnitsDialog
    from judging_app.ui.views.entries_form import EntryFormDialog
    from judging_app.ui.views.entries_view import EntriesView

    def make_ctx(db, competition: str, tmp: Path, language: str) -> ViewContext:
        settings = AppSettings.at_path(tmp / "settings.ini")
        return ViewContext(db=db, competition=competition, settings=settings, dialogs=Dialogs(),
                           runner=Runner(synchronous=True), language=lambda: language,
                           actor=lambda parent: "Dewi Lestari")

    app = application()
    translations = Translations(app)
    translations.apply(language)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget, name: str) -> None:
        widget.show()
        for _ in range(5):
            app.processEvents()
        path = out_dir / f"entries_{name}_{language}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        written.append(path)
        print(path)

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.sqlite")
        ws = Workspace(db, "Dewi Lestari")
        demo = build_demo(ws, entries=140, judges=5, scored=True)
        codes = [e.code for e in entries.list_entries(db, demo.code)]
        entries.set_entry_status(ws, demo.code, codes[100:104], EntryStatus.REGISTERED)
        entries.set_entry_status(ws, demo.code, codes[5:7], EntryStatus.DISQUALIFIED,
                                 "Bukti dukung tidak lengkap")
        view = EntriesView(make_ctx(db, demo.code, Path(tmp), language=language))
        view.resize(*SIZE)
        view.refresh()
        view.select_codes([codes[5]])
        save(view, "table")

        view.search.setText("sampah")
        view.apply_filters()
        view.select_codes([view.model.entry_at(r).code for r in range(3)])
        save(view, "search")

        form = EntryFormDialog(view.units, view.categories, view.model.codes(), lambda d: None,
                               entry=view.model.entry_at(0), language=language)
        save(form, "form")
        new = EntryFormDialog(view.units, view.categories, view.model.codes(), lambda d: None,
                              language=language)
        new.code.setText(codes[0])
        save(new, "form_new")
        reason = ReasonDialog(view.tr("Disqualify"), view.tr(
            "Why are the %1 selected entries disqualified?").replace("%1", "3"))
        save(reason, "reason")
        units = UnitsDialog(lambda: entries.list_units(db, demo.code), lambda *a: None,
                            lambda *a: None)
        units.table.selectRow(2)
        save(units, "units")

        empty = create_from_template(ws, "city_competition", name="Lomba Inovasi Baru")
        empty_view = EntriesView(make_ctx(db, empty.code, Path(tmp), language=language))
        empty_view.resize(*SIZE)
        empty_view.refresh()
        save(empty_view, "empty")
        for w in (view, form, new, reason, units, empty_view):
            w.close()
            w.deleteLater()
        app.processEvents()
        db.close()
    translations.uninstall()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    for language in ("id", "en"):
        shoot(args.out.resolve(), language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
