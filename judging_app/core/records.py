"""Plain, detached records the use cases hand to the UI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class CompetitionSummary:
    id: int
    code: str
    name: str
    year: int
    status: str
    organiser: str = ""
    entries: int = 0
    judges: int = 0


@dataclass(frozen=True)
class UnitRecord:
    id: int
    code: str
    name: str
    kind: str = ""


@dataclass(frozen=True)
class EntryRecord:
    id: int
    code: str
    title: str
    unit_code: str
    unit_name: str
    category_code: str
    category_name: str
    innovators: str
    contact: str
    stage: str
    innovation_type: str
    started_on: date | None
    summary: str
    links: str
    status: str
    status_reason: str


@dataclass(frozen=True)
class JudgeRecord:
    id: int
    code: str
    name: str
    affiliation: str
    unit_code: str | None
    email: str
    phone: str
    role: str
    active: bool


@dataclass(frozen=True)
class ConflictRecord:
    judge_code: str
    entry_code: str
    source: str
    reason: str
    reason_text: str


@dataclass(frozen=True)
class SheetRecord:
    round_code: str
    judge_code: str
    entry_code: str
    state: str
    version: int
    source: str
    overall_comment: str
    scores: dict[str, Decimal]  # criterion code -> value
    comments: dict[str, str]  # criterion code -> comment
    reopened_reason: str = ""
