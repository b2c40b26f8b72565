"""Recording that an older copy of the database (a backup) was restored on purpose.

This computer remembers the latest audit event it wrote or verified (services/keys.py), so a
trail cut short is reported by `db verify-audit` (`audit.tail_missing`). A backup restored
on purpose is cut short in exactly that way, and stayed reported for ever. `record_restored`
lets a secretariat say so: only when the trail is otherwise intact and only that anchor
disagrees, it appends `database.restored` (who, when, how many events this computer had
seen and their head, how many the copy holds, the reason) and moves the anchor to the
restored trail. The restore is then in the trail for every later check: someone who cut
the tail off on purpose can use it too, but not quietly.
"""

from __future__ import annotations

from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.services import audit, keys
from judging_app.services.authorization import require
from judging_app.services.errors import ServiceError, ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store.models import AuditHead

TAIL = "audit.tail_missing"


def record_restored(ws: Workspace, reason: str) -> int:
    """Record the restore; returns how many events the restored trail held."""
    from judging_app.services.audit_verify import verify_trail

    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(Message("restore.reason_needed"))
    check = verify_trail(ws.db)
    codes = {p.code for p in check.problems}
    if TAIL not in codes:
        raise ServiceError(Message("restore.nothing"))
    if codes != {TAIL}:
        raise ServiceError(Message("restore.other_problems", count=len(codes - {TAIL})))
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        sec = audit.security_row(s)
        seen = keys.last_seen_event(sec.database_id) or (0, "")
        events = s.get(AuditHead, 1).count
        audit.record(s, ws.actor, "database.restored", "database", sec.database_id,
                     old={"seen_events": seen[0], "seen_hash": seen[1]},
                     new={"events": events, "reason": reason})
        database_id = sec.database_id
    with ws.db.read() as s:
        head = s.get(AuditHead, 1)
        keys.move_seen_event(database_id, head.count, head.last_hash)
    return events
