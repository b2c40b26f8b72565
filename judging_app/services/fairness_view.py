"""The fairness evidence of a competition (or of one round) from plain rows (store.rows):
agreement, judges' severity and spread, outliers, rank stability, and each judge's totals
for the plots.

Nothing here imports SQLAlchemy: `judging-app fairness` on an up-to-date SQLite file reads
through a read-only sqlite3 connection; the use cases in services.results call the same code
on their session's connection. The work reports its progress step by step (see
core.scoring.fairness) to an optional `progress(done, total)`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from judging_app.core.enums import RankingScope
from judging_app.core.scoring import EntryInfo, compute_fairness
from judging_app.core.scoring.fairness import FairnessReport
from judging_app.services.results_input import ResultsInput, load_results_input, rules_for
from judging_app.store.rows import RowReader

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class FairnessView:
    competition_code: str
    report: FairnessReport
    entries: dict[int, EntryInfo]
    judges: dict[int, str]  # judge id -> code
    rounds: dict[int, str]  # round id -> code
    tier_labels: dict[str, str]
    category_names: dict[str, str] = field(default_factory=dict)  # category code -> name


@dataclass(frozen=True)
class JudgeDistribution:
    judge_id: int
    code: str
    name: str
    totals: tuple[Fraction, ...]  # ascending, 0-100
    minimum: Fraction
    lower_quartile: Fraction  # Tukey's hinges: medians of the lower and upper halves
    median: Fraction
    upper_quartile: Fraction
    maximum: Fraction


Distributions = dict[tuple[int, str | None], tuple[JudgeDistribution, ...]]


@dataclass(frozen=True)
class FairnessEvidence:
    """What the Results view's evidence pages show, from one reading of the database."""

    fairness: FairnessView
    distributions: Distributions


def _judges(reader: RowReader, comp_id: int) -> list[tuple[int, str, str]]:
    return reader.all("SELECT id, code, name FROM judges WHERE competition_id = :c ORDER BY id",
                      {"c": comp_id})


def _view(inp: ResultsInput, report: FairnessReport, judges: dict[int, str]) -> FairnessView:
    return FairnessView(
        competition_code=inp.competition.code, report=report,
        entries={e.id: e for e in inp.entries}, judges=judges,
        rounds={r.round.id: r.round.code for r in inp.rounds},
        tier_labels={t.code: t.label for t in inp.setup.award_tiers},
        category_names=inp.category_names,
    )


def _report(inp: ResultsInput, progress: Progress | None) -> FairnessReport:
    return compute_fairness(
        inp.entries, inp.rounds, rules_for(inp), inp.setup.award_tiers, inp.chair_decisions,
        category_order=inp.category_order, progress=progress,
    )


def fairness_with(reader: RowReader, competition: str | int, round_code: str | None = None,
                  progress: Progress | None = None, *, titles: bool = True) -> FairnessView:
    """Fairness evidence per round and category, and rank stability across methods. Without
    `titles` the view's entries have no title and unit (see `load_results_input`)."""
    inp = load_results_input(reader, competition, round_code, titles=titles)
    report = _report(inp, progress)
    judges = {j: code for j, code, _name in _judges(reader, inp.competition.id)}
    return _view(inp, report, judges)


def evidence_with(reader: RowReader, competition: str | int, round_code: str | None = None,
                  progress: Progress | None = None) -> FairnessEvidence:
    """The fairness evidence and each judge's totals per panel, from one reading."""
    inp = load_results_input(reader, competition, round_code)
    inp.read_sheet_totals()
    steps = [0]  # the report's steps, then one for reading and one for the distributions

    def step(done: int, total: int) -> None:
        steps[0] = total
        if progress is not None:
            progress(done + 1, total + 2)

    report = _report(inp, step)
    people = _judges(reader, inp.competition.id)
    view = _view(inp, report, {j: code for j, code, _name in people})
    found = FairnessEvidence(view, distributions_of(inp, {j: (c, n) for j, c, n in people}))
    if progress is not None:
        progress(steps[0] + 2, steps[0] + 2)
    return found


def _median(xs: Sequence[Fraction]) -> Fraction:
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def distribution(judge_id: int, code: str, name: str, totals: Sequence[Fraction]
                 ) -> JudgeDistribution:
    xs = tuple(sorted(totals))
    n = len(xs)
    return JudgeDistribution(judge_id, code, name, xs, xs[0], _median(xs[: (n + 1) // 2]),
                             _median(xs), _median(xs[n // 2:]), xs[-1])


def distributions_of(inp: ResultsInput, names: dict[int, tuple[str, str]]) -> Distributions:
    """(round id, group) -> each judge's counted sheet totals there, the same panels as the
    fairness report (group = category, or None when ranking overall), judges by code."""
    overall = inp.setup.rules.ranking_scope == RankingScope.OVERALL
    group_of = {e.id: None if overall else e.category for e in inp.entries}
    out: Distributions = {}
    for data in inp.rounds:
        den = data.totals.denominator
        panels: dict[tuple[str | None, int], list[int]] = {}  # (group, judge) -> totals
        for e, j, x in data.totals.rows:
            key = (group_of[e], j)
            xs = panels.get(key)
            if xs is None:
                panels[key] = [x]
            else:
                xs.append(x)
        by_group: dict[str | None, dict[int, list[int]]] = {}
        for (g, j), xs in panels.items():
            by_group.setdefault(g, {})[j] = xs
        for group, by_judge in by_group.items():
            fractions: dict[int, Fraction] = {}  # many sheets share a total
            dists = []
            for j, xs in by_judge.items():
                xs.sort()
                totals = [fractions.get(x) or fractions.setdefault(x, Fraction(x, den))
                          for x in xs]
                dists.append(distribution(j, *names.get(j, (str(j), "")), totals))
            out[(data.round.id, group)] = tuple(sorted(dists, key=lambda d: d.code))
    return out
