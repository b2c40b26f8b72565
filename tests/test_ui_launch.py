"""Starting the GUI: arguments, opening the database (and what happens when that fails),
asking who is working. Dialogs are answered by a stand-in, so nothing blocks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from judging_app.store.database import (
    DamagedDatabaseError,
    DatabaseOpenError,
    NewerDatabaseError,
    default_database_path,
    open_database,
)
from judging_app.ui import launch
from judging_app.ui.dialogs import Dialogs, OpenFailedChoice
from judging_app.ui.opening import describe_target

from test_ui_support import ScriptedDialogs, add_competition, make_settings


@pytest.fixture
def settings(tmp_path):
    return make_settings(tmp_path)


@pytest.fixture
def dialogs():
    return ScriptedDialogs()


@pytest.fixture
def started(qapp, qtbot, settings, dialogs):
    """start() with the test's settings and dialogs; windows closed and the language put
    back to English afterwards."""
    sessions = []

    def run(target, lang="en", opener=open_database):
        session = launch.start(qapp, target, lang, settings, dialogs, opener)
        if session is not None:
            qtbot.addWidget(session.window)
            sessions.append(session)
        return session

    yield run
    for session in sessions:
        session.translations.uninstall()
    QLocale.setDefault(QLocale.system())


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "good.sqlite"
    db = open_database(path)
    add_competition(db, name="Lomba yang baik")
    db.close()
    return path


@pytest.fixture
def bad_file(tmp_path):
    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database")
    return path


def test_arguments():
    args = launch.build_parser().parse_args(["--db", "postgresql://h/db", "--lang", "id"])
    assert (args.db, args.lang) == ("postgresql://h/db", "id")
    args = launch.build_parser().parse_args([])
    assert (args.db, args.lang) == (None, None)
    with pytest.raises(SystemExit):
        launch.build_parser().parse_args(["--lang", "fr"])


def test_start_opens_the_database_and_asks_who_is_working_once(started, good_file, dialogs, settings):
    session = started(str(good_file))
    assert session.window.db.path == good_file.resolve()
    assert session.window.competitions.table.model().rowCount() == 1
    assert dialogs.kinds() == ["actor"]
    assert settings.actor_name == "Budi Santoso"
    assert session.window.actor_label.text() == "Working as: Budi Santoso · name not verified"
    assert settings.recent_databases == [str(good_file.resolve())]
    session.window.close()
    assert started(str(good_file)) is not None
    assert dialogs.kinds() == ["actor"]  # remembered: not asked again


def test_lang_argument_wins_for_the_session_without_being_saved(started, good_file, settings):
    settings.language = "en"
    session = started(str(good_file), lang="id")
    assert session.translations.language == "id"
    assert session.window.count_label.text() == "1 kompetisi"
    assert settings.language == "en"


def test_saved_language_is_used_without_argument(started, good_file, settings):
    settings.language = "id"
    session = started(str(good_file), lang=None)
    assert session.translations.language == "id"


def test_unopenable_file_then_quit(started, bad_file, dialogs):
    assert started(str(bad_file)) is None
    kind, location, reason, details = dialogs.asked[0]
    assert kind == "open_failed"
    assert location == str(bad_file)
    assert reason.startswith("It is not a database of this app.")
    assert "not a judging_app database" in details
    assert dialogs.kinds() == ["open_failed"]


def test_explanations_are_translated(started, bad_file, dialogs):
    assert started(str(bad_file), lang="id") is None
    assert dialogs.asked[0][2].startswith("Ini bukan basis data aplikasi ini.")


def test_unopenable_file_then_another_one(started, bad_file, good_file, dialogs):
    dialogs.open_failed_answers = [OpenFailedChoice.OPEN_OTHER]
    dialogs.open_answers = [str(good_file)]
    session = started(str(bad_file))
    assert session is not None
    assert session.window.db.path == good_file.resolve()
    assert dialogs.kinds() == ["open_failed", "choose_open", "actor"]


def test_cancelling_the_file_dialog_asks_again(started, bad_file, tmp_path, dialogs):
    other_bad = tmp_path / "also-bad.sqlite"
    other_bad.write_text("nope")
    dialogs.open_failed_answers = [OpenFailedChoice.OPEN_OTHER, OpenFailedChoice.OPEN_OTHER]
    dialogs.open_answers = [None, str(other_bad)]
    assert started(str(bad_file)) is None
    assert dialogs.kinds() == ["open_failed", "choose_open", "open_failed", "choose_open", "open_failed"]
    assert dialogs.asked[-1][1] == str(other_bad)


def test_newer_database_message_is_shown(started, dialogs, tmp_path):
    def newer(_target):
        raise NewerDatabaseError("x.sqlite was made by a newer version of judging_app")

    assert started(str(tmp_path / "x.sqlite"), opener=newer) is None
    _kind, _location, reason, details = dialogs.asked[0]
    assert reason.startswith("It was made by a newer version of this app.")
    assert details == "x.sqlite was made by a newer version of judging_app"


def test_unexpected_errors_become_a_message(started, dialogs, tmp_path):
    def broken(_target):
        raise PermissionError("permission denied")

    assert started(str(tmp_path / "x.sqlite"), opener=broken) is None
    _kind, _location, reason, details = dialogs.asked[0]
    assert reason == "An unexpected error happened while opening the database."
    assert details == "PermissionError: permission denied"


@pytest.mark.parametrize(
    ("error", "start"),
    [
        (DamagedDatabaseError("damaged"), "The file is damaged."),
        (DatabaseOpenError("x does not exist."), "The database does not exist or cannot be reached."),
    ],
)
def test_each_kind_of_open_error_has_its_explanation(started, dialogs, tmp_path, error, start):
    def failing(_target):
        raise error

    assert started(str(tmp_path / "x.sqlite"), opener=failing) is None
    assert dialogs.asked[0][2].startswith(start)
    assert dialogs.asked[0][3] == str(error)


def test_no_target_means_the_default_file(started, dialogs, tmp_path):
    asked_for = []

    def opener(target):
        asked_for.append(target)
        return open_database(tmp_path / "stand-in-for-default.sqlite")

    assert started(None, opener=opener) is not None
    assert asked_for == [None]
    assert describe_target(None) == str(default_database_path())


def test_url_targets_are_shown_without_password():
    assert describe_target("postgresql://judge:secret@db.example/kipp") == (
        "postgresql://judge:***@db.example/kipp"
    )


def test_run_gui_returns_without_blocking_when_the_person_quits(qapp, settings, bad_file):
    try:
        assert launch.run_gui(str(bad_file), "id", settings=settings, dialogs=ScriptedDialogs()) == 1
    finally:
        QLocale.setDefault(QLocale.system())
    assert qapp.translate("MainWindow", "Judging App") == "Judging App"  # nothing left installed


def test_open_failed_message_box_in_indonesian(qapp, started, good_file):
    started(str(good_file), lang="id")  # installs the Indonesian catalogues
    box, open_button = Dialogs().open_failed_box(None, "/data/x.sqlite", "alasan", "details")
    try:
        assert box.windowTitle() == "Basis data tidak dapat dibuka"
        assert (box.informativeText(), box.detailedText()) == ("alasan", "details")
        assert box.text() == "Basis data /data/x.sqlite tidak dapat dibuka."
        assert open_button.text() == "Buka basis data lain…"
        texts = {b.text() for b in box.buttons()}
        assert {"Buka basis data lain…", "Keluar", "Tampilkan Detail..."} <= texts
    finally:
        box.deleteLater()
