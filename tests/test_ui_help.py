"""F1 opens a short user guide inside the app, in the interface's language."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from judging_app.ui.help import GuideDialog, guide_html
from judging_app.ui.main_window import MainWindow

from test_ui_support import ScriptedDialogs, TranslationsForTest, make_settings


def test_guide_exists_in_both_languages_with_the_same_sections():
    id_html, en_html = guide_html("id"), guide_html("en")
    assert "Panduan singkat" in id_html and "Short guide" in en_html
    assert id_html.count("<h3>") == en_html.count("<h3>") == 4
    assert id_html.count("<li>") == en_html.count("<li>")
    for shortcut in ("Ctrl+N", "Ctrl+O", "Ctrl+F", "F1"):
        assert shortcut in id_html and shortcut in en_html


def test_guide_dialog_shows_the_language(qtbot):
    dialog = GuideDialog("id")
    qtbot.addWidget(dialog)
    assert "Alur kerja" in dialog.browser.toPlainText()
    dialog.set_language("en")
    assert "Workflow" in dialog.browser.toPlainText()


def test_f1_opens_the_guide(qtbot, qapp, sqlite_db, tmp_path):
    translations = TranslationsForTest(qapp)
    translations.apply("id")
    try:
        settings = make_settings(tmp_path)
        settings.actor_name = "Ani"
        dialogs = ScriptedDialogs()
        window = MainWindow(sqlite_db, settings, dialogs, translations)
        qtbot.addWidget(window)
        assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
        assert window.guide_action.text() == "&Panduan pengguna"
        window.guide_action.trigger()
        assert dialogs.asked[-1] == ("guide", "id")
    finally:
        translations.restore()
