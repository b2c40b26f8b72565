"""The user manual as the app shows it (resources/help/, built from docs/manual/ by
tools/build_manual.py) and as a PDF to print: Qt's rich-text engine (QTextDocument, QtGui
only) lays the same HTML out on A4 pages through Qt's PDF writer, with its screenshots and
page numbers."""

from __future__ import annotations

import re
from pathlib import Path

from judging_app.resources_access import read_resource_text, resource

# Qt's QTextDocument.print_ adds its own 2 cm margin to the page layout's: with 5 mm side
# margins the text is 160 mm wide (605 pixels at 96 per inch); a picture inside a numbered
# list starts about 40 pixels in, so 540 keeps every picture inside the text.
PDF_IMAGE_WIDTH = 540
_IMAGE = re.compile(r'<img src="(img/[^"]+)"')


def manual_html(language: str, part: str = "manual") -> str:
    """The whole manual (`part` "manual") or the judge window's guide ("judge_guide"), in
    'id' or 'en'."""
    return read_resource_text(f"help/{part}_{'id' if language == 'id' else 'en'}.html")


def add_images(document, html: str) -> None:
    """Give a QTextDocument the manual's pictures (they ship in resources/help/img)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    for name in sorted(set(_IMAGE.findall(html))):
        image = QImage.fromData(resource(f"help/{name}").read_bytes())
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)


def _fit_images(html: str) -> str:
    """Pictures wider than the printed text are given the text's width."""
    from PySide6.QtGui import QImage

    def fit(match: re.Match) -> str:
        image = QImage.fromData(resource(f"help/{match.group(1)}").read_bytes())
        if image.width() <= PDF_IMAGE_WIDTH:
            return match.group(0)
        return f'{match.group(0)} width="{PDF_IMAGE_WIDTH}"'

    return _IMAGE.sub(fit, html)


def write_manual_pdf(path: str | Path, language: str) -> int:
    """Write the manual to `path` (A4); the number of pages."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from judging_app.exchange.atomic_files import atomic_target
    from judging_app.exchange.pdf_layout import ensure_gui_app, font

    ensure_gui_app()
    html = _fit_images(manual_html(language))
    document = QTextDocument()
    document.setDefaultFont(font(10))
    add_images(document, html)
    document.setHtml(html)
    with atomic_target(Path(path)) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        writer.setCreator("judging-app")
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(5, 8, 5, 8), QPageLayout.Unit.Millimeter))
        document.setPageSize(QSizeF())  # let print_ paginate and number the pages
        document.print_(writer)
        del writer
    return _page_count(Path(path))


def _page_count(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))
