"""Entries' documents (proposals, evidence files) and links, stored with the data.

A document's content is stored once, keyed by its SHA-256, in chunks of at most
CHUNK_BYTES (rows of `document_chunks`), so that it is written and read piece by piece on
SQLite and PostgreSQL alike and an SQLite file, a backup and a server carry it. An entry
names a document through `entry_documents` (its label, file name, kind, optional round,
who added it when). A content no entry names any more is deleted with its last link.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from judging_app.core.attachments import CHUNK_BYTES  # noqa: F401 (the pieces stored)
from judging_app.store.models import Base


class Attachment(Base):
    """A link with a label (a video, a web page, a shared-drive path): stays a link."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(300))
    location: Mapped[str] = mapped_column(Text)


class Document(Base):
    """One content, whoever attached it and however often."""

    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint("size > 0", "size"),
        CheckConstraint("length(sha256) = 64", "sha256"),
    )
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))  # application/pdf, image/png, ...
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DocumentChunk(Base):
    """Piece `seq` (from 0) of a document's content; every piece but the last is full."""

    __tablename__ = "document_chunks"
    __table_args__ = (CheckConstraint("seq >= 0", "seq"),)
    sha256: Mapped[str] = mapped_column(
        ForeignKey("documents.sha256", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class EntryDocument(Base):
    """An entry's document: what people call it and what it is for."""

    __tablename__ = "entry_documents"
    __table_args__ = (
        UniqueConstraint("entry_id", "file_name"),
        UniqueConstraint("entry_id", "sha256"),
        CheckConstraint("kind IN ('proposal', 'evidence', 'other')", "kind"),
        CheckConstraint("size > 0", "size"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(300))
    file_name: Mapped[str] = mapped_column(String(255))
    round_id: Mapped[int | None] = mapped_column(ForeignKey("rounds.id", ondelete="SET NULL"))
    size: Mapped[int] = mapped_column(BigInteger)
    added_by: Mapped[str] = mapped_column(String(300))
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DocumentLimits(Base):
    """The secretariat's limits for one competition (defaults when there is no row)."""

    __tablename__ = "document_limits"
    __table_args__ = (
        CheckConstraint("max_file_bytes > 0", "max_file"),
        CheckConstraint("max_total_bytes >= max_file_bytes", "max_total"),
    )
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competitions.id", ondelete="CASCADE"), primary_key=True
    )
    max_file_bytes: Mapped[int] = mapped_column(BigInteger)
    max_total_bytes: Mapped[int] = mapped_column(BigInteger)
