"""The finalize receipt printed where the panel signs (the minutes and the winners list):
the results digest, the audit trail's head just after finalizing and the counts. The
paper is the anchor outside the machine: `judging-app verify --competition C --digest HEX`
checks the database against it. The documents print these (label, value) lines in their
receipt block (pdf_documents._receipt)."""

from __future__ import annotations

from dataclasses import dataclass

TEXT = {
    "id": {
        "digest": "Sidik digital hasil (SHA-256)",
        "head": "Kepala jejak audit",
        "events": "Jumlah peristiwa audit",
        "counts": "Peserta / lembar nilai",
        "check": "Pemeriksaan",
        "command": "judging-app verify --competition {code} --digest <sidik digital di atas>",
    },
    "en": {
        "digest": "Results digest (SHA-256)",
        "head": "Audit trail head",
        "events": "Audit events",
        "counts": "Entries / score sheets",
        "check": "Check",
        "command": "judging-app verify --competition {code} --digest <the digest above>",
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


def receipt_lines(lang: str, receipt: Receipt | None) -> tuple[tuple[str, str], ...]:
    """The receipt as (label, value) lines (none before finalizing)."""
    if receipt is None:
        return ()
    t = TEXT["en" if lang == "en" else "id"]
    return ((t["digest"], receipt.digest), (t["head"], receipt.audit_head),
            (t["events"], str(receipt.events)),
            (t["counts"], f"{receipt.entries} / {receipt.sheets}"),
            (t["check"], t["command"].format(code=receipt.competition_code)))
