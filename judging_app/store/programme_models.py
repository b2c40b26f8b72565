"""The yearly programme's tables (schema 0005): a database-wide register of government
units and innovations, and the links that tie each competition's own units and entries to
it. The competition tables are not changed: a link is a row beside the unit or entry
(one-to-one, deleted with it), so a competition without links works as before.
Imported by store.models so that every schema comparison sees them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from judging_app.store.models import Base, _in

LINK_METHODS = ["code", "name", "similar", "manual", "created"]
RELATIONS = ["new", "continues", "develops", "forwarded"]


class RegistryUnit(Base):
    """A government unit of the city (perangkat daerah) across years: its stable code, its
    current name, and its end (merged into a successor, or dissolved)."""

    __tablename__ = "registry_units"
    __table_args__ = (
        CheckConstraint("successor_id IS NULL OR ended_on IS NOT NULL", "successor_end"),
        CheckConstraint("successor_id IS NULL OR successor_id != id", "not_itself"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))  # the latest name (history below)
    kind: Mapped[str] = mapped_column(String(64), default="")
    established_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("registry_units.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RegistryUnitName(Base):
    """A unit's name from a date on (valid_from NULL: its first name)."""

    __tablename__ = "registry_unit_names"
    __table_args__ = (UniqueConstraint("unit_id", "valid_from"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("registry_units.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    valid_from: Mapped[date | None] = mapped_column(Date)


class Innovation(Base):
    """An innovation's identity across years: the entries of many competitions may be it."""

    __tablename__ = "innovations"
    __table_args__ = (
        CheckConstraint("first_year BETWEEN 2000 AND 2200", "first_year"),
        Index("ix_innovations_unit", "unit_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    unit_id: Mapped[int] = mapped_column(ForeignKey("registry_units.id"))
    first_year: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class UnitLink(Base):
    """Which register unit a competition's unit is; `confirmed` False: an uncertain match
    waiting for a person (counted nowhere until confirmed)."""

    __tablename__ = "unit_links"
    __table_args__ = (
        CheckConstraint(_in("method", LINK_METHODS), "method"),
        Index("ix_unit_links_registry_unit", "registry_unit_id"),
    )
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("units.id", ondelete="CASCADE"), primary_key=True)
    registry_unit_id: Mapped[int] = mapped_column(
        ForeignKey("registry_units.id", ondelete="CASCADE"))
    method: Mapped[str] = mapped_column(String(10))
    confirmed: Mapped[bool] = mapped_column(Boolean)
    linked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    linked_by: Mapped[str] = mapped_column(String(300))


class EntryInnovation(Base):
    """Which innovation an entry is, and how (new, continues, develops, forwarded);
    `confirmed` False: a similar title proposed for a person to confirm."""

    __tablename__ = "entry_innovations"
    __table_args__ = (
        CheckConstraint(_in("relation", RELATIONS), "relation"),
        Index("ix_entry_innovations_innovation", "innovation_id"),
    )
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True)
    innovation_id: Mapped[int] = mapped_column(
        ForeignKey("innovations.id", ondelete="CASCADE"))
    relation: Mapped[str] = mapped_column(String(10))
    confirmed: Mapped[bool] = mapped_column(Boolean)
    linked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    linked_by: Mapped[str] = mapped_column(String(300))


class InnovationStatus(Base):
    """Monitoring: whether an innovation still ran in a later year, as the secretariat
    found it; the units that replicated it that year are InnovationReplication rows."""

    __tablename__ = "innovation_statuses"
    __table_args__ = (
        UniqueConstraint("innovation_id", "year"),
        CheckConstraint(_in("state", ["continued", "stopped"]), "state"),
        CheckConstraint("year BETWEEN 2000 AND 2200", "year"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    innovation_id: Mapped[int] = mapped_column(
        ForeignKey("innovations.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(300))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class InnovationReplication(Base):
    __tablename__ = "innovation_replications"
    status_id: Mapped[int] = mapped_column(
        ForeignKey("innovation_statuses.id", ondelete="CASCADE"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("registry_units.id", ondelete="CASCADE"), primary_key=True)


class EntryForward(Base):
    """An entry taken from one competition into another (winners to KIPP): kept so that
    the same entry is never forwarded twice into one competition."""

    __tablename__ = "entry_forwards"
    __table_args__ = (UniqueConstraint("from_entry_id", "to_competition_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    from_entry_id: Mapped[int] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    to_entry_id: Mapped[int] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), unique=True)
    to_competition_id: Mapped[int] = mapped_column(
        ForeignKey("competitions.id", ondelete="CASCADE"))
    forwarded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    forwarded_by: Mapped[str] = mapped_column(String(300))


class CompetitionLevelSetting(Base):
    """A competition's level; without a row it is the city's own (counted for compliance)."""

    __tablename__ = "competition_levels"
    __table_args__ = (CheckConstraint(_in("level", ["city", "regional", "national"]), "level"),)
    competition_id: Mapped[int] = mapped_column(
        ForeignKey("competitions.id", ondelete="CASCADE"), primary_key=True)
    level: Mapped[str] = mapped_column(String(10))
