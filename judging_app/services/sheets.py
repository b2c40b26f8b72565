"""Use cases for score sheets: save a draft, submit (locks it), reopen with a reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import (
    CompetitionStatus,
    DecisionKind,
    EntryStatus,
    RoundKind,
    SheetSource,
    SheetState,
)
from judging_app.core.messages import Message, Text
from judging_app.core.numbers import NumberError, from_milli, scale_problem, to_milli
from judging_app.core.people import Role
from judging_app.core.records import SheetRecord
from judging_app.services import audit, lookup
from judging_app.services.authorization import require, require_sheet_owner
from judging_app.services.competitions import now
from judging_app.services.errors import LockedError, ServiceError, ValidationError
from judging_app.services.retry import write_with_retry
from judging_app.services.workspace import Workspace
from judging_app.store import entry_totals
from judging_app.store.database import Database
from judging_app.store.models import (
    Assignment,
    Competition,
    Conflict,
    Criterion,
    Decision,
    Entry,
    Judge,
    Round,
    Score,
    ScoreSheet,
)


@dataclass(frozen=True)
class SheetInput:
    scores: dict[str, Decimal | None] = field(default_factory=dict)  # criterion code -> value
    comments: dict[str, str] = field(default_factory=dict)  # criterion code -> comment
    overall_comment: str | None = None


@dataclass
class SheetKey:
    comp: Competition
    rnd: Round
    judge: Judge
    entry: Entry


def resolve_key(s: Session, competition: str | int, round_code: str, judge_code: str,
                entry_code: str, *, for_write: bool = True) -> SheetKey:
    comp = lookup.writable_competition(s, competition) if for_write else lookup.competition(s, competition)
    rnd = lookup.round_(s, comp.id, round_code)
    return SheetKey(comp, rnd, lookup.judge(s, comp.id, judge_code), lookup.entry(s, comp.id, entry_code))


def authorize_sheet(s: Session, ws: Workspace, judge: Judge, source: SheetSource) -> None:
    """A judge writes their own sheets; paper sheets, returns and Excel sheets are the
    secretariat's (recorded with their source)."""
    if SheetSource(source) == SheetSource.DIRECT:
        require_sheet_owner(s, ws, judge)
    else:
        require(s, ws, Role.SECRETARIAT)


def check_can_score(s: Session, key: SheetKey) -> None:
    where = Message("sheets.where_round", judge=key.judge.code, entry=key.entry.code,
                    round=key.rnd.code)
    if key.comp.status != CompetitionStatus.JUDGING.value:
        raise LockedError(Message("sheets.scoring_closed", competition=key.comp.code))
    if key.rnd.kind != RoundKind.SCORED.value:
        raise ServiceError(Message("lookup.screening_round_no_scores", round=key.rnd.code))
    if key.entry.status != EntryStatus.ELIGIBLE.value:
        raise ServiceError(Message("sheets.entry_not_eligible", where=where,
                                   status=EntryStatus(key.entry.status)))
    if not key.judge.active:
        raise ServiceError(Message("sheets.judge_inactive", where=where, judge=key.judge.code))
    if s.scalar(select(Conflict.id).where(
        Conflict.judge_id == key.judge.id, Conflict.entry_id == key.entry.id
    )):
        raise ServiceError(Message("sheets.conflicted", where=where))
    if not s.scalar(select(Assignment.id).where(
        Assignment.round_id == key.rnd.id, Assignment.judge_id == key.judge.id,
        Assignment.entry_id == key.entry.id,
    )):
        raise ServiceError(Message("sheets.not_assigned", where=where))


def _criteria(s: Session, round_id: int) -> dict[str, Criterion]:
    rows = s.scalars(select(Criterion).where(Criterion.round_id == round_id).order_by(Criterion.position))
    return {c.code: c for c in rows}


def check_value(c: Criterion, value: object, where: Text) -> int:
    """The value in thousandths, or ValidationError saying what is wrong with it."""
    try:
        milli = to_milli(value)  # type: ignore[arg-type]
    except NumberError as exc:
        problem = exc.message
    else:
        problem = scale_problem(milli, c.scale_min_milli, c.scale_max_milli, c.scale_step_milli)
    if problem is not None:
        raise ValidationError(Message("sheets.at_criterion", where=where, criterion=c.code,
                                      problem=problem))
    return milli



def save_in_session(s: Session, actor: str, key: SheetKey, data: SheetInput,
                    source: SheetSource, expected_version: int | None = None) -> ScoreSheet:
    check_can_score(s, key)
    where = Message("sheets.where", judge=key.judge.code, entry=key.entry.code)
    sheet = s.scalar(select(ScoreSheet).where(
        ScoreSheet.round_id == key.rnd.id, ScoreSheet.judge_id == key.judge.id,
        ScoreSheet.entry_id == key.entry.id,
    ))
    if sheet is not None and sheet.state == SheetState.SUBMITTED.value:
        raise LockedError(Message("sheets.locked", where=where))
    if expected_version is not None and (sheet.version if sheet else 0) != expected_version:
        raise ServiceError(Message("sheets.changed_meanwhile", where=where))
    criteria = _criteria(s, key.rnd.id)
    unknown = sorted((set(data.scores) | set(data.comments)) - set(criteria))
    if unknown:
        raise ValidationError(Message("sheets.unknown_criteria", where=where,
                                      codes=[f"'{code}'" for code in unknown], round=key.rnd.code))
    values = {code: (None if v is None else check_value(criteria[code], v, where))
              for code, v in data.scores.items()}
    if sheet is None:
        sheet = ScoreSheet(round_id=key.rnd.id, judge_id=key.judge.id, entry_id=key.entry.id,
                           state=SheetState.DRAFT.value, version=0, source=source.value)
        s.add(sheet)
    sheet.version += 1
    sheet.source = source.value
    sheet.updated_at = now()
    if data.overall_comment is not None:
        sheet.overall_comment = data.overall_comment
    s.flush()
    existing = {sc.criterion_id: sc for sc in s.scalars(select(Score).where(Score.sheet_id == sheet.id))}
    changes = {}
    for code in sorted(set(values) | set(data.comments)):
        crit = criteria[code]
        row = existing.get(crit.id)
        if code in values and values[code] is None:
            if row is not None:
                s.delete(row)
                changes[code] = None
            continue
        if row is None:
            if code not in values:
                raise ValidationError(Message("sheets.comment_needs_score", where=where,
                                              criterion=code))
            row = Score(sheet_id=sheet.id, criterion_id=crit.id, value_milli=values[code], comment="")
            s.add(row)
        if code in values:
            row.value_milli = values[code]
        if code in data.comments:
            row.comment = data.comments[code]
        changes[code] = str(from_milli(row.value_milli))
    s.flush()
    audit.record(s, actor, "sheet.save", "sheet", f"{key.rnd.code}/{key.judge.code}/{key.entry.code}",
                 new={"scores": changes, "version": sheet.version, "source": source.value},
                 competition_id=key.comp.id, sheets=[sheet.id])
    return sheet


def submit_in_session(s: Session, actor: str, key: SheetKey, sheet: ScoreSheet) -> None:
    criteria = _criteria(s, key.rnd.id)
    have = set(s.scalars(select(Score.criterion_id).where(Score.sheet_id == sheet.id)))
    missing = [code for code, c in criteria.items() if c.id not in have]
    if missing:
        raise ValidationError(Message("sheets.missing_scores", where=Message(
            "sheets.where", judge=key.judge.code, entry=key.entry.code)), missing)
    sheet.state = SheetState.SUBMITTED.value
    sheet.submitted_at = now()
    sheet.updated_at = sheet.submitted_at
    entry_totals.refresh(s, [key.entry.id], [key.rnd.id])  # this round only
    audit.record(s, actor, "sheet.submit", "sheet", f"{key.rnd.code}/{key.judge.code}/{key.entry.code}",
                 new={"version": sheet.version}, competition_id=key.comp.id, sheets=[sheet.id])


def _read(s: Session, key: SheetKey) -> SheetRecord | None:
    sheet = s.scalar(select(ScoreSheet).where(
        ScoreSheet.round_id == key.rnd.id, ScoreSheet.judge_id == key.judge.id,
        ScoreSheet.entry_id == key.entry.id,
    ))
    if sheet is None:
        return None
    rows = s.execute(
        select(Criterion.code, Score.value_milli, Score.comment)
        .join(Criterion, Criterion.id == Score.criterion_id).where(Score.sheet_id == sheet.id)
    ).all()
    return SheetRecord(
        round_code=key.rnd.code, judge_code=key.judge.code, entry_code=key.entry.code,
        state=sheet.state, version=sheet.version, source=sheet.source,
        overall_comment=sheet.overall_comment,
        scores={c: from_milli(v) for c, v, _ in rows},
        comments={c: t for c, _, t in rows if t},
        reopened_reason=sheet.reopened_reason,
    )


def get_sheet(db: Database, competition: str | int, round_code: str, judge_code: str,
              entry_code: str) -> SheetRecord | None:
    with db.read() as s:
        return _read(s, resolve_key(s, competition, round_code, judge_code, entry_code, for_write=False))


def save_sheet(ws: Workspace, competition: str | int, round_code: str, judge_code: str,
               entry_code: str, data: SheetInput, *, source: SheetSource = SheetSource.DIRECT,
               expected_version: int | None = None) -> SheetRecord:
    """Save a draft (creating the sheet on first save). Every save bumps the version.
    Tried again when others held the database at that moment (services/retry.py)."""
    def work(s: Session) -> SheetRecord:
        key = resolve_key(s, competition, round_code, judge_code, entry_code)
        authorize_sheet(s, ws, key.judge, source)
        save_in_session(s, ws.actor, key, data, source, expected_version)
        return _read(s, key)  # type: ignore[return-value]

    return write_with_retry(ws.db, work)


def submit_sheet(ws: Workspace, competition: str | int, round_code: str, judge_code: str,
                 entry_code: str) -> SheetRecord:
    """Submit: refused while any criterion is empty; afterwards the sheet is locked."""
    return write_with_retry(ws.db, lambda s: _submit(s, ws, competition, round_code,
                                                     judge_code, entry_code))


def _submit(s: Session, ws: Workspace, competition: str | int, round_code: str,
            judge_code: str, entry_code: str) -> SheetRecord:
    key = resolve_key(s, competition, round_code, judge_code, entry_code)
    authorize_sheet(s, ws, key.judge, SheetSource.DIRECT)
    check_can_score(s, key)
    sheet = s.scalar(select(ScoreSheet).where(
        ScoreSheet.round_id == key.rnd.id, ScoreSheet.judge_id == key.judge.id,
        ScoreSheet.entry_id == key.entry.id,
    ))
    if sheet is None:
        raise ValidationError(Message("sheets.nothing_to_submit", where=Message(
            "sheets.where", judge=judge_code, entry=entry_code)))
    if sheet.state == SheetState.SUBMITTED.value:
        raise LockedError(Message("sheets.already_submitted", where=Message(
            "sheets.where", judge=judge_code, entry=entry_code)))
    submit_in_session(s, ws.actor, key, sheet)
    return _read(s, key)  # type: ignore[return-value]


def reopen_sheet(ws: Workspace, competition: str | int, round_code: str, judge_code: str,
                 entry_code: str, reason: str) -> SheetRecord:
    """The secretariat unlocks a submitted sheet, with a reason (recorded as a decision)."""
    if not reason.strip():
        raise ValidationError(Message("sheets.reopen_needs_reason"))
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        key = resolve_key(s, competition, round_code, judge_code, entry_code)
        sheet = s.scalar(select(ScoreSheet).where(
            ScoreSheet.round_id == key.rnd.id, ScoreSheet.judge_id == key.judge.id,
            ScoreSheet.entry_id == key.entry.id,
        ))
        if sheet is None or sheet.state != SheetState.SUBMITTED.value:
            raise ServiceError(Message("sheets.only_submitted_reopen", where=Message(
                "sheets.where", judge=judge_code, entry=entry_code)))
        sheet.state = SheetState.DRAFT.value
        sheet.version += 1
        sheet.reopened_reason = reason
        sheet.updated_at = now()
        entry_totals.refresh(s, [key.entry.id], [key.rnd.id])
        subject = {"round": round_code, "judge": judge_code, "entry": entry_code}
        s.add(Decision(competition_id=key.comp.id, kind=DecisionKind.REOPEN_SHEET.value,
                       subject=audit.canonical_json(subject), outcome="{}", reason=reason,
                       decided_by=ws.actor, decided_at=now()))
        audit.record(s, ws.actor, "sheet.reopen", "sheet", f"{round_code}/{judge_code}/{entry_code}",
                     new={"reason": reason, "version": sheet.version}, competition_id=key.comp.id,
                     sheets=[sheet.id], decisions=True)
        return _read(s, key)  # type: ignore[return-value]
