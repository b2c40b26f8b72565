"""Importing entries from a spreadsheet in the Entries view, as a secretariat would: save the
template, fill it in (openpyxl, as a person would in Excel), choose it, read the preview,
confirm the new units, import; files with problems and unreadable files write nothing."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import update

from judging_app.exchange.entry_format import EntryProblem
from judging_app.exchange.entry_template import write_entry_template
from judging_app.services import competitions, entries
from judging_app.store.models import Competition
from judging_app.ui.background import Cancelled, Runner
from judging_app.ui.views.entries_import import EntryImportDialogs
from judging_app.ui.views.entries_import_preview import (
    COL_COLUMN,
    COL_HEADER,
    COL_MESSAGE,
    COL_ROW,
    COL_SHEET,
    ImportPreviewDialog,
    ImportProblemsModel,
)
from judging_app.ui.views.entries_view import EntriesView

from factories import seeded_competition
from ui_view_support import make_ctx

ROWS = [  # code, title, unit, category, innovators, contact, stage, type, start, summary, links
    ("IMP-01", "Layanan Antar Jemput Dokumen", "Dinas Contoh 1", "Umum", "Siti Rahma",
     "0812-1111", "uji coba", "digital", datetime(2024, 8, 17), "Dokumen diantar.",
     "https://a.go.id; https://b.go.id"),
    ("IMP-02", "Posyandu Keliling", "Dinas Contoh 2", "Perangkat Daerah", "", "", "penerapan",
     "non-digital", "05/01/2023", "", ""),
    ("IMP-03", "Sampah Jadi Berkah", "Badan Riset dan Inovasi Daerah", "Umum", "Budi", "", "",
     "", None, "", ""),
]


class ScriptedImportQuestions(EntryImportDialogs):
    """Answers from lists the test fills; records what was asked and said."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple] = []
        self.files: list[str | None] = []
        self.template_paths: list[str | None] = []
        self.previews: list = []  # callables(dialog) -> bool (Import pressed)
        self.messages: list[tuple[str, str]] = []

    def choose_spreadsheet(self, parent, directory: str) -> str | None:
        self.asked.append(("file", directory))
        return self.files.pop(0)

    def choose_template_path(self, parent, suggested: str) -> str | None:
        self.asked.append(("template", suggested))
        return self.template_paths.pop(0)

    def run_preview(self, dialog) -> bool:
        self.asked.append(("preview", dialog.objectName()))
        try:
            return self.previews.pop(0)(dialog)
        finally:
            dialog.close()
            dialog.deleteLater()

    def inform(self, parent, title: str, text: str) -> None:
        self.messages.append((title, text))


@pytest.fixture
def seeded(sqlite_db):
    return seeded_competition(sqlite_db, judging=False)  # E1..E4, units U1..U3


def open_view(qtbot, db, code: str, tmp_path, language: str = "en", runner=None) -> EntriesView:
    ctx = make_ctx(db, code, tmp_path, language=language)
    if runner is not None:
        ctx.runner = runner
    view = EntriesView(ctx)
    qtbot.addWidget(view)
    view.import_questions = ScriptedImportQuestions()
    view.resize(1100, 700)
    view.refresh()
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def view(qtbot, sqlite_db, seeded, tmp_path) -> EntriesView:
    return open_view(qtbot, sqlite_db, seeded.code, tmp_path)


def filled_template(db, code: str, path: Path, rows=ROWS, lang: str = "id") -> Path:
    """The competition's template, filled in from row 2 as a person would."""
    write_entry_template(path, competitions.get_setup(db, code), entries.list_units(db, code),
                         lang=lang)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            if value not in (None, ""):
                sheet.cell(row=r, column=c, value=value)
    book.save(path)
    return path


def codes(db, code: str) -> list[str]:
    return sorted(e.code for e in entries.list_entries(db, code))


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tick(qtbot, checkbox) -> None:
    """A click on the box itself (a wide check box only reacts on its box and text)."""
    qtbot.mouseClick(checkbox, Qt.MouseButton.LeftButton, pos=QPoint(8, checkbox.height() // 2))


def shown(qtbot, dialog: ImportPreviewDialog) -> ImportPreviewDialog:
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def problem_rows(dialog: ImportPreviewDialog) -> list[tuple[str, ...]]:
    model = dialog.problems_model
    return [tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def test_the_toolbar_offers_import_and_the_template(qtbot, view):
    button = view.toolbar.widgetForAction(view.import_menu.menuAction())
    assert button.isVisible() and view.import_menu.menuAction().text() == "&Import"
    assert [a.text() for a in button.defaultAction().menu().actions()] == [
        "&Import from spreadsheet…", "Save import &template…"]
    assert view.import_action.isEnabled() and view.template_action.isEnabled()
    view.import_questions.files.append(None)  # the person cancels the file chooser
    view.import_action.trigger()
    assert view.import_questions.asked == [("file", str(Path.home()))]
    assert view.ctx.dialogs.asked == []


def test_preview_then_import_with_a_new_unit(qtbot, view, sqlite_db, seeded, tmp_path):
    path = filled_template(sqlite_db, seeded.code, tmp_path / "daftar inovasi.xlsx")
    seen = {}

    def preview(dialog: ImportPreviewDialog) -> bool:
        shown(qtbot, dialog)
        seen["file"] = dialog.file_label.text()
        seen["count"] = dialog.count_label.text()
        seen["header"] = dialog.header_label.text()
        seen["units"] = [dialog.units_table.item(0, c).text() for c in range(4)]
        seen["checkbox"] = dialog.create_units.text()
        seen["disabled_reason"] = dialog.reason.text()
        assert dialog.units_box.isVisible() and not dialog.problems_box.isVisible()
        assert dialog.sheet_combo.isVisible()  # the template has three sheets
        assert not dialog.import_button.isEnabled()  # new units not confirmed yet
        tick(qtbot, dialog.create_units)
        assert dialog.import_button.isEnabled()
        click(qtbot, dialog.import_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    view.import_questions.files.append(str(path))
    view.import_questions.previews.append(preview)
    view.import_action.trigger()

    assert seen["file"] == "daftar inovasi.xlsx"
    assert seen["count"] == "<b>3</b> — General: 2 · Perangkat Daerah: 1"
    assert seen["header"] == "row 1 (12 columns recognised)"  # the template's columns, Documents too
    assert seen["units"] == ["Badan Riset dan Inovasi Daerah", "BADAN-RISET-DAN-INOVASI-DAERAH",
                             "1 (first on row 4)", ""]
    assert seen["checkbox"] == "Create these 1 new unit(s)"  # English plural forms: catalogue
    assert "Tick the box to create the new units" in seen["disabled_reason"]
    assert view.ctx.dialogs.asked == []
    assert codes(sqlite_db, seeded.code) == ["E1", "E2", "E3", "E4", "IMP-01", "IMP-02", "IMP-03"]
    imported = {e.code: e for e in entries.list_entries(sqlite_db, seeded.code)}
    first, second, third = imported["IMP-01"], imported["IMP-02"], imported["IMP-03"]
    assert (first.title, first.stage, first.innovation_type, first.started_on) == (
        "Layanan Antar Jemput Dokumen", "trial", "digital", date(2024, 8, 17))
    assert first.links.splitlines() == ["https://a.go.id", "https://b.go.id"]
    assert (second.stage, second.innovation_type, second.started_on) == (
        "implementation", "non_digital", date(2023, 1, 5))
    assert "Badan Riset dan Inovasi Daerah" in {u.name for u in entries.list_units(sqlite_db, seeded.code)}
    assert third.status == "registered" and third.stage == "implementation"
    assert view.model.total_count() == 7  # the view reloaded
    assert view.ctx.settings.last_directory == str(tmp_path)
    title, text = view.import_questions.messages[-1]
    assert title == "Entries imported"
    assert "Entries imported from daftar inovasi.xlsx: 3." in text
    assert "Badan Riset dan Inovasi Daerah" in text


def test_a_unit_name_like_a_registered_one_gets_a_hint(qtbot, view, sqlite_db, seeded, tmp_path):
    rows = [("T-1", "Inovasi Baru", "Dinas Cotnoh 2", "Umum")]
    path = filled_template(sqlite_db, seeded.code, tmp_path / "typo.xlsx", rows)
    seen = []
    view.import_questions.files.append(str(path))
    view.import_questions.previews.append(
        lambda d: seen.append([d.units_table.item(0, c).text() for c in range(4)]) or False)
    view.import_action.trigger()
    assert seen == [["Dinas Cotnoh 2", "DINAS-COTNOH-2", "1 (first on row 2)", "Dinas Contoh 2"]]
    assert codes(sqlite_db, seeded.code) == ["E1", "E2", "E3", "E4"]  # cancelled: nothing


def test_problems_are_listed_and_block_the_import(qtbot, view, sqlite_db, seeded, tmp_path):
    rows = [("P-1", "Baik", "Dinas Contoh 1", "Umum"),
            ("P-2", "Kategori salah", "Dinas Contoh 1", "Umun"),
            ("P-3", "Tanggal salah", "Dinas Contoh 2", "Umum", "", "", "", "", "32/13/2024")]
    path = filled_template(sqlite_db, seeded.code, tmp_path / "salah.xlsx", rows)
    seen = {}

    def preview(dialog: ImportPreviewDialog) -> bool:
        shown(qtbot, dialog)
        seen["rows"] = problem_rows(dialog)
        seen["label"] = dialog.problems_label.text()
        seen["reason"] = dialog.reason.text()
        seen["enabled"] = dialog.import_button.isEnabled()
        seen["count"] = dialog.count_label.text()
        click(qtbot, dialog.import_button)  # disabled: nothing happens
        seen["result"] = dialog.result()
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))
        return dialog.result() == QDialog.DialogCode.Accepted

    view.import_questions.files.append(str(path))
    view.import_questions.previews.append(preview)
    view.import_action.trigger()
    assert seen["enabled"] is False and seen["result"] == 0
    assert seen["label"].startswith("Problems found: 2.")
    assert "Correct the problems" in seen["reason"]
    assert seen["count"] == "<b>1</b> — General: 1"
    (sheet1, row1, col1, header1, message1), (sheet2, row2, col2, header2, message2) = seen["rows"]
    assert (sheet1, row1, col1, header1) == ("Inovasi", "3", "D", "Kategori")
    assert "unknown category 'Umun'" in message1 and "did you mean 'Umum'" in message1
    assert (sheet2, row2, col2, header2) == ("Inovasi", "4", "I", "Tanggal mulai")
    assert "32/13/2024" in message2
    assert codes(sqlite_db, seeded.code) == ["E1", "E2", "E3", "E4"]
    assert view.import_questions.messages == [] and view.ctx.dialogs.asked == []


def test_a_corrected_file_can_be_checked_again(qtbot, view, sqlite_db, seeded, tmp_path):
    path = filled_template(sqlite_db, seeded.code, tmp_path / "f.xlsx", [("C-1", "X", "Dinas Contoh 1", "Umun")])

    def preview(dialog: ImportPreviewDialog) -> bool:
        assert not dialog.import_button.isEnabled()
        filled_template(sqlite_db, seeded.code, path, [("C-1", "X", "Dinas Contoh 1", "Umum")])
        click(qtbot, shown(qtbot, dialog).check_button)
        assert dialog.preview.ok and not dialog.problems_box.isVisible()
        click(qtbot, dialog.import_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    view.import_questions.files.append(str(path))
    view.import_questions.previews.append(preview)
    view.import_action.trigger()
    assert "C-1" in codes(sqlite_db, seeded.code)


def test_an_unreadable_file_is_refused_with_the_reason(qtbot, view, sqlite_db, seeded, tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(os.urandom(4096))
    view.import_questions.files.append(str(path))
    view.import_action.trigger()
    assert [a[0] for a in view.import_questions.asked] == ["file"]  # no preview
    [(kind, title, text, informative, details)] = view.ctx.dialogs.asked
    assert (kind, title, text) == ("error", "Cannot import this file", "rusak.xlsx cannot be imported.")
    assert "not a spreadsheet" in informative and "not a spreadsheet" in details
    assert codes(sqlite_db, seeded.code) == ["E1", "E2", "E3", "E4"]


def test_another_sheet_can_be_chosen(qtbot, view, sqlite_db, seeded, tmp_path):
    book = openpyxl.Workbook()
    for sheet, rows in ((book.active, [("A-1", "Satu", "U1", "umum")]),
                        (book.create_sheet("Kelompok B"), [("B-1", "Dua", "U2", "pd"),
                                                           ("B-2", "Tiga", "U3", "Umum")])):
        sheet.append(["Kode", "Judul", "Perangkat daerah", "Kategori"])
        for row in rows:
            sheet.append(row)
    book.active.title = "Kelompok A"
    path = tmp_path / "dua lembar.xlsx"
    book.save(path)
    seen = []

    def preview(dialog: ImportPreviewDialog) -> bool:
        shown(qtbot, dialog)
        combo = dialog.sheet_combo
        seen.append(([combo.itemText(i) for i in range(combo.count())], combo.currentText(),
                     dialog.count_label.text()))
        combo.setCurrentIndex(1)
        combo.activated.emit(1)  # as a person's choice does
        seen.append((combo.currentText(), dialog.count_label.text()))
        click(qtbot, dialog.import_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    view.import_questions.files.append(str(path))
    view.import_questions.previews.append(preview)
    view.import_action.trigger()
    assert seen == [(["Kelompok A", "Kelompok B"], "Kelompok A", "<b>1</b> — General: 1"),
                    ("Kelompok B", "<b>2</b> — General: 1 · Perangkat Daerah: 1")]
    assert codes(sqlite_db, seeded.code) == ["B-1", "B-2", "E1", "E2", "E3", "E4"]


def test_a_sheet_without_entries_shows_why_and_the_sheets_stay(qtbot, view, sqlite_db, seeded,
                                                              tmp_path):
    path = filled_template(sqlite_db, seeded.code, tmp_path / "t.xlsx", ROWS[:1])
    seen = []

    def preview(dialog: ImportPreviewDialog) -> bool:
        combo = shown(qtbot, dialog).sheet_combo
        combo.setCurrentIndex(combo.findText("Petunjuk"))
        combo.activated.emit(combo.currentIndex())
        seen.append((combo.count(), dialog.header_label.text(), dialog.import_button.isEnabled(),
                     problem_rows(dialog)[0][COL_MESSAGE], dialog.count_label.text()))
        combo.setCurrentIndex(combo.findText("Inovasi"))
        combo.activated.emit(combo.currentIndex())
        seen.append((dialog.import_button.isEnabled(), dialog.count_label.text()))
        return False

    view.import_questions.files.append(str(path))
    view.import_questions.previews.append(preview)
    view.import_action.trigger()
    (count, header, enabled, message, entries_text), back = seen
    assert (count, header, enabled, entries_text) == (3, "not found", False, "<b>0</b>")
    assert "no header row in the first 20 rows" in message
    assert back == (True, "<b>1</b> — General: 1")
    assert codes(sqlite_db, seeded.code) == ["E1", "E2", "E3", "E4"]


@pytest.mark.tampers  # finalized with SQL, not through the app
def test_a_finalized_competition_offers_the_template_but_no_import(qtbot, sqlite_db, seeded,
                                                                  tmp_path):
    with sqlite_db.write() as s:
        s.execute(update(Competition).where(Competition.code == seeded.code)
                  .values(status="finalized"))
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    assert not view.import_action.isEnabled()
    assert view.template_action.isEnabled()


def test_a_csv_file_has_no_sheet_to_choose(qtbot, view, sqlite_db, seeded, tmp_path):
    path = tmp_path / "dari unit.csv"
    path.write_text("Kode;Judul inovasi;Perangkat daerah;Kategori\nCSV-1;Satu;U1;pd\n",
                    encoding="utf-8-sig")
    seen = []

    def preview(dialog):
        shown(qtbot, dialog)
        seen.append((dialog.sheet_combo.isVisible(), dialog.sheet_label.isVisible(),
                     dialog.count_label.text(), dialog.import_button.isEnabled()))
        click(qtbot, dialog.import_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    view.import_questions.files.append(str(path))
    view.import_questions.previews.append(preview)
    view.import_action.trigger()
    assert seen == [(False, False, "<b>1</b> — Perangkat Daerah: 1", True)]
    assert "CSV-1" in codes(sqlite_db, seeded.code)


class CancelTheImport(Runner):
    """Synchronous; the person presses Cancel as soon as the import reports progress."""

    def __init__(self) -> None:
        super().__init__(synchronous=True)

    def run(self, work, *, label, parent, on_done, on_error, cancellable=True) -> None:
        if not label.startswith("Importing"):
            return super().run(work, label=label, parent=parent, on_done=on_done,
                               on_error=on_error, cancellable=cancellable)

        def progress(done, total):
            raise Cancelled()

        try:
            result = work(progress)
        except BaseException as exc:
            on_error(exc, "")
        else:
            on_done(result)


def test_cancel_during_the_import_writes_nothing(qtbot, sqlite_db, seeded, tmp_path):
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path, runner=CancelTheImport())
    path = filled_template(sqlite_db, seeded.code, tmp_path / "batal.xlsx")

    def preview(dialog):
        tick(qtbot, shown(qtbot, dialog).create_units)
        click(qtbot, dialog.import_button)
        return True

    view.import_questions.files.append(str(path))
    view.import_questions.previews.append(preview)
    view.import_action.trigger()
    assert view.import_questions.messages == [
        ("Import cancelled", "The import was cancelled; nothing was imported.")]
    assert codes(sqlite_db, seeded.code) == ["E1", "E2", "E3", "E4"]
    assert "Badan Riset dan Inovasi Daerah" not in {u.name for u in entries.list_units(sqlite_db, seeded.code)}
    assert view.ctx.dialogs.asked == []


def test_a_refusal_at_import_time_is_shown_and_writes_nothing(qtbot, view, sqlite_db, seeded, tmp_path):
    path = filled_template(sqlite_db, seeded.code, tmp_path / "x.xlsx", [("E1x", "X", "U1", "Umum")])

    def preview(dialog):
        # meanwhile someone registers the same code in the app
        entries.add_entry(seeded.ws, seeded.code, entries.EntryInput(
            code="E1X", title="Y", unit="U1", category="umum"))
        return True

    view.import_questions.files.append(str(path))
    view.import_questions.previews.append(preview)
    view.import_action.trigger()
    [(kind, title, text, _informative, details)] = view.ctx.dialogs.asked
    assert (kind, title) == ("error", "Nothing was imported")
    assert "nothing was imported" in text and "already exists" in details
    assert "E1x" not in codes(sqlite_db, seeded.code)


def test_import_on_a_worker_thread(qtbot, sqlite_db, seeded, tmp_path):
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path, runner=Runner())
    qtbot.waitUntil(lambda: view.model.total_count() == 4, timeout=5000)
    path = filled_template(sqlite_db, seeded.code, tmp_path / "async.xlsx")

    def preview(dialog):
        tick(qtbot, shown(qtbot, dialog).create_units)
        click(qtbot, dialog.import_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    view.import_questions.files.append(str(path))
    view.import_questions.previews.append(preview)
    view.import_action.trigger()
    qtbot.waitUntil(lambda: bool(view.import_questions.messages), timeout=10000)
    qtbot.waitUntil(lambda: view.model.total_count() == 7, timeout=5000)
    assert len(codes(sqlite_db, seeded.code)) == 7


@pytest.mark.parametrize(("language", "first_sheet"), [("en", "Entries"), ("id", "Inovasi")])
def test_saving_the_template_in_the_ui_language(qtbot, sqlite_db, seeded, tmp_path, language,
                                                first_sheet):
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path, language=language)
    target = tmp_path / "out" / "templat"
    target.parent.mkdir()
    view.import_questions.template_paths.append(str(target))
    view.template_action.trigger()
    [(_kind, suggested)] = view.import_questions.asked
    assert suggested.endswith(f"entry-import-template-{seeded.code}.xlsx")
    written = target.with_suffix(".xlsx")
    book = openpyxl.load_workbook(written, read_only=True)
    assert book.sheetnames[0] == first_sheet
    assert next(book.worksheets[0].iter_rows(max_row=1, values_only=True))[0] in ("Code *", "Kode *")
    book.close()
    title, text = view.import_questions.messages[-1]
    assert title == "Import template saved" and str(written) in text


def test_a_template_that_cannot_be_written_is_reported(qtbot, view, tmp_path):
    view.import_questions.template_paths.append(str(tmp_path / "no such folder" / "t.xlsx"))
    view.template_action.trigger()
    [(kind, title, _text, _informative, details)] = view.ctx.dialogs.asked
    assert (kind, title) == ("error", "Cannot save the import template")
    assert "no such folder" in details
    assert view.import_questions.messages == []


def test_the_problems_model_without_a_window():
    model = ImportProblemsModel()
    model.set_problems([
        EntryProblem("bad date", "Inovasi", 9, "I", "Tanggal mulai"),
        EntryProblem("unknown category", "Inovasi", 3, "D", "Kategori"),
        EntryProblem("every cell is empty", "Inovasi", None, "AA", "Kode"),
    ])
    assert model.rowCount() == 3 and model.columnCount() == 5
    assert model.rowCount(model.index(0, 0)) == 0
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Sheet", "Row", "Column", "Header", "Problem"]
    assert model.data(model.index(2, COL_ROW)) == ""
    assert model.data(model.index(0, COL_MESSAGE), Qt.ItemDataRole.ToolTipRole) == "bad date"
    assert model.data(QModelIndex()) is None
    model.sort(COL_ROW)
    assert [model.problem_at(r).row for r in range(3)] == [None, 3, 9]
    model.sort(COL_ROW, Qt.SortOrder.DescendingOrder)
    assert [model.problem_at(r).row for r in range(3)] == [9, 3, None]
    model.sort(COL_COLUMN)
    assert [model.data(model.index(r, COL_COLUMN)) for r in range(3)] == ["D", "I", "AA"]
    model.sort(COL_HEADER)
    assert model.data(model.index(0, COL_HEADER)) == "Kategori"
    model.sort(COL_MESSAGE)
    assert model.problem_at(0).message == "bad date"
    model.sort(COL_SHEET)
    assert model.rowCount() == 3
