"""F1 opens the user manual inside the app, in the interface's language, with its pictures;
the judge's window shows the judge's guide (written by hand beside the built manual)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QTextDocument

from judging_app.ui.help import JUDGE_GUIDE, GuideDialog, guide_html
from judging_app.ui.main_window import MainWindow

from test_ui_support import ScriptedDialogs, TranslationsForTest, make_settings


def test_the_manual_exists_in_both_languages_with_the_same_parts():
    id_html, en_html = guide_html("id"), guide_html("en")
    assert "Panduan Pengguna Judging App" in id_html and "Judging App User Manual" in en_html
    assert id_html.count("<h2>") == en_html.count("<h2>") >= 20
    assert id_html.count("<img ") == en_html.count("<img ") >= 15
    for shortcut in ("Ctrl+N", "Ctrl+Enter", "F1"):
        assert shortcut in id_html and shortcut in en_html
    judge = guide_html("id", JUDGE_GUIDE)
    assert "Panduan juri" in judge and "Setahun bersama sekretariat" not in judge


def test_the_guide_shows_the_language_and_its_pictures(qtbot):
    dialog = GuideDialog("id")
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Seleksi administrasi" in text and "Bagian ketua dewan juri" in text
    picture = dialog.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                                 QUrl("img/assignments_id.png"))
    assert picture is not None and not picture.isNull() and picture.width() > 600
    dialog.set_language("en")
    assert "Administrative screening" in dialog.browser.toPlainText()
    judge = GuideDialog("en", part=JUDGE_GUIDE)
    qtbot.addWidget(judge)
    assert judge.browser.toPlainText().startswith("Judge's guide")


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
