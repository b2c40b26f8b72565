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
from judging_app.services.errors import ValidationError
from judging_app.store.database import Database

FORMATS = (".xlsx", ".pdf")


def compliance_document(report: ComplianceReport) -> ComplianceDocument:
    return ComplianceDocument(report.compliance,
                              [(c.code, c.name, c.finalized) for c in report.competitions],
                              report.innovation_titles)


def export_compliance(db: Database, year: int, out: Path | str, lang: str = "id",
                      report: ComplianceReport | None = None) -> Path:
    """Write the year's compliance to `out` (.xlsx or .pdf); returns the path."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(Message("programme.export_format", file=out.name,
                                      formats=list(FORMATS)))
    doc = compliance_document(report or compliance(db, year))
    if suffix == ".pdf":
        write_compliance_pdf(out, doc, lang)
    else:
        write_compliance_workbook(out, doc, lang)
    return out
