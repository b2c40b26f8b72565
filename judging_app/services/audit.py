"""The audit trail: every change, append-only, chained so that tampering shows.

Each event's `hash` covers the previous event's hash and the event's fields. Since schema
0005 it is an HMAC-SHA256 under the database's audit key, kept outside the database
(services/keys.py): whoever edits the file without that key cannot re-chain the trail so
that it verifies again. Events written before are plain SHA-256 ('sha256') and stay as
they were. On a server set up by `judging-app server init` the database appends and
chains events itself (a SECURITY DEFINER function with a key no login can read; actor =
the login), see store/server_sql.py.

Each event also carries `state`: what verification compares the live data with (services/
audit_verify.py): the status of its competition, the sheets it wrote (ids, round/judge/
entry ids, state and every score), the competition's decisions when it made one, and the
digests of the setup, eligibility and assignments it changed (services/audit_digests.py).

Who: the signed-in person attached to the session by services/authorization (never a
typed name on a protected database); on an unprotected one the typed name, marked
unverified. The chain head row is locked while an event is appended (SELECT … FOR UPDATE;
SQLite writers hold the write lock already), so concurrent writers cannot fork the chain.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from judging_app.core.messages import Message
from judging_app.core.people import Principal
from judging_app.services import audit_digests, keys
from judging_app.services.errors import PermissionDenied
from judging_app.store.models import AuditEvent, AuditHead, SecuritySettings
from judging_app.store.rows import RowReader

GENESIS = "0" * 64
LEGACY_FIELDS = ("competition_id", "at", "actor", "action", "entity", "entity_key", "old", "new")
FIELDS = ("competition_id", "at", "actor", "person_id", "verified", "action", "entity",
          "entity_key", "old", "new", "state")
DIGESTED_ABOVE = 2000  # sheets per event: above, each sheet's state is kept as a digest
PRINCIPAL = "principal"  # session.info key set by services/authorization
# events that record every part of their competition whatever they wrote: a baseline for
# competitions whose earlier events carry no digest (services/audit_digests.py)
ALL_PARTS_ACTIONS = frozenset({"competition.create", "competition.update_setup",
                               "competition.set_status", "results.finalize", "results.reopen"})


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    raise TypeError(f"cannot record {type(value).__name__} in the audit trail")


def canonical_json(value: Any) -> str:
    return json.dumps(value, default=_default, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))


def legacy_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    """The unkeyed SHA-256 of events written before schema 0005."""
    payload = prev_hash + "\n" + canonical_json({k: fields[k] for k in LEGACY_FIELDS})
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def frame(fields: dict[str, Any]) -> bytes:
    """The fields as length-prefixed lines, the same bytes the server's SQL builds."""
    out = bytearray()
    for name in FIELDS:
        value = fields[name]
        if value is None:
            raw = b""
        elif isinstance(value, bool):
            raw = b"1" if value else b"0"
        else:
            raw = str(value).encode("utf-8")
        out += f"{name}={len(raw)}:".encode("ascii") + raw + b"\n"
    return bytes(out)


def keyed_hash(secret: bytes, prev_hash: str, fields: dict[str, Any]) -> str:
    return hmac.new(secret, prev_hash.encode("ascii") + b"\n" + frame(fields),
                    hashlib.sha256).hexdigest()


# ---- the state an event carries -----------------------------------------------------

def sheet_state(round_id: int, judge_id: int, entry_id: int, state: str,
                scores: Iterable[tuple[int, int]]) -> str:
    """'round/judge/entry|state|criterion=milli,…' with the scores in criterion id order."""
    return (f"{round_id}/{judge_id}/{entry_id}|{state}|"
            + ",".join(f"{cid}={value}" for cid, value in sorted(scores)))


def sheet_states(session: Session, sheet_ids: Iterable[int] | Mapping[int, str | None]
                 ) -> dict[str, str | None]:
    """sheet id -> 'round/judge/entry|state|criterion=milli,…' (None: the sheet is gone),
    read from the database. A mapping may give the state of sheets this transaction has
    just inserted, built from the very values it inserted (services/sheet_bulk.py); the
    others (None) are read."""
    known = sheet_ids if isinstance(sheet_ids, Mapping) else {}
    ids = sorted(set(sheet_ids))
    out: dict[str, str | None] = {str(i): known.get(i) for i in ids}
    unread = [i for i in ids if known.get(i) is None]
    for start in range(0, len(unread), 500):
        marks = ", ".join(str(int(i)) for i in unread[start:start + 500])
        heads: dict[int, tuple] = {}
        scores: dict[int, list[tuple[int, int]]] = {}
        for sid, rid, jid, eid, state, cid, value in session.connection().exec_driver_sql(
                "SELECT sh.id, sh.round_id, sh.judge_id, sh.entry_id, sh.state, s.criterion_id,"
                " s.value_milli FROM score_sheets sh LEFT JOIN scores s ON s.sheet_id = sh.id"
                f" WHERE sh.id IN ({marks})").fetchall():
            heads[sid] = (rid, jid, eid, state)
            mine = scores.setdefault(sid, [])
            if cid is not None:
                mine.append((cid, value))
        for sid, head in heads.items():
            out[str(sid)] = sheet_state(*head, scores[sid])
    if len(out) > DIGESTED_ABOVE:
        out = {k: None if v is None else digest_of(v) for k, v in out.items()}
    return out


def digest_of(sheet_state: str) -> str:
    return "#" + hashlib.sha256(sheet_state.encode("utf-8")).hexdigest()[:24]


def decision_digest(kind: str, subject: str, outcome: str, reason: str, decided_by: str) -> str:
    body = canonical_json([kind, subject, outcome, reason, decided_by])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:24]


def decisions_of(session: Session, competition_id: int) -> dict[str, str]:
    rows = session.execute(text(
        "SELECT id, kind, subject, outcome, reason, decided_by FROM decisions"
        " WHERE competition_id = :c"), {"c": competition_id}).all()
    return {str(r[0]): decision_digest(*r[1:]) for r in rows}


def snapshot_of(session: Session, competition_id: int) -> str | None:
    """The digest of the competition's snapshot in force (None: not finalized)."""
    return session.execute(text(
        "SELECT digest FROM result_snapshots WHERE competition_id = :c AND superseded_at IS NULL"
        " ORDER BY id DESC LIMIT 1"), {"c": competition_id}).scalar()


def state_of(session: Session, competition_id: int | None,
             sheets: Iterable[int] | Mapping[int, str | None] = (),
             decisions: bool = False, snapshot: bool = False,
             parts: frozenset[str] | set[str] = frozenset()) -> dict | None:
    state: dict[str, Any] = {}
    if competition_id is not None:
        state.update(audit_digests.parts_state(session, competition_id, parts))
        if snapshot:
            state["snapshots"] = {str(competition_id): snapshot_of(session, competition_id)}
        found = RowReader.of_session(session).one(
            "SELECT status FROM competitions WHERE id = :c", {"c": competition_id})
        if found is not None and found[0] is not None:
            state["status"] = {str(competition_id): found[0]}
        if decisions:
            state["decisions"] = {str(competition_id): decisions_of(session, competition_id)}
    sheet_ids = sheets if isinstance(sheets, Mapping) else list(sheets)
    if sheet_ids:
        state["sheets"] = sheet_states(session, sheet_ids)
    return state or None


def full_state(session: Session) -> dict:
    """Every competition's status and decisions and every submitted sheet: the baseline
    the first keyed event records (a database older than schema 0005)."""
    comps = session.execute(text("SELECT id, status FROM competitions")).all()
    submitted = session.execute(text(
        "SELECT id FROM score_sheets WHERE state = 'submitted'")).scalars().all()
    return {**audit_digests.all_parts(session, [c for c, _ in comps]),
            "status": {str(c): st for c, st in comps},
            "snapshots": {str(c): snapshot_of(session, c) for c, _ in comps},
            "decisions": {str(c): decisions_of(session, c) for c, _ in comps},
            "sheets": sheet_states(session, submitted)}


# ---- appending ---------------------------------------------------------------------

def security_row(session: Session) -> SecuritySettings:
    return session.execute(select(SecuritySettings).where(SecuritySettings.id == 1)).scalar_one()


def _who(session: Session, actor: str, mode: str) -> Principal:
    principal = session.info.get(PRINCIPAL)
    if mode != "open" and (principal is None or not principal.verified):
        raise PermissionDenied(Message("auth.sign_in_needed"))
    return principal if principal is not None else Principal(name=actor)


def _append(session: Session, head: AuditHead, secret: bytes, fields: dict) -> str:
    digest = keyed_hash(secret, head.last_hash, fields)
    session.add(AuditEvent(prev_hash=head.last_hash, hash=digest, scheme="hmac", **fields))
    head.last_hash = digest
    head.count += 1
    return digest


def _audit_key(session: Session, sec: SecuritySettings, head: AuditHead,
               who: Principal) -> keys.AuditKey:
    """This database's audit key; made on the first keyed event, which records the state
    the trail starts to vouch for."""
    if sec.audit_key_check is None:
        key = keys.new_audit_key(sec.database_id, head.count)
        sec.audit_key_check = key.check
        database_id = sec.database_id
        event.listen(session, "after_commit",
                     lambda _s: keys.confirm_audit_key(database_id), once=True)
        event.listen(session, "after_rollback",
                     lambda _s: keys.discard_unconfirmed(database_id), once=True)
        baseline = _fields(None, who, "audit.keyed", "database", sec.database_id,
                           None, {"legacy_events": head.count}, full_state(session))
        _append(session, head, key.secret, baseline)
        return key
    return _loaded_key(sec.database_id, sec.audit_key_check)


def _loaded_key(database_id: str, check: str) -> keys.AuditKey:
    key = keys.load_audit_key(database_id, check)
    if key is None:
        raise keys.KeyMissingError(Message("keys.audit_missing", folder=str(keys.key_folder())))
    return key


def _fields(competition_id, who: Principal, action, entity, entity_key, old, new, state) -> dict:
    return {
        "competition_id": competition_id,
        "at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "actor": who.name, "person_id": who.person_id, "verified": who.verified,
        "action": action, "entity": entity, "entity_key": str(entity_key),
        "old": canonical_json(old), "new": canonical_json(new),
        "state": canonical_json(state),
    }


def record(
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_key: str = "",
    *,
    old: Any = None,
    new: Any = None,
    competition_id: int | None = None,
    sheets: Iterable[int] | Mapping[int, str | None] = (),
    decisions: bool = False,
    snapshot: bool = False,
) -> None:
    """Append one event in the caller's transaction. `sheets`: ids of the score sheets this
    change wrote (their state goes into the event; a mapping from sheet_bulk.write_sheets
    gives the state of the sheets it inserted); `decisions`: it made a decision;
    `snapshot`: it finalized the results or reopened them. The digests of the setup,
    eligibility and assignments this transaction wrote are added by themselves."""
    session.flush()
    reader = RowReader.of_session(session)
    mode, keyed = reader.one("SELECT mode, audit_key_check FROM app_security WHERE id = 1")
    who = _who(session, actor, mode)
    parts = audit_digests.take_touched(session)
    if action in ALL_PARTS_ACTIONS:
        parts = set(audit_digests.PARTS)
    state = state_of(session, competition_id, sheets, decisions, snapshot, parts)
    if mode == "server":  # the database appends, chains and names the login itself
        from judging_app.store import server_sql

        server_sql.append_event(session, competition_id, action, entity, str(entity_key),
                                canonical_json(old), canonical_json(new), canonical_json(state))
        return
    fields = functools.partial(_fields, competition_id, who, action, entity, entity_key, old,
                               new, state)  # made once the head is ours: `at` in chain order
    if keyed is not None and _append_keyed(session, reader, fields):
        return
    sec = security_row(session)
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()
                           .execution_options(populate_existing=True)).scalar_one()
    session.refresh(sec)  # as it is now that the head is ours (another writer may have keyed it)
    key = _audit_key(session, sec, head, who)
    digest = _append(session, head, key.secret, fields())
    session.flush()
    _remember_after_commit(session, sec.database_id, head.count, digest)


def _append_keyed(session: Session, reader: RowReader, make_fields) -> bool:
    """Append the event to a trail keyed already, in plain SQL (what `record` does through
    the ORM, without compiling its statements: a fixed cost of every write): the head
    locked, the key loaded, the event inserted and chained. False, having written nothing,
    when the trail turns out not to be keyed once the head is ours."""
    lock = "" if reader.dialect == "sqlite" else " FOR UPDATE"
    last_hash, count = reader.one(f"SELECT last_hash, count FROM audit_head WHERE id = 1{lock}")
    database_id, check = reader.one(
        "SELECT database_id, audit_key_check FROM app_security WHERE id = 1")
    if check is None:
        return False
    key = _loaded_key(database_id, check)
    fields = make_fields()
    digest = keyed_hash(key.secret, last_hash, fields)
    reader.run(f"INSERT INTO audit_events ({', '.join(fields)}, prev_hash, hash, scheme)"
               f" VALUES ({', '.join(':' + n for n in fields)}, :prev_hash, :hash, 'hmac')",
               {**fields, "prev_hash": last_hash, "hash": digest})
    reader.run("UPDATE audit_head SET last_hash = :hash, count = :count WHERE id = 1",
               {"hash": digest, "count": count + 1})
    for held in [o for o in session.identity_map.values() if isinstance(o, AuditHead)]:
        session.expire(held)  # the ORM's copy of the head is older than the row now
    _remember_after_commit(session, database_id, count + 1, digest)
    return True


def _remember_after_commit(session: Session, database_id: str, count: int, digest: str) -> None:
    """After the commit, this computer remembers the trail's latest event (a trail later
    cut short below it is reported by verification)."""
    session.info.setdefault(_SEEN, {})[database_id] = (count, digest)


_SEEN = "audit_seen"  # session.info: database id -> (events, last hash) once committed


@event.listens_for(Session, "after_commit")
def _remember_seen(session: Session) -> None:
    """Listening on every session once (a listener per transaction cost more than the
    rest of a small import's audit event)."""
    for db_id, (n, h) in session.info.pop(_SEEN, {}).items():
        keys.remember_event(db_id, n, h)


@event.listens_for(Session, "after_rollback")
def _forget_seen(session: Session) -> None:
    session.info.pop(_SEEN, None)


def verify_chain(db):
    """The whole check of `judging-app db verify-audit` (services/audit_verify.py)."""
    from judging_app.services.audit_verify import verify_trail

    return verify_trail(db)
