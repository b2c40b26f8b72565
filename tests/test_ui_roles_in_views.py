"""On a protected database the overview's and the winners page's buttons go through the same
role checks as every other write (issue 10): moving the status needs the secretariat,
deciding a tie the chair. A refusal is said in words, in the chosen language, and nothing
changes."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from security_support import PASSWORD, register_panel, score_all
from test_ui_view_results import Answers, TieDecision

from judging_app.core.enums import CompetitionStatus
from judging_app.services import competitions, people, results
from judging_app.services.dashboard import NextAction
from judging_app.ui.views.overview_view import OverviewView
from judging_app.ui.views.results_view import ResultsView

from factories import tiny_setup
from ui_view_support import make_ctx

JUDGES = ("J1", "J2", "J3")
# Perangkat Daerah: E2 and E4 score alike on every sheet, a tie on Juara I / II that no
# criterion breaks; General: E1 ahead of E3
SCORES = {"E1": dict.fromkeys(JUDGES, (5, 5)), "E3": dict.fromkeys(JUDGES, (3, 3)),
          "E2": dict.fromkeys(JUDGES, (4, 4)), "E4": dict.fromkeys(JUDGES, (4, 4))}


def signed_in_ctx(db, code: str, tmp_path, login: str, language: str = "en"):
    """A view context as the main window makes it for a signed-in person."""
    person = people.sign_in(db, login, PASSWORD)
    return dataclasses.replace(make_ctx(db, code, tmp_path, language=language,
                                        actor=person.name),
                               actor=lambda _parent: person, signed_in=lambda: person)


def test_only_the_secretariat_opens_registration_from_the_overview(qtbot, sqlite_db, tmp_path):
    panel = register_panel(sqlite_db)
    code = competitions.create_competition(panel.ws("sekre"), tiny_setup()).code

    def overview(login: str) -> OverviewView:
        view = OverviewView(signed_in_ctx(sqlite_db, code, tmp_path, login))
        qtbot.addWidget(view)
        view.dialogs.confirm = lambda *_a: True
        view.refresh()
        return view

    chair = overview("ketua")
    qtbot.mouseClick(chair.action_buttons[NextAction.OPEN_REGISTRATION],
                     Qt.MouseButton.LeftButton)
    (refusal,) = [a for a in chair.ctx.dialogs.asked if a[0] == "error"]
    assert refusal[1] == "Cannot change the status"
    assert refusal[2] == ("Ketua Dewan Juri may not do this: it needs the role secretariat. "
                          "Nothing was changed.")
    assert competitions.get_summary(sqlite_db, code).status == CompetitionStatus.DRAFT

    secretariat = overview("sekre")
    qtbot.mouseClick(secretariat.action_buttons[NextAction.OPEN_REGISTRATION],
                     Qt.MouseButton.LeftButton)
    assert [a for a in secretariat.ctx.dialogs.asked if a[0] == "error"] == []
    assert competitions.get_summary(sqlite_db, code).status == CompetitionStatus.REGISTRATION


def test_only_the_chair_decides_a_tie_from_the_winners_page(qtbot, sqlite_db, tmp_path,
                                                          translations):
    panel = register_panel(sqlite_db)
    score_all(panel, SCORES)

    def winners(login: str, language: str = "en") -> ResultsView:
        view = ResultsView(signed_in_ctx(sqlite_db, panel.code, tmp_path, login, language))
        view.dialogs = Answers()
        view.dialogs.decision = TieDecision(["E4", "E2"], "Ketua Dewan Juri", "Dibahas di pleno")
        qtbot.addWidget(view)
        view.show()
        view.refresh()
        return view

    secretariat = winners("sekre")
    (decide,) = secretariat.winners.decide_buttons
    qtbot.mouseClick(decide, Qt.MouseButton.LeftButton)
    (refusal,) = [a for a in secretariat.ctx.dialogs.asked if a[0] == "error"]
    assert refusal[1] == "Cannot record the decision"
    assert refusal[2] == ("Sekretariat Satu may not do this: it needs the role chair of the "
                          "panel. Nothing was changed.")
    assert results.compute(sqlite_db, panel.code).results.blocking_ties
    translations.apply("id")  # the same refusal in Indonesian
    qtbot.mouseClick(decide, Qt.MouseButton.LeftButton)
    assert secretariat.ctx.dialogs.asked[-1][2] == (
        "Sekretariat Satu tidak berwenang melakukan ini: diperlukan peran ketua dewan juri. "
        "Tidak ada yang diubah.")
    translations.apply("en")

    chair = winners("ketua")
    (decide,) = chair.winners.decide_buttons
    qtbot.mouseClick(decide, Qt.MouseButton.LeftButton)
    assert [a for a in chair.ctx.dialogs.asked if a[0] == "error"] == []
    computed = results.compute(sqlite_db, panel.code)
    ranks = {computed.entries[r.entry_id].code: r.rank for r in computed.results.rows}
    assert (ranks["E4"], ranks["E2"]) == (1, 2)  # as the chair decided
