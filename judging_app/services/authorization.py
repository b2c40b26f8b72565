"""Who may do what: one check at the top of every write use case.

    with ws.db.write() as s:
        authorization.require(s, ws, Role.SECRETARIAT)

On an unprotected database (mode 'open') every write is allowed and the typed name is
recorded as not verified. On a protected one (a password-protected SQLite file, or a
server set up by `judging-app server init`) the signed-in person must still exist, not
be disabled, and hold one of the roles (read again inside the transaction, so disabling
someone takes effect at once). The person is then attached to the session: the audit
trail's "who" comes from there, never from a typed name (services/audit.record refuses
to write an event on a protected database without it).

On a server the database enforces the same rules itself (grants, row-level security);
these checks are the second line, and give the clear message.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.messages import Message
from judging_app.core.people import Principal, Role
from judging_app.services.audit import PRINCIPAL, security_row
from judging_app.services.errors import PermissionDenied
from judging_app.store.models import Judge, Person, PersonJudge, PersonRole

ROLE_NAMES = {Role.SECRETARIAT: Message("auth.role.secretariat"),
              Role.CHAIR: Message("auth.role.chair"),
              Role.JUDGE: Message("auth.role.judge"), Role.OBSERVER: Message("auth.role.observer")}


def protected(s: Session) -> bool:
    return security_row(s).mode != "open"


def current_principal(s: Session, principal: Principal) -> Principal:
    """The principal as the database has it now (roles, links, disabled)."""
    if principal.person_id is None:
        raise PermissionDenied(Message("auth.sign_in_needed"))
    person = s.get(Person, principal.person_id)
    if person is None or person.disabled:
        raise PermissionDenied(Message("auth.person_disabled", who=principal.name))
    roles = frozenset(Role(r) for r in s.scalars(
        select(PersonRole.role).where(PersonRole.person_id == person.id)))
    judges = frozenset(s.scalars(
        select(PersonJudge.judge_id).where(PersonJudge.person_id == person.id)))
    return Principal(person.name, person.id, person.login, roles, principal.verified, judges)


def require(s: Session, ws, *roles: Role) -> Principal:
    """Refuse unless the signed-in person holds one of `roles` (any write on an
    unprotected database); attach the person to the session for the audit trail."""
    principal: Principal = ws.principal
    if protected(s):
        if not principal.verified:
            raise PermissionDenied(Message("auth.sign_in_needed"))
        principal = current_principal(s, principal)
        if roles and not any(principal.has(r) for r in roles):
            raise PermissionDenied(Message(
                "auth.role_needed", who=principal.name,
                roles=[ROLE_NAMES[r] for r in roles]))
    s.info[PRINCIPAL] = principal
    return principal


def require_sheet_owner(s: Session, ws, judge: Judge) -> Principal:
    """A judge's own sheet: only the person linked to that judge row (as a judge) writes
    it directly. Paper sheets, returns and Excel sheets the secretariat imports go through
    `require(..., Role.SECRETARIAT)` instead and are recorded with their source."""
    principal = require(s, ws)
    if protected(s) and not (principal.has(Role.JUDGE) and judge.id in principal.judge_ids):
        raise PermissionDenied(Message("auth.not_your_sheet", who=principal.name,
                                       judge=judge.code))
    return principal


def require_judge_or(s: Session, ws, judge: Judge, *roles: Role) -> Principal:
    """The judge themself (e.g. declaring their own conflict) or one of `roles`."""
    principal = require(s, ws)
    if not protected(s):
        return principal
    own = principal.has(Role.JUDGE) and judge.id in principal.judge_ids
    if own or any(principal.has(r) for r in roles):
        return principal
    raise PermissionDenied(Message("auth.not_your_sheet", who=principal.name, judge=judge.code))
