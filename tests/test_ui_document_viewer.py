"""The document viewer (ui/documents): pages shown from a worker and a renderer process,
navigation, zoom, search; every bad file shown as "cannot be displayed", never a crash or
a frozen window."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from judging_app.core.attachments import JPEG, OTHER_TYPE, PDF, PNG
from judging_app.ui.documents.document_viewer import DocumentViewer
from judging_app.ui.documents.page_view import FIT_WIDTH

import sample_pdfs


@pytest.fixture
def viewer(qtbot):
    v = DocumentViewer(time_limit=3.0)
    qtbot.addWidget(v)
    v.resize(700, 800)
    v.show()
    yield v
    v.shutdown()


def _shown(qtbot, viewer, path, media_type=PDF, timeout=15_000):
    with qtbot.waitSignal(viewer.firstPageShown, timeout=timeout):
        viewer.show_file(str(path), media_type)


def test_pages_navigation_zoom_and_search(qtbot, viewer, tmp_path):
    pdf = sample_pdfs.write(tmp_path / "proposal.pdf", sample_pdfs.proposal_pdf(
        30, words=("Antrean daring mempercepat layanan",)))
    _shown(qtbot, viewer, pdf)
    assert viewer.page_count() == 30 and viewer.page_count_label.text() == "of 30"
    assert viewer.pages.images  # pixels of the first pages arrived
    first = viewer.pages.images[0]
    assert first.width() == pytest.approx(viewer.pages.page_size(0).width(), abs=2)
    viewer.pages.setFocus()
    qtbot.keyClick(viewer.pages, Qt.Key.Key_PageDown)
    qtbot.keyClick(viewer.pages, Qt.Key.Key_PageDown)
    assert viewer.current_page() == 2 and viewer.page.value() == 3
    qtbot.keyClick(viewer.pages, Qt.Key.Key_End)
    assert viewer.current_page() == 29
    viewer.page.setValue(5)  # typed in the page box
    assert viewer.current_page() == 4
    viewer.pages.set_zoom(2.0)
    assert viewer.current_page() == 4  # zooming keeps the place
    assert viewer.zoom_choice.currentText() == "200 %"
    viewer.pages.set_zoom(FIT_WIDTH)
    viewer.go_to(0)  # a search starts from the page in sight
    qtbot.keyClicks(viewer.search, "antrean")
    with qtbot.waitSignal(viewer.worker.found, timeout=10_000):
        qtbot.keyClick(viewer.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: viewer.hits != [])
    # "antrean" is in the page-1 words and three times in the prose of every page
    assert len(viewer.hits) == 1 + 3 * 30
    assert viewer.hit_label.text().endswith(f"of {len(viewer.hits)}")
    qtbot.keyClick(viewer.search, Qt.Key.Key_Return)
    assert viewer.hit_label.text().startswith("2 of")


@pytest.mark.parametrize(("name", "data", "media_type", "says"), [
    ("encrypted.pdf", sample_pdfs.encrypted_pdf, PDF, "protected with a password"),
    ("not-a-pdf.pdf", lambda: b"<html>no</html>" * 50, PDF, "damaged or not what its name says"),
    ("empty.pdf", lambda: b"", PDF, "cannot be displayed here"),
    ("broken.png", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, PNG, "damaged"),
    ("report.docx", lambda: b"PK\x03\x04 docx", OTHER_TYPE, "not displayed in the app"),
])
def test_files_that_cannot_be_shown_say_so(qtbot, viewer, tmp_path, name, data, media_type, says):
    path = sample_pdfs.write(tmp_path / name, data())
    if media_type == OTHER_TYPE:
        viewer.show_problem("not_shown")
    else:
        viewer.show_file(str(path), media_type)
    qtbot.waitUntil(lambda: viewer.stack.currentIndex() == 1, timeout=10_000)
    assert says in viewer.message.text()
    assert viewer.message_outside.isVisible()
    with qtbot.waitSignal(viewer.openOutside):
        viewer.message_outside.click()


def test_a_pdf_built_to_exhaust_the_renderer_is_stopped_and_the_window_keeps_working(
        qtbot, viewer, tmp_path):
    bomb = sample_pdfs.write(tmp_path / "bomb.pdf", sample_pdfs.bomb_pdf(1024))
    start = time.perf_counter()
    viewer.show_file(str(bomb), PDF)
    ticks = []
    while viewer.stack.currentIndex() != 1 and time.perf_counter() - start < 20:
        qtbot.wait(50)  # the event loop runs all along: the window answers
        ticks.append(time.perf_counter())
    assert viewer.stack.currentIndex() == 1
    assert "too large or too complex" in viewer.message.text()
    assert max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) < 1.0
    good = sample_pdfs.write(tmp_path / "good.pdf", sample_pdfs.proposal_pdf(2, photo_every=0))
    _shown(qtbot, viewer, good)  # a new renderer process took over
    assert viewer.page_count() == 2


def test_a_huge_page_is_drawn_at_a_bounded_size(qtbot, viewer, tmp_path):
    path = sample_pdfs.write(tmp_path / "huge.pdf", sample_pdfs.huge_page_pdf())
    _shown(qtbot, viewer, path)
    viewer.pages.set_zoom(4.0)  # 14,400 points at 400 %: far beyond any screen
    qtbot.waitUntil(lambda: 0 in viewer.pages.images and viewer.pages.images[0].width() > 1000,
                    timeout=15_000)
    image = viewer.pages.images.get(0)
    assert image is None or image.width() * image.height() <= 16_000_000


def test_an_image_is_shown(qtbot, viewer, tmp_path):
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    path = tmp_path / "foto.png"
    image.save(str(path))
    _shown(qtbot, viewer, path, PNG)
    assert viewer.page_count() == 1
    jpeg = sample_pdfs.write(tmp_path / "foto.jpg", sample_pdfs.noise_jpeg(64, 48))
    _shown(qtbot, viewer, jpeg, JPEG)
    assert viewer.pages.sizes == [(48.0, 36.0)]
