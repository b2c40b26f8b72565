"""Entries' documents: attach (checked whole first, then one transaction and one audit
event), list, read back piece by piece; the competition's size limits as they stand
(document_admin.py removes, relabels, sets the limits and keeps the links).

Content is stored once per SHA-256 (store/document_models.py); attaching a file already
stored under another entry writes only the link. A content no entry names any more is
deleted with its last link. Files are read in 1 MiB pieces, hashed before the transaction
(so every problem is known before anything is written) and again while written (a file
changed in between is refused).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from judging_app.core.attachments import (
    CHUNK_BYTES,
    PDF,
    DocumentKind,
    DocumentLimits,
    DocumentRecord,
    size_mb,
)
from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.exchange import document_files as files
from judging_app.exchange.pdf_process import PdfProblem, PdfRenderer, inspect_pdf
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.competitions import now
from judging_app.services.document_queries import (
    audit_item,
    document_limits_in,
    document_records,
    drop_unused,
    entry_documents_of,
    shas_in_competition,
    used_bytes,
)
from judging_app.services.errors import NotFoundError, ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store import models as m
from judging_app.store.database import Database

Progress = Callable[[int, int], None]
MAX_NAME, MAX_LABEL = 255, 300


@dataclass(frozen=True)
class NewDocument:
    """A file to attach to an entry."""

    entry: str  # entry code
    path: Path
    kind: DocumentKind = DocumentKind.EVIDENCE
    label: str = ""  # default: the file name without its extension
    file_name: str = ""  # default: the file's own name
    round: str | None = None  # a round's code; None: for every round

    @property
    def name(self) -> str:
        return (self.file_name or Path(self.path).name).strip()


@dataclass(frozen=True)
class AttachReport:
    attached: tuple[DocumentRecord, ...] = ()
    replaced: tuple[str, ...] = ()  # "entry/file" whose content was replaced
    unchanged: tuple[str, ...] = ()  # "entry/file" already attached with this content
    stored_bytes: int = 0  # new content written (each content once)
    notes: tuple[Message, ...] = field(default_factory=tuple)
    planned: tuple[tuple[str, str, int], ...] = ()  # (entry, file name, size) attached or to be


@dataclass
class Checked:
    """A file that passed the checks, with what they found."""

    item: NewDocument
    facts: files.FileFacts


PDF_PROBLEMS = {  # the reason -> its Message for a file (codes literal: tests/test_messages.py)
    "encrypted": lambda file: Message("attachments.pdf_encrypted", file=file),
    "damaged": lambda file: Message("attachments.pdf_damaged", file=file),
    "unreadable": lambda file: Message("attachments.pdf_unreadable", file=file),
    "empty": lambda file: Message("attachments.pdf_empty", file=file),
    "too_complex": lambda file: Message("attachments.pdf_too_complex", file=file),
}


def _problem_of(exc: PdfProblem, name: str) -> Message:
    return PDF_PROBLEMS.get(exc.reason, PDF_PROBLEMS["damaged"])(name)


def check_each(items: Sequence[NewDocument], limits: DocumentLimits,
               progress: Progress | None = None
               ) -> tuple[list[Checked], list[tuple[int, Message]]]:
    """Every file's size, type and hash, and each PDF opened once in a renderer process
    (an encrypted or damaged PDF is refused now, not when a judge opens it). Problems come
    with the index of their item."""
    checked: list[Checked] = []
    problems: list[tuple[int, Message]] = []
    renderer: PdfRenderer | None = None
    try:
        for n, item in enumerate(items):
            if len(item.name) > MAX_NAME:
                problems.append((n, Message("attachments.name_too_long", file=item.name[:80],
                                            limit=MAX_NAME)))
                continue
            try:
                facts = files.check_file(Path(item.path), limits.max_file_bytes, item.name)
                if facts.media_type == PDF:
                    renderer = renderer or PdfRenderer()
                    inspect_pdf(str(facts.path), renderer)
            except files.DocumentFileError as exc:
                problems.append((n, exc.message))
            except PdfProblem as exc:
                problems.append((n, _problem_of(exc, item.name)))
            else:
                checked.append(Checked(item, facts))
            if progress is not None:
                progress(n + 1, len(items))
    finally:
        if renderer is not None:
            renderer.close()
    return checked, problems


def _store_content(s: Session, facts: files.FileFacts) -> None:
    """Insert a document and its pieces, re-reading the file; refused if it changed."""
    conn = s.connection()  # Core inserts: no ORM bookkeeping for megabytes of pieces
    conn.execute(insert(m.Document.__table__), {"sha256": facts.sha256, "size": facts.size,
                                                "media_type": facts.media_type,
                                                "created_at": now()})
    digest = hashlib.sha256()
    chunks = insert(m.DocumentChunk.__table__)
    for seq, data in enumerate(files.read_pieces(facts.path, CHUNK_BYTES)):
        digest.update(data)
        conn.execute(chunks, {"sha256": facts.sha256, "seq": seq, "data": data})
    if digest.hexdigest() != facts.sha256:
        raise ValidationError(Message("attachments.refused", count=1),
                              [Message("attachments.file_changed", file=facts.path.name)])


def attach_documents(ws: Workspace, competition: str | int, items: Sequence[NewDocument],
                     replace: bool = False, progress: Progress | None = None,
                     dry_run: bool = False) -> AttachReport:
    """Attach files to entries, all or nothing. A file whose name the entry already has is
    'unchanged' when the content is the same, otherwise refused (or, with `replace`, put in
    place of the old one). `progress(done, total)`: files checked, then files written.
    `dry_run`: every check, nothing written (the report's `planned` says what would be)."""
    items = list(items)
    limits = document_limits(ws.db, competition)
    checked, found = check_each(items, limits, progress)
    problems = [p for _, p in found]
    with ws.db.read() if dry_run else ws.db.write() as s:
        if not dry_run:
            require(s, ws, Role.SECRETARIAT)
        comp = (lookup.competition if dry_run else lookup.writable_competition)(s, competition)
        report, ids = attach_in_session(s, ws.actor, comp.id, checked, problems, limits,
                                        replace=replace, dry_run=dry_run, progress=progress,
                                        done=len(items))
    if dry_run or not ids:
        return report
    records = {r.id: r for r in list_documents(ws.db, competition)}
    attached = tuple(records[i] for i in ids)
    return dataclasses.replace(report, attached=attached,
                               planned=tuple((r.entry, r.file_name, r.size) for r in attached))


def attach_in_session(s: Session, actor: str, comp_id: int, checked: list[Checked],
                      problems: list[Message], limits: DocumentLimits, *, replace: bool = False,
                      dry_run: bool = False, progress: Progress | None = None, done: int = 0
                      ) -> tuple[AttachReport, list[int]]:
    """The write half of attaching, inside the caller's transaction (the entry import uses
    it for the documents its workbook names). Raises ValidationError with `problems` and
    every problem found here; returns the report and the new links' ids."""
    entries = {e.code: e for e in s.scalars(select(m.Entry).where(
        m.Entry.competition_id == comp_id, m.Entry.code.in_({c.item.entry for c in checked})))}
    rounds = dict(s.execute(select(m.Round.code, m.Round.id).where(
        m.Round.competition_id == comp_id)).all())
    existing = entry_documents_of(s, [e.id for e in entries.values()])
    stored = set(s.scalars(select(m.Document.sha256).where(
        m.Document.sha256.in_({c.facts.sha256 for c in checked}))))
    plan, unchanged, replaced, notes = _plan(checked, entries, rounds, existing, replace,
                                             problems)
    sizes = {c.facts.sha256: c.facts.size for c in plan}
    linked = shas_in_competition(s, comp_id, set(sizes))
    adding = sum(size for sha, size in sizes.items() if sha not in linked)
    in_use = used_bytes(s, comp_id)
    if in_use + adding > limits.max_total_bytes:
        problems.append(Message("attachments.competition_full", used=size_mb(in_use),
                                adding=size_mb(adding), limit=size_mb(limits.max_total_bytes)))
    if problems:
        raise ValidationError(Message("attachments.refused", count=len(problems)), problems)
    report = AttachReport(replaced=tuple(f"{code}/{o.file_name}" for code, o in replaced),
                          unchanged=tuple(unchanged), notes=tuple(notes),
                          stored_bytes=sum(v for k, v in sizes.items() if k not in stored),
                          planned=tuple((c.item.entry, c.item.name, c.facts.size) for c in plan))
    if dry_run:
        return report, []
    for _, old in replaced:
        s.delete(old)
    s.flush()
    links: list[tuple[m.EntryDocument, str, str | None]] = []  # (link, entry, round)
    for n, c in enumerate(plan):
        if c.facts.sha256 not in stored:
            _store_content(s, c.facts)
            stored.add(c.facts.sha256)
        link = m.EntryDocument(
            entry_id=entries[c.item.entry].id, sha256=c.facts.sha256, kind=c.item.kind.value,
            label=(c.item.label.strip() or Path(c.item.name).stem or c.item.name)[:MAX_LABEL],
            file_name=c.item.name, round_id=rounds.get(c.item.round) if c.item.round else None,
            size=c.facts.size, added_by=actor, added_at=now())
        s.add(link)
        links.append((link, c.item.entry, c.item.round))
        if progress is not None:
            progress(done + n + 1, done + len(plan))
    s.flush()
    drop_unused(s, {old.sha256 for _, old in replaced} - stored)
    if links:
        codes = {code for _, code, _ in links}
        audit.record(s, actor, "documents.attach", "entry",
                     next(iter(codes)) if len(codes) == 1 else "", competition_id=comp_id,
                     old={"replaced": [{"entry": code, "file": o.file_name, "sha256": o.sha256}
                                       for code, o in replaced]} if replaced else None,
                     new={"documents": [audit_item(x, code, r) for x, code, r in links],
                          "stored_bytes": report.stored_bytes})
    return report, [x.id for x, _, _ in links]


def _plan(checked: list[Checked], entries: dict[str, m.Entry], rounds: dict[str, int],
          existing: dict[int, list[m.EntryDocument]], replace: bool, problems: list[Message]
          ) -> tuple[list[Checked], list[str], list[tuple[str, m.EntryDocument]], list[Message]]:
    """What to write: refuses unknown entries and rounds, a name twice for one entry, and a
    different content under a name the entry already has (unless `replace`). The same
    content under another name of the same entry is skipped with a note."""
    plan: list[Checked] = []
    unchanged: list[str] = []
    replaced: list[tuple[str, m.EntryDocument]] = []
    notes: list[Message] = []
    seen_names: dict[tuple[str, str], str] = {}
    seen_content: dict[tuple[str, str], str] = {}
    for c in checked:
        code, name = c.item.entry, c.item.name
        entry = entries.get(code)
        if entry is None:
            problems.append(Message("attachments.no_entry", entry=code, file=name))
            continue
        if c.item.round and c.item.round not in rounds:
            problems.append(Message("attachments.no_round", round=c.item.round, file=name))
            continue
        key = (code, name.casefold())
        if key in seen_names:
            problems.append(Message("attachments.duplicate_name", entry=code, file=name,
                                    other=seen_names[key]))
            continue
        seen_names[key] = str(c.item.path)
        mine = existing.get(entry.id, [])
        same_name = next((x for x in mine if x.file_name.casefold() == name.casefold()), None)
        if same_name is not None and same_name.sha256 == c.facts.sha256:
            unchanged.append(f"{code}/{name}")
            continue
        other = seen_content.get((code, c.facts.sha256)) or next(
            (x.file_name for x in mine if x.sha256 == c.facts.sha256), None)
        if other is not None:
            notes.append(Message("attachments.same_content", entry=code, file=name, other=other))
            continue
        if same_name is not None:
            if not replace:
                problems.append(Message("attachments.name_taken", entry=code, file=name))
                continue
            replaced.append((code, same_name))
        seen_content[(code, c.facts.sha256)] = name
        plan.append(c)
    return plan, unchanged, replaced, notes


def list_documents(db: Database, competition: str | int, entry: str | None = None
                   ) -> list[DocumentRecord]:
    """A competition's documents (or one entry's), by entry code, then kind, then name."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        entry_id = lookup.entry(s, comp.id, entry).id if entry is not None else None
        return document_records(s, comp.id, entry_id)


def document_pieces(db: Database, sha256: str) -> Iterator[bytes]:
    """A stored document's content, one piece (at most 1 MiB) at a time, each piece read
    in its own short query."""
    with db.read() as s:
        count = s.scalar(select(func.count()).select_from(m.DocumentChunk)
                         .where(m.DocumentChunk.sha256 == sha256))
    if not count:
        raise NotFoundError(Message("attachments.content_missing", sha256=sha256[:12]))
    for seq in range(count):
        with db.read() as s:
            data = s.scalar(select(m.DocumentChunk.data).where(
                m.DocumentChunk.sha256 == sha256, m.DocumentChunk.seq == seq))
        if data is None:
            raise NotFoundError(Message("attachments.content_missing", sha256=sha256[:12]))
        yield bytes(data)


def save_document(db: Database, sha256: str, target: Path) -> Path:
    """Write a stored document to a file (checked against its SHA-256)."""
    try:
        return files.write_pieces(document_pieces(db, sha256), Path(target), sha256)
    except files.DocumentFileError as exc:
        raise ValidationError(exc.message) from None


def document_limits(db: Database, competition: str | int) -> DocumentLimits:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        return document_limits_in(s, comp.id)
