"""Signing in from the GUI: a protected database opens only for a signed-in person, the
status bar says who and whether verified, the secretariat manages people in a dialog,
and judge mode on a protected database offers only the signed-in judge's own rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from security_support import PASSWORD, register_panel
from sqlalchemy import select

from judging_app.core.people import Role
from judging_app.services import people
from judging_app.store.database import open_database
from judging_app.store.models import AuditEvent
from judging_app.ui import launch
from judging_app.ui.judge import launch as judge_launch
from judging_app.ui.people_dialog import PeopleDialog, PersonAnswer, PersonDialog
from judging_app.ui.sign_in import SignInDialog

from test_judge_mode_support import ScriptedJudgeDialogs
from test_ui_support import ScriptedDialogs, make_settings


class SignInDialogs(ScriptedDialogs):
    def __init__(self, answers=()):
        super().__init__()
        self.sign_ins = list(answers)
        self.people_answers: list = []
        self.passwords: list[tuple[str, str]] = []

    def ask_sign_in(self, parent, where, problem="", login=""):
        self.asked.append(("sign_in", problem))
        return self.sign_ins.pop(0) if self.sign_ins else None

    def ask_person(self, parent, judges, person=None):
        self.asked.append(("person", [f"{j.competition}/{j.judge}" for j in judges]))
        return self.people_answers.pop(0) if self.people_answers else None

    def show_password(self, parent, login, password):
        self.passwords.append((login, password))

    def confirm(self, parent, title, text):
        return True


@pytest.fixture
def protected_file(tmp_path):
    path = tmp_path / "lomba.sqlite"
    db = open_database(path)
    panel = register_panel(db)
    db.close()
    return path, panel.code


@pytest.fixture
def start(qapp, qtbot, tmp_path):
    sessions = []

    def run(target, dialogs):
        session = launch.start(qapp, str(target), "en", make_settings(tmp_path), dialogs)
        if session is not None:
            qtbot.addWidget(session.window)
            sessions.append(session)
        return session

    yield run
    for session in sessions:
        session.translations.uninstall()
    QLocale.setDefault(QLocale.system())


def test_a_protected_database_opens_only_for_a_signed_in_person(protected_file, start):
    path, _ = protected_file
    dialogs = SignInDialogs([("sekre", "salah-sekali"), ("sekre", PASSWORD)])
    session = start(path, dialogs)
    assert dialogs.kinds() == ["sign_in", "sign_in"]  # no name asked: a sign-in instead
    assert dialogs.asked[1][1] == "The login or the password is not right (or the person is disabled)."
    window = session.window
    assert window.principal.login == "sekre"
    assert window.actor_label.text() == "Signed in: Sekretariat Satu (secretariat) · verified"
    assert not window.protect_action.isEnabled()
    assert start(path, SignInDialogs()) is None  # cancelled: the database stays closed


def test_writes_from_the_window_are_recorded_under_the_signed_in_person(protected_file, start):
    path, _ = protected_file
    session = start(path, SignInDialogs([("sekre", PASSWORD)]))
    window = session.window
    window.dialogs.new_competition_answers = []
    from judging_app.ui.new_competition import NewCompetitionChoice

    window.dialogs.new_competition_answers.append(
        NewCompetitionChoice("city_competition", "Lomba Kedua", 2027))
    assert window.create_competition()
    with window.db.read() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (last.action, last.actor, last.verified) == ("competition.create",
                                                        "Sekretariat Satu", True)


def test_the_secretariat_manages_people_in_a_dialog(qtbot, sqlite_db):
    panel = register_panel(sqlite_db)
    dialogs = SignInDialogs()
    dialog = PeopleDialog(sqlite_db, people.sign_in(sqlite_db, "sekre", PASSWORD), dialogs)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 7
    dialogs.people_answers.append(PersonAnswer("dewi", "Dewi Lestari", "", (Role.JUDGE,),
                                               ((panel.code, "J3"),), None))
    with pytest.raises(Exception, match="already linked"):  # J3 belongs to juri3
        people.add_person(panel.ws("sekre"), people.PersonInput(
            "x_y", "X", "", (Role.JUDGE,), ((panel.code, "J3"),)), PASSWORD)
    dialog.add_person()
    assert dialogs.kinds()[-1] == "error"  # the same refusal, shown in the dialog
    dialogs.people_answers.append(PersonAnswer("dewi", "Dewi Lestari", "", (Role.OBSERVER,),
                                               (), None))
    dialog.add_person()
    (login, password), = dialogs.passwords
    assert login == "dewi" and people.sign_in(sqlite_db, "dewi", password).name == "Dewi Lestari"
    row = next(i for i, p in enumerate(dialog.rows) if p.login == "juri2")
    dialog.table.selectRow(row)
    dialog.toggle_disabled()
    assert next(p for p in dialog.rows if p.login == "juri2").disabled
    assert dialog.table.item(row, 4).text() == "disabled"
    dialog.reset_password()
    assert dialogs.passwords[-1][0] == "juri2"


def test_the_person_dialog_suggests_a_login_and_needs_a_role(qtbot):
    dialog = PersonDialog([people.JudgeChoice("kota-2026", "J01", "Dr. Rina")])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.keyClicks(dialog.name_edit, "Dr. Siti Aminah")
    assert dialog.login_edit.text() == "siti_aminah"
    dialog.generate_box.setChecked(True)
    assert not ok.isEnabled()  # no role yet
    dialog.role_boxes[Role.JUDGE].setChecked(True)
    dialog.judge_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert ok.isEnabled()
    assert dialog.answer() == PersonAnswer("siti_aminah", "Dr. Siti Aminah", "", (Role.JUDGE,),
                                           (("kota-2026", "J01"),), None)


def test_the_sign_in_dialog_needs_a_login_and_a_password(qtbot):
    dialog = SignInDialog(None, "lomba.sqlite", "", "sekre")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.password_edit, "rahasia")
    assert ok.isEnabled() and dialog.credentials() == ("sekre", "rahasia")
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password


def test_judge_mode_on_a_protected_database_offers_the_judges_own_rows(protected_file, qapp,
                                                                        tmp_path):
    path, code = protected_file
    dialogs, ask = SignInDialogs([("juri2", PASSWORD)]), ScriptedJudgeDialogs()
    from judging_app.ui.judge.dialogs import Identity

    ask.identities = [Identity(code, "prop", "J2")]
    started = judge_launch.start_judge(qapp, str(path), None, "en", make_settings(tmp_path),
                                       dialogs, ask)
    try:
        assert ask.asked == [("identity", [(code, ["J2"])])]
        assert started.window.session.workspace.principal.login == "juri2"
    finally:
        started.window.close()
        started.translations.uninstall()
