"""The Setup view: editing a working copy with live validation, saving it in one go,
discarding it, the tie-break chain, categories and award tiers."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from judging_app.core.enums import AwardKind
from judging_app.services import audit, competitions
from judging_app.services.workspace import Workspace
from judging_app.ui.views.setup_tables import AwardTiersModel, CategoriesModel, CriteriaModel
from judging_app.ui.views.setup_view import SetupDialogs, SetupView

from factories import seeded_competition, tiny_setup
from test_ui_support import TranslationsForTest
from ui_view_support import make_ctx

RULES, CATEGORIES, ROUNDS, TIERS = range(4)
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("propagateSizeHints")]


class Answers(SetupDialogs):
    def __init__(self) -> None:
        super().__init__()
        self.confirm_answers: list[bool] = []
        self.asked: list[tuple] = []

    def confirm(self, parent, title, text) -> bool:
        self.asked.append(("confirm", title, text))
        return self.confirm_answers.pop(0) if self.confirm_answers else False


@pytest.fixture
def draft(sqlite_db):
    comp = competitions.create_competition(Workspace(sqlite_db, "Ani"), tiny_setup())
    return sqlite_db, comp.code


def open_view(qtbot, db, code, tmp_path) -> SetupView:
    view = SetupView(make_ctx(db, code, tmp_path))
    view.dialogs = Answers()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.retranslate()
    view.refresh()
    return view


def cell_editor(table) -> QLineEdit:
    """The editor open in a table (closed ones linger until deleted later)."""
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "no editor open"
    return editors[0]


def type_in_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """Select a cell, press F2, replace its text by typing, press Enter."""
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = cell_editor(table)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    press_enter(qtbot, editor)


def press_enter(qtbot, editor) -> None:
    """Enter commits through a queued call: let the event loop run it, as it would."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def show_round(view: SetupView, code: str) -> None:
    view.tabs.setCurrentIndex(ROUNDS)
    codes = [r.code for r in view.working.rounds]
    view.rounds.round_list.setCurrentRow(codes.index(code))


def test_opens_with_the_stored_setup(qtbot, draft, tmp_path):
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    assert view.title_label.text() == "Lomba Inovasi Kota Contoh — status: Draft"
    assert view.rules.name_edit.text() == "Lomba Inovasi Kota Contoh"
    assert view.rules.year_box.value() == 2026
    assert [view.tabs.tabText(i) for i in range(4)] == [
        "Competition and rules", "Categories", "Rounds and criteria", "Award tiers"]
    assert not view.save_button.isEnabled() and not view.discard_button.isEnabled()
    assert view.problems_label.text() == "All changes are saved."
    assert view.forward_button.text() == "Open registration →"
    assert not view.back_button.isVisible()


def test_edit_name_and_save(qtbot, draft, tmp_path):
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    view.rules.name_edit.selectAll()
    qtbot.keyClicks(view.rules.name_edit, "Kompetisi Inovasi 2026")
    assert view.save_button.isEnabled()
    assert view.problems_label.text() == "Unsaved changes. The setup is valid."
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert competitions.get_setup(db, code).name == "Kompetisi Inovasi 2026"
    assert view.notice.text() == "The setup was saved."
    assert not view.save_button.isEnabled()
    assert audit.verify_chain(db).ok


def test_weight_total_follows_typing_and_blocks_saving_until_100(qtbot, draft, tmp_path):
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    show_round(view, "prop")
    table = view.rounds.criteria_editor.table
    assert view.rounds.total_label.text() == "Total weight: 100 / 100"
    index = table.model().index(0, CriteriaModel.WEIGHT)
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = cell_editor(table)
    editor.selectAll()
    qtbot.keyClicks(editor, "45")
    # Before Enter: the total already follows what is typed.
    assert view.rounds.total_label.text() == "Total weight: 105 / 100"
    assert "a81d1d" in view.rounds.total_label.styleSheet()
    assert not view.save_button.isEnabled()
    assert view.tabs.tabText(ROUNDS) == "Rounds and criteria (1)"
    assert view.problem_list.item(0).text() == (
        "Round “Penilaian proposal”: The criterion weights add up to 105; they must add up to exactly 100.")
    qtbot.keyClicks(editor, ",5")
    assert view.rounds.total_label.text() == "Total weight: 105.5 / 100"
    assert editor.text() == "45,5"  # the comma stays while typing
    press_enter(qtbot, editor)
    type_in_cell(qtbot, table, 1, CriteriaModel.WEIGHT, "54,5")
    assert view.rounds.total_label.text() == "Total weight: 100 / 100"
    assert view.save_button.isEnabled() and view.problem_list.count() == 0
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    weights = [c.weight for c in competitions.get_setup(db, code).rounds[1].criteria]
    assert weights == [D("45.5"), D("54.5")]


def test_letters_cannot_be_typed_into_a_weight(qtbot, draft, tmp_path):
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    show_round(view, "prop")
    type_in_cell(qtbot, view.rounds.criteria_editor.table, 0, CriteriaModel.WEIGHT, "4x0")
    assert view.working.rounds[1].criteria[0].weight == D(40)


def test_criterion_levels_and_description(qtbot, draft, tmp_path):
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    show_round(view, "prop")
    rounds = view.rounds
    rounds.criteria_editor.select_row(0)
    assert rounds.levels.rowCount() == 2
    qtbot.mouseClick(rounds.levels_editor.add_button, Qt.MouseButton.LeftButton)
    assert rounds.levels.items()[2].score == D(2)  # the first free score on the scale
    qtbot.keyClicks(cell_editor(rounds.levels_editor.table), "cukup")
    press_enter(qtbot, cell_editor(rounds.levels_editor.table))
    qtbot.keyClicks(rounds.description_edit, "Seberapa baru gagasannya.")
    type_in_cell(qtbot, rounds.levels_editor.table, 2, 0, "7")  # not on the 1-5 scale
    assert not view.save_button.isEnabled()
    assert "The score 7 is not on the scale." in view.problem_list.item(0).text()
    type_in_cell(qtbot, rounds.levels_editor.table, 2, 0, "3")
    qtbot.mouseClick(rounds.levels_editor.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    criterion = competitions.get_setup(db, code).rounds[1].criteria[0]
    assert [(lv.score, lv.text) for lv in criterion.levels] == [
        (D(1), "kurang"), (D(3), "cukup"), (D(5), "sangat baik")]
    assert criterion.description == "Seberapa baru gagasannya."


def test_add_a_round_with_top_n_advancement(qtbot, draft, tmp_path):
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    view.tabs.setCurrentIndex(ROUNDS)
    rounds = view.rounds
    qtbot.mouseClick(rounds.add_round_button, Qt.MouseButton.LeftButton)
    assert rounds.round_list.currentRow() == 2
    assert "A scored round needs at least one criterion." in rounds.round_problems.text()
    rounds.name_edit.selectAll()
    qtbot.keyClicks(rounds.name_edit, "Presentasi dan Wawancara")
    assert rounds.round_list.item(2).text() == "3. Presentasi dan Wawancara"
    rounds.advancement_box.setCurrentIndex(rounds.advancement_box.findData("top_n"))
    rounds.advancement_box.activated.emit(rounds.advancement_box.currentIndex())
    rounds.top_n_box.setValue(6)
    qtbot.mouseClick(rounds.criteria_editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(cell_editor(rounds.criteria_editor.table), Qt.Key.Key_Escape)
    type_in_cell(qtbot, rounds.criteria_editor.table, 0, CriteriaModel.WEIGHT, "100")
    assert view.save_button.isEnabled(), [view.problem_list.item(i).text() for i in range(view.problem_list.count())]
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    stored = competitions.get_setup(db, code).rounds[2]
    assert (stored.name, stored.advancement.kind, stored.advancement.top_n) == (
        "Presentasi dan Wawancara", "top_n", 6)
    assert [c.weight for c in stored.criteria] == [D(100)]


def test_weighted_rounds_show_their_total(qtbot, draft, tmp_path):
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    box = view.rules.combination_box
    box.setCurrentIndex(box.findData("weighted"))
    box.activated.emit(box.currentIndex())
    assert "The round weights add up to 0; they must add up to exactly 100." in [
        view.problem_list.item(i).text().split(": ", 1)[1] for i in range(view.problem_list.count())]
    show_round(view, "prop")
    assert view.rounds.round_weights_label.text() == "Round weights: 0 / 100"
    view.rounds.weight_edit.selectAll()
    qtbot.keyClicks(view.rounds.weight_edit, "100")
    assert view.rounds.round_weights_label.text() == "Round weights: 100 / 100"
    assert view.save_button.isEnabled()


def test_trimmed_minimum_only_for_trimmed_mean(qtbot, draft, tmp_path):
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    rules = view.rules
    assert not rules.trimmed_box.isEnabled()
    rules.aggregation_box.setCurrentIndex(rules.aggregation_box.findData("trimmed_mean"))
    rules.aggregation_box.activated.emit(rules.aggregation_box.currentIndex())
    assert rules.trimmed_box.isEnabled()
    rules.trimmed_box.setValue(4)
    rules.incomplete_check.setChecked(True)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    stored = competitions.get_setup(db, code).rules
    assert (stored.aggregation, stored.trimmed_min_sheets, stored.allow_incomplete) == (
        "trimmed_mean", 4, True)


def test_tie_break_chain_editor(qtbot, draft, tmp_path):
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    rules = view.rules
    chain = [rules.chain.item(i).text() for i in range(rules.chain.count())]
    assert chain == ["1. Higher score on the heaviest criterion, then the next",
                     "2. Decision of the chair of the jury (with a reason)"]
    choices = [rules.metric_box.itemText(i) for i in range(rules.metric_box.count())]
    assert choices == ["Higher score in the later round", "More first places among the judges",
                       "Higher score on the criterion Kebaruan (A)",
                       "Higher score on the criterion Kemanfaatan (B)"]
    rules.metric_box.setCurrentIndex(3)
    qtbot.mouseClick(rules.add_metric_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(rules.metric_up_button, Qt.MouseButton.LeftButton)
    rules.chain.setCurrentRow(0)
    qtbot.mouseClick(rules.remove_metric_button, Qt.MouseButton.LeftButton)
    assert view.working.rules.tie_breaks == ("criterion:B", "chair_decision")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert competitions.get_setup(db, code).rules.tie_breaks == ("criterion:B", "chair_decision")


def test_categories_and_award_tiers(qtbot, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    view.tabs.setCurrentIndex(CATEGORIES)
    editor = view.categories_editor
    editor.select_row(0)
    assert not editor.remove_button.isEnabled()  # 'umum' has entries
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(cell_editor(editor.table), Qt.Key.Key_Escape)
    type_in_cell(qtbot, editor.table, 1, CategoriesModel.CODE, "kec")
    type_in_cell(qtbot, editor.table, 1, CategoriesModel.NAME, "Kecamatan")
    assert editor.remove_button.isEnabled()
    view.tabs.setCurrentIndex(TIERS)
    tiers = view.tiers_editor
    tiers.select_row(1)
    qtbot.mouseClick(tiers.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(cell_editor(tiers.table), Qt.Key.Key_Escape)
    type_in_cell(qtbot, tiers.table, 2, AwardTiersModel.LABEL, "Juara III")
    view.tiers.setData(view.tiers.index(2, AwardTiersModel.CATEGORY), "kec")
    type_in_cell(qtbot, tiers.table, 2, AwardTiersModel.CODE, "j1")
    assert "The award tier code 'j1' is used twice." in view.problem_list.item(0).text()
    type_in_cell(qtbot, tiers.table, 2, AwardTiersModel.CODE, "j3")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    stored = competitions.get_setup(sqlite_db, seeded.code)
    assert [c.code for c in stored.categories] == ["umum", "kec", "pd"]
    third = stored.award_tiers[2]
    assert (third.code, third.label, third.kind, third.rank_from, third.category) == (
        "j3", "Juara III", AwardKind.RANK, 3, "kec")


def test_discard_goes_back_to_the_stored_setup(qtbot, draft, tmp_path):
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    qtbot.keyClicks(view.rules.organiser_edit, " (baru)")
    view.dialogs.confirm_answers = [False]
    qtbot.mouseClick(view.discard_button, Qt.MouseButton.LeftButton)
    assert view.dirty()
    view.dialogs.confirm_answers = [True]
    qtbot.mouseClick(view.discard_button, Qt.MouseButton.LeftButton)
    assert not view.dirty()
    assert view.rules.organiser_edit.text() == "Bappeda Kota Contoh"
    assert competitions.get_setup(db, code) == tiny_setup()


def test_refresh_keeps_unsaved_edits(qtbot, draft, tmp_path):
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    qtbot.keyClicks(view.rules.organiser_edit, " (baru)")
    view.refresh()  # another view changed something
    assert view.rules.organiser_edit.text() == "Bappeda Kota Contoh (baru)"
    assert view.save_button.isEnabled()


def test_problem_list_leads_to_the_round(qtbot, draft, tmp_path):
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    show_round(view, "prop")
    type_in_cell(qtbot, view.rounds.criteria_editor.table, 0, CriteriaModel.WEIGHT, "10")
    view.tabs.setCurrentIndex(RULES)
    view.rounds.round_list.setCurrentRow(0)
    view.problem_list.itemActivated.emit(view.problem_list.item(0))
    assert view.tabs.currentIndex() == ROUNDS
    assert view.rounds.round_list.currentRow() == 1


def test_language_switch_retranslates_the_view(qtbot, qapp, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db)
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    show_round(view, "prop")
    translations = TranslationsForTest(qapp)
    try:
        translations.apply("id")
        QApplication.processEvents()  # LanguageChange reaches the widgets as events
        assert view.title_label.text().endswith("Penilaian")  # the status, from the catalogue
        assert view.back_button.text().endswith("Pendaftaran")
        step = view.rounds.criteria.index(1, CriteriaModel.STEP)
        assert view.rounds.criteria.data(step) == "0,5"  # Indonesian decimal comma
    finally:
        translations.restore()
    QApplication.processEvents()
    assert view.title_label.text().endswith("status: Judging")
