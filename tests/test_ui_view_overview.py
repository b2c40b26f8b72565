"""The overview is the landing page of an opened competition: its stage, counts and the
next step as buttons that lead to the right view or do the step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from judging_app.core.enums import CompetitionStatus
from judging_app.services import competitions
from judging_app.services.dashboard import NextAction, Stage
from judging_app.services.workspace import Workspace
from judging_app.ui.views.overview_view import OverviewView
from judging_app.ui.workspace import CompetitionWorkspace

from factories import tiny_setup
from ui_view_support import make_ctx


def test_a_draft_competition_says_check_the_setup_then_open_registration(qtbot, sqlite_db,
                                                                          tmp_path):
    code = competitions.create_competition(Workspace(sqlite_db, "X"), tiny_setup()).code
    view = OverviewView(make_ctx(sqlite_db, code, tmp_path))
    qtbot.addWidget(view)
    view.refresh()
    assert view.stage_labels[Stage.SETUP].text() == "Setup"
    assert "font-weight: bold" in view.stage_labels[Stage.SETUP].styleSheet()
    assert "Check the categories" in view.next_text.text()
    buttons = view.action_buttons
    assert list(buttons) == [NextAction.CHECK_SETUP, NextAction.OPEN_REGISTRATION]
    went = []
    view.navigate.connect(went.append)
    qtbot.mouseClick(buttons[NextAction.CHECK_SETUP], Qt.MouseButton.LeftButton)
    assert went == ["setup"]
    view.dialogs.confirm = lambda *_a: False  # cancelled: nothing changes
    qtbot.mouseClick(view.action_buttons[NextAction.OPEN_REGISTRATION], Qt.MouseButton.LeftButton)
    assert competitions.get_summary(sqlite_db, code).status == "draft"
    view.dialogs.confirm = lambda *_a: True
    qtbot.mouseClick(view.action_buttons[NextAction.OPEN_REGISTRATION], Qt.MouseButton.LeftButton)
    assert competitions.get_summary(sqlite_db, code).status == CompetitionStatus.REGISTRATION
    assert list(view.action_buttons) == [NextAction.ADD_ENTRIES]  # reloaded after the step


def test_the_workspace_lands_on_the_overview_and_its_buttons_lead_on(qtbot, sqlite_db, tmp_path):
    from judging_app.demo.generator import build_demo

    demo = build_demo(Workspace(sqlite_db, "X"), entries=20, judges=4, scored=True)
    workspace = CompetitionWorkspace(make_ctx(sqlite_db, demo.code, tmp_path))
    qtbot.addWidget(workspace)
    workspace.show()
    assert workspace.current_key() == "overview"
    view = workspace.views["overview"]
    assert view.data.stage == Stage.JUDGING
    r = view.data.round
    assert view.cards["sheets"].number.text() == f"{r.submitted} / {r.expected}"
    assert view.cards["entries"].number.text() == "20"
    # the blocking ties were computed (the test runner is synchronous): a number, not "…"
    assert view.cards["results"].number.text().isdigit()
    qtbot.mouseClick(view.action_buttons[NextAction.FOLLOW_PROGRESS], Qt.MouseButton.LeftButton)
    assert workspace.current_key() == "progress"
