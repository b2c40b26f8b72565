"""Judge packages out, judges' returns in (docs/judge-packages.md).

Export: one signed package per judge per round with only that judge's entries (anonymized in
a blind round), the rubric, the instructions and the judge's sheets so far.
Import: a return is checked whole (envelope, competition / round / judge identity, signature
under THAT judge's key, sequence, entries, assignments, scales, locks) before anything is
written; then ONE transaction and ONE audit event 'returns.import' (entity key
"round/judge", with the file's SHA-256). The last imported sequence per (round, judge) is
read back from those events: there is no table for it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import CompetitionStatus, RoundKind, SheetSource, SheetState
from judging_app.core.gc_pause import paused_gc
from judging_app.core.messages import Message, Text
from judging_app.core.people import Role
from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_container as container
from judging_app.exchange import judge_package_draft as jd
from judging_app.services import audit, lookup, package_documents, signing
from judging_app.services.assignments import list_assignments
from judging_app.services.authorization import require
from judging_app.services.entries import list_entries
from judging_app.services.errors import ImportFileError, LockedError, ServiceError
from judging_app.services.retry import retry_transient
from judging_app.services.sheet_bulk import (
    apply_merge,
    audited,
    changed_since,
    entry_ids_of,
    last_event_id,
    stored_sheets,
)
from judging_app.services.workspace import Workspace
from judging_app.store import models as m
from judging_app.store import setup_rows
from judging_app.store.database import Database

Progress = Callable[[int, int], None]
IMPORT_ACTION, EXPORT_ACTION = "returns.import", "packages.export"
PRIVATE = 0o600  # a package holds its judge's signing key
SUBMITTED, PACKAGE = SheetState.SUBMITTED.value, SheetSource.PACKAGE.value


@dataclass(frozen=True)
class ReturnImportReport:
    file: str
    sha256: str
    round_code: str
    judge_code: str
    package_id: str
    sequence: int
    already_imported: bool = False
    created: int = 0  # sheets that did not exist yet
    updated: int = 0  # existing draft sheets changed
    submitted: int = 0  # sheets this return submitted (new or updated)
    unchanged: int = 0
    warnings: tuple[Text, ...] = ()

    def summary(self) -> Message:
        who = dict(file=self.file, judge=self.judge_code, round=self.round_code,
                   sequence=self.sequence)
        if self.already_imported:
            return Message("packages.already_imported", **who)
        return Message("packages.imported", **who, created=self.created, updated=self.updated,
                       submitted=self.submitted, unchanged=self.unchanged)


def _rubric(s: Session, comp_id: int, round_code: str) -> tuple[jp.RubricCriterion, ...]:
    return jp.rubric_of(next(r for r in setup_rows.read_setup(s, comp_id).rounds
                             if r.code == round_code))


def _last_imports(s: Session, comp_id: int, key: tuple[str, str] | None = None) -> dict:
    """(round, judge) -> the 'new' of its latest 'returns.import' event, with at and actor."""
    q = select(m.AuditEvent.new, m.AuditEvent.at, m.AuditEvent.actor).where(
        m.AuditEvent.competition_id == comp_id, m.AuditEvent.action == IMPORT_ACTION)
    if key is not None:
        q = q.where(m.AuditEvent.entity_key == f"{key[0]}/{key[1]}")
    out: dict = {}
    for new, at, actor in s.execute(q.order_by(m.AuditEvent.id)):
        data = json.loads(new)
        k = (data["round"], data["judge"])
        if key in (None, k) and data["sequence"] > out.get(k, {}).get("sequence", 0):
            out[k] = {**data, "at": at, "actor": actor}
    return out


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
        last = _last_imports(s, comp.id)
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


# ---- import ----------------------------------------------------------------------------

def _identify(s: Session, comp: m.Competition, ret: jp.JudgeReturn) -> tuple[m.Round, m.Judge]:
    """The round and judge of a return, once it is proven signed with that judge's key."""
    claimed = ret.competition
    if claimed.code != comp.code:
        raise ServiceError(Message("packages.other_competition", claimed=claimed.code,
                                   name=claimed.name, competition=comp.code))
    if claimed.created_at != jp.identity_time(comp.created_at):
        raise ServiceError(Message("packages.twin_competition", competition=comp.code,
                                   claimed_at=claimed.created_at,
                                   here_at=jp.identity_time(comp.created_at)))
    rnd = s.scalar(select(m.Round).where(m.Round.competition_id == comp.id,
                                         m.Round.code == ret.round.code))
    if rnd is None or rnd.kind != RoundKind.SCORED.value:
        raise ServiceError(Message("packages.not_scored_round", round=ret.round.code,
                                   competition=comp.code))
    judge = s.scalar(select(m.Judge).where(m.Judge.competition_id == comp.id,
                                           m.Judge.code == ret.judge.code).with_for_update())
    if judge is None:
        raise ServiceError(Message("packages.unknown_judge", judge=ret.judge.code,
                                   competition=comp.code))
    if not jp.signed_by(ret, signing.judge_key(s, comp, judge)):
        all_keys = signing.judge_keys(s, comp)  # whose key it is, to say so
        others = s.execute(select(m.Judge.id, m.Judge.code).where(
            m.Judge.competition_id == comp.id, m.Judge.id != judge.id)).all()
        signer = next((code for jid, code in others if jp.signed_by(ret, all_keys[jid])), None)
        if signer is not None:
            raise ServiceError(Message("packages.relabelled", judge=judge.code, signer=signer))
        raise ServiceError(Message("packages.bad_signature", judge=judge.code))
    return rnd, judge


def _plan(s: Session, comp: m.Competition, rnd: m.Round, judge: m.Judge, ret: jp.JudgeReturn,
          rubric: tuple[jp.RubricCriterion, ...]) -> tuple[jd.MergePlan, dict[str, int]]:
    entry_ids = entry_ids_of(s, comp.id, (x.entry for x in ret.sheets))
    assigned = set(s.scalars(select(m.Assignment.entry_id).where(
        m.Assignment.round_id == rnd.id, m.Assignment.judge_id == judge.id)))
    conflicted = set(s.scalars(select(m.Conflict.entry_id).where(m.Conflict.judge_id == judge.id)))

    def entry_problem(code: str) -> Message | None:
        eid = entry_ids.get(code)
        if eid is None:
            return Message("packages.no_such_entry", competition=comp.code)
        if eid in conflicted:
            return Message("packages.entry_conflicted")
        return None if eid in assigned else Message("packages.entry_not_assigned", round=rnd.code)

    existing = stored_sheets(s, rnd.id, judge.id).get(judge.id, {})
    return jd.plan_merge(ret.sheets, existing, rubric, entry_problem, judge.code, PACKAGE), entry_ids






def import_return(ws: Workspace, competition: str | int, path: Path) -> ReturnImportReport:
    """Import a judge's return whole or not at all (see the module docstring); tried again
    when others held the rows it writes at that moment (services/retry.py)."""
    with paused_gc():  # thousands of small acyclic records: see core/gc_pause
        return retry_transient(lambda: _import_return_once(ws, competition, path))


@dataclass
class _Prepared:
    """A return checked and planned, nothing written yet."""

    comp_id: int
    rnd: m.Round
    judge: m.Judge
    plan: jd.MergePlan
    entry_ids: dict[str, int]
    rubric: tuple[jp.RubricCriterion, ...]
    base: dict
    last_event: int
    sheet_keys: set[str]


def _import_return_once(ws: Workspace, competition: str | int, path: Path) -> ReturnImportReport:
    path = Path(path)
    try:
        data = jp.read_file(path)
        ret = jp.read_return(data)
    except jp.PackageError as exc:
        raise ImportFileError(str(path), [exc]) from None
    digest = hashlib.sha256(data).hexdigest()
    signing.prepare(ws, competition)  # keys still in an old database move out first
    prepared: _Prepared | ReturnImportReport | None = None
    if ws.db.is_sqlite:  # one writer at a time: check and plan before taking the write lock
        with ws.db.read() as s:
            prepared = _prepare(s, competition, path, ret, digest)
        if isinstance(prepared, ReturnImportReport):
            return prepared
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        if prepared is None or changed_since(s, prepared.last_event, prepared.sheet_keys):
            prepared = _prepare(s, competition, path, ret, digest)
            if isinstance(prepared, ReturnImportReport):
                return prepared
        return _apply(s, ws.actor, prepared, ret, path, digest)


def _prepare(s: Session, competition: str | int, path: Path, ret: jp.JudgeReturn,
             digest: str) -> _Prepared | ReturnImportReport:
    last_event = last_event_id(s)
    comp = lookup.writable_competition(s, competition)
    try:
        rnd, judge = _identify(s, comp, ret)
        key = (rnd.code, judge.code)
        base = dict(file=path.name, sha256=digest, round_code=rnd.code, judge_code=judge.code,
                    package_id=ret.package_id, sequence=ret.sequence)
        last = _last_imports(s, comp.id, key).get(key)
        if jp.already_imported(last, ret):
            return ReturnImportReport(**base, already_imported=True)
    except (ServiceError, jp.PackageError) as exc:
        raise ImportFileError(str(path), [exc]) from None
    if comp.status != CompetitionStatus.JUDGING.value:
        raise LockedError(Message("packages.scoring_closed", competition=comp.code,
                                  file=path.name))
    rubric = _rubric(s, comp.id, rnd.code)
    plan, entry_ids = _plan(s, comp, rnd, judge, ret, rubric)
    if plan.problems:
        raise ImportFileError(str(path), plan.problems)
    keys = {f"{rnd.code}/{judge.code}/{x.entry}" for x in ret.sheets}
    return _Prepared(comp.id, rnd, judge, plan, entry_ids, rubric, base, last_event, keys)


def _apply(s: Session, actor: str, prepared: _Prepared, ret: jp.JudgeReturn, path: Path,
           digest: str) -> ReturnImportReport:
    plan, rnd, judge = prepared.plan, prepared.rnd, prepared.judge
    written_ids = apply_merge(s, rnd, judge, plan, prepared.entry_ids, PACKAGE)
    if ret.rubric_sha256 != jp.rubric_digest(prepared.rubric):
        plan.warnings.append(Message("packages.rubric_changed", round=rnd.code))
    written = plan.new + [n for _, n in plan.changed]
    counts = {"created": len(plan.new), "updated": len(plan.changed), "unchanged":
              plan.unchanged, "submitted": sum(x.state == SUBMITTED for x in written)}
    audit.record(s, actor, IMPORT_ACTION, "return", f"{rnd.code}/{judge.code}",
                 competition_id=prepared.comp_id,
                 old={o.entry: audited(o) for o, _ in plan.changed} or None,
                 new={"round": rnd.code, "judge": judge.code, "file": path.name,
                      "sha256": digest, "payload_sha256": jp.payload_digest(ret),
                      "package_id": ret.package_id, "sequence": ret.sequence,
                      "created_at": ret.created_at, "counts": counts,
                      "warnings": [str(w) for w in plan.warnings],  # English, as a record
                      "sheets": {x.entry: audited(x) for x in written}},
                 sheets=written_ids)
    return ReturnImportReport(**prepared.base, **counts, warnings=tuple(plan.warnings))
