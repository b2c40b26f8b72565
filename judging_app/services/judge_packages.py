"""Judge packages out, judges' returns in (docs/judge-packages.md).

Export: one signed package per judge per round with only that judge's entries (anonymized in
a blind round), the rubric, the instructions and the judge's sheets so far.
Import: services/judge_packages_import.py (`import_return`, re-exported here).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import CompetitionStatus, RoundKind
from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_container as container
from judging_app.services import audit, lookup, package_documents, signing
from judging_app.services.assignments import list_assignments
from judging_app.services.authorization import require
from judging_app.services.entries import list_entries
from judging_app.services.errors import LockedError, ServiceError
from judging_app.services.judge_packages_import import (  # noqa: F401 (the callers' names)
    IMPORT_ACTION,
    ReturnImportReport,
    import_return,
    last_imports,
)
from judging_app.services.sheet_bulk import stored_sheets
from judging_app.services.workspace import Workspace
from judging_app.store import models as m
from judging_app.store import setup_rows
from judging_app.store.database import Database
from judging_app.store.rows import RowReader

Progress = Callable[[int, int], None]
EXPORT_ACTION = "packages.export"
PRIVATE = 0o600  # a package holds its judge's signing key


def _rubric(s: Session, comp_id: int, round_code: str) -> tuple[jp.RubricCriterion, ...]:
    return jp.rubric_of(next(r for r in setup_rows.read_setup(s, comp_id).rounds
                             if r.code == round_code))


# ---- export ----------------------------------------------------------------------------

def _packages(db: Database, competition: str | int, round_code: str, judge_code: str | None,
              issued_by: str) -> tuple[int, list[jp.Package]]:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        if comp.status == CompetitionStatus.FINALIZED.value:
            raise LockedError(Message("packages.finalized", competition=comp.code))
        rnd = lookup.round_(s, comp.id, round_code)
        if rnd.kind != RoundKind.SCORED.value:
            raise ServiceError(Message("lookup.screening_round_no_scores", round=round_code))
        one = lookup.judge(s, comp.id, judge_code) if judge_code is not None else None
        judges = [one] if one else list(s.scalars(select(m.Judge).where(m.Judge.competition_id == comp.id)))
        rubric, sheets = _rubric(s, comp.id, rnd.code), stored_sheets(s, rnd.id, one and one.id)
        last = last_imports(RowReader.of_session(s), comp.id)
        ref = jp.CompetitionRef(comp.code, comp.name, jp.identity_time(comp.created_at))
        signing_keys = signing.judge_keys(s, comp)
        info = jp.RoundInfo(rnd.code, rnd.name, rnd.name_en, rnd.instructions,
                            rnd.instructions_en, rnd.blind)
    entries = {e.code: jp.package_entry(e, info.blind) for e in list_entries(db, competition)}
    assigned: dict[str, list[str]] = {}
    for j, e in list_assignments(db, competition, round_code):
        assigned.setdefault(j, []).append(e)
    return comp.id, [jp.build_package(
        ref, info, jp.JudgeRef(j.code, j.name), signing_keys[j.id], rubric,
        tuple(entries[c] for c in sorted(assigned[j.code], key=jp.natural_key)),
        tuple(jp.SheetData(x.entry, x.state, x.scores, x.comments, x.overall_comment)
              for x in sheets.get(j.id, {}).values()),
        sequence_start=last.get((rnd.code, j.code), {}).get("sequence", 0) + 1,
        issued_by=issued_by,
    ) for j in sorted(judges, key=lambda j: jp.natural_key(j.code)) if j.code in assigned]


def package_file_name(p: jp.Package) -> str:
    return jp.safe_file_name(f"{p.competition.code}_{p.round.code}_{p.judge.code}{jp.PACKAGE_SUFFIX}")


def _write_all(target: Workspace | Database, competition: str | int, round_code: str,
               judge_code: str | None, path_of: Callable[[jp.Package, int], Path],
               progress: Progress | None) -> list[Path]:
    db, actor = (target.db, target.actor) if isinstance(target, Workspace) else (target, "")
    if actor:
        signing.prepare(target, competition)
    try:
        comp_id, packages = _packages(db, competition, round_code, judge_code, actor)
    except jp.PackageError as exc:  # e.g. a judge's stored key that is not hexadecimal
        raise ServiceError(Message("packages.cannot_write", problem=exc)) from None
    if not packages:
        if judge_code:
            raise ServiceError(Message("packages.judge_has_none", judge=judge_code,
                                       round=round_code))
        raise ServiceError(Message("packages.nobody_has_any", round=round_code))
    packages = package_documents.add_documents(db, competition, round_code, packages)
    paths: list[Path] = []
    sizes: list[int] = []
    for i, package in enumerate(packages):
        paths.append(path_of(package, i))
        # never half a file under the name; readable by its owner only: it holds the key;
        # with its entries' documents, written piece by piece into one container
        try:
            sizes.append(package_documents.write_package(db, paths[-1], package, PRIVATE))
        except jp.PackageError as exc:
            raise ServiceError(Message("packages.cannot_write", problem=exc)) from None
        if progress is not None:
            progress(i + 1, len(packages))
    if actor:  # given a Workspace, one audit event: who exported which package, where
        with db.write() as s:
            require(s, target, Role.SECRETARIAT)
            audit.record(s, actor, EXPORT_ACTION, "round", round_code, competition_id=comp_id,
                         new={"packages": [{"judge": p.judge.code, "package_id": p.package_id,
                                            "file": path.name, "entries": len(p.entries),
                                            "documents": len(container.documents_of(p)),
                                            "bytes": size}
                                           for p, path, size in zip(packages, paths, sizes,
                                                                    strict=True)]})
    return paths


def package_sizes(db: Database, competition: str | int, round_code: str,
                  judge_code: str | None = None) -> list[package_documents.PackageSize]:
    """Each judge's package as it would be written now: entries, documents, bytes (shown
    before an export; nothing is written)."""
    _, packages = _packages(db, competition, round_code, judge_code, "")
    return package_documents.sizes(
        package_documents.add_documents(db, competition, round_code, packages))


def export_packages(target: Workspace | Database, competition: str | int, round_code: str,
                    folder: Path, progress: Progress | None = None) -> list[Path]:
    """One package per judge with assignments in the round, named
    <competition>_<round>_<judge>.jpkg in `folder`; progress(done, total) after each file.
    Given a Workspace (not just a Database) the export is audited."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names: set[str] = set()

    def path_of(package: jp.Package, i: int) -> Path:
        name = package_file_name(package)
        if name.lower() in names:  # two codes that differ only in characters files cannot hold
            name = name.replace(jp.PACKAGE_SUFFIX, f"-{i + 1}{jp.PACKAGE_SUFFIX}")
        names.add(name.lower())
        return folder / name

    return _write_all(target, competition, round_code, None, path_of, progress)


def export_package(target: Workspace | Database, competition: str | int, round_code: str,
                   judge_code: str, path: Path) -> Path:
    """One judge's package for a round, written to `path` (a file name, or an existing folder
    to write it there under its usual name)."""
    path = Path(path)
    return _write_all(target, competition, round_code, judge_code,
                      lambda p, i: path / package_file_name(p) if path.is_dir() else path, None)[0]
