"""What the trail vouches for besides statuses, sheets and decisions: each competition's
setup, its entries' eligibility and its assignments, as SHA-256 digests.

An audit event of a write that changed any of them records the digests of the parts it
changed, computed after the write (services/audit.record); `db verify-audit` recomputes
them from the live data and compares with the latest recorded ones
(services/audit_verify.py). So a criterion's weight, a scale, an award tier, an entry's
screening status or category, an advancement or an assignment changed with a database
shell no longer verifies.

Which parts a write changed is found where every statement passes, not by each use case:
a listener on every engine (`before_cursor_execute`) notes the tables an INSERT, UPDATE or
DELETE names in the connection's info; `audit.record` takes the parts those tables belong
to. A new use case cannot forget it: whatever writes those tables through the app gets
its digest on its event.

The parts:
- **setup**: the competition's rules (ranking scope, aggregation, trimming, incomplete
  designs, round combination, tie-breaks), categories, rounds (kind, weight, blindness,
  advancement rule), criteria (weight, scale, step), award tiers;
- **eligibility**: every entry's screening status and category (per category and block
  of entry ids), and the advancements (which entries went on to which round);
- **assignments**: per judge, the (round, entry) pairs. Per judge because on a server a
  judge's own login (declaring a conflict removes that judge's assignments) sees only its
  own judge row and assignments: it records that judge's digest, the secretariat records
  every judge's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from judging_app.core.messages import Message, first_of

SETUP, ELIGIBILITY, ASSIGNMENTS = "setup", "eligibility", "assignments"
PARTS = (SETUP, ELIGIBILITY, ASSIGNMENTS)
TOUCHED = "judging_app_touched_parts"  # key in the DBAPI connection's info

# table -> parts a write of it changes: (on INSERT/UPDATE, on DELETE, which cascades)
_TABLE_PARTS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "competitions": (frozenset({SETUP}), frozenset(PARTS)),
    "categories": (frozenset({SETUP}), frozenset({SETUP})),
    "criteria": (frozenset({SETUP}), frozenset({SETUP})),
    "award_tiers": (frozenset({SETUP}), frozenset({SETUP})),
    "rounds": (frozenset({SETUP}), frozenset(PARTS)),
    "entries": (frozenset({ELIGIBILITY}), frozenset({ELIGIBILITY, ASSIGNMENTS})),
    "advancements": (frozenset({ELIGIBILITY}), frozenset({ELIGIBILITY})),
    "assignments": (frozenset({ASSIGNMENTS}), frozenset({ASSIGNMENTS})),
    "judges": (frozenset(), frozenset({ASSIGNMENTS})),
}
_WRITE = re.compile(
    r"\s*(?:(INSERT)(?:\s+OR\s+\w+)?\s+INTO|(UPDATE)(?:\s+ONLY)?|(DELETE)\s+FROM)\s+"
    r"(?:\"?\w+\"?\.)?\"?(\w+)", re.IGNORECASE)


def parts_written(statement: str) -> frozenset[str]:
    """The parts an SQL statement changes (none for a read or another table)."""
    match = _WRITE.match(statement)
    if match is None:
        return frozenset()
    parts = _TABLE_PARTS.get(match.group(4).lower())
    if parts is None:
        return frozenset()
    return parts[1] if match.group(3) else parts[0]


@event.listens_for(Engine, "before_cursor_execute")
def _note_write(conn, _cursor, statement, _params, _context, _executemany) -> None:
    parts = parts_written(statement)
    if parts:
        conn.info.setdefault(TOUCHED, set()).update(parts)


@event.listens_for(Engine, "rollback")
def _forget_on_rollback(conn) -> None:
    conn.info.pop(TOUCHED, None)


def take_touched(session: Session) -> set[str]:
    """The parts written in this transaction since the last event took them."""
    return session.connection().info.pop(TOUCHED, set())


# ---- the digests ---------------------------------------------------------------------

def _digest(rows: Any) -> str:
    h = hashlib.sha256()
    for row in rows:
        h.update("\x1f".join("" if v is None else str(v) for v in row).encode("utf-8"))
        h.update(b"\x1e")
    return h.hexdigest()


def _rows(s: Session, sql: str, cid: int) -> list:
    return s.execute(text(sql), {"c": cid}).all()


_SETUP_SQL = {
    "rules": "SELECT id, code, ranking_scope, aggregation, trimmed_min_sheets,"
             " allow_incomplete, round_combination, tie_breaks FROM competitions WHERE id = :c",
    "categories": "SELECT id, code, name, name_en, position FROM categories"
                  " WHERE competition_id = :c ORDER BY id",
    "rounds": "SELECT id, code, position, kind, weight_milli, blind, advancement,"
              " advancement_top_n, advancement_threshold_milli FROM rounds"
              " WHERE competition_id = :c ORDER BY id",
    "criteria": "SELECT k.id, k.round_id, k.code, k.position, k.weight_milli,"
                " k.scale_min_milli, k.scale_max_milli, k.scale_step_milli FROM criteria k"
                " JOIN rounds r ON r.id = k.round_id WHERE r.competition_id = :c ORDER BY k.id",
    "tiers": "SELECT id, category_id, code, label, label_en, kind, rank_from, rank_to,"
             " min_score_milli, max_score_milli, min_inclusive, max_inclusive, position"
             " FROM award_tiers WHERE competition_id = :c ORDER BY id",
}
_ADVANCEMENTS_SQL = ("SELECT a.round_id, a.entry_id, a.source FROM advancements a"
                     " JOIN rounds r ON r.id = a.round_id WHERE r.competition_id = :c"
                     " ORDER BY a.round_id, a.entry_id")
EMPTY = _digest(())  # a judge with no assignments, a category with no entries
_STATUS_CODE = ("CASE status WHEN 'registered' THEN 1 WHEN 'eligible' THEN 2"
                " WHEN 'disqualified' THEN 3 WHEN 'withdrawn' THEN 5 ELSE 7 END")


def _booleans_as_ints(rows: list) -> list:
    return [tuple(int(v) if isinstance(v, bool) else v for v in row) for row in rows]


def setup_digests(s: Session, cid: int, fresh: bool = False) -> dict[str, str]:
    return {name: _digest(_booleans_as_ints(_rows(s, sql, cid)))
            for name, sql in _SETUP_SQL.items()}


# ---- per piece, recomputed only where the piece changed ----------------------------------
#
# At 30,000 entries and 90,000 assignments, reading every row into Python for each write
# costs about half a second; a per-piece fingerprint aggregated by the database (counts and
# sums) costs a few milliseconds. A process keeps the digest it last computed for each
# piece with the fingerprint it had then, and reads the rows again only of the pieces whose
# fingerprint moved. The fingerprint is a cache key, not evidence: verification always
# recomputes every digest from the rows (fresh=True). A change that kept a fingerprint
# would make a write record the digest from before it, which verification then reports:
# it can cause a false alarm, never hide a change.

_cache: WeakKeyDictionary = WeakKeyDictionary()  # pool -> {(part, cid, piece): (fp, digest)}


def _pieces(s: Session, part: str, cid: int, fingerprints: dict[str, tuple],
            rows_of: Callable[[list[str]], dict[str, list]], fresh: bool) -> dict[str, str]:
    cache = _cache.setdefault(s.get_bind().pool, {})  # one per database, whatever options
    out: dict[str, str] = {}
    stale = []
    for piece, fp in fingerprints.items():
        hit = None if fresh else cache.get((part, cid, piece))
        if fp[0] == 0:
            out[piece] = EMPTY
        elif hit is not None and hit[0] == fp:
            out[piece] = hit[1]
        else:
            stale.append(piece)
    if stale:
        rows = rows_of(stale)
        for piece in stale:
            out[piece] = _digest(rows.get(piece, ()))
            cache[(part, cid, piece)] = (fingerprints[piece], out[piece])
    return out


def _grouped(s: Session, sql: str, params: dict) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for row in s.execute(text(sql), params):
        grouped.setdefault(str(row[0]), []).append(tuple(row[1:]))
    return grouped


def _ids_in(pieces: list[str]) -> str:
    return ", ".join(str(int(p)) for p in pieces)


BLOCK = 1024  # entries per piece of eligibility: a category's entries by blocks of ids


def eligibility_digests(s: Session, cid: int, fresh: bool = False) -> dict[str, str]:
    """'category.block' -> digest of those entries' (id, status), for each category and
    block of BLOCK entry ids that has entries; 'advancements' -> digest of the (round,
    entry) pairs advanced. Always computed whole by the secretariat, so an event's
    eligibility replaces the one before it (a piece that emptied is simply absent)."""
    fingerprints: dict[str, tuple] = {}
    for row in _rows(s, f"SELECT category_id, i / {BLOCK}, count(*), sum(i), sum(i * st),"
                        f" sum((i * i % 2147483629) * st) FROM (SELECT CAST(id AS BIGINT) AS i,"
                        f" category_id, {_STATUS_CODE} AS st FROM entries"
                        f" WHERE competition_id = :c) x GROUP BY category_id, i / {BLOCK}", cid):
        fingerprints[f"{row[0]}.{row[1]}"] = tuple(int(v) for v in row[2:])

    def rows_of(stale: list[str]) -> dict[str, list]:
        where = ""
        if len(stale) <= 64:
            ranges = [(int(c), int(b) * BLOCK) for c, b in (p.split(".") for p in stale)]
            where = " AND (" + " OR ".join(
                f"(category_id = {c} AND id >= {lo} AND id < {lo + BLOCK})"
                for c, lo in ranges) + ")"
        grouped: dict[str, list] = {}
        for cat, eid, status in s.execute(text(
                f"SELECT category_id, id, status FROM entries WHERE competition_id = :c{where}"
                f" ORDER BY category_id, id"), {"c": cid}):
            grouped.setdefault(f"{cat}.{eid // BLOCK}", []).append((eid, status))
        return grouped

    out = _pieces(s, ELIGIBILITY, cid, fingerprints, rows_of, fresh)
    out["advancements"] = _digest(_rows(s, _ADVANCEMENTS_SQL, cid))
    return out


def assignment_digests(s: Session, cid: int, fresh: bool = False) -> dict[str, str]:
    """judge id -> digest of its (round, entry) pairs, for every judge row this session
    sees (on a server, a judge's login sees its own)."""
    fingerprints: dict[str, tuple] = {
        str(j): (0,) for (j,) in _rows(s, "SELECT id FROM judges WHERE competition_id = :c", cid)}
    if fingerprints:
        for row in s.execute(text(
                # id, judge and entry only: ix_assignments_judge_entry covers them (a
                # scan of the index, ten times faster than of the table on SQLite)
                f"SELECT judge_id, count(*), sum(i), sum(e), sum(e * e) FROM"
                f" (SELECT judge_id, CAST(id AS BIGINT) AS i, CAST(entry_id AS BIGINT) AS e"
                f" FROM assignments WHERE judge_id IN ({_ids_in(list(fingerprints))})) x"
                f" GROUP BY judge_id")):
            fingerprints[str(row[0])] = tuple(int(v) for v in row[1:])

    def rows_of(stale: list[str]) -> dict[str, list]:
        return _grouped(s, f"SELECT judge_id, round_id, entry_id FROM assignments"
                           f" WHERE judge_id IN ({_ids_in(stale)})"
                           f" ORDER BY judge_id, round_id, entry_id", {})

    return _pieces(s, ASSIGNMENTS, cid, fingerprints, rows_of, fresh)


_COMPUTE = {SETUP: setup_digests, ELIGIBILITY: eligibility_digests,
            ASSIGNMENTS: assignment_digests}


def parts_state(s: Session, cid: int, parts: set[str] | frozenset[str]) -> dict[str, dict]:
    """{part: {competition id: {piece: digest}}} for the parts asked."""
    return {part: {str(cid): _COMPUTE[part](s, cid)} for part in PARTS if part in parts}


def all_parts(s: Session, competition_ids: list[int]) -> dict[str, dict]:
    return {part: {str(c): _COMPUTE[part](s, c) for c in competition_ids} for part in PARTS}


# ---- the check (services/audit_verify.py) --------------------------------------------

_PIECES = {  # the words a problem names a piece of the setup or the eligibility by
    "rules": Message("audit.piece.rules"), "categories": Message("audit.piece.categories"),
    "rounds": Message("audit.piece.rounds"), "criteria": Message("audit.piece.criteria"),
    "tiers": Message("audit.piece.tiers"), "entries": Message("audit.piece.entries"),
    "advancements": Message("audit.piece.advancements"),
}


def differences(s: Session, cid: int, code: str, judge_codes: dict[int, str],
                recorded: dict[str, dict[str, str] | None]) -> list[Message]:
    """The competition's live setup, eligibility and assignments against the latest
    digests the trail recorded (part -> piece or judge id -> digest); a part never
    recorded (a trail older than these digests) is not checked until an event records it."""
    problems: list[Message] = []
    if recorded[SETUP] is not None:
        live = setup_digests(s, cid)
        differ = [_PIECES[p] for p in live if live[p] != recorded[SETUP].get(p)]
        if differ:
            problems.append(Message("audit.setup_differs", competition=code, parts=differ))
    if recorded[ELIGIBILITY] is not None:
        live, then = eligibility_digests(s, cid, fresh=True), recorded[ELIGIBILITY]
        differ = {"advancements" if p == "advancements" else "entries"
                  for p in set(live) | set(then) if live.get(p) != then.get(p)}
        if differ:
            problems.append(Message("audit.eligibility_differs", competition=code,
                                    parts=[_PIECES[p] for p in sorted(differ, reverse=True)]))
    if recorded[ASSIGNMENTS] is not None:
        live, then = assignment_digests(s, cid, fresh=True), recorded[ASSIGNMENTS]
        judges = [j for j in set(live) | set(then) if live.get(j, EMPTY) != then.get(j, EMPTY)]
        if judges:
            problems.append(Message("audit.assignments_differ", competition=code, judges=first_of(
                sorted(judge_codes.get(int(j), f"#{j}") for j in judges))))
    return problems

