"""The Reports view writes each document through the services, from a real database."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from judging_app.exchange.competition_file import read_competition_file
from judging_app.services import assignments, competitions, sheets
from judging_app.services.sheets import SheetInput
from judging_app.ui.views.reports_view import ReportsView

from factories import seeded_competition
from ui_view_support import make_ctx


class Answers:
    def __init__(self, save=None, folder=None, files=(), draft=True):
        self.save, self.folder, self.files = save, folder, list(files)
        self.draft = draft  # the answer to "export the draft?"
        self.asked = []

    def confirm_draft(self, parent, title, text, details, proceed):
        self.asked.append(("draft", text, details))
        return self.draft

    def save_file(self, parent, title, suggested, filters):
        self.asked.append(("save", suggested))
        return self.save

    def choose_folder(self, parent, title, start):
        return self.folder

    def open_files(self, parent, title, start, filters):
        return self.files

    def confirm_packages(self, parent, title, text, details):
        self.asked.append(("packages", text, details))
        return True


@pytest.fixture
def scored(sqlite_db):
    s = seeded_competition(sqlite_db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    for i, entry in enumerate(["E1", "E2", "E3", "E4"]):
        for judge in ("J1", "J2", "J3"):
            sheets.save_sheet(s.ws, s.code, "prop", judge, entry,
                              SheetInput({"A": D(1 + i), "B": D(2 + i)}))
            sheets.submit_sheet(s.ws, s.code, "prop", judge, entry)
    return s


def _view(qtbot, db, code, tmp_path, answers):
    view = ReportsView(make_ctx(db, code, tmp_path))
    view.dialogs = answers
    qtbot.addWidget(view)
    view.retranslate()
    view.refresh()
    return view


def test_competition_file_and_workbook(qtbot, sqlite_db, scored, tmp_path):
    out = tmp_path / "lomba.json"
    view = _view(qtbot, sqlite_db, scored.code, tmp_path, Answers(save=str(out)))
    assert view.round_box.currentData() == "prop"
    view.buttons["setup_file"].click()
    assert read_competition_file(out) == competitions.get_setup(sqlite_db, scored.code)
    assert "lomba.json" in view.result_label.text()
    book = tmp_path / "hasil.xlsx"
    view.dialogs = Answers(save=str(book))
    view.buttons["workbook"].click()
    assert book.is_file() and book.stat().st_size > 1000


def test_packages_and_cancelled_choice(qtbot, sqlite_db, scored, tmp_path):
    folder = tmp_path / "paket"
    folder.mkdir()
    view = _view(qtbot, sqlite_db, scored.code, tmp_path, Answers(folder=str(folder)))
    view.buttons["packages"].click()
    (_, text, details), = [a for a in view.dialogs.asked if a[0] == "packages"]
    assert text.startswith("3 judge packages, ") and details.splitlines()[0].startswith("J1: ")
    written = sorted(p.name for p in folder.iterdir())
    assert len(written) == 3 and all(name.endswith(".jpkg") for name in written)
    assert json.loads((folder / written[0]).read_text())["format"] == "judging-app/judge-package"
    view.dialogs = Answers(save=None)  # the person cancels the file dialog
    before = view.result_label.text()
    view.buttons["workbook"].click()
    assert view.result_label.text() == before


def test_excel_score_sheets_round_trip(qtbot, sqlite_db, scored, tmp_path):
    folder = tmp_path / "excel"
    folder.mkdir()
    view = _view(qtbot, sqlite_db, scored.code, tmp_path, Answers(folder=str(folder)))
    view.buttons["excel_sheets"].click()
    books = sorted(folder.glob("*.xlsx"))
    assert len(books) == 3
    view.dialogs = Answers(files=[str(b) for b in books])
    view.buttons["excel_import"].click()
    assert view.result_label.text().count("nothing to change") == 3


def test_a_draft_document_asks_first_and_says_what_is_undecided(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    for entry in ("E1", "E3"):  # both "umum", equal: a tie for Juara I
        for judge in ("J1", "J2", "J3"):
            sheets.save_sheet(s.ws, s.code, "prop", judge, entry,
                              SheetInput({"A": D(4), "B": D(4)}))
            sheets.submit_sheet(s.ws, s.code, "prop", judge, entry)
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E2", SheetInput({"A": D(4)}))  # a draft
    target = tmp_path / "pemenang.pdf"
    answers = Answers(save=str(target), draft=False)
    view = _view(qtbot, sqlite_db, s.code, tmp_path, answers)
    view.buttons["winners"].click()
    (kind, text, details), = answers.asked  # asked before the file is chosen
    assert kind == "draft" and "DRAFT" in text
    assert details.splitlines() == [
        "• 1 ties on an award boundary wait for the chair's decision.",
        "• 2 entries are not ranked: score sheets are missing.",
        "• 6 score sheets are not submitted yet."]
    assert not target.exists()  # cancelled: nothing written
    answers.draft = True
    view.buttons["winners"].click()
    assert [a[0] for a in answers.asked] == ["draft", "draft", "save"]
    assert target.is_file()


def test_final_results_export_without_asking(qtbot, sqlite_db, scored, tmp_path):
    from judging_app.services import results

    results.finalize(scored.ws, scored.code)
    book = tmp_path / "hasil.xlsx"
    answers = Answers(save=str(book), draft=False)
    view = _view(qtbot, sqlite_db, scored.code, tmp_path, answers)
    view.buttons["workbook"].click()
    assert [a[0] for a in answers.asked] == ["save"] and book.is_file()
