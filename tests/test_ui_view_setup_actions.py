"""The Setup view's actions: status moves, locked rubrics and reopening them, a finalized
competition, new competitions from a template or a competition file, exporting the setup,
and refusals shown as messages."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt

from judging_app.core.enums import CompetitionStatus
from judging_app.exchange.competition_file import read_competition_file, write_competition_file
from judging_app.services import assignments, competitions, results, sheets
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace
from judging_app.ui.new_competition import NewCompetitionChoice
from judging_app.ui.views.setup_tables import CriteriaModel
from judging_app.ui.views.setup_view import SetupDialogs, SetupView

from factories import seeded_competition, tiny_setup
from test_ui_support import ScriptedDialogs
from ui_view_support import make_ctx

ROUNDS = 2
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("propagateSizeHints")]


class Answers(SetupDialogs):
    """Scripted answers; records every question."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple] = []
        self.confirm_answers: list[bool] = []
        self.reasons: list[str | None] = []
        self.import_paths: list[str | None] = []
        self.export_paths: list[str | None] = []

    def confirm(self, parent, title, text) -> bool:
        self.asked.append(("confirm", title, text))
        return self.confirm_answers.pop(0) if self.confirm_answers else False

    def ask_reason(self, parent, title, prompt) -> str | None:
        self.asked.append(("reason", title, prompt))
        return self.reasons.pop(0) if self.reasons else None

    def choose_file_to_import(self, parent, directory) -> str | None:
        self.asked.append(("import", directory))
        return self.import_paths.pop(0) if self.import_paths else None

    def choose_file_to_export(self, parent, path) -> str | None:
        self.asked.append(("export", path))
        return self.export_paths.pop(0) if self.export_paths else None


def open_view(qtbot, db, code, tmp_path, dialogs: ScriptedDialogs | None = None) -> SetupView:
    view = SetupView(make_ctx(db, code, tmp_path, dialogs=dialogs))
    view.dialogs = Answers()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.retranslate()
    view.refresh()
    return view


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def submit_one(seeded, judge: str = "J1", entry: str = "E1") -> None:
    ws, code = seeded.ws, seeded.code
    assignments.assign(ws, code, "prop", judge, [entry])
    sheets.save_sheet(ws, code, "prop", judge, entry, SheetInput({"A": D(4), "B": D("3.5")}))
    sheets.submit_sheet(ws, code, "prop", judge, entry)


def status(db, code) -> str:
    return competitions.get_summary(db, code).status


# -- status --------------------------------------------------------------------------------
def test_status_moves_forward_and_back_after_confirmation(qtbot, sqlite_db, tmp_path):
    code = competitions.create_competition(Workspace(sqlite_db, "Ani"), tiny_setup()).code
    view = open_view(qtbot, sqlite_db, code, tmp_path)
    changed = []
    view.changed.connect(lambda: changed.append(1))
    view.dialogs.confirm_answers = [False]
    click(qtbot, view.forward_button)
    assert status(sqlite_db, code) == "draft"
    assert view.dialogs.asked[-1][2] == "Move the competition from Draft to Registration?"
    view.dialogs.confirm_answers = [True]
    click(qtbot, view.forward_button)
    assert status(sqlite_db, code) == "registration" and changed == [1]
    assert view.notice.text() == "The competition is now in Registration."
    assert view.back_button.text() == "← Back to Draft"
    assert view.forward_button.text() == "Start judging →"
    view.dialogs.confirm_answers = [True]
    click(qtbot, view.forward_button)
    assert status(sqlite_db, code) == "judging"
    assert "Judges can then score" in view.dialogs.asked[-1][2]
    assert not view.forward_button.isVisible()  # finalizing is the Results view's job
    assert "finalizing is done in the Results view" in view.banner.text()
    view.dialogs.confirm_answers = [True]
    click(qtbot, view.back_button)
    assert status(sqlite_db, code) == "registration"


def test_status_move_keeps_unsaved_edits(qtbot, sqlite_db, tmp_path):
    code = competitions.create_competition(Workspace(sqlite_db, "Ani"), tiny_setup()).code
    view = open_view(qtbot, sqlite_db, code, tmp_path)
    qtbot.keyClicks(view.rules.organiser_edit, " Baru")
    view.dialogs.confirm_answers = [True]
    click(qtbot, view.forward_button)
    assert view.rules.organiser_edit.text() == "Bappeda Kota Contoh Baru" and view.dirty()


# -- locks ---------------------------------------------------------------------------------
def test_locked_round_is_read_only_with_the_reason(qtbot, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db)
    submit_one(seeded)
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    view.tabs.setCurrentIndex(ROUNDS)
    rounds = view.rounds
    assert rounds.round_list.item(1).text() == "2. Penilaian proposal (locked)"
    rounds.round_list.setCurrentRow(1)
    assert rounds.lock_banner.isVisible()
    assert rounds.lock_label.text().startswith("Judges have submitted 1 sheets in this round.")
    assert "reopen it: submitted sheets go back to draft" in rounds.lock_label.text()
    weight = rounds.criteria.index(0, CriteriaModel.WEIGHT)
    assert not rounds.criteria.flags(weight) & Qt.ItemFlag.ItemIsEditable
    assert not rounds.criteria_editor.add_button.isEnabled()
    assert not rounds.kind_box.isEnabled()
    assert rounds.code_edit.isReadOnly() and not rounds.remove_round_button.isEnabled()
    assert not rounds.levels_editor.add_button.isEnabled()
    # What is not the rubric may still change: the round's name.
    rounds.name_edit.selectAll()
    qtbot.keyClicks(rounds.name_edit, "Penilaian Proposal Tertulis")
    click(qtbot, view.save_button)
    assert competitions.get_setup(sqlite_db, seeded.code).rounds[1].name == "Penilaian Proposal Tertulis"
    rounds.round_list.setCurrentRow(0)
    assert not rounds.lock_banner.isVisible()


def test_reopen_rubric_asks_a_reason_and_unlocks(qtbot, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db)
    submit_one(seeded)
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    view.tabs.setCurrentIndex(ROUNDS)
    view.rounds.round_list.setCurrentRow(1)
    click(qtbot, view.rounds.reopen_button)  # cancelled: nothing happens
    assert sheets.get_sheet(sqlite_db, seeded.code, "prop", "J1", "E1").state == "submitted"
    view.dialogs.reasons = ["Bobot kriteria salah ketik"]
    click(qtbot, view.rounds.reopen_button)
    assert "round “Penilaian proposal”" in view.dialogs.asked[-1][2]
    sheet = sheets.get_sheet(sqlite_db, seeded.code, "prop", "J1", "E1")
    assert sheet.state == "draft"
    assert view.notice.text().startswith("The rubric is open again: 1 submitted sheet")
    assert not view.rounds.lock_banner.isVisible()
    assert view.rounds.criteria.flags(view.rounds.criteria.index(0, CriteriaModel.WEIGHT)) & (
        Qt.ItemFlag.ItemIsEditable)


def test_a_rubric_locked_meanwhile_is_refused_with_a_message(qtbot, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db)
    dialogs = ScriptedDialogs()
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path, dialogs)
    view.tabs.setCurrentIndex(ROUNDS)
    view.rounds.round_list.setCurrentRow(1)
    criteria = view.rounds.criteria
    criteria.setData(criteria.index(0, CriteriaModel.WEIGHT), "50")
    criteria.setData(criteria.index(1, CriteriaModel.WEIGHT), "50")
    submit_one(seeded)  # a judge submits while the secretariat edits
    click(qtbot, view.save_button)
    kind, title, text, _info, _details = dialogs.asked[-1]
    assert (kind, title) == ("error", "Cannot save the setup")
    assert "rubric of round 'prop' is locked" in text
    assert view.dirty()
    assert competitions.get_setup(sqlite_db, seeded.code).rounds[1].criteria[0].weight == D(40)


def test_saving_asks_first_when_draft_scores_would_be_cleared(qtbot, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db)
    assignments.assign(seeded.ws, seeded.code, "prop", "J1", ["E1"])
    sheets.save_sheet(seeded.ws, seeded.code, "prop", "J1", "E1", SheetInput({"A": D(4)}))
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    view.tabs.setCurrentIndex(ROUNDS)
    view.rounds.round_list.setCurrentRow(1)
    criteria = view.rounds.criteria
    criteria.setData(criteria.index(0, CriteriaModel.MAX), "10")  # the scale of A changes
    view.dialogs.confirm_answers = [False]
    click(qtbot, view.save_button)
    question = view.dialogs.asked[-1][2]
    assert "Penilaian proposal › Kebaruan" in question and "Kemanfaatan" not in question
    assert competitions.get_setup(sqlite_db, seeded.code).rounds[1].criteria[0].scale_max == D(5)
    assert sheets.get_sheet(sqlite_db, seeded.code, "prop", "J1", "E1").scores["A"] == D(4)
    view.dialogs.confirm_answers = [True]
    click(qtbot, view.save_button)
    assert competitions.get_setup(sqlite_db, seeded.code).rounds[1].criteria[0].scale_max == D(10)
    assert sheets.get_sheet(sqlite_db, seeded.code, "prop", "J1", "E1").scores.get("A") is None


def test_finalized_competition_is_read_only_with_an_explanation(qtbot, sqlite_db, tmp_path):
    from decimal import Decimal

    from judging_app.core.enums import EntryStatus
    from judging_app.services import assignments, entries, sheets

    seeded = seeded_competition(sqlite_db)
    assignments.assign(seeded.ws, seeded.code, "prop", "J1", ["E1"])
    sheets.save_sheet(seeded.ws, seeded.code, "prop", "J1", "E1",
                      sheets.SheetInput({"A": Decimal(4), "B": Decimal(4)}))
    sheets.submit_sheet(seeded.ws, seeded.code, "prop", "J1", "E1")
    entries.set_entry_status(seeded.ws, seeded.code, ["E2", "E3", "E4"], EntryStatus.WITHDRAWN,
                             "tidak dinilai")
    results.finalize(seeded.ws, seeded.code)
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    assert view.banner.isVisible()
    assert view.banner.text().startswith("This competition is finalized")
    assert not view.back_button.isVisible() and not view.forward_button.isVisible()
    assert view.rules.name_edit.isReadOnly() and not view.rules.aggregation_box.isEnabled()
    assert not view.rules.add_metric_button.isEnabled()
    assert not view.categories_editor.add_button.isEnabled()
    assert not view.categories.flags(view.categories.index(1, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not view.tiers_editor.add_button.isEnabled()
    view.rounds.round_list.setCurrentRow(1)
    assert view.rounds.name_edit.isReadOnly() and not view.rounds.add_round_button.isEnabled()
    assert not view.rounds.criteria_editor.add_button.isEnabled()
    assert not view.save_button.isEnabled()
    assert view.export_action.isEnabled()


# -- new competitions and files ------------------------------------------------------------
def test_new_competition_from_a_template(qtbot, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    dialogs = ScriptedDialogs()
    dialogs.new_competition_answers = [NewCompetitionChoice("iga_presentation", "IGA Kota Contoh", 2027)]
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path, dialogs)
    view.template_action.trigger()
    created = [c for c in competitions.list_competitions(sqlite_db) if c.code != seeded.code]
    assert [(c.name, c.year, c.status) for c in created] == [("IGA Kota Contoh", 2027, "draft")]
    assert view.notice.text().startswith("Competition “IGA Kota Contoh” (")
    assert view.ctx.competition == seeded.code  # this view still shows its own competition


def test_new_competition_from_a_competition_file(qtbot, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    path = tmp_path / "lomba.json"
    write_competition_file(path, tiny_setup(name="Lomba dari Berkas", year=2027))
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    view.dialogs.import_paths = [str(path)]
    view.import_action.trigger()
    created = [c for c in competitions.list_competitions(sqlite_db) if c.code != seeded.code]
    assert [(c.name, c.year) for c in created] == [("Lomba dari Berkas", 2027)]
    assert competitions.get_setup(sqlite_db, created[0].code) == tiny_setup(name="Lomba dari Berkas", year=2027)
    assert view.ctx.settings.last_directory == str(tmp_path)


def test_a_broken_competition_file_is_refused_with_its_problems(qtbot, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    path = tmp_path / "rusak.json"
    write_competition_file(path, tiny_setup())
    data = json.loads(path.read_text(encoding="utf-8"))
    data["competition"]["rounds"][1]["criteria"][0]["weight"] = 45
    data["competition"]["year"] = "dua ribu"
    path.write_text(json.dumps(data), encoding="utf-8")
    dialogs = ScriptedDialogs()
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path, dialogs)
    view.dialogs.import_paths = [str(path)]
    view.import_action.trigger()
    kind, title, text, informative, _details = dialogs.asked[-1]
    assert (kind, title) == ("error", "Cannot import the competition file")
    assert "rusak.json" in text
    assert "competition.year" in text + informative
    assert len(competitions.list_competitions(sqlite_db)) == 1


def test_cancelled_file_choice_does_nothing(qtbot, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    view.import_action.trigger()
    view.export_action.trigger()
    assert [a[0] for a in view.dialogs.asked] == ["import", "export"]
    assert len(competitions.list_competitions(sqlite_db)) == 1


def test_export_writes_the_saved_setup(qtbot, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    qtbot.keyClicks(view.rules.organiser_edit, " (belum disimpan)")
    target = tmp_path / "keluar" / "setup.json"
    target.parent.mkdir()
    view.dialogs.export_paths = [str(target)]
    view.export_action.trigger()
    assert view.dialogs.asked[-1][1].endswith(f"{seeded.code}.json")
    assert read_competition_file(target) == competitions.get_setup(sqlite_db, seeded.code)
    assert view.notice.text() == f"The saved setup was exported to {target}."


def test_export_into_a_missing_folder_is_refused(qtbot, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    dialogs = ScriptedDialogs()
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path, dialogs)
    view.dialogs.export_paths = [str(tmp_path / "tidak-ada" / "setup.json")]
    view.export_action.trigger()
    assert dialogs.asked[-1][:2] == ("error", "Cannot export the setup")


def test_status_is_read_from_the_database(qtbot, sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    competitions.set_status(seeded.ws, seeded.code, CompetitionStatus.REGISTRATION)
    competitions.set_status(seeded.ws, seeded.code, CompetitionStatus.JUDGING)
    view.refresh()
    assert view.title_label.text().endswith("status: Judging")
