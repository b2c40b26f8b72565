"""Entries' documents as plain data: kinds, records, limits, and what a file's first bytes
say it is. No I/O (exchange/document_files.py reads files; services/attachments.py stores)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

MB = 1_000_000
CHUNK_BYTES = 2**20  # documents are stored and carried in pieces of 1 MiB
DEFAULT_MAX_FILE_BYTES = 50 * MB
DEFAULT_MAX_TOTAL_BYTES = 5_000 * MB
HEAD_BYTES = 1024  # how much of a file `media_type_of` needs

PDF, PNG, JPEG, OTHER_TYPE = "application/pdf", "image/png", "image/jpeg", "application/octet-stream"
SHOWN_TYPES = (PDF, PNG, JPEG)  # what the document pane shows; others open outside
EXTENSION_TYPES = {".pdf": PDF, ".png": PNG, ".jpg": JPEG, ".jpeg": JPEG}


class DocumentKind(StrEnum):
    PROPOSAL = "proposal"
    EVIDENCE = "evidence"  # bukti dukung
    OTHER = "other"


@dataclass(frozen=True)
class DocumentRecord:
    """One document of one entry."""

    id: int
    entry: str  # entry code
    sha256: str
    kind: DocumentKind
    label: str
    file_name: str
    round: str | None  # round code, or None: for every round
    size: int
    media_type: str
    added_by: str
    added_at: datetime | None

    @property
    def shown_in_app(self) -> bool:
        return self.media_type in SHOWN_TYPES


@dataclass(frozen=True)
class LinkRecord:
    """A link of an entry (a video, a web page): stays a link."""

    id: int | None  # None for a link typed in the entry's own links field
    entry: str
    label: str
    location: str


@dataclass(frozen=True)
class DocumentLimits:
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_total_bytes: int = DEFAULT_MAX_TOTAL_BYTES
    used_bytes: int = 0  # the competition's distinct documents, each counted once


def media_type_of(head: bytes) -> str:
    """The type a file's first bytes (at least HEAD_BYTES, or the whole file) announce."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if b"%PDF-" in head[:HEAD_BYTES]:  # readers accept a little junk before the header
        return PDF
    return OTHER_TYPE


def expected_type(file_name: str) -> str | None:
    """The type a file's extension promises (None for extensions the app does not show)."""
    dot = file_name.rfind(".")
    return EXTENSION_TYPES.get(file_name[dot:].lower()) if dot > 0 else None


def size_mb(size: int) -> Decimal:
    """A size in MB (10^6 bytes) with one decimal, at least 0.1 for a non-empty file."""
    value = (Decimal(size) / MB).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return max(value, Decimal("0.1")) if size > 0 else Decimal(0)
