"""Excel score sheets out, filled ones in (docs/score-workbooks.md): for judges without the
app, one workbook per judge per round.

Export: one workbook per judge with assignments in the round, holding that judge's entries,
the rubric and the judge's sheets so far (submitted ones locked); audited when given a
Workspace ('scoresheets.export', with each workbook's id).
Import: the workbook is read and checked whole (file, identity: competition, round, judge,
the signature under THAT judge's key; columns, cells, entries, assignments, scales, locks)
before anything is written; then ONE transaction and ONE audit event 'scoresheets.import'
(entity key "round/judge", with the file's SHA-256). Sheets are saved with source 'excel'
under the same rules as typing them in (services.sheets): complete rows are submitted,
incomplete ones stay drafts, a submitted sheet is locked unless the row repeats it.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import CompetitionStatus, RoundKind, SheetSource, SheetState
from judging_app.core.messages import Message, Text, first_of
from judging_app.core.people import Role
from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_draft as jd
from judging_app.exchange.score_workbook import (
    FilledScoreWorkbook,
    ScoreWorkbookData,
    ScoreWorkbookError,
    ScoreWorkbookIdentity,
    file_name,
    identity_of,
    read_score_workbook,
    write_score_workbook,
)
from judging_app.services import audit, lookup, signing
from judging_app.services.authorization import require
from judging_app.services.entries import list_entries
from judging_app.services.errors import ImportFileError, LockedError, ServiceError
from judging_app.services.retry import retry_transient
from judging_app.services.sheet_bulk import apply_merge, audited, entry_ids_of, stored_sheets
from judging_app.services.workspace import Workspace
from judging_app.store import models as m
from judging_app.store import setup_rows
from judging_app.store.database import Database

Progress = Callable[[int, int], None]
EXPORT_ACTION, IMPORT_ACTION = "scoresheets.export", "scoresheets.import"
EXCEL = SheetSource.EXCEL.value
SUBMITTED, DRAFT = SheetState.SUBMITTED.value, SheetState.DRAFT.value


@dataclass(frozen=True)
class ScoreWorkbookImportReport:
    file: str
    sha256: str
    workbook_id: str
    round_code: str
    judge_code: str
    already_imported: bool = False  # this very file was imported before; nothing changed
    created: int = 0  # sheets that did not exist yet
    updated: int = 0  # existing draft sheets changed (or submitted)
    submitted: int = 0  # sheets this import submitted (new or updated)
    unchanged: int = 0  # rows equal to the stored sheet
    empty: int = 0  # empty rows: nothing to import, their sheets left as they are
    warnings: tuple[Text, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def summary(self) -> Message:
        who = dict(file=self.file, judge=self.judge_code, round=self.round_code)
        if self.already_imported:
            return Message("workbooks.already_imported", **who)
        if not self.changed:
            return Message("workbooks.nothing_to_change", **who, unchanged=self.unchanged,
                           empty=self.empty)
        return Message("workbooks.imported", **who, created=self.created, updated=self.updated,
                       submitted=self.submitted, unchanged=self.unchanged, empty=self.empty)






def _rubric(s: Session, comp_id: int, round_code: str) -> tuple[jp.RubricCriterion, ...]:
    return jp.rubric_of(next(r for r in setup_rows.read_setup(s, comp_id).rounds
                             if r.code == round_code))


# ---- export ----------------------------------------------------------------------------

def _workbooks(db: Database, competition: str | int, round_code: str, judge_code: str | None,
               created_by: str) -> tuple[int, list[ScoreWorkbookData]]:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        if comp.status == CompetitionStatus.FINALIZED.value:
            raise LockedError(Message("packages.finalized", competition=comp.code))
        rnd = lookup.round_(s, comp.id, round_code)
        if rnd.kind != RoundKind.SCORED.value:
            raise ServiceError(Message("lookup.screening_round_no_scores", round=round_code))
        one = lookup.judge(s, comp.id, judge_code) if judge_code is not None else None
        judges = [one] if one else list(s.scalars(select(m.Judge).where(
            m.Judge.competition_id == comp.id)))
        rubric = _rubric(s, comp.id, rnd.code)
        if not rubric:
            raise ServiceError(Message("workbooks.no_criteria", round=rnd.code))
        stored = stored_sheets(s, rnd.id, one and one.id)
        assigned: dict[int, list[str]] = {}
        for jid, code in s.execute(select(m.Assignment.judge_id, m.Entry.code)
                                   .join(m.Entry, m.Entry.id == m.Assignment.entry_id)
                                   .where(m.Assignment.round_id == rnd.id)):
            assigned.setdefault(jid, []).append(code)
        ref = jp.CompetitionRef(comp.code, comp.name, jp.identity_time(comp.created_at))
        info = jp.RoundInfo(rnd.code, rnd.name, rnd.name_en, rnd.instructions,
                            rnd.instructions_en, rnd.blind)
        comp_id = comp.id
        signing_keys = signing.judge_keys(s, comp)
    entries = {e.code: jp.package_entry(e, info.blind) for e in list_entries(db, comp_id)}
    out = []
    for j in sorted(judges, key=lambda j: jp.natural_key(j.code)):
        if j.id not in assigned:
            continue
        codes = sorted(assigned[j.id], key=jp.natural_key)
        mine = stored.get(j.id, {})
        out.append(ScoreWorkbookData(
            competition=ref, round=info, judge=jp.JudgeRef(j.code, j.name),
            secret=signing_keys[j.id], rubric=rubric, entries=tuple(entries[c] for c in codes),
            sheets=tuple(jp.SheetData(x.entry, x.state, x.scores, x.comments, x.overall_comment)
                         for x in mine.values()),
            created_by=created_by))
    return comp_id, out


def _write_all(target: Workspace | Database, competition: str | int, round_code: str,
               judge_code: str | None, path_of: Callable[[ScoreWorkbookData, int], Path],
               lang: str, progress: Progress | None, password: str | None) -> list[Path]:
    db, actor = (target.db, target.actor) if isinstance(target, Workspace) else (target, "")
    if lang not in ("id", "en"):
        raise ServiceError(Message("workbooks.bad_language", lang=lang))
    if actor:
        signing.prepare(target, competition)
    comp_id, books = _workbooks(db, competition, round_code, judge_code, actor)
    if not books:
        if judge_code:
            raise ServiceError(Message("packages.judge_has_none", judge=judge_code,
                                       round=round_code))
        raise ServiceError(Message("packages.nobody_has_any", round=round_code))
    written: list[tuple[ScoreWorkbookData, ScoreWorkbookIdentity, Path]] = []
    for i, data in enumerate(books):
        path = path_of(data, i)
        data = replace(data, workbook_id=secrets.token_hex(16), created_at=jp.identity_time(
            datetime.now(UTC)))
        try:
            ident = identity_of(data, lang)
            write_score_workbook(path, data, lang, password=password)
        except jp.PackageError as exc:  # e.g. a judge's stored key that is not hexadecimal
            raise ServiceError(Message("workbooks.judge_problem", judge=data.judge.code,
                                       problem=exc)) from None
        written.append((data, ident, path))
        if progress is not None:
            progress(i + 1, len(books))
    if actor:  # given a Workspace, one audit event: which workbook went to which judge
        with db.write() as s:
            require(s, target, Role.SECRETARIAT)
            audit.record(s, actor, EXPORT_ACTION, "round", round_code, competition_id=comp_id,
                         new={"round": round_code, "lang": lang, "workbooks": [
                             {"judge": d.judge.code, "workbook_id": ident.workbook_id,
                              "created_at": ident.created_at, "file": path.name,
                              "entries": len(d.entries)} for d, ident, path in written]})
    return [path for _, _, path in written]


def export_score_workbooks(target: Workspace | Database, competition: str | int, round_code: str,
                           folder: Path, lang: str = "id", progress: Progress | None = None, *,
                           password: str | None = None) -> list[Path]:
    """One workbook per judge with assignments in the round, named
    <competition>_<round>_<judge>.xlsx in `folder`; progress(done, total) after each file.
    Given a Workspace (not just a Database) the export is audited."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names: set[str] = set()

    def path_of(data: ScoreWorkbookData, i: int) -> Path:
        name = file_name(data)
        if name.lower() in names:  # two codes that differ only in characters files cannot hold
            name = name.removesuffix(".xlsx") + f"-{i + 1}.xlsx"
        names.add(name.lower())
        return folder / name

    return _write_all(target, competition, round_code, None, path_of, lang, progress, password)


def export_score_workbook(target: Workspace | Database, competition: str | int, round_code: str,
                          judge_code: str, path: Path, lang: str = "id", *,
                          password: str | None = None) -> Path:
    """One judge's workbook (e.g. to re-issue it), written to `path` (a file name, or an
    existing folder to write it there under its usual name)."""
    path = Path(path)
    return _write_all(target, competition, round_code, judge_code,
                      lambda d, i: path / file_name(d) if path.is_dir() else path, lang, None,
                      password)[0]


# ---- import ----------------------------------------------------------------------------

def _events(s: Session, comp_id: int, action: str, key: str | None = None) -> list[dict]:
    q = select(m.AuditEvent.new, m.AuditEvent.at, m.AuditEvent.actor).where(
        m.AuditEvent.competition_id == comp_id, m.AuditEvent.action == action)
    if key is not None:
        q = q.where(m.AuditEvent.entity_key == key)
    return [{**json.loads(new), "at": at, "actor": actor}
            for new, at, actor in s.execute(q.order_by(m.AuditEvent.id))]


def _moment(text: str) -> datetime | str:
    """An ISO time from the audit trail or a workbook's identity (UTC when it says no zone);
    the text itself when it is not one."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return text
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _issued_to(s: Session, comp_id: int, workbook_id: str) -> dict | None:
    """What the export trail says a workbook id was issued for (round, judge, when)."""
    for event in _events(s, comp_id, EXPORT_ACTION):
        for book in event.get("workbooks", ()):
            if book.get("workbook_id") == workbook_id:
                return {**book, "round": event.get("round", ""), "at": event["at"]}
    return None


def _identify(s: Session, comp: m.Competition, ident: ScoreWorkbookIdentity,
              round_code: str | None, judge_code: str | None) -> tuple[m.Round, m.Judge]:
    """The round and judge of a workbook, once its identity is proven signed with that
    judge's key."""
    claimed = ident.competition
    if claimed.code != comp.code:
        raise ServiceError(Message("workbooks.other_competition", claimed=claimed.code,
                                   name=claimed.name, competition=comp.code))
    if claimed.created_at != jp.identity_time(comp.created_at):
        raise ServiceError(Message("workbooks.twin_competition", competition=comp.code,
                                   claimed_at=claimed.created_at,
                                   here_at=jp.identity_time(comp.created_at)))
    if round_code is not None and ident.round_code != round_code:
        raise ServiceError(Message("workbooks.other_round", round=ident.round_code,
                                   name=ident.round_name, wanted=round_code))
    if judge_code is not None and ident.judge.code != judge_code:
        raise ServiceError(Message("workbooks.other_judge", judge=ident.judge.code,
                                   name=ident.judge.name, wanted=judge_code))
    rnd = s.scalar(select(m.Round).where(m.Round.competition_id == comp.id,
                                         m.Round.code == ident.round_code))
    if rnd is None or rnd.kind != RoundKind.SCORED.value:
        raise ServiceError(Message("workbooks.not_scored_round", round=ident.round_code,
                                   competition=comp.code))
    judge = s.scalar(select(m.Judge).where(m.Judge.competition_id == comp.id,
                                           m.Judge.code == ident.judge.code).with_for_update())
    if judge is None:
        raise ServiceError(Message("workbooks.unknown_judge", judge=ident.judge.code,
                                   competition=comp.code))
    if not ident.signed_by(signing.judge_key(s, comp, judge)):
        issued = _issued_to(s, comp.id, ident.workbook_id)
        claim = Message("workbooks.claim", judge=ident.judge.code, round=ident.round_code)
        if issued is not None and (issued["judge"], issued["round"]) != (
                ident.judge.code, ident.round_code):
            raise ServiceError(Message("workbooks.relabelled", claim=claim, judge=issued["judge"],
                                       round=issued["round"], exported=_moment(issued["at"])))
        raise ServiceError(Message("workbooks.bad_signature", judge=judge.code, claim=claim))
    return rnd, judge


def _check_not_older(s: Session, comp_id: int, ident: ScoreWorkbookIdentity, key: str,
                     saved_at: str = "") -> None:
    """A workbook issued before one already imported for the same judge and round, or an
    older copy of the same workbook (saved before the copy already imported), could
    overwrite the newer drafts: refused."""
    events = _events(s, comp_id, IMPORT_ACTION, key)
    same = [e for e in events if e.get("workbook_id") == ident.workbook_id
            and e.get("saved_at", "") > saved_at != ""]
    if same:
        later = max(same, key=lambda e: e["saved_at"])
        raise ServiceError(Message(
            "score_workbook.older_copy", saved=_moment(saved_at),
            imported_saved=_moment(later["saved_at"]), file=later.get("file", ""),
            imported=_moment(later["at"]), actor=later["actor"]))
    done = [e for e in events if e.get("workbook_id") != ident.workbook_id]
    newer = max(done, key=lambda e: e.get("created_at", ""), default=None)
    if newer is not None and newer.get("created_at", "") > ident.created_at:
        raise ServiceError(Message(
            "workbooks.older", issued=_moment(ident.created_at), judge=ident.judge.code,
            round=ident.round_code, newer=_moment(newer["created_at"]), file=newer.get("file"),
            imported=_moment(newer["at"]), actor=newer["actor"]))


def _incoming(filled: FilledScoreWorkbook, stored: dict[str, jd.StoredSheet],
              rubric: tuple[jp.RubricCriterion, ...], submit: bool) -> tuple[list, int]:
    """The workbook's non-empty rows as sheets (per-criterion comments kept from the stored
    sheet where the score stays: the workbook has one overall comment column)."""
    codes = [c.code for c in rubric]
    sheets, empty = [], 0
    for row in filled.rows:
        if row.is_empty():
            empty += 1
            continue
        old = stored.get(row.entry)
        comments = {k: v for k, v in (old.comments if old else {}).items() if k in row.scores}
        complete = all(c in row.scores for c in codes)
        sheets.append(jp.SheetData(row.entry, SUBMITTED if submit and complete else DRAFT,
                                   dict(row.scores), comments, row.overall_comment))
    return sheets, empty


def _worded(message: str) -> str:
    """The merge plan speaks of returns (judge packages); here the file is a workbook."""
    return message.replace("the return changes it", "the workbook changes it").replace(
        "the judge's return", "the judge's workbook")


def _located(problems: list[str], filled: FilledScoreWorkbook, judge: str) -> list[str]:
    """'J1 / E3: …' becomes 'sheet Nilai, row 5 (J1 / E3): …' so the judge finds the row."""
    rows = {r.entry: r.row for r in filled.rows}
    prefix, out = f"{judge} / ", []
    for p in (_worded(p) if isinstance(p, str) else p for p in problems):
        if not isinstance(p, str):
            out.append(p)
            continue
        rest = p[len(prefix):] if p.startswith(prefix) else ""
        cut = next((i for i, ch in enumerate(rest) if ch in ":," and rest[:i] in rows), None)
        if cut is None:
            out.append(p)
        else:
            where = f"sheet {filled.identity.data_sheet}, row {rows[rest[:cut]]}"
            out.append(f"{where} ({p[:len(prefix) + cut]}){rest[cut:]}")
    return out






def import_score_workbook(ws: Workspace, competition: str | int, path: Path, submit: bool = True,
                          *, round_code: str | None = None,
                          judge_code: str | None = None) -> ScoreWorkbookImportReport:
    """Import a filled score workbook whole or not at all. `submit=False` keeps every sheet
    a draft. `round_code` / `judge_code`, when given, refuse a workbook for another round or
    judge (e.g. the one the secretariat is collecting). Raises ImportFileError naming every
    problem (and LockedError when scoring is closed); then nothing changed at all. Tried
    again when others held the rows it writes at that moment (services/retry.py)."""
    return retry_transient(lambda: _import_score_workbook_once(
        ws, competition, path, submit, round_code=round_code, judge_code=judge_code))


def _import_score_workbook_once(ws: Workspace, competition: str | int, path: Path,
                                submit: bool = True, *, round_code: str | None = None,
                                judge_code: str | None = None) -> ScoreWorkbookImportReport:
    path = Path(path)
    try:
        filled = read_score_workbook(path, keep_problems=True)
    except ScoreWorkbookError as exc:
        raise ImportFileError(str(path), exc.problems) from None
    ident = filled.identity
    signing.prepare(ws, competition)  # keys still in an old database move out first
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        try:
            rnd, judge = _identify(s, comp, ident, round_code, judge_code)
        except ServiceError as exc:
            raise ImportFileError(str(path), [exc]) from None
        if filled.problems:
            raise ImportFileError(str(path), list(filled.problems))
        if comp.status != CompetitionStatus.JUDGING.value:
            raise LockedError(Message("workbooks.scoring_closed", competition=comp.code,
                                      file=path.name))
        key = f"{rnd.code}/{judge.code}"
        try:
            _check_not_older(s, comp.id, ident, key, filled.saved_at)
        except ServiceError as exc:
            raise ImportFileError(str(path), [exc]) from None
        rubric = _rubric(s, comp.id, rnd.code)
        stored = stored_sheets(s, rnd.id, judge.id).get(judge.id, {})
        incoming, empty = _incoming(filled, stored, rubric, submit)
        entry_ids = entry_ids_of(s, comp.id, (x.entry for x in incoming))
        assigned = set(s.scalars(select(m.Assignment.entry_id).where(
            m.Assignment.round_id == rnd.id, m.Assignment.judge_id == judge.id)))
        conflicted = set(s.scalars(select(m.Conflict.entry_id).where(
            m.Conflict.judge_id == judge.id)))

        def entry_problem(code: str) -> Message | None:
            eid = entry_ids.get(code)
            if eid is None:
                return Message("packages.no_such_entry", competition=comp.code)
            if eid in conflicted:
                return Message("packages.entry_conflicted")
            return None if eid in assigned else \
                Message("workbooks.entry_not_assigned", round=rnd.code)

        plan = jd.plan_merge(tuple(incoming), stored, rubric, entry_problem, judge.code, EXCEL)
        if plan.problems:
            raise ImportFileError(str(path), _located(plan.problems, filled, judge.code))
        warnings: list[Text] = [_worded(w) if isinstance(w, str) else w for w in plan.warnings]
        if ident.rubric_sha256 != jp.rubric_digest(rubric):
            warnings.append(Message("workbooks.rubric_changed", round=rnd.code))
        if filled.missing:
            gone = filled.missing
            warnings.append(Message("workbooks.rows_gone", count=len(gone),
                                    codes=first_of(gone)))
        base = dict(file=path.name, sha256=filled.sha256, workbook_id=ident.workbook_id,
                    round_code=rnd.code, judge_code=judge.code, unchanged=plan.unchanged,
                    empty=empty)
        if not plan.new and not plan.changed:  # nothing to write: no event either
            seen = any(e.get("sha256") == filled.sha256
                       for e in _events(s, comp.id, IMPORT_ACTION, key))
            return ScoreWorkbookImportReport(**base, already_imported=seen,
                                             warnings=tuple(warnings))
        written_ids = apply_merge(s, rnd, judge, plan, entry_ids, EXCEL)
        written = plan.new + [n for _, n in plan.changed]
        counts = {"created": len(plan.new), "updated": len(plan.changed),
                  "unchanged": plan.unchanged, "empty": empty,
                  "submitted": sum(x.state == SUBMITTED for x in written)}
        audit.record(s, ws.actor, IMPORT_ACTION, "score_workbook", key, competition_id=comp.id,
                     old={o.entry: audited(o) for o, _ in plan.changed} or None,
                     new={"round": rnd.code, "judge": judge.code, "file": path.name,
                          "sha256": filled.sha256, "workbook_id": ident.workbook_id,
                          "created_at": ident.created_at, "saved_at": filled.saved_at,
                          "submit": submit, "counts": counts,
                          "warnings": [str(w) for w in warnings],  # English, as a record
                          "sheets": {x.entry: audited(x) for x in written}},
                     sheets=written_ids)
    return ScoreWorkbookImportReport(**{**base, "created": counts["created"],
                                        "updated": counts["updated"],
                                        "submitted": counts["submitted"]},
                                     warnings=tuple(warnings))
