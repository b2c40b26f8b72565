"""What trust rests on: the people and their roles, the database's protection, the audit
trail and the finalized snapshots (re-exported by store/models.py). Schema 0005."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from judging_app.store.model_base import Base, _in

ROLES = ["secretariat", "chair", "judge", "observer"]
MODES = ["open", "protected", "server"]


class Person(Base):
    """Someone who signs in. On a protected SQLite file `password_hash` holds the scrypt
    hash (core/passwords.py); on a server the password is the PostgreSQL login's own."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    nip: Mapped[str] = mapped_column(String(32), default="")  # civil servant number
    password_hash: Mapped[str | None] = mapped_column(Text)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PersonRole(Base):
    __tablename__ = "person_roles"
    __table_args__ = (CheckConstraint(_in("role", ROLES), "role"),)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class PersonJudge(Base):
    """A judge row (one competition) scored by this person; one person may be the judge in
    several competitions, a judge row belongs to one person."""

    __tablename__ = "person_judges"
    judge_id: Mapped[int] = mapped_column(
        ForeignKey("judges.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True)


class SecuritySettings(Base):
    """One row. `mode`: 'open' (a typed name, every write allowed), 'protected' (sign-in
    with a password; roles checked), 'server' (PostgreSQL logins, row-level security; set
    by `judging-app server init`). `database_id` names this database's audit key in the
    key store; `audit_key_check` is a fingerprint of that key (not the key)."""

    __tablename__ = "app_security"
    __table_args__ = (
        CheckConstraint("id = 1", "single_row"),
        CheckConstraint(_in("mode", MODES), "mode"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    mode: Mapped[str] = mapped_column(String(20), default="open")
    database_id: Mapped[str] = mapped_column(String(32))
    audit_key_check: Mapped[str | None] = mapped_column(String(64))
    protected_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    server_prefix: Mapped[str | None] = mapped_column(String(40))


class AuditEvent(Base):
    """Append-only. `hash` chains the previous hash and the event's fields: an HMAC-SHA256
    under a key kept outside the database ('hmac': the secretariat's key store; 'server':
    a key only the server's append function reads), or a plain SHA-256 for events written
    before schema 0005 ('sha256'). `state` is what verification compares the live data
    with: the competition's status, the sheets and decisions the event wrote."""

    __tablename__ = "audit_events"
    __table_args__ = (CheckConstraint(_in("scheme", ["sha256", "hmac", "server"]), "scheme"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int | None] = mapped_column(Integer, index=True)  # no FK: outlives
    at: Mapped[str] = mapped_column(String(40))  # ISO 8601 UTC, part of the hash
    actor: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(100))
    entity_key: Mapped[str] = mapped_column(String(300), default="")
    old: Mapped[str] = mapped_column(Text, default="null")  # JSON
    new: Mapped[str] = mapped_column(Text, default="null")  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    person_id: Mapped[int | None] = mapped_column(Integer)  # no FK: outlives the person
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    scheme: Mapped[str] = mapped_column(String(10), default="hmac")
    state: Mapped[str] = mapped_column(Text, default="null")  # JSON


class AuditHead(Base):
    """One row holding the chain's last hash; locked while an event is appended."""

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", "single_row"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    last_hash: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(Integer, default=0)


class ResultSnapshot(Base):
    """A finalized ranking, frozen with its method and rules, its digest and the receipt
    printed where the panel signs (digest, audit head, counts). `superseded_at` is set when
    the finalized results are reopened (secretariat and chair, with a reason)."""

    __tablename__ = "result_snapshots"
    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competitions.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(300))
    method: Mapped[str] = mapped_column(String(30))
    rules: Mapped[str] = mapped_column(Text)  # JSON
    payload: Mapped[str] = mapped_column(Text)  # JSON: the ranking
    digest: Mapped[str] = mapped_column(String(64))
    receipt: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
