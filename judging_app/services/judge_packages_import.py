"""Judges' returns in (docs/judge-packages.md): the import side of services/judge_packages.

A return is checked whole (envelope, competition / round / judge identity, signature under
THAT judge's key, sequence, entries, assignments, scales, locks) before anything is
written; then ONE transaction and ONE audit event 'returns.import' (entity key
"round/judge", with the file's SHA-256). The last imported sequence per (round, judge) is
read back from those events: there is no table for it.

File by file; on SQLite each file is checked and planned in a read transaction and
written in one write transaction (planned again under the write lock only when something
the plan depends on changed meanwhile), so a judge's save slips in between the files of a
long import; on a server in one transaction, the judge's row locked (two imports of one
judge's returns take turns). The lookups go through the driver (store.rows.RowReader):
plain SQL, one statement each, no ORM unit of work.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from judging_app.core.enums import CompetitionStatus, RoundKind, SheetSource, SheetState
from judging_app.core.gc_pause import paused_gc
from judging_app.core.messages import Message, Text
from judging_app.core.people import Role
from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_draft as jd
from judging_app.services import audit, lookup, signing
from judging_app.services.authorization import require
from judging_app.services.errors import ImportFileError, LockedError, ServiceError
from judging_app.services.retry import retry_transient
from judging_app.services.sheet_bulk import (
    CHUNK,
    SheetWrite,
    audited,
    changed_since,
    last_event_id,
    stored_sheets,
    write_sheets,
)
from judging_app.services.workspace import Workspace
from judging_app.store import models as m
from judging_app.store import setup_read
from judging_app.store.rows import RowReader, in_list

IMPORT_ACTION = "returns.import"
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


def last_imports(reader: RowReader, comp_id: int, key: tuple[str, str] | None = None) -> dict:
    """(round, judge) -> the 'new' of its latest 'returns.import' event, with at and actor."""
    sql = ("SELECT new, at, actor FROM audit_events WHERE competition_id = :c"
           " AND action = :a")
    params: dict = {"c": comp_id, "a": IMPORT_ACTION}
    if key is not None:
        sql += " AND entity_key = :k"
        params["k"] = f"{key[0]}/{key[1]}"
    out: dict = {}
    for new, at, actor in reader.all(sql + " ORDER BY id", params):
        data = json.loads(new)
        k = (data["round"], data["judge"])
        if key in (None, k) and data["sequence"] > out.get(k, {}).get("sequence", 0):
            out[k] = {**data, "at": at, "actor": actor}
    return out


def import_return(ws: Workspace, competition: str | int, path: Path) -> ReturnImportReport:
    """Import a judge's return whole or not at all (see the module docstring); tried again
    when others held the rows it writes at that moment (services/retry.py)."""
    path = Path(path)
    try:
        data = jp.read_file(path)
        ret = jp.read_return(data)
    except jp.PackageError as exc:
        raise ImportFileError(str(path), [exc]) from None
    digest = hashlib.sha256(data).hexdigest()
    with paused_gc():  # thousands of small acyclic records: see core/gc_pause
        return retry_transient(lambda: _import_once(ws, competition, path, ret, digest))


class _KeysToMove(Exception):
    """The competition's keys are not all in the key store yet (an old database)."""


def _import_once(ws: Workspace, competition: str | int, path: Path, ret: jp.JudgeReturn,
                 digest: str) -> ReturnImportReport:
    try:
        return _checked_then_written(ws, competition, path, ret, digest, keys_moved=False)
    except _KeysToMove:  # nearly never: move them out first (signing.prepare), once
        signing.prepare(ws, competition)
    return _checked_then_written(ws, competition, path, ret, digest, keys_moved=True)


def _checked_then_written(ws: Workspace, competition: str | int, path: Path,
                          ret: jp.JudgeReturn, digest: str, keys_moved: bool
                          ) -> ReturnImportReport:
    """On SQLite (one writer at a time) the return is checked and planned in a read
    transaction and written under the write lock, planned again there only when something
    the plan depends on changed meanwhile (sheet_bulk.changed_since): the judges' saves
    slip in between the files of a long import. On a server, in one transaction."""
    prepared: _Prepared | ReturnImportReport | None = None
    if ws.db.is_sqlite:
        with ws.db.read() as s:
            prepared = _prepare(s, ws, competition, path, ret, digest, keys_moved)
        if isinstance(prepared, ReturnImportReport):
            return prepared
    with ws.db.write() as s:
        if prepared is None or changed_since(s, prepared.last_event, prepared.sheet_keys):
            prepared = _prepare(s, ws, competition, path, ret, digest, keys_moved)
            if isinstance(prepared, ReturnImportReport):
                return prepared
        else:
            require(s, ws, Role.SECRETARIAT)
        return _apply(s, ws, prepared, ret, path, digest)


@dataclass(frozen=True)
class _Competition:
    """What a return's import needs of its competition (signing.KeyedCompetition)."""

    id: int
    code: str
    status: str
    created_at: datetime
    key_id: str | None


def _competition(s: Session, reader: RowReader, ref: str | int) -> _Competition:
    """By code, else by id (int or digits), as lookup.competition finds it; the creation
    time converted exactly as the ORM converts it."""
    row = lookup.competition_row(reader, ref, "id, code, status, created_at, key_id")
    dialect = s.get_bind().dialect
    as_read = m.Competition.__table__.c.created_at.type.dialect_impl(dialect).result_processor(
        dialect, None)
    return _Competition(row[0], row[1], row[2], as_read(row[3]) if as_read else row[3], row[4])


@dataclass(frozen=True)
class _Who:
    """The round and judge a return comes from, proven by its signature."""

    round_id: int
    round_code: str
    judge_id: int
    judge_code: str


@dataclass
class _Prepared:
    """A return checked and planned, nothing written yet."""

    comp: _Competition
    who: _Who
    plan: jd.MergePlan
    entry_ids: dict[str, int]
    rubric_sha256: str
    base: dict
    last_event: int  # the newest audit event when the plan was made
    sheet_keys: set[str]  # "round/judge/entry" of the return's sheets


def _prepare(s: Session, ws: Workspace, competition: str | int, path: Path,
             ret: jp.JudgeReturn, digest: str, keys_moved: bool) -> _Prepared | ReturnImportReport:
    """Every check of the return and its plan; the report when it was imported already."""
    require(s, ws, Role.SECRETARIAT)
    last_event = last_event_id(s)
    reader = RowReader.of_session(s)
    comp = _competition(s, reader, competition)
    if not keys_moved and not signing.ready(s, comp):
        raise _KeysToMove
    if comp.status == CompetitionStatus.FINALIZED:
        raise LockedError(Message("lookup.finalized", competition=comp.code))
    try:
        who = _identify(s, reader, comp, ret)
        key = (who.round_code, who.judge_code)
        base = dict(file=path.name, sha256=digest, round_code=who.round_code,
                    judge_code=who.judge_code, package_id=ret.package_id, sequence=ret.sequence)
        if jp.already_imported(last_imports(reader, comp.id, key).get(key), ret):
            return ReturnImportReport(**base, already_imported=True)
    except (ServiceError, jp.PackageError) as exc:
        raise ImportFileError(str(path), [exc]) from None
    if comp.status != CompetitionStatus.JUDGING.value:
        raise LockedError(Message("packages.scoring_closed", competition=comp.code,
                                  file=path.name))
    rubric, rubric_sha256 = _rubric(reader, who.round_id)
    plan, entry_ids = _plan(s, reader, comp, who, ret, rubric)
    if plan.problems:
        raise ImportFileError(str(path), plan.problems)
    keys = {f"{who.round_code}/{who.judge_code}/{x.entry}" for x in ret.sheets}
    return _Prepared(comp, who, plan, entry_ids, rubric_sha256, base, last_event, keys)


def _apply(s: Session, ws: Workspace, prepared: _Prepared, ret: jp.JudgeReturn, path: Path,
           digest: str) -> ReturnImportReport:
    """Write the plan: the sheets in bulk, their entries' totals, one audit event."""
    plan, who = prepared.plan, prepared.who
    written = plan.new + [n for _, n in plan.changed]
    written_ids = write_sheets(s, [SheetWrite(who.round_id, who.judge_id,
                                              prepared.entry_ids[x.entry], x)
                                   for x in written], PACKAGE)
    if ret.rubric_sha256 != prepared.rubric_sha256:
        plan.warnings.append(Message("packages.rubric_changed", round=who.round_code))
    counts = {"created": len(plan.new), "updated": len(plan.changed), "unchanged":
              plan.unchanged, "submitted": sum(x.state == SUBMITTED for x in written)}
    audit.record(s, ws.actor, IMPORT_ACTION, "return", f"{who.round_code}/{who.judge_code}",
                 competition_id=prepared.comp.id,
                 old={o.entry: audited(o) for o, _ in plan.changed} or None,
                 new={"round": who.round_code, "judge": who.judge_code, "file": path.name,
                      "sha256": digest, "payload_sha256": jp.payload_digest(ret),
                      "package_id": ret.package_id, "sequence": ret.sequence,
                      "created_at": ret.created_at, "counts": counts,
                      "warnings": [str(w) for w in plan.warnings],  # English, as a record
                      "sheets": {x.entry: audited(x) for x in written}},
                 sheets=written_ids)
    return ReturnImportReport(**prepared.base, **counts, warnings=tuple(plan.warnings))


def _rubric(reader: RowReader, round_id: int) -> tuple[tuple[jp.RubricCriterion, ...], str]:
    """The round's rubric as a package carries it, and its digest; remembered by the rows
    it is made of (plain ints and text: equal rows make the same rubric)."""
    rows = setup_read.round_criteria_rows(reader, round_id)
    known = _RUBRICS.get(rows)
    if known is None:
        rubric = jp.rubric_from(setup_read.criteria_specs(*rows))
        known = (rubric, jp.rubric_digest(rubric))
        if len(_RUBRICS) > 64:
            _RUBRICS.clear()
        _RUBRICS[rows] = known
    return known


_RUBRICS: dict[tuple, tuple[tuple[jp.RubricCriterion, ...], str]] = {}


def _identify(s: Session, reader: RowReader, comp: _Competition, ret: jp.JudgeReturn) -> _Who:
    """The round and judge of a return, once it is proven signed with that judge's key.
    On a server the judge's row is locked: two imports of one judge's returns take turns
    (the second sees the first's sequence)."""
    claimed = ret.competition
    if claimed.code != comp.code:
        raise ServiceError(Message("packages.other_competition", claimed=claimed.code,
                                   name=claimed.name, competition=comp.code))
    if claimed.created_at != jp.identity_time(comp.created_at):
        raise ServiceError(Message("packages.twin_competition", competition=comp.code,
                                   claimed_at=claimed.created_at,
                                   here_at=jp.identity_time(comp.created_at)))
    rnd = reader.one("SELECT id, code, kind FROM rounds WHERE competition_id = :c"
                     " AND code = :code", {"c": comp.id, "code": ret.round.code})
    if rnd is None or rnd[2] != RoundKind.SCORED.value:
        raise ServiceError(Message("packages.not_scored_round", round=ret.round.code,
                                   competition=comp.code))
    lock = "" if reader.dialect == "sqlite" else " FOR UPDATE"
    judge = reader.one("SELECT id, code, key_nonce, package_secret FROM judges"
                       " WHERE competition_id = :c AND code = :code" + lock,
                       {"c": comp.id, "code": ret.judge.code})
    if judge is None:
        raise ServiceError(Message("packages.unknown_judge", judge=ret.judge.code,
                                   competition=comp.code))
    judge_id, judge_code, nonce, legacy_secret = judge
    if not jp.signed_by(ret, signing.judge_key_of(s, comp, nonce, legacy_secret)):
        all_keys = signing.judge_keys(s, comp)  # whose key it is, to say so
        others = reader.all("SELECT id, code FROM judges WHERE competition_id = :c"
                            " AND id <> :j", {"c": comp.id, "j": judge_id})
        signer = next((code for jid, code in others if jp.signed_by(ret, all_keys[jid])), None)
        if signer is not None:
            raise ServiceError(Message("packages.relabelled", judge=judge_code, signer=signer))
        raise ServiceError(Message("packages.bad_signature", judge=judge_code))
    return _Who(rnd[0], rnd[1], judge_id, judge_code)


def _plan(s: Session, reader: RowReader, comp: _Competition, who: _Who, ret: jp.JudgeReturn,
          rubric: tuple[jp.RubricCriterion, ...]) -> tuple[jd.MergePlan, dict[str, int]]:
    """How the return's sheets apply onto the stored ones, with every problem; the entry
    ids of its codes. One statement per CHUNK codes finds each entry, whether the judge is
    assigned to it in the round and whether the judge has a conflict with it."""
    codes = sorted({x.entry for x in ret.sheets})
    found: dict[str, tuple[int, bool, bool]] = {}
    for start in range(0, len(codes), CHUNK):
        listed, params = in_list("e", codes[start:start + CHUNK])
        for code, eid, assigned, conflicted in reader.all(
                "SELECT e.code, e.id, EXISTS (SELECT 1 FROM assignments a WHERE"
                " a.round_id = :r AND a.judge_id = :j AND a.entry_id = e.id),"
                " EXISTS (SELECT 1 FROM conflicts x WHERE x.judge_id = :j"
                " AND x.entry_id = e.id) FROM entries e WHERE e.competition_id = :c"
                f" AND e.code {listed}",
                {**params, "r": who.round_id, "j": who.judge_id, "c": comp.id}):
            found[code] = (eid, bool(assigned), bool(conflicted))

    def entry_problem(code: str) -> Message | None:
        if code not in found:
            return Message("packages.no_such_entry", competition=comp.code)
        _, assigned, conflicted = found[code]
        if conflicted:
            return Message("packages.entry_conflicted")
        return None if assigned else Message("packages.entry_not_assigned", round=who.round_code)

    entry_ids = {code: eid for code, (eid, _, _) in found.items()}
    existing = stored_sheets(s, who.round_id, who.judge_id, sorted(entry_ids.values())
                             ).get(who.judge_id, {}) if entry_ids else {}
    return jd.plan_merge(ret.sheets, existing, rubric, entry_problem, who.judge_code,
                         PACKAGE), entry_ids
