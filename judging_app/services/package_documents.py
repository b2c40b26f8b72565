"""The documents judge packages carry: each entry's documents for the package's round (or
for every round), listed in the signed payload with their SHA-256 and written into the
package's container piece by piece from the database (exchange/judge_package_container.py);
and each package's size before anything is written."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from judging_app.exchange import atomic_files
from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_container as container
from judging_app.exchange.judge_package_fields import PackageDocument
from judging_app.services import lookup
from judging_app.services.attachments import document_pieces
from judging_app.services.document_queries import document_records
from judging_app.store.database import Database


@dataclass(frozen=True)
class PackageSize:
    judge: str
    entries: int
    documents: int
    bytes: int


def round_documents(db: Database, competition: str | int,
                    round_code: str) -> dict[str, tuple[PackageDocument, ...]]:
    """Entry code -> the documents a judge of this round reads (proposals first)."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        records = document_records(s, comp.id)
    out: dict[str, list[PackageDocument]] = {}
    for d in records:
        if d.round is None or d.round == round_code:
            out.setdefault(d.entry, []).append(PackageDocument(
                d.sha256, d.size, d.file_name, d.label, d.kind.value, d.media_type))
    return {code: tuple(docs) for code, docs in out.items()}


def add_documents(db: Database, competition: str | int, round_code: str,
                  packages: list[jp.Package]) -> list[jp.Package]:
    """The packages with their entries' documents listed."""
    documents = round_documents(db, competition, round_code)
    if not documents:
        return packages
    return [dataclasses.replace(p, entries=tuple(
        dataclasses.replace(e, documents=documents.get(e.code, ())) for e in p.entries))
        for p in packages]


def package_size(package: jp.Package) -> int:
    data = len(jp.serialize_package(package))
    documents = [d for e in package.entries for d in e.documents]
    return container.container_size(data, documents) if documents else data


def write_package(db: Database, path: Path, package: jp.Package, mode: int | None) -> int:
    """The package as a file (a container when it carries documents); its size."""
    data = jp.serialize_package(package)
    documents = [d for e in package.entries for d in e.documents]
    if not documents:
        atomic_files.write_bytes(path, data, mode=mode)
        return len(data)
    return container.write_container(path, data, documents,
                                     lambda sha: document_pieces(db, sha), mode)


def sizes(packages: list[jp.Package]) -> list[PackageSize]:
    return [PackageSize(p.judge.code, len(p.entries),
                        len({d.sha256 for e in p.entries for d in e.documents}), package_size(p))
            for p in packages]
