"""The entry side of a sheet: title, category, stage, type, unit and innovators (never in a
blind round: those are simply not there), the summary, links and attachments."""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlparse

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from judging_app.ui.judge.labels import escape, stage_label, type_label
from judging_app.ui.judge.session import EntryDetails


def link_target(location: str) -> str:
    """An address to open: web links as they are, a local file as a file:// URL."""
    if urlparse(location).scheme in ("http", "https", "mailto", "ftp", "file"):
        return location
    return QUrl.fromLocalFile(str(Path(location).expanduser())).toString()


class EntryPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryDetails")
        self.setOpenExternalLinks(True)
        self.details: EntryDetails | None = None

    def set_details(self, details: EntryDetails | None) -> None:
        self.details = details
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        d = self.details
        if d is None:
            self.clear()
            return
        facts = [(self.tr("Category"), d.category), (self.tr("Stage"), stage_label(d.stage)),
                 (self.tr("Type"), type_label(d.innovation_type))]
        # None in a blind round: not shown at all.
        facts += [(label, value) for label, value in (
            (self.tr("Unit"), d.unit), (self.tr("Innovators"), d.innovators),
            (self.tr("Contact"), d.contact)) if value]
        rows = "".join(f"<tr><td style='color:#5f6368; padding-right:8px'>{escape(k)}</td>"
                       f"<td>{escape(v)}</td></tr>" for k, v in facts if v)
        heads = {"summary": self.tr("Summary"), "none": self.tr("No summary."),
                 "links": self.tr("Links"), "attachments": self.tr("Attachments")}
        heads = {k: escape(v) for k, v in heads.items()}
        parts = [f"<h3 style='margin-top:0'>{escape(d.code)} · {escape(d.title)}</h3>",
                 f"<table cellspacing='0' cellpadding='1'>{rows}</table>",
                 f"<h4>{heads['summary']}</h4>",
                 f"<p>{escape(d.summary)}</p>" if d.summary.strip() else
                 f"<p style='color:#5f6368'>{heads['none']}</p>"]
        if d.links:
            items = "".join(f"<li><a href='{html.escape(link_target(u), quote=True)}'>"
                            f"{escape(u)}</a></li>" for u in d.links)
            parts.append(f"<h4>{heads['links']}</h4><ul>{items}</ul>")
        if d.attachments:
            items = "".join(f"<li><a href='{html.escape(link_target(loc), quote=True)}'>"
                            f"{escape(label or loc)}</a></li>" for label, loc in d.attachments)
            parts.append(f"<h4>{heads['attachments']}</h4><ul>{items}</ul>")
        self.setHtml("".join(parts))
