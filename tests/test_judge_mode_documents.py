"""Judge mode reads what it scores: the entry's documents in a pane beside the rubric (on
the secretariat's database), the score fields keep every digit, and a judge never reads
the documents of an entry not assigned to them."""

from __future__ import annotations

import hashlib
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from judging_app.core.attachments import DocumentKind
from judging_app.services import attachments, judge_documents, sheets
from judging_app.services.errors import NotFoundError, ServiceError
from judging_app.ui.judge.database_session import DatabaseJudgeSession
from judging_app.ui.judge.sheet_page import DETAILS_TAB, DOCUMENTS_TAB

import sample_pdfs
from test_judge_mode_support import judging_with_assignments, open_window, type_score


@pytest.fixture
def judging(sqlite_db, tmp_path):
    s = judging_with_assignments(sqlite_db)
    proposal = sample_pdfs.write(tmp_path / "docs" / "E1 proposal.pdf", sample_pdfs.proposal_pdf(
        12, words=("Antrean daring mempercepat layanan",)))
    photo = sample_pdfs.write(tmp_path / "docs" / "foto.jpg", sample_pdfs.noise_jpeg(120, 80))
    other = sample_pdfs.write(tmp_path / "docs" / "E4 proposal.pdf",
                              sample_pdfs.proposal_pdf(2, photo_every=0, title="E4"))
    attachments.attach_documents(s.ws, s.code, [
        attachments.NewDocument("E1", photo, DocumentKind.EVIDENCE, "Foto layanan"),
        attachments.NewDocument("E1", proposal, DocumentKind.PROPOSAL, "Proposal"),
        attachments.NewDocument("E4", other, DocumentKind.PROPOSAL)])
    return s


@pytest.fixture
def opened(qtbot, judging, sqlite_db, tmp_path):
    session = DatabaseJudgeSession(sqlite_db, judging.code, "prop", "J1")
    window, dialogs, translations = open_window(qtbot, session, tmp_path)
    window.resize(1366, 768)
    yield window
    translations.restore()


def _open_entry(qtbot, window, code: str) -> None:
    with qtbot.waitSignal(window.sheet.viewer.firstPageShown, timeout=20_000):
        window.open_entry(code)


def test_the_proposal_is_shown_beside_the_rubric_and_the_digits_go_to_the_score(
        qtbot, judging, opened):
    window = opened
    _open_entry(qtbot, window, "E1")
    sheet, viewer = window.sheet, window.sheet.viewer
    assert sheet.entry_tabs.currentIndex() == DOCUMENTS_TAB
    assert sheet.entry_tabs.tabText(DOCUMENTS_TAB) == "Documents (2)"
    assert [viewer.documents.itemText(i) for i in range(viewer.documents.count())] == [
        "Proposal", "Evidence: Foto layanan"]  # the proposal first
    assert viewer.page_count() == 12
    # the focus is on the first score: typing scores is untouched by the pane
    type_score(qtbot, window, "A", "4")
    assert sheets.get_sheet(judging.ws.db, judging.code, "prop", "J1", "E1").scores == {"A": D(4)}
    # in the pane, keys move the pages and digits change no score
    viewer.pages.setFocus()
    qtbot.keyClick(viewer.pages, Qt.Key.Key_PageDown)
    qtbot.keyClicks(viewer.pages, "5")
    assert viewer.current_page() == 1
    assert sheets.get_sheet(judging.ws.db, judging.code, "prop", "J1", "E1").scores == {"A": D(4)}
    # Esc gives the focus back to the rubric, on the next empty score
    qtbot.keyClick(viewer.pages, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is sheet.rubric.row("B").score
    # the other document, then "open outside" hands the file to the system's viewer
    with qtbot.waitSignal(viewer.firstPageShown, timeout=20_000):
        viewer.documents.activated.emit(1)
    assert viewer.page_count() == 1
    viewer.documents.setCurrentIndex(1)
    viewer.outside.click()
    (kind, path), = [a for a in window.ask.asked if a[0] == "open_outside"]
    assert path.name == "foto.jpg"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sheet.documents[1].sha256


def test_an_entry_without_documents_shows_its_details(qtbot, opened):
    window = opened
    window.open_entry("E2")
    assert window.sheet.entry_tabs.currentIndex() == DETAILS_TAB
    assert window.sheet.entry_tabs.tabText(DOCUMENTS_TAB) == "Documents (0)"
    assert "This entry has no documents." in window.sheet.viewer.message.text()


def test_a_judge_reads_only_the_documents_of_their_own_entries(judging, sqlite_db, tmp_path):
    db, code = sqlite_db, judging.code
    (e4,) = attachments.list_documents(db, code, "E4")
    with pytest.raises(ServiceError, match="J1 / E4: the judge is not assigned"):
        judge_documents.documents_for_judge(db, code, "prop", "J1", "E4")
    with pytest.raises(NotFoundError):  # E4's proposal asked for through J1's own E1
        judge_documents.save_document_for_judge(db, code, "prop", "J1", "E1", e4.sha256,
                                                tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    mine = judge_documents.documents_for_judge(db, code, "prop", "J1", "E1")
    assert [d.label for d in mine] == ["Proposal", "Foto layanan"]
