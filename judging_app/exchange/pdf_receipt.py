"""The finalize receipt printed where the panel signs (the minutes and the winners list):
the results digest, the audit trail's head just after finalizing and the counts. The
paper is the anchor outside the machine: `judging-app verify --competition C --digest HEX`
checks the database against it. A self-contained block the document layouts append."""

from __future__ import annotations

from dataclasses import dataclass

from judging_app.exchange.pdf_layout import Column as _Column
from judging_app.exchange.pdf_layout import Keep, Paragraph, Table

TEXT = {
    "id": {
        "title": "Tanda terima finalisasi (untuk pemeriksaan ulang)",
        "digest": "Sidik digital hasil (SHA-256)",
        "head": "Kepala jejak audit",
        "events": "Jumlah peristiwa audit",
        "counts": "Peserta / lembar nilai",
        "check": "Pemeriksaan: judging-app verify --competition {code} --digest <sidik digital di atas>",
    },
    "en": {
        "title": "Finalize receipt (for checking later)",
        "digest": "Results digest (SHA-256)",
        "head": "Audit trail head",
        "events": "Audit events",
        "counts": "Entries / score sheets",
        "check": "Check: judging-app verify --competition {code} --digest <the digest above>",
    },
}


@dataclass(frozen=True)
class Receipt:
    competition_code: str
    digest: str
    audit_head: str
    events: int
    entries: int
    sheets: int

    @classmethod
    def from_json(cls, code: str, data: dict) -> Receipt | None:
        if not data.get("digest"):
            return None
        return cls(code, data["digest"], data.get("audit_head", ""), int(data.get("events", 0)),
                   int(data.get("entries", 0)), int(data.get("sheets", 0)))


def receipt_flow(lang: str, receipt: Receipt | None) -> list:
    """The receipt block (nothing before finalizing)."""
    if receipt is None:
        return []
    t = TEXT["en" if lang == "en" else "id"]
    rows = [(t["digest"], receipt.digest), (t["head"], receipt.audit_head),
            (t["events"], str(receipt.events)),
            (t["counts"], f"{receipt.entries} / {receipt.sheets}")]
    return [Keep([
        Paragraph(t["title"], bold=True, size=9.5, before=3, after=1),
        Table([_Column("", 28), _Column("", 72)], rows, size=8, plain=True),
        Paragraph(t["check"].format(code=receipt.competition_code), size=8, italic=True),
    ])]
