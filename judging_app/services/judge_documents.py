"""A judge's documents in judge mode on the secretariat's database: the documents of the
judge's own assigned entries (never a conflicted or another judge's entry), those attached
for the round being judged or for every round; written to a file for the viewer."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.attachments import DocumentRecord
from judging_app.core.messages import Message
from judging_app.services import lookup
from judging_app.services.attachments import save_document
from judging_app.services.document_queries import document_records
from judging_app.services.errors import NotFoundError, ServiceError
from judging_app.store import models as m
from judging_app.store.database import Database


def _assigned_entry(s: Session, competition: str | int, round_code: str, judge_code: str,
                    entry_code: str) -> tuple[int, int]:
    """(competition id, entry id) when the judge is assigned to the entry and not
    conflicted; refused otherwise."""
    comp = lookup.competition(s, competition)
    rnd = lookup.round_(s, comp.id, round_code)
    judge = lookup.judge(s, comp.id, judge_code)
    entry = lookup.entry(s, comp.id, entry_code)
    assigned = s.scalar(select(m.Assignment.id).where(
        m.Assignment.round_id == rnd.id, m.Assignment.judge_id == judge.id,
        m.Assignment.entry_id == entry.id))
    conflicted = s.scalar(select(m.Conflict.id).where(
        m.Conflict.judge_id == judge.id, m.Conflict.entry_id == entry.id))
    if not assigned or conflicted:
        raise ServiceError(Message("judge_documents.not_assigned", judge=judge.code,
                                   entry=entry.code, round=rnd.code))
    return comp.id, entry.id


def documents_for_judge(db: Database, competition: str | int, round_code: str,
                        judge_code: str, entry_code: str) -> list[DocumentRecord]:
    """The entry's documents for this round (or for every round), proposals first."""
    with db.read() as s:
        comp_id, entry_id = _assigned_entry(s, competition, round_code, judge_code, entry_code)
        return [d for d in document_records(s, comp_id, entry_id)
                if d.round is None or d.round == round_code]


def save_document_for_judge(db: Database, competition: str | int, round_code: str,
                            judge_code: str, entry_code: str, sha256: str, target: Path) -> Path:
    """Write one of those documents to `target` (checked against its SHA-256)."""
    if sha256 not in {d.sha256 for d in documents_for_judge(db, competition, round_code,
                                                             judge_code, entry_code)}:
        raise NotFoundError(Message("judge_documents.not_found", entry=entry_code))
    return save_document(db, sha256, target)


def judge_has_documents(db: Database, competition: str | int, round_code: str,
                        judge_code: str) -> bool:
    """Whether any of the judge's assigned entries has a document (judge mode then starts
    its renderer when the window opens, so the first page shows at once)."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        rnd = lookup.round_(s, comp.id, round_code)
        judge = lookup.judge(s, comp.id, judge_code)
        return s.scalar(select(m.EntryDocument.id).join(
            m.Assignment, m.Assignment.entry_id == m.EntryDocument.entry_id).where(
            m.Assignment.round_id == rnd.id, m.Assignment.judge_id == judge.id).limit(1)) \
            is not None
