"""Entries' documents inside a use case's session: reading them (services/attachments.py,
document_admin.py and the reports share these), and the two helpers every write uses."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from judging_app.core.attachments import DocumentKind, DocumentLimits, DocumentRecord
from judging_app.exchange.judge_package import natural_key
from judging_app.store import models as m


def document_limits_in(s: Session, comp_id: int) -> DocumentLimits:
    row = s.get(m.DocumentLimits, comp_id)
    used = used_bytes(s, comp_id)
    if row is None:
        return DocumentLimits(used_bytes=used)
    return DocumentLimits(row.max_file_bytes, row.max_total_bytes, used)


def used_bytes(s: Session, comp_id: int) -> int:
    """The competition's documents, each content counted once."""
    inner = (select(m.EntryDocument.sha256, m.EntryDocument.size).distinct()
             .join(m.Entry, m.Entry.id == m.EntryDocument.entry_id)
             .where(m.Entry.competition_id == comp_id).subquery())
    return int(s.scalar(select(func.coalesce(func.sum(inner.c.size), 0))) or 0)


def shas_in_competition(s: Session, comp_id: int, shas: set[str]) -> set[str]:
    if not shas:
        return set()
    return set(s.scalars(select(m.EntryDocument.sha256)
                         .join(m.Entry, m.Entry.id == m.EntryDocument.entry_id)
                         .where(m.Entry.competition_id == comp_id,
                                m.EntryDocument.sha256.in_(shas))))


def entry_documents_of(s: Session, entry_ids: list[int]) -> dict[int, list[m.EntryDocument]]:
    out: dict[int, list[m.EntryDocument]] = {}
    for start in range(0, len(entry_ids), 500):
        for link in s.scalars(select(m.EntryDocument).where(
                m.EntryDocument.entry_id.in_(entry_ids[start:start + 500]))):
            out.setdefault(link.entry_id, []).append(link)
    return out


_KIND_ORDER = {DocumentKind.PROPOSAL.value: 0, DocumentKind.EVIDENCE.value: 1,
               DocumentKind.OTHER.value: 2}


def document_records(s: Session, comp_id: int, entry_id: int | None = None,
                     entry_ids: list[int] | None = None) -> list[DocumentRecord]:
    """Documents of a competition (or of one entry, or of some entries), as records."""
    q = (select(m.EntryDocument, m.Entry.code, m.Round.code, m.Document.media_type)
         .join(m.Entry, m.Entry.id == m.EntryDocument.entry_id)
         .join(m.Document, m.Document.sha256 == m.EntryDocument.sha256)
         .outerjoin(m.Round, m.Round.id == m.EntryDocument.round_id)
         .where(m.Entry.competition_id == comp_id))
    if entry_id is not None:
        q = q.where(m.EntryDocument.entry_id == entry_id)
    if entry_ids is not None:
        q = q.where(m.EntryDocument.entry_id.in_(entry_ids))
    rows = [DocumentRecord(link.id, code, link.sha256, DocumentKind(link.kind), link.label,
                           link.file_name, round_code, link.size, media_type, link.added_by,
                           link.added_at)
            for link, code, round_code, media_type in s.execute(q)]
    rows.sort(key=lambda r: (natural_key(r.entry), _KIND_ORDER[r.kind.value], r.file_name.casefold()))
    return rows


def drop_unused(s: Session, sha256s: set[str]) -> None:
    """Delete contents no entry names any more (their pieces go with them)."""
    for sha in sha256s:
        if s.scalar(select(m.EntryDocument.id).where(m.EntryDocument.sha256 == sha).limit(1)) is None:
            s.execute(delete(m.Document).where(m.Document.sha256 == sha))


def audit_item(link: m.EntryDocument, entry: str, round_code: str | None) -> dict:
    return {"entry": entry, "file": link.file_name, "sha256": link.sha256, "size": link.size,
            "kind": link.kind, "label": link.label, "round": round_code}
