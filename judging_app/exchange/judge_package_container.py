"""A judge package that carries documents: a zip holding the signed package document as
`package.json` (exactly what a package without documents is as a file of its own) and each
document once as `documents/<sha256>`, stored uncompressed (PDFs and photos are compressed
already). The signed payload lists every entry's documents with their SHA-256 and size, so
a changed, swapped or missing document is found when the package is opened.

Written piece by piece (never a whole document, let alone the package, in memory), to a
temporary name first. Read with limits: at most MAX_MEMBERS members, package.json at most
jp.MAX_BYTES unpacked, nothing but the members the payload lists."""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from judging_app.core.messages import Message, os_error_message
from judging_app.exchange import atomic_files
from judging_app.exchange import judge_package as jp
from judging_app.exchange.judge_package_fields import Package, PackageDocument, PackageError

PACKAGE_MEMBER = "package.json"
DOCUMENTS = "documents/"
MAX_MEMBERS = 50_000
PIECE = 2**20
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the same bytes for the same content, whenever written
# what the zip format adds: per member a local header and a central directory entry (each
# with the name), zip64 fields for a member of 2 GiB or more and beyond 4 GiB; the end record
_HEADERS = 30 + 46
_ZIP64_MEMBER, _ZIP64_OFFSET, _ZIP64_END = 20 + 20, 8, 56 + 20
_END = 22

Pieces = Callable[[], Iterable[bytes]]


@dataclass(frozen=True)
class DocumentProblem:
    entry: str
    file_name: str
    problem: str  # "missing" or "changed"


def documents_of(package: Package) -> dict[str, PackageDocument]:
    """Each document the package lists, once (by SHA-256)."""
    return {d.sha256: d for e in package.entries for d in e.documents}


def container_size(package_bytes: int, documents: Iterable[PackageDocument]) -> int:
    """The size of the container before it is written (exact to within the compression
    of package.json, which is stored as it is)."""
    total = _HEADERS + 2 * len(PACKAGE_MEMBER) + package_bytes
    for size in {d.sha256: d.size for d in documents}.values():
        total += _HEADERS + 2 * (len(DOCUMENTS) + 64) + size
        total += (_ZIP64_MEMBER if size >= 2**31 else 0) + (_ZIP64_OFFSET if total > 2**32 else 0)
    return total + _END + (_ZIP64_END if total >= 2**32 else 0)


def is_container(path: Path) -> bool:
    try:
        with Path(path).open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def write_container(path: Path, package_bytes: bytes, documents: Iterable[PackageDocument],
                    pieces: Callable[[str], Iterable[bytes]], mode: int | None = None) -> int:
    """Write the container: package.json, then each document from `pieces(sha256)`, checked
    against its SHA-256 and size on the way. Returns the file's size."""
    with atomic_files.atomic_target(Path(path), mode) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666 if mode is None else mode)
        with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_STORED,
                                                        allowZip64=True) as zf:
            zf.writestr(zipfile.ZipInfo(PACKAGE_MEMBER, _ZIP_TIME), package_bytes)
            for doc in {d.sha256: d for d in documents}.values():
                info = zipfile.ZipInfo(DOCUMENTS + doc.sha256, _ZIP_TIME)
                info.file_size = doc.size
                digest, written = hashlib.sha256(), 0
                with zf.open(info, "w", force_zip64=doc.size >= 2**31) as out:
                    for piece in pieces(doc.sha256):
                        out.write(piece)
                        digest.update(piece)
                        written += len(piece)
                if written != doc.size or digest.hexdigest() != doc.sha256:
                    raise PackageError(Message("package_file.stored_document_damaged",
                                               file=doc.file_name))
    return Path(path).stat().st_size


def _member_bytes(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise PackageError(Message("package_file.member_too_large", member=info.filename,
                                   mb=limit // 2**20))
    return data


def read_container(path: Path) -> tuple[Package, list[DocumentProblem]]:
    """The package in a container (its signature checked as for a package file), and each
    listed document that is missing or not what the payload says."""
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            if len(members) > MAX_MEMBERS:
                raise PackageError(Message("package_file.too_many_members"))
            by_name = {m.filename: m for m in members}
            if len(by_name) != len(members):
                raise PackageError(Message("package_file.member_twice"))
            if PACKAGE_MEMBER not in by_name:
                raise PackageError(Message("package_file.no_package_member",
                                           member=PACKAGE_MEMBER))
            package = jp.read_package(_member_bytes(zf, by_name[PACKAGE_MEMBER], jp.MAX_BYTES))
            return package, _check(zf, by_name, package)
    except zipfile.BadZipFile:
        raise PackageError(Message("package_file.bad_zip")) from None
    except OSError as exc:
        raise PackageError(os_error_message(exc, path)) from None


def _check(zf: zipfile.ZipFile, by_name: dict[str, zipfile.ZipInfo],
           package: Package) -> list[DocumentProblem]:
    listed = documents_of(package)
    extra = [n for n in by_name if n != PACKAGE_MEMBER and n[len(DOCUMENTS):] not in listed]
    if extra:
        raise PackageError(Message("package_file.unlisted_member", member=extra[0][:80]))
    bad: dict[str, str] = {}
    for sha, doc in listed.items():
        info = by_name.get(DOCUMENTS + sha)
        if info is None:
            bad[sha] = "missing"
        elif info.file_size != doc.size or _digest(zf, info, doc.size) != sha:
            bad[sha] = "changed"
    return [DocumentProblem(e.code, d.file_name, bad[d.sha256])
            for e in package.entries for d in e.documents if d.sha256 in bad]


def _digest(zf: zipfile.ZipFile, info: zipfile.ZipInfo, size: int) -> str:
    digest, read = hashlib.sha256(), 0
    try:
        with zf.open(info) as fh:
            while read <= size and (piece := fh.read(PIECE)):
                digest.update(piece)
                read += len(piece)
    except (zipfile.BadZipFile, OSError, ValueError):  # CRC error, truncated data
        return ""
    return digest.hexdigest() if read == size else ""


def extract_document(path: Path, doc: PackageDocument, target: Path) -> Path:
    """One document written to `target` piece by piece, checked against its SHA-256."""
    from judging_app.exchange.document_files import DocumentFileError, write_pieces

    def pieces() -> Iterable[bytes]:
        with zipfile.ZipFile(path) as zf, zf.open(DOCUMENTS + doc.sha256) as fh:
            read = 0
            while read <= doc.size and (piece := fh.read(PIECE)):
                read += len(piece)
                yield piece

    try:
        return write_pieces(pieces(), target, doc.sha256)
    except (KeyError, zipfile.BadZipFile, DocumentFileError):
        raise PackageError(Message("package_file.document_changed", file=doc.file_name)) \
            from None


def load_package(path: Path) -> tuple[Package, list[DocumentProblem]]:
    """A package file of either kind: a container (with its documents checked) or the
    plain signed document."""
    path = Path(path)
    if is_container(path):
        return read_container(path)
    return jp.read_package(jp.read_file(path)), []
