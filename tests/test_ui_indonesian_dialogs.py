"""Under Indonesian, the refusals the window shows are Indonesian: the error dialogs of the
paths the view tests take (a refused tie decision, a taken entry code, a file that is not a
database), the Setup view's problem list, judge mode's refusals. Every text a dialog shows
(title, text, details) is checked for English (tests/english_check.py)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from judging_app.services import entries
from judging_app.services.entries import EntryInput
from judging_app.ui.i18n import message_text
from judging_app.ui.views.setup_tables import CriteriaModel

from english_check import english_words
from factories import seeded_competition
from test_ui_support import ScriptedDialogs, TranslationsForTest


@pytest.fixture
def indonesian(qapp):
    t = TranslationsForTest(qapp)
    t.apply("id")
    yield t
    t.restore()


def no_english(*texts: str, data: tuple[str, ...] = ()) -> dict[str, list[str]]:
    return {text: found for text in texts if (found := english_words(text, ignore=data))}


def errors(dialogs: ScriptedDialogs) -> list[tuple]:
    return [a for a in dialogs.asked if a[0] == "error"]


def test_a_refused_tie_decision(qtbot, sqlite_db, tmp_path, indonesian):
    from test_ui_view_results import TIED, open_view, score

    from judging_app.ui.views.results_decision import TieDecision

    s = seeded_competition(sqlite_db)
    score(s, TIED)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path, language="id")
    view.dialogs.decision = TieDecision(["E1", "E3"], "Prof. Ketua", "salah pilih")
    qtbot.mouseClick(view.ties_panel.decide, Qt.MouseButton.LeftButton)
    (error,) = errors(view.ctx.dialogs)
    assert "tidak ada nilai sama yang perlu diputuskan" in error[2]
    assert no_english(*error[1:]) == {}


def test_a_code_taken_meanwhile_in_the_entry_form(qtbot, sqlite_db, tmp_path, indonesian):
    from test_ui_view_entries import open_view
    from test_ui_view_entries_form import click, save_button

    s = seeded_competition(sqlite_db, n_entries=6, judging=False)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    entries.add_entry(s.ws, s.code, EntryInput("E50", "Sudah ada", "U1", "umum"))
    messages = []

    def fill_in(dialog) -> bool:
        qtbot.keyClicks(dialog.code, "E50")  # unknown to the view: it has not reloaded
        qtbot.keyClicks(dialog.title, "Baru")
        dialog.unit.setCurrentIndex(0)
        dialog.category.setCurrentIndex(0)
        click(qtbot, save_button(dialog))
        messages.append(dialog.problems.text())
        return False

    view.questions.dialog_scripts.append(fill_in)
    view.add_action.trigger()
    assert messages == ["Inovasi dengan kode 'E50' sudah ada."]


def test_a_file_that_is_not_a_database(qapp, tmp_path, indonesian):
    from judging_app.ui.opening import try_open

    bad = tmp_path / "catatan.sqlite"
    bad.write_text("bukan basis data", encoding="utf-8")
    db, problem = try_open(str(bad))
    assert db is None
    assert problem.details.startswith(f"{bad} bukan basis data judging_app")
    assert no_english(problem.summary, problem.details, data=(str(bad),)) == {}


def test_the_setup_views_problems(qtbot, sqlite_db, tmp_path, indonesian):
    from test_ui_view_setup import open_view, show_round

    s = seeded_competition(sqlite_db, judging=False)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    show_round(view, "prop")
    table = view.rounds.criteria_editor.table
    table.setCurrentIndex(table.model().index(0, CriteriaModel.WEIGHT))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "45,5")
    shown = [view.problem_list.item(i).text() for i in range(view.problem_list.count())]
    assert shown == ["Tahap “Penilaian proposal”: Jumlah bobot kriteria 105,5; jumlahnya harus "
                     "tepat 100."]
    assert no_english(*shown) == {}


def test_judge_mode_refusals(qapp, sqlite_db, tmp_path, indonesian):
    from judging_app.services import assignments, judge_packages
    from judging_app.ui.judge.package_session import PackageJudgeSession
    from judging_app.ui.judge.session import SessionError

    s = seeded_competition(sqlite_db)
    assignments.assign(s.ws, s.code, "prop", "J1", ["E1"])
    package = judge_packages.export_package(s.ws, s.code, "prop", "J1", tmp_path)
    session = PackageJudgeSession(package, tmp_path / "kerja.jret")
    session.edit_score("E1", "A", D(4))
    refusals = []
    for attempt in (lambda: session.submit("E1"),
                    lambda: session.edit_score("E1", "B", D(9)),
                    lambda: session.details("E99"),
                    lambda: session.declare_conflict("E1", "personal", "saudara")):
        with pytest.raises(SessionError) as caught:
            attempt()
        refusals += [message_text(caught.value), caught.value.details]
    assert "tidak dapat dikirim, kriteria yang belum diberi nilai: B" in refusals[0]
    assert no_english(*refusals) == {}
