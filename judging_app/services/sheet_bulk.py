"""Reading and writing many score sheets of one judge at once: shared by the imports of
judge returns (judge_packages) and Excel score sheets (score_workbooks). The rules of a
merge (assignment, conflicts, scale, locks, versions) are decided before, in
exchange.judge_package_draft.plan_merge; this only stores the plan in bulk."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sqlalchemy.orm import Session

from judging_app.core.enums import SheetState
from judging_app.core.numbers import from_milli, to_milli
from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_draft as jd
from judging_app.services import audit
from judging_app.services.competitions import now
from judging_app.store import entry_totals
from judging_app.store import models as m
from judging_app.store.rows import RowReader, in_list

SUBMITTED = SheetState.SUBMITTED.value
_decimal = functools.lru_cache(maxsize=4096)(from_milli)  # scores repeat: a few hundred values
_milli = functools.lru_cache(maxsize=4096)(to_milli)
_text = functools.lru_cache(maxsize=4096)(jp.dec_text)
CHUNK = 500  # ids per IN list: inside every backend's limit on parameters


JUDGES_OWN_WORK = ("sheet.save", "sheet.submit")


def last_event_id(s: Session) -> int:
    """The newest audit event's id (every write records one): where a plan starts from."""
    return RowReader.of_session(s).one("SELECT MAX(id) FROM audit_events")[0] or 0


def changed_since(s: Session, last_event: int, sheet_keys: set[str]) -> bool:
    """Whether anything a plan made in an earlier read may have changed since `last_event`:
    any event after it other than the judges' own saves and submits of sheets outside
    `sheet_keys` ("round/judge/entry"). An import plans before taking SQLite's write lock
    and writes under it only when this is False (else it plans again, under the lock): the
    judges saving meanwhile are not held up by the planning."""
    for action, key in RowReader.of_session(s).all(
            "SELECT action, entity_key FROM audit_events WHERE id > :last", {"last": last_event}):
        if action not in JUDGES_OWN_WORK or key in sheet_keys:
            return True
    return False


def entry_ids_of(s: Session, competition_id: int, codes) -> dict[str, int]:
    """code -> id of the competition's entries among `codes` (a file names a few of the
    tens of thousands an edition may hold; unknown codes are simply absent)."""
    wanted = sorted(set(codes))
    reader = RowReader.of_session(s)
    out: dict[str, int] = {}
    for start in range(0, len(wanted), CHUNK):
        among, params = in_list("c", wanted[start:start + CHUNK])
        out.update(reader.all(f"SELECT code, id FROM entries WHERE competition_id = :comp"
                              f" AND code {among}", {"comp": competition_id, **params}))
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
    sql = ("SELECT sh.id, sh.judge_id, e.code, sh.state, sh.version, sh.source,"
           " sh.overall_comment, c.code, s.value_milli, s.comment FROM score_sheets sh"
           " JOIN entries e ON e.id = sh.entry_id LEFT JOIN scores s ON s.sheet_id = sh.id"
           " LEFT JOIN criteria c ON c.id = s.criterion_id WHERE sh.round_id = :round")
    params: dict = {"round": round_id}
    if judge_id is not None:
        sql += " AND sh.judge_id = :judge"
        params["judge"] = judge_id
    if entry_ids is not None:
        among, more = in_list("e", entry_ids)
        sql += f" AND sh.entry_id {among}"
        params.update(more)
    out: dict[int, dict[str, jd.StoredSheet]] = {}
    for sid, jid, entry, state, version, source, overall, crit, value, comment in \
            RowReader.of_session(s).all(sql, params):
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
    rounds = sorted({w.round_id for w in writes})
    reader = RowReader.of_session(s)
    among, params = in_list("r", rounds)
    criteria: dict[int, dict[str, int]] = {rid: {} for rid in rounds}  # round -> code -> id
    for rid, code, cid in reader.all(
            f"SELECT round_id, code, id FROM criteria WHERE round_id {among}", params):
        criteria[rid][code] = cid
    new = [w for w in writes if w.sheet.id is None]
    changed = [w for w in writes if w.sheet.id is not None]
    conn = s.connection()  # through the driver: plain ints and text, no SQL compiled
    mark = "%s" if conn.dialect.paramstyle in ("format", "pyformat") else "?"
    column = m.ScoreSheet.__table__.c.updated_at.type.dialect_impl(conn.dialect)
    as_stored = column.bind_processor(conn.dialect)
    stamp = now()
    stamp = as_stored(stamp) if as_stored else stamp  # as the ORM writes it
    if new:
        conn.exec_driver_sql(
            "INSERT INTO score_sheets (round_id, judge_id, entry_id, state, version, source,"
            " overall_comment, reopened_reason, updated_at, submitted_at) VALUES"
            f" ({', '.join([mark] * 10)})",
            [(w.round_id, w.judge_id, w.entry_id, w.sheet.state, 1, source,
              w.sheet.overall_comment, "", stamp,
              stamp if w.sheet.state == SUBMITTED else None) for w in new])
    for submitted in (True, False):  # a draft keeps the submitted_at it had
        group = [w for w in changed if (w.sheet.state == SUBMITTED) == submitted]
        if group:
            also = f", submitted_at = {mark}" if submitted else ""
            conn.exec_driver_sql(
                f"UPDATE score_sheets SET version = {mark}, source = {mark},"
                f" overall_comment = {mark}, state = {mark}, updated_at = {mark}{also}"
                f" WHERE id = {mark}",
                [(w.sheet.version, source, w.sheet.overall_comment, w.sheet.state, stamp,
                  *((stamp,) if submitted else ()), w.sheet.id) for w in group])
    changed_ids = [w.sheet.id for w in changed]
    for start in range(0, len(changed_ids), CHUNK):
        part = changed_ids[start:start + CHUNK]
        conn.exec_driver_sql(
            f"DELETE FROM scores WHERE sheet_id IN ({', '.join([mark] * len(part))})",
            tuple(part))
    ids_of = _new_sheet_ids(reader, new)
    rows: list[tuple[int, int, int, str]] = []
    written: dict[int, str | None] = {}
    scores_of: dict[int, list[tuple[int, int]]] = {}  # what each sheet now holds
    for w in writes:
        sheet_id = w.sheet.id if w.sheet.id is not None else ids_of[
            (w.round_id, w.judge_id, w.entry_id)]
        ids, comments = criteria[w.round_id], w.sheet.comments
        mine = [(ids[c], _milli(v)) for c, v in w.sheet.scores.items()]
        scores_of[sheet_id] = mine
        rows += [(sheet_id, cid, value, comments.get(c, ""))
                 for (cid, value), c in zip(mine, w.sheet.scores, strict=True)]
        written[sheet_id] = None if w.sheet.id is not None else audit.sheet_state(
            w.round_id, w.judge_id, w.entry_id, w.sheet.state, mine)
    if rows:  # the driver's executemany: a quarter faster than Core's (no type processing:
        # the values are plain ints and text already)
        conn.exec_driver_sql(
            f"INSERT INTO scores (sheet_id, criterion_id, value_milli, comment) VALUES "
            f"({mark}, {mark}, {mark}, {mark})", rows)
    entry_totals.refresh(s, entry_ids, rounds, written=scores_of)
    return written


def _new_sheet_ids(reader: RowReader, new: list[SheetWrite]
                   ) -> dict[tuple[int, int, int], int]:
    """(round, judge, entry) -> id of the sheets just inserted: one query per round and
    CHUNK entries."""
    out: dict[tuple[int, int, int], int] = {}
    for rid in sorted({w.round_id for w in new}):
        entries = sorted({w.entry_id for w in new if w.round_id == rid})
        for start in range(0, len(entries), CHUNK):
            among, params = in_list("e", entries[start:start + CHUNK])
            for jid, eid, sid in reader.all(
                    "SELECT judge_id, entry_id, id FROM score_sheets WHERE round_id = :r"
                    f" AND entry_id {among}", {"r": rid, **params}):
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
            "scores": {k: _text(v) for k, v in sorted(x.scores.items())}}
