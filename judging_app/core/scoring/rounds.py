"""Across rounds, and advancement out of a round.

Combination:
* last round alone: the final score is the aggregated score of the last round given (by
  position); the entries ranked are that round's participants;
* weighted: final = Σ weight_r / 100 × score_r over the rounds given, whose weights must sum
  to exactly 100. The entries ranked are the last round's participants. An entry without
  any sheet in one of the rounds is incomplete; if incomplete entries are allowed, that
  round counts as 0 (and a note says so).

Advancement (per ranking group, i.e. per category unless ranking overall):
* top N: entries whose rank is at most N advance; a tie the chain could not break that
  spans position N (e.g. two entries tied at rank 3 with N = 3) is TIE_AT_CUTOFF for all
  its entries: it is reported, never cut silently, and the chair decides;
* threshold: final score >= threshold (exact comparison);
* manual: every ranked entry is MANUAL (the secretariat records who advances);
* none: every ranked entry advances. Unranked entries are NOT_RANKED.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from judging_app.core.enums import AdvancementKind, RoundCombination
from judging_app.core.messages import Message
from judging_app.core.scoring.aggregation import RoundScores
from judging_app.core.scoring.ordering import ScoreValue, compare_to, weighted_sum
from judging_app.core.scoring.results import AdvancementStatus, Note
from judging_app.core.scoring.surds import RootClasses
from judging_app.core.setup import AdvancementRule

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Population:
    """The entries one ranking is about, with their exact scores."""

    values: Mapping[int, ScoreValue]
    participants: frozenset[int]
    incomplete: frozenset[int]
    sheet_counts: Mapping[int, int]
    expected: Mapping[int, int]
    fallback: frozenset[int]

    @classmethod
    def from_round(cls, rs: RoundScores) -> Population:
        return cls(
            rs.values, rs.participants, rs.incomplete, rs.sheet_counts, rs.expected, rs.fallback
        )


def combine_rounds(
    scores: Sequence[RoundScores], combination: RoundCombination
) -> tuple[Population, tuple[Note, ...]]:
    """The final scores (rounds ordered by position)."""
    if not scores:
        raise ValueError("no scored round to compute results from")
    last = scores[-1]
    if combination == RoundCombination.LAST_ROUND:
        return Population.from_round(last), ()
    total_weight = sum((rs.round.weight for rs in scores), Decimal(0))
    if total_weight != HUNDRED:
        raise ValueError(
            f"round weights sum to {total_weight}; a weighted combination needs exactly 100"
        )
    weights = [Fraction(rs.round.weight) / 100 for rs in scores]
    values: dict[int, ScoreValue] = {}
    incomplete: set[int] = set()
    missing: set[int] = set()
    counts: dict[int, int] = {}
    expected: dict[int, int] = {}
    for e in last.participants:
        parts: list[tuple[Fraction, ScoreValue]] = []
        for w, rs in zip(weights, scores, strict=True):
            counts[e] = counts.get(e, 0) + rs.sheet_counts.get(e, 0)
            expected[e] = expected.get(e, 0) + rs.expected.get(e, 0)
            if e in rs.incomplete:
                incomplete.add(e)
            v = rs.values.get(e)
            if v is None:
                missing.add(e)
            elif w:
                parts.append((w, v))
        values[e] = weighted_sum(parts) if parts else (0, 1)
    for e in missing:
        incomplete.add(e)
        if not any(e in rs.values for rs in scores):
            del values[e]  # no sheet anywhere: nothing to rank on
    notes: tuple[Note, ...] = ()
    if missing:
        notes = (
            Note(
                "round_missing",
                Message("results.note.round_missing", count=len(missing)),
                None,
                tuple(sorted(missing)),
            ),
        )
    fallback = frozenset().union(*(rs.fallback for rs in scores)) & last.participants
    population = Population(
        values, last.participants, frozenset(incomplete), counts, expected, fallback
    )
    return population, notes


def advancement_for(
    parts: Sequence[Sequence[int]],
    rule: AdvancementRule,
    values: Mapping[int, ScoreValue],
    roots: RootClasses,
) -> tuple[dict[int, AdvancementStatus], set[int]]:
    """Status of every ranked entry of one group (parts = ordered sub-groups, best first),
    and the indices of the parts that are ties across the top-N cut."""
    status: dict[int, AdvancementStatus] = {}
    at_cutoff: set[int] = set()
    kind = AdvancementKind(rule.kind)
    threshold = None if rule.threshold is None else Fraction(rule.threshold)
    rank = 1
    top_n = kind == AdvancementKind.TOP_N
    n = rule.top_n or 0
    for index, part in enumerate(parts):
        last_position = rank + len(part) - 1
        if top_n:
            if last_position <= n:
                s = AdvancementStatus.ADVANCES
            elif rank > n:
                s = AdvancementStatus.ELIMINATED
            else:
                s = AdvancementStatus.TIE_AT_CUTOFF
                at_cutoff.add(index)
            if len(part) == 1:
                status[part[0]] = s
            else:
                status.update(dict.fromkeys(part, s))
        elif kind == AdvancementKind.THRESHOLD:
            if threshold is None:
                raise ValueError("a threshold rule needs a threshold")
            for e in part:
                ok = compare_to(values[e], threshold, roots) >= 0
                status[e] = AdvancementStatus.ADVANCES if ok else AdvancementStatus.ELIMINATED
        elif kind == AdvancementKind.MANUAL:
            status.update(dict.fromkeys(part, AdvancementStatus.MANUAL))
        else:
            status.update(dict.fromkeys(part, AdvancementStatus.ADVANCES))
        rank += len(part)
    return status, at_cutoff
