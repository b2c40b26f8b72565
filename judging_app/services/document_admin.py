"""Looking after entries' documents once attached: remove one, change its label, kind or
round, the competition's size limits, and links (a video, a web page: they stay links).
Each change is one transaction with its audit event."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.attachments import DocumentKind, DocumentLimits, LinkRecord, size_mb
from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.services import audit, lookup
from judging_app.services.attachments import MAX_LABEL, document_limits
from judging_app.services.authorization import require
from judging_app.services.document_queries import audit_item, document_limits_in, drop_unused
from judging_app.services.errors import NotFoundError, ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store import models as m
from judging_app.store.database import Database

MAX_LINK = 2000


def _link(s: Session, comp_id: int, entry: str,
          file_name: str) -> tuple[m.EntryDocument, str | None]:
    """An entry's document by its file name, and the code of its round (None: every round)."""
    e = lookup.entry(s, comp_id, entry)
    link = s.scalar(select(m.EntryDocument).where(m.EntryDocument.entry_id == e.id,
                                                  m.EntryDocument.file_name == file_name))
    if link is None:
        raise NotFoundError(Message("attachments.no_document", entry=entry, file=file_name))
    round_code = s.scalar(select(m.Round.code).where(m.Round.id == link.round_id)) \
        if link.round_id else None
    return link, round_code


def remove_document(ws: Workspace, competition: str | int, entry: str, file_name: str) -> None:
    """Take a document off an entry (its content goes when no entry names it any more)."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        link, round_code = _link(s, comp.id, entry, file_name)
        old = audit_item(link, entry, round_code)
        s.delete(link)
        s.flush()
        drop_unused(s, {link.sha256})
        audit.record(s, ws.actor, "documents.remove", "entry", entry, old=old,
                     competition_id=comp.id)


def describe_document(ws: Workspace, competition: str | int, entry: str, file_name: str, *,
                      label: str, kind: DocumentKind, round_code: str | None) -> None:
    """Change a document's label, kind or round (its content stays)."""
    label = label.strip()
    if not label:
        raise ValidationError(Message("attachments.label_required", file=file_name))
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        link, old_round = _link(s, comp.id, entry, file_name)
        round_id = lookup.round_(s, comp.id, round_code).id if round_code else None
        old = {"label": link.label, "kind": link.kind, "round": old_round}
        link.label, link.kind, link.round_id = label[:MAX_LABEL], DocumentKind(kind).value, round_id
        audit.record(s, ws.actor, "documents.describe", "entry", entry, competition_id=comp.id,
                     old={"file": file_name, **old},
                     new={"file": file_name, "label": link.label, "kind": link.kind,
                          "round": round_code})


def set_document_limits(ws: Workspace, competition: str | int, max_file_bytes: int,
                        max_total_bytes: int) -> DocumentLimits:
    """The secretariat's limits: per file and for the whole competition (bytes)."""
    if max_file_bytes <= 0 or max_total_bytes < max_file_bytes:
        raise ValidationError(Message("attachments.bad_limits", file=size_mb(max_file_bytes),
                                      total=size_mb(max_total_bytes)))
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        before = document_limits_in(s, comp.id)
        row = s.get(m.DocumentLimits, comp.id)
        if row is None:
            row = m.DocumentLimits(competition_id=comp.id)
            s.add(row)
        row.max_file_bytes, row.max_total_bytes = max_file_bytes, max_total_bytes
        audit.record(s, ws.actor, "documents.limits", "competition", comp.code,
                     competition_id=comp.id,
                     old={"max_file_bytes": before.max_file_bytes,
                          "max_total_bytes": before.max_total_bytes},
                     new={"max_file_bytes": max_file_bytes, "max_total_bytes": max_total_bytes})
    return document_limits(ws.db, competition)


def list_links(db: Database, competition: str | int, entry: str) -> list[LinkRecord]:
    """An entry's links: those with a label (removable here), then the ones typed in the
    entry's own links field (edited in the entry form)."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        e = lookup.entry(s, comp.id, entry)
        labelled = [LinkRecord(a.id, entry, a.label, a.location) for a in s.scalars(
            select(m.Attachment).where(m.Attachment.entry_id == e.id).order_by(m.Attachment.id))]
        typed = [LinkRecord(None, entry, "", line.strip()) for line in e.links.splitlines()
                 if line.strip()]
    return labelled + typed


def add_link(ws: Workspace, competition: str | int, entry: str, label: str,
             location: str) -> LinkRecord:
    label, location = label.strip(), location.strip()
    if not location or len(location) > MAX_LINK or any(c in location for c in "\r\n"):
        raise ValidationError(Message("attachments.bad_link", entry=entry))
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        e = lookup.entry(s, comp.id, entry)
        row = m.Attachment(entry_id=e.id, label=label[:MAX_LABEL] or location[:MAX_LABEL],
                           location=location)
        s.add(row)
        s.flush()
        audit.record(s, ws.actor, "links.add", "entry", entry, competition_id=comp.id,
                     new={"label": row.label, "location": location})
        return LinkRecord(row.id, entry, row.label, location)


def remove_link(ws: Workspace, competition: str | int, entry: str, link_id: int) -> None:
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        e = lookup.entry(s, comp.id, entry)
        row = s.scalar(select(m.Attachment).where(m.Attachment.id == link_id,
                                                  m.Attachment.entry_id == e.id))
        if row is None:
            raise NotFoundError(Message("attachments.no_link", entry=entry))
        audit.record(s, ws.actor, "links.remove", "entry", entry, competition_id=comp.id,
                     old={"label": row.label, "location": row.location})
        s.delete(row)
