"""Screenshots of the Entries view and its dialogs, on a 140-entry demo competition.

    python tools/shots_entries.py                 # docs/screenshots/entries_*_{id,en}.png
    python tools/shots_entries.py --out /tmp/shots --preview

Qt's offscreen platform, a throw-away database and settings in a temporary folder.
--preview also loads the Indonesian texts of tools/translations/entries.tsv (and the English
plural forms) directly: until they are merged into the app's catalogues, the view shows
English under Indonesian and "entry(s)" in English.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
TSV = ROOT / "tools" / "translations" / "entries.tsv"
SIZE = (1100, 700)
CONTEXTS = ("EntriesView", "EntriesTableModel", "EntryFormDialog", "ReasonDialog", "UnitsDialog",
            "OptionalDateEdit", "EntryLabels")
# The English plural forms the lead adds to judging_app_en.ts (see the TSV's header).
EN_PLURALS = {"%Ln entry(s)": ["%Ln entry", "%Ln entries"],
              "%1 of %Ln entry(s)": ["%1 of %Ln entry", "%1 of %Ln entries"]}
_keep: list = []  # translators (and their bytes) must outlive their use


def preview_catalogue(app, language: str) -> None:
    """Install the TSV's translations (Indonesian) or the plural forms (English) as an extra
    catalogue, every message in every context of the view."""
    from PySide6.QtCore import QTranslator

    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    lines = [line.split("\t", 1) for line in TSV.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    if language == "en":
        lines = list(EN_PLURALS.items())
    for name in CONTEXTS:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source, target in lines:
            numerus = "%Ln" in source or "%n" in source
            message = ET.SubElement(context, "message", numerus="yes") if numerus else \
                ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            for form in (target if isinstance(target, list) else [target]) if numerus else []:
                ET.SubElement(translation, "numerusform").text = form
            if not numerus:
                translation.text = target
    with tempfile.TemporaryDirectory() as tmp:
        ts, qm = Path(tmp) / "entries.ts", Path(tmp) / "entries.qm"
        ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
        lrelease = Path(sys.executable).parent / "pyside6-lrelease"
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
        data = qm.read_bytes()
    translator = QTranslator()
    if not translator.load(data):
        raise SystemExit("cannot load the preview catalogue")
    app.installTranslator(translator)
    _keep.append((translator, data))


def shoot(out_dir: Path, language: str, preview: bool = False) -> list[Path]:
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
    if preview:
        preview_catalogue(app, language)
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
    for translator, _data in _keep:
        app.removeTranslator(translator)
    _keep.clear()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--preview", action="store_true",
                        help="texts straight from tools/translations/entries.tsv")
    args = parser.parse_args(argv)
    for language in ("id", "en"):
        shoot(args.out.resolve(), language, preview=args.preview)
    return 0


if __name__ == "__main__":
    sys.exit(main())
