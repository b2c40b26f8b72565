"""Starting judge mode: on a database (choose who you are), on a package (its work file next
to it), and every way it can fail with a message instead of a traceback."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from judging_app.core.enums import CompetitionStatus
from judging_app.services import competitions, judge_mode, judge_packages
from judging_app.ui.judge import launch
from judging_app.ui.judge.database_session import DatabaseJudgeSession
from judging_app.ui.judge.dialogs import ConflictDialog, Identity, IdentityDialog
from judging_app.ui.judge.package_session import PackageJudgeSession

from test_judge_mode_support import ScriptedJudgeDialogs, judging_with_assignments
from test_ui_support import ScriptedDialogs, make_settings


@pytest.fixture
def judging(sqlite_db):
    return judging_with_assignments(sqlite_db)


@pytest.fixture
def start(qapp, tmp_path):
    started = []

    def run(db=None, package=None, ask=None, work=None):
        dialogs, ask = ScriptedDialogs(), ask or ScriptedJudgeDialogs()
        result = launch.start_judge(qapp, db, package, "en", make_settings(tmp_path), dialogs,
                                    ask, work_path=work)
        if result is not None:
            started.append(result)
        return result, dialogs, ask

    yield run
    for result in started:
        result.window.close()
        result.translations.uninstall()


def test_on_a_database_the_judge_chooses_who_they_are(judging, sqlite_db, start):
    ask = ScriptedJudgeDialogs()
    ask.identities = [Identity(judging.code, "prop", "J2")]
    result, dialogs, _ = start(db=str(sqlite_db.path), ask=ask)
    assert ask.asked == [("identity", [(judging.code, ["J1", "J2", "J3"])])]
    session = result.window.session
    assert isinstance(session, DatabaseJudgeSession)
    assert (session.info.judge_code, session.workspace.actor) == ("J2", "Juri 2 (J2)")
    assert [it.code for it in result.window.home.model.items()] == ["E1", "E4"]
    assert result.window.ask is ask and dialogs.asked == []


def test_cancelling_or_nothing_to_judge(judging, sqlite_db, start):
    result, dialogs, ask = start(db=str(sqlite_db.path))  # no identity chosen
    assert result is None and ask.kinds() == ["identity"]
    competitions.set_status(judging.ws, judging.code, CompetitionStatus.REGISTRATION)
    result, dialogs, ask = start(db=str(sqlite_db.path))
    assert result is None and ask.kinds() == []
    assert dialogs.asked[0][:2] == ("error", "Nothing to judge")


def test_on_a_package_the_work_file_sits_next_to_it(judging, tmp_path, start):
    package = judge_packages.export_package(judging.ws, judging.code, "prop", "J1", tmp_path)
    result, dialogs, _ = start(package=str(package))
    session = result.window.session
    assert isinstance(session, PackageJudgeSession)
    assert session.work_path == package.with_name(package.stem + ".work.jret")
    session.edit_score("E1", "A", D(3))
    assert session.work_path.exists() and dialogs.asked == []


def test_a_bad_package_and_a_foreign_work_file_are_explained(judging, tmp_path, start):
    bad = tmp_path / "bad.jpkg"
    bad.write_bytes(b'{"format": "something else"}')
    result, dialogs, _ = start(package=str(bad))
    assert result is None
    assert dialogs.asked[0][:2] == ("error", "Cannot open the judge package")
    assert "not a judging-app package" in dialogs.asked[0][4]
    work = tmp_path / "work.jret"
    work.write_text("not a return")
    package = judge_packages.export_package(judging.ws, judging.code, "prop", "J1", tmp_path)
    result, dialogs, _ = start(package=str(package), work=str(work))
    assert result is not None
    assert dialogs.asked[0][:2] == ("error", "Earlier work kept aside")
    assert [p.name for p in tmp_path.glob("work.jret.unused-*")]


def test_the_dialogs_without_running_them(qapp, judging, sqlite_db):
    dialog = IdentityDialog(None, judge_mode.judging_choices(sqlite_db))
    dialog.judge.setCurrentIndex(2)
    assert dialog.identity() == Identity(judging.code, "prop", "J3")
    conflict = ConflictDialog(None, "E1 · Inovasi 1")
    ok = conflict.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()  # professional needs no explanation
    conflict.reason.setCurrentIndex(conflict.reason.findData("other"))
    assert not ok.isEnabled()  # "other" does
    conflict.text.setPlainText("Pernah menjadi konsultan inovasi ini")
    assert ok.isEnabled() and conflict.answer().text == "Pernah menjadi konsultan inovasi ini"
    dialog.deleteLater()
    conflict.deleteLater()


def test_command_line():
    args = launch.build_parser().parse_args(["--package", "J1.jpkg", "--lang", "id"])
    assert (args.package, args.db, args.lang) == ("J1.jpkg", None, "id")
