"""Screenshots of the spreadsheet import of the Entries view, on a 140-entry demo competition:
the toolbar with its two actions, the preview of a filled-in template (counts, two new units,
notes) and the preview of a file with problems.

    python tools/shots_entries_import.py          # docs/screenshots/entries_import_*_{id,en}.png
    python tools/shots_entries_import.py --out /tmp/shots

Qt's offscreen platform, a throw-away database in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1100, 700)
TITLES = ("Layanan Antar Jemput Dokumen Kependudukan", "Posyandu Keliling Berbasis Aplikasi",
          "Bank Sampah Digital Kelurahan", "Pengaduan Warga Lewat WhatsApp", "Sekolah Lapang Petani Muda",
          "Perizinan Usaha Satu Hari", "Ambulans Desa Siaga", "Peta Digital Rawan Banjir",
          "Kelas Ibu Hamil Daring", "Pasar Rakyat Nontunai", "Perpustakaan Keliling Kampung",
          "Pemeriksaan Gratis Lansia di Rumah")


def filled(path: Path, db, code: str, rows: list[tuple], lang: str) -> Path:
    import openpyxl

    from judging_app.exchange.entry_template import write_entry_template
    from judging_app.services import competitions, entries

    write_entry_template(path, competitions.get_setup(db, code), entries.list_units(db, code),
                         lang=lang)
    book = openpyxl.load_workbook(path)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            if value not in (None, ""):
                book.worksheets[0].cell(row=r, column=c, value=value)
    book.save(path)
    return path


def shoot(out_dir: Path, language: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QPainter

    from judging_app.demo.generator import build_demo
    from judging_app.services import competitions, entries
    from judging_app.services.entry_import import preview_entry_import
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database
    from judging_app.ui.background import Runner
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.i18n import Translations
    from judging_app.ui.launch import application
    from judging_app.ui.settings import AppSettings
    from judging_app.ui.views.base import ViewContext
    from judging_app.ui.views.entries_import_preview import ImportPreviewDialog
    from judging_app.ui.views.entries_view import EntriesView

    app = application()
    translations = Translations(app)
    translations.apply(language)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget, name: str) -> None:
        widget.show()
        for _ in range(5):
            app.processEvents()
        path = out_dir / f"entries_import_{name}_{language}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        written.append(path)
        print(path)

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.sqlite")
        demo = build_demo(Workspace(db, "Dewi Lestari"), entries=140, judges=5, scored=True)
        ctx = ViewContext(db=db, competition=demo.code, settings=AppSettings.at_path(Path(tmp) / "s.ini"),
                          dialogs=Dialogs(), runner=Runner(synchronous=True),
                          language=lambda: language, actor=lambda parent: "Dewi Lestari")
        view = EntriesView(ctx)
        view.resize(*SIZE)
        view.refresh()
        view.show()
        button = view.toolbar.widgetForAction(view.import_menu.menuAction())
        view.import_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
        for _ in range(5):
            app.processEvents()
        shot = view.grab()  # the view with its Import menu open (the menu is a window of its own)
        painter = QPainter(shot)
        painter.drawPixmap(button.mapTo(view, button.rect().bottomLeft()), view.import_menu.grab())
        painter.end()
        view.import_menu.hide()
        path = out_dir / f"entries_import_toolbar_{language}.png"
        shot.save(str(path))
        written.append(path)
        print(path)

        english = language == "en"
        categories = competitions.get_setup(db, demo.code).categories
        names = {c.code: (c.name_en if english and c.name_en else c.name) for c in categories}
        cat_names = [c.name_en if english and c.name_en else c.name for c in categories]
        units = [u.name for u in entries.list_units(db, demo.code)]
        stages = ("trial", "implementation", "") if english else ("uji coba", "penerapan", "")
        rows = [(f"IMP-{i + 1:03d}", TITLES[i % len(TITLES)], units[(i * 5) % len(units)],
                 cat_names[i % len(cat_names)], "Siti Rahma; Budi Santoso", "0812-3456-7890",
                 stages[i % 3], "digital" if i % 4 else "non-digital", date(2024, 1 + i % 12, 17))
                for i in range(24)]
        typo = units[3][:-2] + units[3][-1] + units[3][-2]  # two letters swapped
        rows += [("IMP-025", "Kampung Tangguh Bencana", "Kelurahan Sukamaju", cat_names[0]),
                 ("IMP-026", "Kartu Identitas Anak Keliling", typo, cat_names[-1])]
        good = filled(Path(tmp) / "inovasi-2025.xlsx", db, demo.code, rows, language)
        dialog = ImportPreviewDialog(preview_entry_import(db, demo.code, good), names, view)
        save(dialog, "preview")
        dialog.close()

        bad_rows = [list(r) for r in rows[:12]]
        bad_rows[2][3] = "Umun"
        bad_rows[5][8] = "31/02/2024"
        bad_rows[7][0] = "IMP-002"
        bad_rows[9][1] = ""
        bad_rows[10][6] = "selesai"
        bad = filled(Path(tmp) / "inovasi-kecamatan.xlsx", db, demo.code,
                     [tuple(r) for r in bad_rows], language)
        problems = ImportPreviewDialog(preview_entry_import(db, demo.code, bad), names, view)
        save(problems, "problems")
        for w in (problems, dialog, view):
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
