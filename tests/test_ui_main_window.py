"""The main window on a real database: competitions, empty state, menus, status bar,
switching language, opening other databases."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu

import judging_app
from judging_app.store.database import open_database
from judging_app.ui import main_window as main_window_module
from judging_app.ui.competition_table import COL_NAME, COL_STATUS, COLUMN_COUNT
from judging_app.ui.i18n import LANGUAGE_NAMES
from judging_app.ui.main_window import MainWindow

from test_ui_support import (
    ScriptedDialogs,
    add_competition,
    english_sources,
    make_settings,
    strip_mnemonic,
)

# Words that are the same in both languages on purpose (checked, not forgotten).
SAME_IN_BOTH = {"Status", "Server", *LANGUAGE_NAMES.values()}


@pytest.fixture
def settings(tmp_path):
    s = make_settings(tmp_path)
    s.actor_name = "Budi Santoso"
    return s


@pytest.fixture
def dialogs():
    return ScriptedDialogs()


@pytest.fixture
def make_window(qtbot, settings, dialogs, translations):
    def make(db) -> MainWindow:
        window = MainWindow(db, settings, dialogs, translations)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def menu_texts(menu: QMenu) -> list[str]:
    out = [menu.title()]
    for action in menu.actions():
        if action.menu():
            out += menu_texts(action.menu())
        elif not action.isSeparator():
            out.append(action.text())
    return out


def visible_texts(window: MainWindow) -> list[str]:
    """Every text a person can see: title, menus and their actions, labels (both pages of
    the competitions stack), buttons, table headers, status bar."""
    window._fill_recent_menu()
    texts = [window.windowTitle()]
    for action in window.menuBar().actions():
        texts += menu_texts(action.menu())
    texts += [label.text() for label in window.findChildren(QLabel)]
    texts += [button.text() for button in window.findChildren(QAbstractButton) if button.text()]
    model = window.competitions.table.model()
    texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(COLUMN_COUNT)]
    return [strip_mnemonic(t) for t in texts if t]


def test_lists_the_competitions_in_the_database(make_window, sqlite_db):
    add_competition(sqlite_db, name="Lomba Inovasi Daerah", year=2024)
    add_competition(sqlite_db, name="KIPP Kota Contoh", year=2025)
    window = make_window(sqlite_db)
    model = window.competitions.table.model()
    assert not window.competitions.is_empty_state()
    assert window.competitions.table.isVisible()
    names = [model.index(r, COL_NAME).data() for r in range(model.rowCount())]
    assert names == ["KIPP Kota Contoh", "Lomba Inovasi Daerah"]
    assert model.index(0, COL_STATUS).data() == "Draft"
    assert window.count_label.text() == "2 competitions"
    assert window.database_label.text() == f"Database: {sqlite_db.display_name()}"
    assert window.actor_label.text() == "Working as: Budi Santoso · name not verified"
    assert "Judging App" in window.windowTitle()
    assert sqlite_db.path.name in window.windowTitle()


def test_empty_database_offers_the_ways_in(make_window, sqlite_db):
    window = make_window(sqlite_db)
    start = window.competitions.empty_page
    assert window.competitions.is_empty_state()
    assert start.title.isVisible()
    assert start.title.text() == "Welcome. How do you want to start?"
    titles = [strip_mnemonic(b.title) for b in start.actions.values()]
    assert titles == ["New competition from a template", "Try with demo data", "Open a file",
                      "Connect to a server"]
    assert all(b.isVisible() for b in start.actions.values())
    assert window.count_label.text() == "0 competitions"


def test_one_competition_is_singular(make_window, sqlite_db):
    add_competition(sqlite_db)
    assert make_window(sqlite_db).count_label.text() == "1 competition"


def test_menus_and_shortcuts(make_window, sqlite_db):
    window = make_window(sqlite_db)
    titles = [strip_mnemonic(a.text()) for a in window.menuBar().actions()]
    assert titles == ["File", "View", "Help"]
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert [a.text() for a in window.language_menu.actions()] == ["Bahasa Indonesia", "English"]
    assert window.language_actions["en"].isChecked()


def test_language_switch_changes_visible_texts_and_is_remembered(make_window, sqlite_db, settings):
    add_competition(sqlite_db)
    window = make_window(sqlite_db)
    english = visible_texts(window)
    window.language_actions["id"].trigger()
    assert settings.language == "id"
    assert window.language_actions["id"].isChecked()
    indonesian = visible_texts(window)
    assert len(english) == len(indonesian)
    unchanged = [e for e, i in zip(english, indonesian, strict=True) if e == i and e not in SAME_IN_BOTH]
    assert unchanged == []
    assert "Berkas" in indonesian
    assert window.count_label.text() == "1 kompetisi"
    assert window.actor_label.text() == "Petugas: Budi Santoso · nama tidak terverifikasi"
    assert window.competitions.table.model().index(0, COL_STATUS).data() == "Draf"
    window.language_actions["en"].trigger()
    assert visible_texts(window) == english
    assert settings.language == "en"


@pytest.mark.parametrize("with_competitions", [True, False])
def test_no_english_left_under_indonesian(make_window, sqlite_db, translations, with_competitions):
    if with_competitions:
        add_competition(sqlite_db)
    translations.apply("id")
    window = make_window(sqlite_db)
    sources = {strip_mnemonic(s) for s in english_sources()} - SAME_IN_BOTH
    texts = visible_texts(window)
    assert "Aplikasi Penjurian" in window.windowTitle()
    assert [t for t in texts if t in sources] == []
    assert window.competitions.is_empty_state() is not with_competitions


def test_open_another_database(make_window, sqlite_db, dialogs, settings, tmp_path):
    other_path = tmp_path / "other.sqlite"
    other = open_database(other_path)
    add_competition(other, name="Lomba di berkas lain")
    other.close()
    window = make_window(sqlite_db)
    dialogs.open_answers = [str(other_path)]
    window.open_action.trigger()
    assert window.db.path == other_path.resolve()
    assert window.competitions.table.model().index(0, COL_NAME).data() == "Lomba di berkas lain"
    assert settings.recent_databases[0] == str(other_path.resolve())
    assert settings.last_directory == str(tmp_path.resolve())
    assert window.database_label.text().endswith(str(other_path.resolve()))
    assert dialogs.kinds() == ["choose_open"]


def test_open_cancelled_keeps_the_database(make_window, sqlite_db, dialogs):
    window = make_window(sqlite_db)
    window.open_action.trigger()
    assert window.db is sqlite_db
    assert dialogs.kinds() == ["choose_open"]


def test_a_file_that_is_not_a_database_is_refused_with_a_message(make_window, sqlite_db, dialogs, tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("just some notes, not a database")
    window = make_window(sqlite_db)
    dialogs.open_answers = [str(bad)]
    window.open_action.trigger()
    assert window.db is sqlite_db
    kind, title, text, informative, details = dialogs.asked[-1]
    assert (kind, title) == ("error", "Cannot open the database")
    assert str(bad) in text
    assert informative.startswith("It is not a database of this app.")
    assert "not a judging_app database" in details
    assert bad.read_text() == "just some notes, not a database"


def test_new_database(make_window, sqlite_db, dialogs, tmp_path):
    add_competition(sqlite_db)
    window = make_window(sqlite_db)
    dialogs.new_answers = [str(tmp_path / "baru.sqlite")]
    window.new_action.trigger()
    assert window.db.path == (tmp_path / "baru.sqlite").resolve()
    assert window.competitions.is_empty_state()


def test_recent_menu_lists_and_clears(make_window, sqlite_db, settings):
    settings.add_recent_database("/data/a.sqlite")
    window = make_window(sqlite_db)
    window._fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]
    assert texts == ["/data/a.sqlite", "&Clear list"]
    window.clear_recent_action.trigger()
    assert settings.recent_databases == []


def test_change_who_is_working(make_window, sqlite_db, dialogs, settings):
    window = make_window(sqlite_db)
    dialogs.actor_answer = "Ani Wulandari"
    window.actor_action.trigger()
    assert settings.actor_name == "Ani Wulandari"
    assert window.actor_label.text() == "Working as: Ani Wulandari · name not verified"


def test_actor_not_set_is_said(make_window, sqlite_db, settings):
    settings.actor_name = ""
    assert make_window(sqlite_db).actor_label.text() == "Working as: (not set)"


def test_about_shows_the_version(make_window, sqlite_db, dialogs):
    window = make_window(sqlite_db)
    window.about_action.trigger()
    kind, title, text = dialogs.asked[-1]
    assert (kind, title) == ("about", "About Judging App")
    assert judging_app.__version__ in text


def test_a_read_failure_is_a_message_not_a_traceback(make_window, sqlite_db, dialogs, monkeypatch):
    window = make_window(sqlite_db)

    def broken(_db):
        raise OSError("disk unplugged")

    monkeypatch.setattr(main_window_module, "list_competitions", broken)
    window.refresh()
    kind, title, _text, _informative, details = dialogs.asked[-1]
    assert (kind, title) == ("error", "Cannot read the database")
    assert "disk unplugged" in details
    assert window.competitions.is_empty_state()


def test_connect_to_a_server_by_url(make_window, sqlite_db, dialogs, pg_url):
    """File → Connect to a database server: the panel's shared PostgreSQL database."""
    window = make_window(sqlite_db)
    dialogs.server_answers = [pg_url]
    assert window.connect_to_server()
    assert window.db.url.get_backend_name() == "postgresql"
    assert window.competitions.is_empty_state()
    window.close()


def test_connecting_is_cancelled_without_a_url(make_window, sqlite_db, dialogs):
    window = make_window(sqlite_db)
    dialogs.server_answers = [None]
    assert not window.connect_to_server()
    assert window.db is sqlite_db


def test_judge_mode_opens_beside_the_secretariat_window(make_window, sqlite_db):
    """File → Judge mode: a judge picks who they are and sees only their own entries."""
    from judging_app.services import assignments
    from judging_app.ui.judge.dialogs import Identity

    from factories import seeded_competition

    seeded = seeded_competition(sqlite_db)
    assignments.assign(seeded.ws, seeded.code, "prop", "J2", ["E1", "E3"])
    window = make_window(sqlite_db)

    class Pick:
        def choose_identity(self, parent, choices):
            return Identity(seeded.code, "prop", "J2")

    window.judge_dialogs = Pick()
    judge = window.open_judge_mode()
    assert judge is not None and judge in window.judge_windows
    codes = [e.code for e in judge.session.entries()]
    assert codes == ["E1", "E3"]
    judge.close()
