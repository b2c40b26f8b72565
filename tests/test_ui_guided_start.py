"""The guided start: an empty window offers new / demo / open / server as big actions; a
competition opens with Enter, a double-click or the Open button; the new-competition
dialog refuses its template's placeholder name; the demo is built in the background into
its own file and opened on its overview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from judging_app.services import competitions
from judging_app.services.templates import list_templates
from judging_app.store.database import open_database
from judging_app.ui.main_window import MainWindow
from judging_app.ui.new_competition import NewCompetitionChoice, NewCompetitionDialog

from test_ui_support import ScriptedDialogs, add_competition, make_settings


@pytest.fixture
def window_on(qtbot, tmp_path, translations):
    dialogs = ScriptedDialogs()

    def make(db) -> MainWindow:
        settings = make_settings(tmp_path)
        settings.actor_name = "Sri Wahyuni"
        window = MainWindow(db, settings, dialogs, translations)
        window.dialogs = dialogs
        qtbot.addWidget(window)
        window.show()
        return window

    make.dialogs = dialogs
    return make


def test_each_big_action_does_what_it_says(qtbot, sqlite_db, window_on):
    window = window_on(sqlite_db)
    dialogs = window_on.dialogs
    start = window.competitions.empty_page
    qtbot.mouseClick(start.actions["new"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(start.actions["open"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(start.actions["server"], Qt.MouseButton.LeftButton)
    assert dialogs.kinds() == ["new_competition", "choose_open", "server_url"]


def test_a_competition_opens_with_enter_and_with_the_open_button(qtbot, sqlite_db, window_on):
    add_competition(sqlite_db, name="Lomba A", year=2024)
    add_competition(sqlite_db, name="Lomba B", year=2025)
    window = window_on(sqlite_db)
    listing = window.competitions
    assert listing.open_button.isEnabled()  # the first row is already chosen
    listing.table.setFocus()
    qtbot.keyClick(listing.table, Qt.Key.Key_Down)
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    assert window.workspace is not None
    name = competitions.get_summary(sqlite_db, window.workspace.ctx.competition).name
    assert name == "Lomba A"  # 2025 first: Down chose the 2024 one
    window.show_competition_list()
    qtbot.mouseClick(listing.open_button, Qt.MouseButton.LeftButton)
    assert competitions.get_summary(sqlite_db, window.workspace.ctx.competition).name == "Lomba B"


def test_the_placeholder_name_is_refused_and_the_dialog_says_why(qtbot):
    dialog = NewCompetitionDialog(list_templates(), "id")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.template_box.setCurrentIndex(0)  # the city template: "… Kota …"
    assert "…" in dialog.name_edit.text()
    assert not ok.isEnabled()
    assert dialog.name_problem.isVisible()
    assert "Replace “…”" in dialog.name_problem.text()
    dialog.name_edit.setText(dialog.name_edit.text().replace("…", "Madiun"))
    assert ok.isEnabled() and not dialog.name_problem.isVisible()
    dialog.name_edit.setText("Lomba Kota ...")
    assert not ok.isEnabled()


def test_a_new_competition_opens_on_its_overview(qtbot, sqlite_db, window_on):
    window = window_on(sqlite_db)
    window_on.dialogs.new_competition_answers = [
        NewCompetitionChoice("city_competition", "KIPP Kota Madiun", 2026)]
    assert window.create_competition()
    assert window.workspace is not None
    assert window.workspace.current_key() == "overview"


def test_the_demo_is_built_into_its_own_file_and_opened(qtbot, sqlite_db, window_on, tmp_path,
                                                       monkeypatch):
    from judging_app.ui import guided_start

    demo_file = tmp_path / "data" / "demo.sqlite"
    monkeypatch.setattr(guided_start.GuidedStart, "demo_location",
                        lambda self: str(demo_file))
    monkeypatch.setattr(guided_start, "DEMO_SIZE", {"entries": 20, "judges": 4, "scored": True})
    window = window_on(sqlite_db)
    seen: list[tuple[int, int]] = []
    real_run = window.runner.run

    def run(work, **kwargs):  # the real runner, with the progress it reports recorded
        return real_run(lambda progress: work(lambda d, t: (seen.append((d, t)),
                                                             progress(d, t))), **kwargs)

    window.runner.run = run
    qtbot.mouseClick(window.competitions.empty_page.actions["demo"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=20000)
    assert seen and seen[-1][0] == seen[-1][1]  # real progress, up to the whole
    assert Path(window.db.path) == demo_file
    assert competitions.list_competitions(sqlite_db) == []  # the open database untouched
    demo_db = open_database(demo_file)
    try:
        (demo,) = competitions.list_competitions(demo_db)
        assert demo.entries == 20
    finally:
        demo_db.close()
    assert window.workspace.current_key() == "overview"
    window.show_competition_list()
    assert window.try_demo()  # a second time: the same file, no second demo
    assert len(competitions.list_competitions(window.db)) == 1
