"""Writing the programme's documents: the compliance of a year as Excel or PDF (by the
file's extension)."""

from __future__ import annotations

from pathlib import Path

from judging_app.core.messages import Message
from judging_app.exchange.compliance_documents import (
    ComplianceDocument,
    write_compliance_pdf,
    write_compliance_workbook,
)
from judging_app.services.compliance import ComplianceReport, compliance
from judging_app.services.document_settings import get_document_settings
from judging_app.services.errors import ValidationError
from judging_app.store.database import Database

FORMATS = (".xlsx", ".pdf")


def compliance_document(db: Database, report: ComplianceReport) -> ComplianceDocument:
    """The document's data; the place of the dateline from the document settings of the
    year's first city competition that has one (Reports → Letterhead and signatures)."""
    places = (get_document_settings(db, c.code).place.strip() for c in report.competitions)
    return ComplianceDocument(report.compliance,
                              [(c.code, c.name, c.finalized) for c in report.competitions],
                              report.innovation_titles, next((p for p in places if p), ""))


def export_compliance(db: Database, year: int, out: Path | str, lang: str = "id",
                      report: ComplianceReport | None = None) -> Path:
    """Write the year's compliance to `out` (.xlsx or .pdf); returns the path."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(Message("programme.export_format", file=out.name,
                                      formats=list(FORMATS)))
    doc = compliance_document(db, report or compliance(db, year))
    if suffix == ".pdf":
        write_compliance_pdf(out, doc, lang)
    else:
        write_compliance_workbook(out, doc, lang)
    return out
