"""The entry form, the reason dialog and the units dialog, alone and from the Entries view."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from test_ui_view_entries import click_row, open_view

from judging_app.core.records import UnitRecord
from judging_app.core.setup import CategorySpec
from judging_app.services import entries
from judging_app.services.entries import EntryInput
from judging_app.ui.views.entries_dialogs import ReasonDialog, UnitsDialog
from judging_app.ui.views.entries_form import EntryFormDialog, OptionalDateEdit

from factories import seeded_competition

SAVE = QDialogButtonBox.StandardButton.Save
UNITS = [UnitRecord(1, "U1", "Dinas Kesehatan"), UnitRecord(2, "U2", "Bapenda")]
CATEGORIES = [CategorySpec("umum", "Umum", "General"), CategorySpec("pd", "Perangkat Daerah")]


def save_button(dialog: EntryFormDialog):
    return dialog.buttons.button(SAVE)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def form(qtbot):
    saved: list[EntryInput] = []

    def save(data: EntryInput) -> str | None:
        saved.append(data)
        return None

    dialog = EntryFormDialog(UNITS, CATEGORIES, {"E1", "E2"}, save)
    qtbot.addWidget(dialog)
    dialog.saved = saved
    return dialog


def test_problems_show_as_you_type_and_save_waits(qtbot, form):
    assert not save_button(form).isEnabled()
    assert "The code is required." in form.problems.text()
    assert "Choose a unit" in form.problems.text()  # a new entry names its unit on purpose
    qtbot.keyClicks(form.code, "E2")
    assert "Another entry already has this code." in form.problems.text()
    form.code.clear()
    qtbot.keyClicks(form.code, "E3")
    qtbot.keyClicks(form.title, "Sistem Antrean Online")
    form.unit.setCurrentIndex(form.unit.findData("U2"))
    assert form.problems.text() == "Choose a category."
    form.category.setCurrentIndex(0)
    assert form.problems.text() == "" and save_button(form).isEnabled()
    assert form.category.currentData() == "umum" and form.category.currentText() == "General"
    assert form.stage.currentData() == "implementation" and form.stage.currentText() == "Implementation"
    qtbot.keyClicks(form.innovators, "Siti; Budi")
    form.kind.setCurrentIndex(form.kind.findData("non_digital"))
    form.started.set_value(date(2024, 5, 17))
    qtbot.keyClicks(form.links, "https://a.example/x.pdf")
    click(qtbot, save_button(form))
    assert form.result() == QDialog.DialogCode.Accepted
    assert form.saved == [EntryInput(
        code="E3", title="Sistem Antrean Online", unit="U2", category="umum",
        innovators="Siti; Budi", stage="implementation", innovation_type="non_digital",
        started_on=date(2024, 5, 17), links="https://a.example/x.pdf")]


def test_a_refusal_on_save_keeps_the_form_open_with_the_message(qtbot):
    dialog = EntryFormDialog(UNITS, CATEGORIES, set(), lambda data: "An entry with code 'E9' already exists.")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, "E9")
    qtbot.keyClicks(dialog.title, "Judul")
    dialog.unit.setCurrentIndex(0)
    dialog.category.setCurrentIndex(1)
    click(qtbot, save_button(dialog))
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problems.text() == "An entry with code 'E9' already exists."
    assert dialog.code.text() == "E9"


def test_without_units_the_form_says_where_to_add_them(qtbot):
    dialog = EntryFormDialog([], CATEGORIES, set(), lambda data: None)
    qtbot.addWidget(dialog)
    assert "Units…" in dialog.problems.text()


def test_the_start_date_may_stay_empty(qtbot):
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    assert edit.value() is None and edit.edit.text() == "Not set"
    calendar = edit.edit.calendarWidget()
    calendar.window().show()  # as when the popup opens: this month, not the "not set" date
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.window().hide()
    edit.edit.setDate(QDate(2023, 8, 1))
    assert edit.value() == date(2023, 8, 1)
    click(qtbot, edit.clear_button)
    assert edit.value() is None


def test_the_reason_is_required(qtbot):
    dialog = ReasonDialog("Disqualify", "Why is E1 disqualified?")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.text, "   ")
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.text, "Plagiat ")
    assert ok.isEnabled() and dialog.reason() == "Plagiat"


# -- from the view ---------------------------------------------------------------------------

@pytest.fixture
def seeded(sqlite_db):
    return seeded_competition(sqlite_db, n_entries=6, judging=False)


@pytest.fixture
def view(qtbot, sqlite_db, seeded, tmp_path):
    return open_view(qtbot, sqlite_db, seeded.code, tmp_path)


def test_add_an_entry_from_the_view(qtbot, view, sqlite_db, seeded):
    def fill_in(dialog: EntryFormDialog) -> bool:
        assert dialog.windowTitle() == "New entry"
        qtbot.keyClicks(dialog.code, "E1")  # taken
        assert not save_button(dialog).isEnabled()
        dialog.code.clear()
        qtbot.keyClicks(dialog.code, "E7")
        qtbot.keyClicks(dialog.title, "Bank Sampah Digital")
        dialog.unit.setCurrentIndex(dialog.unit.findData("U3"))
        dialog.category.setCurrentIndex(dialog.category.findData("pd"))
        click(qtbot, save_button(dialog))
        return dialog.result() == QDialog.DialogCode.Accepted

    view.questions.dialog_scripts.append(fill_in)
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.toolbar.widgetForAction(view.add_action))
    saved = entries.get_entry(sqlite_db, seeded.code, "E7")
    assert (saved.title, saved.unit_code, saved.category_code, saved.status) == (
        "Bank Sampah Digital", "U3", "pd", "registered")
    assert view.model.total_count() == 7 and view.selected_codes() == ["E7"]
    assert "Bank Sampah Digital" in view.details.toPlainText()


def test_edit_an_entry_by_double_clicking_it(qtbot, view, sqlite_db, seeded):
    def change(dialog: EntryFormDialog) -> bool:
        assert dialog.windowTitle() == "Edit entry"
        assert (dialog.code.text(), dialog.title.text(), dialog.unit.currentData()) == (
            "E2", "Inovasi 2", "U2")
        dialog.code.setText("E2-REV")
        dialog.title.setText("Inovasi 2 (revisi)")
        click(qtbot, save_button(dialog))
        return True

    view.questions.dialog_scripts.append(change)
    rect = view.table.visualRect(view.model.index(1, 1))
    click_row(qtbot, view, 1)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.questions.asked == [("dialog", "entryForm")]
    assert entries.get_entry(sqlite_db, seeded.code, "E2-REV").title == "Inovasi 2 (revisi)"
    assert "E2" not in view.model.codes() and view.selected_codes() == ["E2-REV"]


def test_a_code_taken_meanwhile_is_refused_by_the_service(qtbot, view, sqlite_db, seeded):
    entries.add_entry(seeded.ws, seeded.code, EntryInput("E50", "Sudah ada", "U1", "umum"))
    messages = []

    def fill_in(dialog: EntryFormDialog) -> bool:
        qtbot.keyClicks(dialog.code, "E50")  # unknown to the view: it has not reloaded
        qtbot.keyClicks(dialog.title, "Baru")
        dialog.unit.setCurrentIndex(0)
        dialog.category.setCurrentIndex(0)
        click(qtbot, save_button(dialog))
        messages.append(dialog.problems.text())
        return dialog.result() == QDialog.DialogCode.Accepted

    view.questions.dialog_scripts.append(fill_in)
    view.add_action.trigger()
    assert messages == ["An entry with code 'E50' already exists."]
    assert entries.get_entry(sqlite_db, seeded.code, "E50").title == "Sudah ada"


def test_units_add_and_rename_then_the_entries_show_the_new_name(qtbot, view, sqlite_db, seeded):
    def manage(dialog: UnitsDialog) -> bool:
        assert [dialog.table.item(r, 0).text() for r in range(3)] == ["U1", "U2", "U3"]
        qtbot.keyClicks(dialog.code, "U1")
        assert not dialog.add_button.isEnabled()
        assert dialog.message.text() == "A unit with this code already exists."
        dialog.code.clear()
        qtbot.keyClicks(dialog.code, "U9")
        qtbot.keyClicks(dialog.name, "Kecamatan Kota Barat")
        qtbot.keyClicks(dialog.kind, "kecamatan")
        click(qtbot, dialog.add_button)
        assert dialog.message.text() == "Saved."
        dialog.table.selectRow(0)  # Dinas Contoh 1
        assert dialog.code.isReadOnly() and not dialog.rename_button.isEnabled()
        dialog.name.setText("Dinas Kesehatan")
        click(qtbot, dialog.rename_button)
        dialog.table.selectRow(1)
        dialog.name.setText("Kecamatan Kota Barat")  # a name another unit has
        click(qtbot, dialog.rename_button)
        assert "already exists" in dialog.message.text()
        return False

    view.questions.dialog_scripts.append(manage)
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.toolbar.widgetForAction(view.units_action))
    units = {u.code: (u.name, u.kind) for u in entries.list_units(sqlite_db, seeded.code)}
    assert units["U9"] == ("Kecamatan Kota Barat", "kecamatan")
    assert units["U1"][0] == "Dinas Kesehatan"
    assert view.model.entry_at(0).unit_name == "Dinas Kesehatan"  # reloaded


def test_edit_needs_exactly_one_entry(qtbot, view):
    click_row(qtbot, view, 0)
    click_row(qtbot, view, 1, Qt.KeyboardModifier.ControlModifier)
    assert not view.edit_action.isEnabled()
    view.edit_entry()
    assert view.questions.asked == []
