"""The paper sheet dialog driven by keyboard by two people (two view contexts): a first entry,
the confirmation by someone else, a mismatch shown field by field, retry and discard; the
mismatch model and the scale validator without a window."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator

from judging_app.core.setup import CriterionSpec
from judging_app.services import assignments, paper_sheets, sheets
from judging_app.services.paper_sheets import COMMENT, OVERALL, SCORE, FieldMismatch
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace
from judging_app.ui.actor import ensure_actor
from judging_app.ui.views.paper_entry import PaperEntryDialog
from judging_app.ui.views.paper_entry_parts import MISMATCH_COLOUR, MismatchModel, ScaleValidator

from factories import seeded_competition
from test_ui_support import TranslationsForTest
from ui_view_support import make_ctx

TAB = Qt.Key.Key_Tab


@pytest.fixture
def comp(sqlite_db):
    s = seeded_competition(sqlite_db)
    assignments.assign(s.ws, s.code, "prop", "J1", ["E1", "E2"])
    assignments.assign(s.ws, s.code, "prop", "J2", ["E1"])
    return s


def open_dialog(qtbot, db, code, tmp_path, actor) -> PaperEntryDialog:
    folder = tmp_path / actor.split()[0]  # each person's own settings file
    folder.mkdir(exist_ok=True)
    dialog = PaperEntryDialog(make_ctx(db, code, folder, actor=actor), "prop")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def pick(qtbot, combo, code: str) -> None:
    """With the arrow keys, as a person does: Home, then Down until the code shows."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == code:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def choose(qtbot, dialog, judge: str, entry: str) -> None:
    pick(qtbot, dialog.judge, judge)
    pick(qtbot, dialog.entry, entry)
    assert (dialog.judge.currentData(), dialog.entry.currentData()) == (judge, entry)


def type_sheet(qtbot, dialog, fields: list[str], overall: str = "") -> None:
    """From the first score: text, Tab, text, Tab … (score, comment per criterion)."""
    widget = dialog.rows[0].value
    widget.setFocus()
    for text in fields:
        widget = dialog.focusWidget()
        widget.selectAll()
        qtbot.keyClicks(widget, text)
        qtbot.keyClick(widget, TAB)
    assert dialog.focusWidget() is dialog.overall
    qtbot.keyClicks(dialog.overall, overall)


def press_enter(qtbot, dialog) -> None:
    dialog.rows[0].value.setFocus()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)


def test_first_entry_then_confirmation_by_someone_else(qtbot, sqlite_db, comp, tmp_path):
    db, s = sqlite_db, comp
    ani = open_dialog(qtbot, db, s.code, tmp_path, "Ani Wulandari")
    assert ani.save_button.text() == "&Save first entry"
    assert ani.banner.text().startswith("First entry: type the paper sheet")
    assert ani.working.text() == "Working as: Ani Wulandari"
    choose(qtbot, ani, "J1", "E1")
    type_sheet(qtbot, ani, ["4", "cukup baru", "3,5", ""], "Perlu data capaian.")
    with qtbot.waitSignal(ani.changed):
        press_enter(qtbot, ani)
    assert ani.status.text() == ("First entry of J1 / E1 saved; it counts once another person "
                                 "types it again.")
    assert sheets.get_sheet(db, s.code, "prop", "J1", "E1") is None  # nothing counts yet
    assert ani.entry.currentData() == "E2"  # on to the next sheet
    assert ani.entry.itemText(0) == "E1 — Inovasi 1 (awaiting confirmation)"
    choose(qtbot, ani, "J1", "E1")  # Ani cannot confirm her own typing
    assert ani.save_button.text() == "&Replace first entry"
    assert ani.banner.text().startswith("You typed the first entry of this sheet.")

    budi = open_dialog(qtbot, db, s.code, tmp_path, "Budi Santoso")
    choose(qtbot, budi, "J1", "E1")
    assert budi.save_button.text() == "&Confirm sheet"
    assert budi.banner.text().startswith(
        "Second entry: type the sheet again without looking at the first entry (typed by "
        "Ani Wulandari).")
    assert all(not r.value.text() and not r.comment.text() for r in budi.rows)
    assert not budi.overall.toPlainText() and not budi.mismatch_box.isVisible()
    type_sheet(qtbot, budi, ["4", "cukup baru", "3.5", ""], "Perlu data capaian.")
    press_enter(qtbot, budi)
    assert budi.status.text() == "Sheet J1 / E1 confirmed and submitted: it now counts."
    rec = sheets.get_sheet(db, s.code, "prop", "J1", "E1")
    assert (rec.state, rec.source, rec.scores) == ("submitted", "paper",
                                                   {"A": D(4), "B": D("3.5")})
    assert [budi.entry.itemData(i) for i in range(budi.entry.count())] == ["E2"]


def test_mismatch_is_shown_field_by_field_then_corrected(qtbot, sqlite_db, comp, tmp_path):
    db, s = sqlite_db, comp
    paper_sheets.enter_first(Workspace(db, "Ani Wulandari"), s.code, "prop", "J1", "E1",
                             {"A": "4", "B": "3,5"}, {"A": "baru"}, "Bagus.")
    budi = open_dialog(qtbot, db, s.code, tmp_path, "Budi Santoso")
    choose(qtbot, budi, "J1", "E1")
    type_sheet(qtbot, budi, ["4", "baru", "4,5", ""], "Bagus sekali.")
    press_enter(qtbot, budi)
    assert budi.mismatch_box.isVisible()
    assert budi.mismatch_text.text().startswith("Fields that differ: 2. Nothing was saved.")
    model = budi.mismatches
    rows = [[model.data(model.index(r, c)) for c in range(3)] for r in range(model.rowCount())]
    assert rows == [["Score: Kemanfaatan", "3.5", "4.5"],
                    ["Overall comment", "Bagus.", "Bagus sekali."]]
    assert budi.rows[1].value.styleSheet() and not budi.rows[0].value.styleSheet()
    assert sheets.get_sheet(db, s.code, "prop", "J1", "E1") is None
    budi.rows[1].value.setFocus()
    budi.rows[1].value.selectAll()
    qtbot.keyClicks(budi.rows[1].value, "3,5")
    budi.overall.selectAll()
    qtbot.keyClicks(budi.overall, "Bagus.")
    press_enter(qtbot, budi)
    assert not budi.mismatch_box.isVisible()
    assert sheets.get_sheet(db, s.code, "prop", "J1", "E1").state == "submitted"


def test_discard_keeps_what_was_typed_as_a_new_first_entry(qtbot, sqlite_db, comp, tmp_path):
    db, s = sqlite_db, comp
    paper_sheets.enter_first(Workspace(db, "Ani Wulandari"), s.code, "prop", "J2", "E1",
                             {"A": "1", "B": "1"})
    budi = open_dialog(qtbot, db, s.code, tmp_path, "Budi Santoso")
    budi.dialogs.discard_reason = lambda parent: "Diketik dari lembar juri lain."
    choose(qtbot, budi, "J2", "E1")
    type_sheet(qtbot, budi, ["5", "", "5", ""])
    press_enter(qtbot, budi)
    assert budi.mismatch_box.isVisible()
    qtbot.mouseClick(budi.discard_button, Qt.MouseButton.LeftButton)
    assert paper_sheets.pending_paper_sheets(db, s.code) == []
    assert budi.save_button.text() == "&Save first entry"
    assert [r.value.text() for r in budi.rows] == ["5", "5"]
    assert not budi.mismatch_box.isVisible()
    press_enter(qtbot, budi)
    assert [p.typed_by for p in paper_sheets.pending_paper_sheets(db, s.code)] == ["Budi Santoso"]


def test_values_off_the_scale_cannot_be_typed_or_saved(qtbot, sqlite_db, comp, tmp_path):
    db, s = sqlite_db, comp
    ani = open_dialog(qtbot, db, s.code, tmp_path, "Ani Wulandari")
    choose(qtbot, ani, "J1", "E1")
    qtbot.keyClicks(ani.rows[0].value, "7")  # refused keystroke on a 1–5 scale
    assert ani.rows[0].value.text() == ""
    qtbot.keyClicks(ani.rows[0].value, "4")
    qtbot.keyClicks(ani.rows[1].value, "3,2")  # not on the step of 0.5
    press_enter(qtbot, ani)
    assert ani.problem.text() == "Kemanfaatan: type a score on the scale (1 to 5, step 0.5)."
    assert ani.rows[1].value.styleSheet()
    assert paper_sheets.pending_paper_sheets(db, s.code) == []


def test_a_refusal_is_shown_as_a_message(qtbot, sqlite_db, comp, tmp_path):
    db, s = sqlite_db, comp
    ani = open_dialog(qtbot, db, s.code, tmp_path, "Ani Wulandari")
    choose(qtbot, ani, "J2", "E1")
    sheets.save_sheet(s.ws, s.code, "prop", "J2", "E1", SheetInput({"A": D(2), "B": D(2)}))
    sheets.submit_sheet(s.ws, s.code, "prop", "J2", "E1")  # submitted meanwhile, elsewhere
    type_sheet(qtbot, ani, ["4", "", "4", ""])
    press_enter(qtbot, ani)
    kind, title, text, *_ = ani.ctx.dialogs.asked[-1]
    assert (kind, title) == ("error", "The paper sheet was not saved")
    assert "submitted sheet already counts" in text


def test_changing_who_is_working_turns_the_dialog_into_a_confirmation(
        qtbot, sqlite_db, comp, tmp_path):
    """One PC, two people: Ani types, then Budi says he is working now and confirms."""
    db, s = sqlite_db, comp
    ani = open_dialog(qtbot, db, s.code, tmp_path, "Ani Wulandari")
    ctx = ani.ctx
    ctx.actor = lambda parent: ensure_actor(ctx.settings, ctx.dialogs, parent)
    choose(qtbot, ani, "J2", "E1")
    type_sheet(qtbot, ani, ["4", "", "3", ""])
    press_enter(qtbot, ani)
    choose(qtbot, ani, "J2", "E1")
    assert ani.save_button.text() == "&Replace first entry"
    ctx.dialogs.actor_answer = "Budi Santoso"
    with qtbot.waitSignal(ani.changed):
        qtbot.mouseClick(ani.actor_button, Qt.MouseButton.LeftButton)
    assert ani.working.text() == "Working as: Budi Santoso"
    assert ani.save_button.text() == "&Confirm sheet"
    type_sheet(qtbot, ani, ["4", "", "3", ""])
    press_enter(qtbot, ani)
    assert sheets.get_sheet(db, s.code, "prop", "J2", "E1").state == "submitted"


def test_indonesian_numbers(qtbot, qapp, sqlite_db, comp, tmp_path):
    translations = TranslationsForTest(qapp)
    try:
        translations.apply("id")
        dialog = open_dialog(qtbot, sqlite_db, comp.code, tmp_path, "Ani Wulandari")
        assert dialog.rows[1].hint.text().endswith("0,5")  # decimal comma
        assert dialog.rows[0].name.toolTip() == "1 = kurang\n5 = sangat baik"
        qtbot.keyClicks(dialog.rows[0].value, "5")
        assert dialog.rows[0].level.text() == "5 = sangat baik"
        qtbot.keyClicks(dialog.rows[1].value, "4,5")
        assert dialog.rows[1].value.hasAcceptableInput()
    finally:
        translations.restore()


def test_nothing_to_type(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    dialog = open_dialog(qtbot, sqlite_db, s.code, tmp_path, "Ani Wulandari")
    assert dialog.banner.text().startswith("No sheet of this round awaits a paper entry")
    assert not dialog.save_button.isEnabled() and not dialog.rows[0].value.isEnabled()


def test_mismatch_model_without_a_window(qapp):
    model = MismatchModel()
    model.names = {"A": "Kebaruan", "B": "Kemanfaatan"}
    model.order = {"A": 0, "B": 1}
    model.set_rows([FieldMismatch("", OVERALL, "x", ""), FieldMismatch("B", SCORE, "3.5", "4"),
                    FieldMismatch("A", COMMENT, "baru", "baru\n sekali")])
    model.sort(MismatchModel.FIELD)
    cells = [[model.data(model.index(r, c)) for c in range(3)] for r in range(3)]
    assert cells == [["Comment: Kebaruan", "baru", "baru sekali"],
                     ["Score: Kemanfaatan", "3.5", "4"],
                     ["Overall comment", "x", "(empty)"]]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) == MISMATCH_COLOUR
    assert model.headerData(1, Qt.Orientation.Horizontal) == "First entry"


def test_scale_validator(qapp):
    v = ScaleValidator(CriterionSpec("B", "B", D(60), D(1), D(5), D("0.5")))
    states = {t: v.validate(t, 0)[0] for t in ("3,5", "3,", "9", "")}
    assert states == {"3,5": QValidator.State.Acceptable, "3,": QValidator.State.Intermediate,
                      "9": QValidator.State.Invalid, "": QValidator.State.Intermediate}
