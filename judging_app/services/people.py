"""People, their roles and passwords; signing in; protecting a database.

    judging-app people add --login siti --name "Siti Aminah" --role secretariat
    judging-app db protect            (then every change needs a signed-in person)

On an unprotected database anyone may add people (there is nobody to ask yet); once it is
protected only a signed-in secretariat manages them, and the last active secretariat can
neither be disabled nor lose the role (nobody could manage people any more). On a server
set up by `judging-app server init`, a person is also a PostgreSQL login
(store/server_sql.py): the password lives there, never in the table.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from judging_app.core.messages import Message
from judging_app.core.passwords import check_password, hash_password
from judging_app.core.people import LOGIN_PATTERN, MIN_PASSWORD_LENGTH, Principal, Role
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.errors import (
    NotFoundError,
    PermissionDenied,
    ServiceError,
    ValidationError,
)
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import Competition, Judge, Person, PersonJudge, PersonRole


@dataclass(frozen=True)
class PersonRecord:
    login: str
    name: str
    nip: str
    roles: tuple[str, ...]
    judges: tuple[str, ...]  # "competition/judge" codes
    disabled: bool
    has_password: bool


@dataclass(frozen=True)
class PersonInput:
    login: str
    name: str
    nip: str = ""
    roles: tuple[Role, ...] = ()
    judges: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (competition, judge)


def generate_password() -> str:
    """A password to show once: 4 groups of 4 letters and digits, easy to type."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(Message("people.password_short", length=MIN_PASSWORD_LENGTH))


def _mode(s: Session) -> str:
    return audit.security_row(s).mode


def _person(s: Session, login: str) -> Person:
    person = s.scalar(select(Person).where(Person.login == login.strip().lower()))
    if person is None:
        raise NotFoundError(Message("people.not_found", login=login))
    return person


def _record(s: Session, p: Person) -> PersonRecord:
    roles = tuple(sorted(s.scalars(select(PersonRole.role).where(PersonRole.person_id == p.id))))
    judges = tuple(sorted(f"{c}/{j}" for c, j in s.execute(
        select(Competition.code, Judge.code).join(Judge, Judge.competition_id == Competition.id)
        .join(PersonJudge, PersonJudge.judge_id == Judge.id)
        .where(PersonJudge.person_id == p.id))))
    return PersonRecord(p.login, p.name, p.nip, roles, judges, p.disabled, bool(p.password_hash))


def list_people(db: Database) -> list[PersonRecord]:
    with db.read() as s:
        return [_record(s, p) for p in s.scalars(select(Person).order_by(Person.name))]


def _manage(s: Session, ws: Workspace) -> None:
    """Managing people: anyone while the database is open, a secretariat afterwards."""
    require(s, ws, Role.SECRETARIAT)


def _chair_stays_with_chairs(s: Session, ws: Workspace, changes_chair: bool) -> None:
    """Once someone holds the chair role, only a signed-in chair (who, to manage people,
    is also secretariat) gives it, takes it or sets a chair's password: otherwise one
    secretariat could make a chair whose password they chose and sign off a reopening or
    decide a tie alone. On a server the database refuses it too (app_guard_chair)."""
    if not changes_chair or _mode(s) == "open":
        return
    if s.scalar(select(PersonRole.person_id).where(PersonRole.role == Role.CHAIR.value)
                .limit(1)) is None:
        return  # the first chair: the secretariat sets up the panel
    require(s, ws, Role.CHAIR)


def _link_judges(s: Session, person: Person, judges) -> list[str]:
    linked = []
    for comp_code, judge_code in judges:
        comp = lookup.competition(s, comp_code)
        judge = lookup.judge(s, comp.id, judge_code)
        owner = s.get(PersonJudge, judge.id)
        if owner is not None and owner.person_id != person.id:
            other = s.get_one(Person, owner.person_id)
            raise ServiceError(Message("people.judge_taken", competition=comp.code,
                                       judge=judge.code, login=other.login))
        if owner is None:
            s.add(PersonJudge(judge_id=judge.id, person_id=person.id))
        linked.append(f"{comp.code}/{judge.code}")
    return linked


def add_person(ws: Workspace, data: PersonInput, password: str | None = None) -> PersonRecord:
    """Register a person. `password`: required on an unprotected or protected file (give
    None to have one generated: read it back from the return's caller); on a server the
    login is created with it (store/server_sql)."""
    login = data.login.strip().lower()
    problems = []
    if not LOGIN_PATTERN.match(login):
        problems.append(Message("people.login_invalid", login=data.login))
    if not data.name.strip():
        problems.append(Message("people.name_required"))
    if not data.roles:
        problems.append(Message("people.role_required"))
    if problems:
        raise ValidationError(Message("people.not_valid", login=data.login), problems)
    if password is not None:
        check_new_password(password)
    with ws.db.write() as s:
        _manage(s, ws)
        _chair_stays_with_chairs(s, ws, Role.CHAIR in data.roles)
        if s.scalar(select(Person.id).where(Person.login == login)):
            raise ServiceError(Message("people.login_taken", login=login))
        server = _mode(s) == "server"
        person = Person(login=login, name=" ".join(data.name.split()), nip=data.nip.strip(),
                        disabled=False, created_at=datetime.now(UTC),
                        password_hash=None if server or password is None else hash_password(password))
        s.add(person)
        s.flush()
        for role in sorted(set(data.roles)):
            s.add(PersonRole(person_id=person.id, role=Role(role).value))
        linked = _link_judges(s, person, data.judges)
        if server:
            from judging_app.store import server_sql

            server_sql.create_login(s, login, password, [Role(r) for r in data.roles])
        audit.record(s, ws.actor, "person.add", "person", login, new={
            "name": person.name, "nip": person.nip, "roles": sorted(set(data.roles)),
            "judges": linked, "password_set": password is not None})
        return _record(s, person)


def _secretariats_left(s: Session, without: int) -> int:
    return s.scalar(select(func.count()).select_from(PersonRole).join(
        Person, Person.id == PersonRole.person_id).where(
        PersonRole.role == Role.SECRETARIAT.value, Person.disabled.is_(False),
        Person.id != without)) or 0


def _keep_a_secretariat(s: Session, person: Person) -> None:
    if _mode(s) != "open" and _secretariats_left(s, person.id) == 0:
        raise ServiceError(Message("people.last_secretariat", login=person.login))


def set_disabled(ws: Workspace, login: str, disabled: bool = True) -> None:
    with ws.db.write() as s:
        _manage(s, ws)
        person = _person(s, login)
        if disabled and Role.SECRETARIAT.value in _record(s, person).roles:
            _keep_a_secretariat(s, person)
        person.disabled = disabled
        if _mode(s) == "server":
            from judging_app.store import server_sql

            server_sql.set_login_enabled(s, person.login, not disabled)
        audit.record(s, ws.actor, "person.disable" if disabled else "person.enable",
                     "person", person.login)


def set_roles(ws: Workspace, login: str, roles: tuple[Role, ...],
              judges: tuple[tuple[str, str], ...] | None = None) -> PersonRecord:
    """Replace the person's roles (and, when given, the judge rows they score)."""
    if not roles:
        raise ValidationError(Message("people.role_required"))
    with ws.db.write() as s:
        _manage(s, ws)
        person = _person(s, login)
        before = _record(s, person)
        _chair_stays_with_chairs(s, ws, (Role.CHAIR in roles) != (Role.CHAIR.value in before.roles))
        if Role.SECRETARIAT not in roles and Role.SECRETARIAT.value in before.roles:
            _keep_a_secretariat(s, person)
        wanted = {Role(r).value for r in roles}
        s.execute(delete(PersonRole).where(PersonRole.person_id == person.id,
                                           PersonRole.role.not_in(wanted)))
        for role in sorted(wanted - set(before.roles)):  # rows kept are not rewritten
            s.add(PersonRole(person_id=person.id, role=role))
        if judges is not None:
            s.execute(delete(PersonJudge).where(PersonJudge.person_id == person.id))
            s.flush()
            _link_judges(s, person, judges)
        if _mode(s) == "server":
            from judging_app.store import server_sql

            server_sql.set_login_roles(s, person.login, list(roles))
        after = _record(s, person)
        audit.record(s, ws.actor, "person.roles", "person", person.login,
                     old={"roles": before.roles, "judges": before.judges},
                     new={"roles": after.roles, "judges": after.judges})
        return after


def reset_password(ws: Workspace, login: str, password: str | None = None) -> str:
    """Set a new password (generated when None); returns it to show once."""
    password = password if password is not None else generate_password()
    check_new_password(password)
    with ws.db.write() as s:
        principal = require(s, ws)
        person = _person(s, login)
        if principal.person_id != person.id:
            _manage(s, ws)
            _chair_stays_with_chairs(s, ws, Role.CHAIR.value in _record(s, person).roles)
        if _mode(s) == "server":
            from judging_app.store import server_sql

            server_sql.set_login_password(s, person.login, password)
        else:
            person.password_hash = hash_password(password)
        audit.record(s, ws.actor, "person.password", "person", person.login)
    return password


def sign_in(db: Database, login: str, password: str) -> Principal:
    """The person, verified by their password; refused with one message for an unknown
    login, a wrong password and a disabled person alike (no hint which)."""
    with db.read() as s:
        person = s.scalar(select(Person).where(Person.login == login.strip().lower()))
        stored = person.password_hash if person is not None else None
        ok = check_password(password, stored) if stored else False
        if not ok or person is None or person.disabled:
            raise PermissionDenied(Message("auth.bad_credentials"))
        principal = Principal(person.name, person.id, person.login, verified=True)
        from judging_app.services.authorization import current_principal

        return current_principal(s, principal)


def is_protected(db: Database) -> bool:
    with db.read() as s:
        return _mode(s) != "open"


def security_mode(db: Database) -> str:
    with db.read() as s:
        return _mode(s)


def protect(ws: Workspace) -> None:
    """From now on the database needs a signed-in person for every change: the one
    protecting it must be a secretariat who signed in with their password."""
    with ws.db.write() as s:
        sec = audit.security_row(s)
        if sec.mode != "open":
            raise ServiceError(Message("people.already_protected"))
        principal = ws.principal
        if not principal.verified or principal.person_id is None:
            raise PermissionDenied(Message("people.protect_needs_sign_in"))
        principal = _signed_secretariat(s, principal)
        sec.mode = "protected"
        sec.protected_at = datetime.now(UTC)
        s.info[audit.PRINCIPAL] = principal
        audit.record(s, principal.name, "database.protect", "database", sec.database_id)


def _signed_secretariat(s: Session, principal: Principal) -> Principal:
    from judging_app.services.authorization import current_principal

    current = current_principal(s, principal)
    if not current.has(Role.SECRETARIAT):
        raise PermissionDenied(Message("people.protect_needs_sign_in"))
    return current


def server_principal(db: Database) -> Principal:
    """On a locked-down server the connection's login is the person (store/server_sql)."""
    from judging_app.store import server_sql

    with db.read() as s:
        row = server_sql.whoami(s)
    if row is None:
        raise PermissionDenied(Message("auth.not_a_person"))
    pid, login, name, roles, judges = row
    return Principal(name, pid, login, frozenset(Role(r) for r in roles), True,
                     frozenset(judges))


def unknown_login(db: Database, login: str) -> bool:
    with db.read() as s:
        return s.scalar(select(Person.id).where(Person.login == login.strip().lower())) is None


__all__ = ["JudgeChoice", "PersonInput", "PersonRecord", "add_person", "generate_password",
           "judge_choices", "list_people",
           "protect", "reset_password", "set_disabled", "set_roles", "sign_in"]


@dataclass(frozen=True)
class JudgeChoice:
    competition: str
    judge: str
    name: str


def judge_choices(db: Database) -> list[JudgeChoice]:
    """Every judge row a person may be linked to (competition code, judge code, name)."""
    with db.read() as s:
        rows = s.execute(select(Competition.code, Judge.code, Judge.name)
                         .join(Judge, Judge.competition_id == Competition.id)
                         .order_by(Competition.code, Judge.code)).all()
    return [JudgeChoice(*r) for r in rows]
