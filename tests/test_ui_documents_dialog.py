"""The letterhead and signatures dialog, opened from the Reports view: what a secretariat
types is stored for the competition; the logo is chosen, previewed and removed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from judging_app.core.documents import DocumentSettings
from judging_app.services import document_settings
from judging_app.ui.views.documents_dialog import DocumentSettingsDialog
from judging_app.ui.views.reports_view import ReportsView

from factories import seeded_competition
from ui_view_support import make_ctx

LOGO = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "sample_logo.png"


def test_the_dialog_edits_every_field(qtbot):
    dialog = DocumentSettingsDialog(DocumentSettings(time_zone="Asia/Makassar"))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.edits["government"], "PEMERINTAH KABUPATEN CONTOH")
    qtbot.keyClicks(dialog.edits["region"], "CONTOH")
    qtbot.keyClicks(dialog.edits["head_nip"], "19700101 199503 1 001")
    dialog.head_title.setCurrentText("BUPATI")
    assert dialog.zone.currentText().startswith("WITA")
    dialog.pick_logo = lambda: str(LOGO)
    qtbot.mouseClick(dialog.logo_button, Qt.MouseButton.LeftButton)
    assert not dialog.logo_preview.pixmap().isNull() and dialog.remove_logo.isEnabled()
    got = dialog.result_settings()
    assert (got.government, got.head("id"), got.head_nip, got.time_zone) == (
        "PEMERINTAH KABUPATEN CONTOH", "BUPATI CONTOH", "19700101 199503 1 001", "Asia/Makassar")
    assert got.logo == LOGO.read_bytes()
    qtbot.mouseClick(dialog.remove_logo, Qt.MouseButton.LeftButton)
    assert dialog.result_settings().logo == b""


def test_the_reports_view_stores_the_settings(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    wanted = DocumentSettings(government="PEMERINTAH KOTA CONTOH", place="Kota Contoh")

    class Answers:
        seen = None

        def edit_documents(self, parent, settings):
            Answers.seen = settings
            return wanted

    view = ReportsView(make_ctx(sqlite_db, s.code, tmp_path, language="id"))
    qtbot.addWidget(view)
    view.dialogs = Answers()
    view.retranslate()
    view.refresh()
    qtbot.mouseClick(view.letterhead_button, Qt.MouseButton.LeftButton)
    assert Answers.seen == DocumentSettings()
    assert document_settings.get_document_settings(sqlite_db, s.code) == wanted
