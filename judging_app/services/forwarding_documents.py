"""The documents a forwarded entry carries: its stored documents (proposal, evidence) and
its links. Contents are stored once (keyed by SHA-256), so forwarding writes only the
target entry's list; the target's document limits must hold for what it adds."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.attachments import size_mb
from judging_app.core.messages import Message
from judging_app.services.document_queries import (
    audit_item,
    document_limits_in,
    shas_in_competition,
)
from judging_app.services.errors import ValidationError
from judging_app.services.programme_links import now
from judging_app.store.document_models import Attachment, EntryDocument
from judging_app.store.models import Competition, Entry, Round


def round_map(s: Session, src: Competition, dst: Competition) -> dict[int, tuple[int, str]]:
    """Source round id → (the target's round id, its code) for the rounds whose code the
    target has too: a document tied to a round keeps its round only there."""
    target = dict(s.execute(select(Round.code, Round.id)
                            .where(Round.competition_id == dst.id)).all())
    return {rid: (target[code], code) for rid, code in s.execute(
        select(Round.id, Round.code).where(Round.competition_id == src.id)) if code in target}


def check_document_room(s: Session, dst: Competition, chosen: list[Entry]) -> None:
    """The target's document limits hold for what the entries carry (the contents are
    stored once already: only the target's use grows)."""
    limits = document_limits_in(s, dst.id)
    docs = s.execute(select(EntryDocument.sha256, EntryDocument.size, EntryDocument.file_name)
                     .where(EntryDocument.entry_id.in_([e.id for e in chosen]))).all()
    problems: list[Message] = [
        Message("programme.forward_document_too_big", file=name, size=size_mb(size),
                limit=size_mb(limits.max_file_bytes))
        for _, size, name in docs if size > limits.max_file_bytes]
    there = shas_in_competition(s, dst.id, {sha for sha, _, _ in docs})
    adding = sum(dict((sha, size) for sha, size, _ in docs if sha not in there).values())
    if limits.used_bytes + adding > limits.max_total_bytes:
        problems.append(Message("programme.forward_documents_full", competition=dst.code,
                                adding=size_mb(adding), limit=size_mb(limits.max_total_bytes)))
    if problems:
        raise ValidationError(Message("programme.forward_documents_refused",
                                      target=dst.code), problems)


def copy_documents(s: Session, actor: str, e: Entry, new: Entry,
                   rounds: dict[int, tuple[int, str]]) -> tuple[list[dict], list[dict]]:
    """The entry's stored documents (by content: nothing is stored again) and its links,
    put on `new`; what was carried, as the audit trail records documents and links."""
    documents, links = [], []
    for doc in s.scalars(select(EntryDocument).where(EntryDocument.entry_id == e.id)
                         .order_by(EntryDocument.id)):
        round_id, round_code = rounds.get(doc.round_id, (None, None))
        copy = EntryDocument(entry_id=new.id, sha256=doc.sha256, kind=doc.kind, label=doc.label,
                             file_name=doc.file_name, round_id=round_id, size=doc.size,
                             added_by=actor, added_at=now())
        s.add(copy)
        documents.append(audit_item(copy, new.code, round_code))
    for label, location in s.execute(select(Attachment.label, Attachment.location)
                                     .where(Attachment.entry_id == e.id).order_by(Attachment.id)):
        s.add(Attachment(entry_id=new.id, label=label, location=location))
        links.append({"label": label, "location": location})
    return documents, links
