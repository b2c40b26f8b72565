"""Files to attach: checked by size before a byte is read (a 2 GB file is refused at once),
read in fixed-size pieces (never whole in memory), hashed with SHA-256, and their type
taken from their first bytes, not their name."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from judging_app.core.attachments import (
    CHUNK_BYTES,
    HEAD_BYTES,
    OTHER_TYPE,
    PDF,
    expected_type,
    media_type_of,
    size_mb,
)
from judging_app.core.messages import Message, os_error_message


class DocumentFileError(Exception):
    """A file that cannot be attached; `message` says why and what to do."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class FileFacts:
    path: Path
    size: int
    sha256: str
    media_type: str


def file_size(path: Path, name: str = "") -> int:
    """The size of a regular file; DocumentFileError when it is missing or not a file
    (named `name` in the message, else by its path)."""
    name = name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DocumentFileError(Message("attachments.file_missing", file=name)) from None
    except OSError as exc:  # in words, not the system's English; named as the caller names it
        raise DocumentFileError(os_error_message(OSError(exc.errno, exc.strerror), name)) \
            from None
    if not stat.S_ISREG(info.st_mode):
        raise DocumentFileError(Message("attachments.not_a_file", file=name))
    return info.st_size


def read_pieces(path: Path, piece: int = CHUNK_BYTES) -> Iterator[bytes]:
    """The file's bytes, `piece` at a time."""
    try:
        with path.open("rb") as fh:
            while data := fh.read(piece):
                yield data
    except OSError as exc:
        raise DocumentFileError(os_error_message(exc, path)) from None


def check_file(path: Path, max_bytes: int, name: str | None = None) -> FileFacts:
    """Size (refused before reading when over `max_bytes` or empty), type (a name ending
    in .pdf, .png, .jpg must hold that) and SHA-256 of a file to attach."""
    path = Path(path)
    name = name or path.name
    size = file_size(path, name)
    if size == 0:
        raise DocumentFileError(Message("attachments.empty_file", file=name))
    if size > max_bytes:
        raise DocumentFileError(Message("attachments.file_too_large", file=name,
                                        size=size_mb(size), limit=size_mb(max_bytes)))
    digest = hashlib.sha256()
    head = b""
    read = 0
    for data in read_pieces(path):
        if len(head) < HEAD_BYTES:
            head += data[:HEAD_BYTES - len(head)]
        digest.update(data)
        read += len(data)
        if read > max_bytes:  # the file grew while it was read
            raise DocumentFileError(Message("attachments.file_too_large", file=name,
                                            size=size_mb(read), limit=size_mb(max_bytes)))
    if read != size:
        raise DocumentFileError(Message("attachments.file_changed", file=name))
    media_type = media_type_of(head)
    promised = expected_type(name)
    if promised is not None and promised != media_type:
        raise DocumentFileError(Message("attachments.wrong_type", file=name,
                                        expected=_type_word(promised),
                                        found=_type_word(media_type)))
    return FileFacts(path, size, digest.hexdigest(), media_type)


TYPE_WORDS = {PDF: Message("attachments.type_pdf"), "image/png": Message("attachments.type_png"),
              "image/jpeg": Message("attachments.type_jpeg"),
              OTHER_TYPE: Message("attachments.type_other")}


def _type_word(media_type: str) -> Message:
    return TYPE_WORDS.get(media_type, TYPE_WORDS[OTHER_TYPE])


def is_pdf(facts: FileFacts) -> bool:
    return facts.media_type == PDF


def is_other(facts: FileFacts) -> bool:
    return facts.media_type == OTHER_TYPE


def write_pieces(pieces: Iterator[bytes], target: Path, sha256: str) -> Path:
    """Write a stored document to `target` piece by piece (a temporary name first, then
    renamed), checking its SHA-256; DocumentFileError when the content does not match."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".part")
    digest = hashlib.sha256()
    with temporary.open("wb") as fh:
        for data in pieces:
            digest.update(data)
            fh.write(data)
    if digest.hexdigest() != sha256:
        temporary.unlink(missing_ok=True)
        raise DocumentFileError(Message("attachments.content_damaged", file=target.name))
    os.replace(temporary, target)
    return target
