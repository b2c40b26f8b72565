"""Reading and writing many score sheets of one judge at once: shared by the imports of
judge returns (judge_packages) and Excel score sheets (score_workbooks). The rules of a
merge (assignment, conflicts, scale, locks, versions) are decided before, in
exchange.judge_package_draft.plan_merge; this only stores the plan in bulk."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from judging_app.core.enums import SheetState
from judging_app.core.numbers import from_milli, to_milli
from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_draft as jd
from judging_app.services import audit
from judging_app.services.competitions import now
from judging_app.store import entry_totals
from judging_app.store import models as m

SUBMITTED = SheetState.SUBMITTED.value
_decimal = functools.lru_cache(maxsize=4096)(from_milli)  # scores repeat: a few hundred values
CHUNK = 500  # ids per IN list: inside every backend's limit on parameters


JUDGES_OWN_WORK = ("sheet.save", "sheet.submit")


def last_event_id(s: Session) -> int:
    """The newest audit event's id (every write records one): where a plan starts from."""
    return s.scalar(select(func.max(m.AuditEvent.id))) or 0


def changed_since(s: Session, last_event: int, sheet_keys: set[str]) -> bool:
    """Whether anything a plan made in an earlier read may have changed since `last_event`:
    any event after it other than the judges' own saves and submits of sheets outside
    `sheet_keys` ("round/judge/entry"). An import plans before taking SQLite's write lock
    and writes under it only when this is False (else it plans again, under the lock): the
    judges saving meanwhile are not held up by the planning."""
    for action, key in s.execute(select(m.AuditEvent.action, m.AuditEvent.entity_key)
                                 .where(m.AuditEvent.id > last_event)):
        if action not in JUDGES_OWN_WORK or key in sheet_keys:
            return True
    return False


def entry_ids_of(s: Session, competition_id: int, codes) -> dict[str, int]:
    """code -> id of the competition's entries among `codes` (a file names a few of the
    tens of thousands an edition may hold; unknown codes are simply absent)."""
    wanted = sorted(set(codes))
    out: dict[str, int] = {}
    for start in range(0, len(wanted), CHUNK):
        out.update(s.execute(select(m.Entry.code, m.Entry.id).where(
            m.Entry.competition_id == competition_id,
            m.Entry.code.in_(wanted[start:start + CHUNK]))).all())
    return out


def stored_sheets(s: Session, round_id: int, judge_id: int | None,
                  entry_ids: list[int] | None = None) -> dict[int, dict[str, jd.StoredSheet]]:
    """judge id -> entry code -> stored sheet, in one query (per CHUNK entries when only
    `entry_ids` are wanted)."""
    if entry_ids is not None and len(entry_ids) > CHUNK:
        out: dict[int, dict[str, jd.StoredSheet]] = {}
        for start in range(0, len(entry_ids), CHUNK):
            for jid, sheets in stored_sheets(s, round_id, judge_id,
                                             entry_ids[start:start + CHUNK]).items():
                out.setdefault(jid, {}).update(sheets)
        return out
    q = (select(m.ScoreSheet.id, m.ScoreSheet.judge_id, m.Entry.code, m.ScoreSheet.state,
                m.ScoreSheet.version, m.ScoreSheet.source, m.ScoreSheet.overall_comment,
                m.Criterion.code, m.Score.value_milli, m.Score.comment)
         .join(m.Entry, m.Entry.id == m.ScoreSheet.entry_id)
         .outerjoin(m.Score, m.Score.sheet_id == m.ScoreSheet.id)
         .outerjoin(m.Criterion, m.Criterion.id == m.Score.criterion_id)
         .where(m.ScoreSheet.round_id == round_id))
    if judge_id is not None:
        q = q.where(m.ScoreSheet.judge_id == judge_id)
    if entry_ids is not None:
        q = q.where(m.ScoreSheet.entry_id.in_(entry_ids))
    out = {}
    for sid, jid, entry, state, version, source, overall, crit, value, comment in s.execute(q):
        sheet = out.setdefault(jid, {}).setdefault(
            entry, jd.StoredSheet(entry, state, version, source, overall, id=sid))
        if crit is not None:
            sheet.scores[crit] = _decimal(value)
            if comment:
                sheet.comments[crit] = comment
    return out


@dataclass(frozen=True)
class SheetWrite:
    """One sheet to store: `sheet.id` None means a new row (version 1), else the row to
    replace (its scores rewritten) with `sheet.version`."""

    round_id: int
    judge_id: int
    entry_id: int
    sheet: jd.StoredSheet


def write_sheets(s: Session, writes: list[SheetWrite], source: str) -> dict[int, str | None]:
    """Store many sheets of any rounds and judges in a few bulk statements, then refresh the
    totals of their entries. The entries are locked first, in id order (on a server: two
    writers touching the same entries take turns and never deadlock). Returns the ids of
    the sheets written, in order, for the audit event (audit.sheet_states): each new
    sheet's state as this transaction inserted it, None for a replaced sheet (read back).

    A new sheet's state is exactly what a read after the write returns: its row was
    inserted here with these round, judge, entry and state (its id found by that unique
    triple), and every score it has was inserted here from these values (a new id has no
    scores: they reference their sheet with the foreign key enforced). The rows stay this
    transaction's until it commits. Should anything else hold scores under a new id (an
    orphan made with a database shell), verification recomputes from the live rows and
    reports the difference: it can raise an alarm, never hide a change."""
    if not writes:
        return {}
    entry_ids = sorted({w.entry_id for w in writes})
    entry_totals.lock_entries(s, entry_ids)
    stamp = now()
    rounds = sorted({w.round_id for w in writes})
    criteria = {(rid, code): cid for rid, code, cid in s.execute(
        select(m.Criterion.round_id, m.Criterion.code, m.Criterion.id)
        .where(m.Criterion.round_id.in_(rounds)))}
    new = [w for w in writes if w.sheet.id is None]
    changed = [w for w in writes if w.sheet.id is not None]
    conn = s.connection()
    mark = "%s" if conn.dialect.paramstyle in ("format", "pyformat") else "?"
    if new:  # through the driver: plain ints and text, no SQL compiled per call
        column = m.ScoreSheet.__table__.c.updated_at.type.dialect_impl(conn.dialect)
        as_stored = column.bind_processor(conn.dialect)
        stored_stamp = as_stored(stamp) if as_stored else stamp  # as the ORM writes it
        conn.exec_driver_sql(
            "INSERT INTO score_sheets (round_id, judge_id, entry_id, state, version, source,"
            " overall_comment, reopened_reason, updated_at, submitted_at) VALUES"
            f" ({', '.join([mark] * 10)})",
            [(w.round_id, w.judge_id, w.entry_id, w.sheet.state, 1, source,
              w.sheet.overall_comment, "", stored_stamp,
              stored_stamp if w.sheet.state == SUBMITTED else None) for w in new])
    for submitted in (True, False):
        group = [w for w in changed if (w.sheet.state == SUBMITTED) == submitted]
        if not group:
            continue
        values = dict(version=bindparam("b_version"), source=source,
                      overall_comment=bindparam("b_overall"), state=bindparam("b_state"),
                      updated_at=stamp)
        if submitted:
            values["submitted_at"] = stamp
        table = m.ScoreSheet.__table__
        s.execute(update(table).where(table.c.id == bindparam("b_id")).values(**values),
                  [{"b_id": w.sheet.id, "b_version": w.sheet.version,
                    "b_overall": w.sheet.overall_comment, "b_state": w.sheet.state}
                   for w in group])
    changed_ids = [w.sheet.id for w in changed]
    for start in range(0, len(changed_ids), CHUNK):
        s.execute(delete(m.Score).where(m.Score.sheet_id.in_(changed_ids[start:start + CHUNK])))
    ids_of = _new_sheet_ids(s, new)
    rows: list[tuple[int, int, int, str]] = []
    written: dict[int, str | None] = {}
    for w in writes:
        sheet_id = w.sheet.id if w.sheet.id is not None else ids_of[
            (w.round_id, w.judge_id, w.entry_id)]
        comments = w.sheet.comments
        mine = [(sheet_id, criteria[(w.round_id, c)], to_milli(v), comments.get(c, ""))
                for c, v in w.sheet.scores.items()]
        rows += mine
        written[sheet_id] = None if w.sheet.id is not None else audit.sheet_state(
            w.round_id, w.judge_id, w.entry_id, w.sheet.state, [r[1:3] for r in mine])
    if rows:  # the driver's executemany: a quarter faster than Core's (no type processing:
        # the values are plain ints and text already)
        conn.exec_driver_sql(
            f"INSERT INTO scores (sheet_id, criterion_id, value_milli, comment) VALUES "
            f"({mark}, {mark}, {mark}, {mark})", rows)
    entry_totals.refresh(s, entry_ids, rounds)
    return written


def _new_sheet_ids(s: Session, new: list[SheetWrite]) -> dict[tuple[int, int, int], int]:
    """(round, judge, entry) -> id of the sheets just inserted: one query per round and
    CHUNK entries."""
    out: dict[tuple[int, int, int], int] = {}
    for rid in sorted({w.round_id for w in new}):
        entries = sorted({w.entry_id for w in new if w.round_id == rid})
        for start in range(0, len(entries), CHUNK):
            for jid, eid, sid in s.execute(select(
                    m.ScoreSheet.judge_id, m.ScoreSheet.entry_id, m.ScoreSheet.id).where(
                    m.ScoreSheet.round_id == rid,
                    m.ScoreSheet.entry_id.in_(entries[start:start + CHUNK]))):
                out[(rid, jid, eid)] = sid
    return out


def apply_merge(s: Session, rnd: m.Round, judge: m.Judge, plan: jd.MergePlan,
                entry_ids: dict[str, int], source: str) -> dict[int, str | None]:
    """Insert the new sheets, replace the changed ones (scores rewritten), in bulk.
    Returns what write_sheets returns (for the audit event)."""
    return write_sheets(s, [SheetWrite(rnd.id, judge.id, entry_ids[x.entry], x)
                            for x in plan.new + [n for _, n in plan.changed]], source)


def audited(x: jd.StoredSheet) -> dict:
    """What the audit event records of a sheet."""
    return {"state": x.state, "version": x.version,
            "scores": {k: jp.dec_text(v) for k, v in sorted(x.scores.items())}}
