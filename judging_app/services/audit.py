"""The audit trail: every change, append-only, chained by SHA-256 so tampering shows.

Each event's hash covers the previous hash and the event's canonical JSON. The chain head
row is locked (SELECT … FOR UPDATE; SQLite writers hold the write lock already) while an
event is appended, so concurrent writers cannot fork the chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.store.database import Database
from judging_app.store.models import AuditEvent, AuditHead

GENESIS = "0" * 64


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


def _event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    payload = prev_hash + "\n" + canonical_json(fields)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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
) -> None:
    """Append one event in the caller's transaction."""
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    fields = {
        "competition_id": competition_id,
        "at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_key": str(entity_key),
        "old": canonical_json(old),
        "new": canonical_json(new),
    }
    digest = _event_hash(head.last_hash, fields)
    session.add(AuditEvent(prev_hash=head.last_hash, hash=digest, **fields))
    head.last_hash = digest
    head.count += 1
    session.flush()


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    events: int
    first_bad_id: int | None = None
    problem: str = ""


def verify_chain(db: Database) -> ChainCheck:
    """Recompute every hash in order; report the first event that does not match."""
    prev = GENESIS
    count = 0
    with db.read() as session:
        rows = session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
        for ev in rows:
            fields = {
                "competition_id": ev.competition_id,
                "at": ev.at,
                "actor": ev.actor,
                "action": ev.action,
                "entity": ev.entity,
                "entity_key": ev.entity_key,
                "old": ev.old,
                "new": ev.new,
            }
            if ev.prev_hash != prev:
                return ChainCheck(False, count, ev.id, "an event before it was removed or changed")
            if _event_hash(prev, fields) != ev.hash:
                return ChainCheck(False, count, ev.id, "its content was changed")
            prev = ev.hash
            count += 1
        head = session.get(AuditHead, 1)
        if head is None or head.last_hash != prev or head.count != count:
            return ChainCheck(False, count, None, "events at the end were removed")
    return ChainCheck(True, count)
