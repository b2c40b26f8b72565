"""Plain records of the yearly programme, handed by the use cases to the UI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class RegistryUnitRecord:
    id: int
    code: str
    name: str
    kind: str
    established_on: date | None
    ended_on: date | None
    successor_code: str | None  # merged into; None: running, or dissolved when ended
    names: tuple[tuple[date | None, str], ...]  # (valid from, name), oldest first


@dataclass(frozen=True)
class InnovationRecord:
    id: int
    code: str
    title: str
    unit_code: str
    unit_name: str
    first_year: int
    summary: str
    entries: int  # entries linked to it (confirmed), every competition
    years: tuple[int, ...]  # years with an entry
    latest_state: str | None  # the latest monitoring state (continued / stopped)
    latest_state_year: int | None


@dataclass(frozen=True)
class PendingUnitMatch:
    competition: str
    unit_code: str
    unit_name: str
    registry_code: str | None  # the proposed register unit; None: nothing similar found
    registry_name: str | None


@dataclass(frozen=True)
class PendingEntryMatch:
    competition: str
    entry_code: str
    title: str
    innovation_code: str
    innovation_title: str
    first_year: int


@dataclass(frozen=True)
class Matches:
    """What waits for a person: uncertain matches, and units not in the register."""

    units: list[PendingUnitMatch] = field(default_factory=list)
    entries: list[PendingEntryMatch] = field(default_factory=list)


@dataclass(frozen=True)
class LinkReport:
    units_linked: int = 0
    units_proposed: int = 0
    units_unmatched: int = 0
    entries_linked: int = 0
    entries_proposed: int = 0
    innovations_created: int = 0

    def __add__(self, other: LinkReport) -> LinkReport:
        return LinkReport(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, ...]:
        return (self.units_linked, self.units_proposed, self.units_unmatched,
                self.entries_linked, self.entries_proposed, self.innovations_created)

    @property
    def changed(self) -> bool:
        return any(self.as_tuple()[:2]) or any(self.as_tuple()[3:])
