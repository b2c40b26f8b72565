"""What the scoring engine returns: immutable records, ready for a table model or an export."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from judging_app.core.enums import AggregationMethod
from judging_app.core.messages import Message
from judging_app.core.numbers import format_decimal
from judging_app.core.setup import ResultRules

if TYPE_CHECKING:
    from judging_app.core.scoring.aggregation import RoundScores
    from judging_app.core.scoring.inputs import RoundInfo


class AdvancementStatus(StrEnum):
    ADVANCES = "advances"
    ELIMINATED = "eliminated"
    TIE_AT_CUTOFF = "tie_at_cutoff"  # tied across the top-N cut: the chair decides
    MANUAL = "manual"  # the round's rule is manual: the secretariat decides
    NOT_RANKED = "not_ranked"  # incomplete (and not allowed) or without any sheet


@dataclass(frozen=True, slots=True)
class Note:
    """Something the results view must say, e.g. that a trimmed mean fell back to the mean.
    `code` is stable; `message` says it (str() of it is the English text)."""

    code: str
    message: Message
    round_id: int | None = None
    entry_ids: tuple[int, ...] = ()


class RankedRow(NamedTuple):
    """One entry's line in a ranking (a NamedTuple: 30,000 of them are built per ranking)."""

    entry_id: int
    group: str | None  # category code, or None when ranking overall
    rank: int | None  # standard competition rank (1, 2, 2, 4); None = not ranked
    score: Fraction | None  # exact final score; None without any sheet
    exact: bool  # False only for irrational standardized scores (then ~40 decimals)
    tied: bool  # still tied with another entry after the whole tie-break chain
    decided_by: str | None  # tie-break that last separated it from entries with its score
    incomplete: bool  # fewer sheets than expected
    award: str | None  # rank tier code
    band: str | None  # score band (predicate) tier code
    blocked: bool  # in a tie that straddles an award boundary or a cut-off
    fallback: bool  # trimmed mean fell back to the mean for this entry
    sheet_count: int
    expected_sheets: int
    decided_on: str | None = None  # the criterion (code) when a criterion tie-break decided

    @property
    def displayed_score(self) -> str:
        """Two decimals, rounded half up; display only, never compared."""
        return "" if self.score is None else format_decimal(self.score, 2)


@dataclass(frozen=True, slots=True)
class TieGroup:
    """Entries the tie-break chain could not separate."""

    group: str | None
    rank: int
    entry_ids: tuple[int, ...]
    position_awards: tuple[str | None, ...] = ()  # the rank tier of each position the tie spans
    at_cutoff: bool = False  # spans the top-N advancement cut
    round_id: int | None = None  # the round whose ranking it is in; None = final ranking

    @property
    def straddles_award(self) -> bool:
        return len(set(self.position_awards)) > 1

    @property
    def blocking(self) -> bool:
        """True when results cannot be finalized before the chair decides this tie."""
        return self.straddles_award or self.at_cutoff


@dataclass(frozen=True)
class Ranking:
    """Rows ordered by group, then rank (unranked entries last in their group)."""

    rows: tuple[RankedRow, ...]
    ties: tuple[TieGroup, ...]
    advancement: dict[int, AdvancementStatus] = field(default_factory=dict)

    @property
    def blocking_ties(self) -> tuple[TieGroup, ...]:
        return tuple(t for t in self.ties if t.blocking)


@dataclass(frozen=True)
class RoundResult:
    """One round ranked on its own aggregated scores (drives advancement from that round)."""

    round: RoundInfo
    scores: RoundScores
    ranking: Ranking


@dataclass(frozen=True)
class CompetitionResults:
    method: AggregationMethod
    rules: ResultRules
    final: Ranking
    rounds: tuple[RoundResult, ...]
    notes: tuple[Note, ...]
    formula: str

    @property
    def rows(self) -> tuple[RankedRow, ...]:
        return self.final.rows

    @property
    def unresolved_ties(self) -> tuple[TieGroup, ...]:
        return self.final.ties

    @property
    def blocking_ties(self) -> tuple[TieGroup, ...]:
        return self.final.blocking_ties

    @property
    def unranked_incomplete(self) -> tuple[int, ...]:
        """Entries left unranked because sheets are missing (and the rules do not allow
        ranking incomplete entries)."""
        return tuple(r.entry_id for r in self.final.rows if r.incomplete and r.rank is None)

    @property
    def can_finalize(self) -> bool:
        """Nothing blocks finalizing: no undecided tie on an award boundary or cut-off, and
        no entry left unranked for missing sheets."""
        return not self.blocking_ties and not self.unranked_incomplete

    @cached_property
    def _by_entry(self) -> dict[int, RankedRow]:
        return {r.entry_id: r for r in self.final.rows}

    def row(self, entry_id: int) -> RankedRow:
        return self._by_entry[entry_id]
