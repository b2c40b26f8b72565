"""Creating a competition from a template in the window, and the dialog on its own."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from judging_app.services import competitions
from judging_app.services.templates import list_templates
from judging_app.ui.main_window import MainWindow
from judging_app.ui.new_competition import NewCompetitionChoice, NewCompetitionDialog

from test_ui_support import ScriptedDialogs, make_settings


def test_dialog_fills_name_from_template_and_needs_a_name(qtbot):
    dialog = NewCompetitionDialog(list_templates(), "id")
    qtbot.addWidget(dialog)
    keys = [dialog.template_box.itemData(i) for i in range(dialog.template_box.count())]
    assert keys == ["city_competition", "iga_presentation", "national_kipp"]
    dialog.template_box.setCurrentIndex(keys.index("iga_presentation"))
    assert "Innovative Government Award" in dialog.name_edit.text()
    assert "Sangat Inovatif" in dialog.description.text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name_edit.clear()
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Lomba Inovasi Kota Contoh")
    assert ok.isEnabled()
    dialog.year_box.setValue(2027)
    assert dialog.choice() == NewCompetitionChoice("iga_presentation", "Lomba Inovasi Kota Contoh", 2027)


def test_dialog_shows_english_names_under_english(qtbot):
    dialog = NewCompetitionDialog(list_templates(), "en")
    qtbot.addWidget(dialog)
    dialog.template_box.setCurrentIndex(0)
    assert dialog.name_edit.text().endswith("City Public Service Innovation Competition")


def test_window_creates_competition_from_template(qtbot, sqlite_db, tmp_path, translations):
    settings = make_settings(tmp_path)
    settings.actor_name = "Sri Wahyuni"
    dialogs = ScriptedDialogs()
    dialogs.new_competition_answers = [
        NewCompetitionChoice("city_competition", "KIPP Kota Contoh", 2026)
    ]
    window = MainWindow(sqlite_db, settings, dialogs, translations)
    qtbot.addWidget(window)
    window.show()
    assert window.competitions.is_empty_state()
    assert window.new_competition_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.new_competition_action in window.file_menu.actions()
    window.new_competition_action.trigger()
    assert dialogs.kinds() == ["new_competition"]
    (summary,) = competitions.list_competitions(sqlite_db)
    assert (summary.name, summary.year, summary.status) == ("KIPP Kota Contoh", 2026, "draft")
    assert not window.competitions.is_empty_state()
    assert window.competitions.model.competitions()[0].name == "KIPP Kota Contoh"
    dialogs.new_competition_answers = []  # cancelled: nothing happens
    assert window.create_competition() is False
    assert len(competitions.list_competitions(sqlite_db)) == 1
