"""Finding rows by the codes people use (never database ids in messages)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import CompetitionStatus
from judging_app.core.messages import Message
from judging_app.services.errors import LockedError, NotFoundError
from judging_app.store.models import (
    Category,
    Competition,
    Criterion,
    Entry,
    Judge,
    Round,
    Unit,
)
from judging_app.store.rows import RowReader


def competition(session: Session, ref: str | int) -> Competition:
    """By id (int or digits) or by code."""
    row = session.scalar(select(Competition).where(Competition.code == str(ref)))
    if row is None and (isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit())):
        row = session.get(Competition, int(ref))
    if row is None:
        raise NotFoundError(Message("lookup.no_competition", ref=ref))
    return row


def writable_competition(session: Session, ref: str | int) -> Competition:
    comp = competition(session, ref)
    if comp.status == CompetitionStatus.FINALIZED:
        raise LockedError(Message("lookup.finalized", competition=comp.code))
    return comp


def competition_row(reader: RowReader, ref: str | int, columns: str = "id, code, status"
                    ) -> tuple:
    """The `columns` of the competition `competition` finds (by code, else by id), with the
    same refusal, in plain SQL (an import's look-up: no ORM statement compiled, no object
    loaded)."""
    sql = f"SELECT {columns} FROM competitions WHERE "
    row = reader.one(sql + "code = :ref", {"ref": str(ref)})
    if row is None and (isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit())):
        row = reader.one(sql + "id = :ref", {"ref": int(ref)})
    if row is None:
        raise NotFoundError(Message("lookup.no_competition", ref=ref))
    return row


def writable_competition_row(session: Session, ref: str | int) -> tuple[int, str, str]:
    """(id, code, status) of what `writable_competition` finds, with the same refusals, in
    plain SQL."""
    row = competition_row(RowReader.of_session(session), ref)
    if row[2] == CompetitionStatus.FINALIZED:
        raise LockedError(Message("lookup.finalized", competition=row[1]))
    return row


def _by_code(session: Session, model, comp_id: int, code: str, missing: Message):
    row = session.scalar(select(model).where(model.competition_id == comp_id, model.code == code))
    if row is None:
        raise NotFoundError(missing)
    return row


def category(session: Session, comp_id: int, code: str) -> Category:
    return _by_code(session, Category, comp_id, code, Message("lookup.no_category", code=code))


def unit(session: Session, comp_id: int, code: str) -> Unit:
    return _by_code(session, Unit, comp_id, code, Message("lookup.no_unit", code=code))


def entry(session: Session, comp_id: int, code: str) -> Entry:
    return _by_code(session, Entry, comp_id, code, Message("lookup.no_entry", code=code))


def judge(session: Session, comp_id: int, code: str) -> Judge:
    return _by_code(session, Judge, comp_id, code, Message("lookup.no_judge", code=code))


def round_(session: Session, comp_id: int, code: str) -> Round:
    return _by_code(session, Round, comp_id, code, Message("lookup.no_round", code=code))


def criterion(session: Session, round_id: int, code: str) -> Criterion:
    row = session.scalar(
        select(Criterion).where(Criterion.round_id == round_id, Criterion.code == code)
    )
    if row is None:
        raise NotFoundError(Message("lookup.no_criterion", code=code))
    return row
