"""Computing the results of a competition from plain rows (store.rows), and their JSON.

Nothing here imports SQLAlchemy: `judging-app results` on an up-to-date SQLite file reads
through a read-only sqlite3 connection (store.rows.open_sqlite_reader); the use cases in
services.results call the same code on their session's connection.
"""

from __future__ import annotations

from dataclasses import dataclass

from judging_app.core.enums import AdvancementKind, AggregationMethod, CompetitionStatus, RoundKind
from judging_app.core.messages import Message
from judging_app.core.numbers import exact_text, format_decimal
from judging_app.core.scoring import CompetitionResults, EntryInfo, compute_results
from judging_app.services import snapshots
from judging_app.services.results_input import (  # noqa: F401 (rules_for: callers' old home)
    ResultsInput,
    load_results_input,
    rules_for,
)
from judging_app.store.rows import RowReader

ROUNDING_NOTE = "scores shown with two decimals, rounded half up; ranks use exact values"


@dataclass(frozen=True)
class ResultsView:
    competition_code: str
    competition_name: str
    round_codes: tuple[str, ...]
    results: CompetitionResults
    entries: dict[int, EntryInfo]
    tier_labels: dict[str, str]
    category_names: dict[str, str]
    note: Message | None = None  # e.g. why a weighted combination is not used yet
    rounding_note: str = ROUNDING_NOTE
    unscored: tuple[str, ...] = ()  # entries taking part without any submitted sheet


def notes(view: ResultsView) -> list[Message]:
    """What the results must say besides the ranking: why the rounds shown differ from the
    rules, the engine's notes, entries taking part without a sheet."""
    out = [view.note] if view.note else []
    out += [n.message for n in view.results.notes]
    if view.unscored:
        out.append(Message("results.note.unscored", count=len(view.unscored),
                           codes=list(view.unscored[:10])))
    return out


def round_entry_ids(reader: RowReader, comp_id: int, round_id: int,
                    eligible: list[int] | None = None) -> list[int]:
    """Entries taking part in a round: eligible ones (`eligible` when the caller has them),
    limited to those advanced from the previous scored round when that round has an
    advancement rule."""
    (position,) = reader.one("SELECT position FROM rounds WHERE id = :r", {"r": round_id})
    prev = reader.one(
        "SELECT id, advancement FROM rounds WHERE competition_id = :c AND position < :p"
        " AND kind = :k ORDER BY position DESC LIMIT 1",
        {"c": comp_id, "p": position, "k": RoundKind.SCORED.value})
    advanced = prev is not None and prev[1] != AdvancementKind.NONE.value
    if eligible is not None and not advanced:
        return sorted(eligible)
    sql = "SELECT id FROM entries WHERE competition_id = :c AND status = 'eligible'"
    params: dict = {"c": comp_id}
    if advanced:
        sql += " AND id IN (SELECT entry_id FROM advancements WHERE round_id = :prev)"
        params["prev"] = prev[0]
    return reader.column(sql + " ORDER BY id", params)


def compute_with(reader: RowReader, competition: str | int, round_code: str | None = None,
                 method: AggregationMethod | None = None, *,
                 check_snapshot: bool = True) -> ResultsView:
    """Results of the competition (or of one round) with its method, or another one. A
    finalized competition's are refused when its official ranking no longer equals the
    snapshot (services/snapshots.py); `check_snapshot=False` is for verification."""
    inp = load_results_input(reader, competition, round_code)
    view = _view(reader, inp, method)
    if check_snapshot and inp.competition.status == CompetitionStatus.FINALIZED.value:
        official = round_code is None and method in (None, inp.setup.rules.aggregation)
        snapshots.guard(reader, inp.competition, lambda: results_json(
            view if official else compute_with(reader, competition, check_snapshot=False)))
    return view


def _view(reader: RowReader, inp: ResultsInput, method: AggregationMethod | None) -> ResultsView:
    results = compute_results(
        inp.entries, inp.rounds, rules_for(inp), inp.setup.award_tiers,
        inp.chair_decisions, method=method, category_order=inp.category_order,
    )
    scored = {r.entry_id for r in results.rows if r.sheet_count}
    codes = {e.id: e.code for e in inp.entries}
    taking_part = round_entry_ids(reader, inp.competition.id, inp.rounds[-1].round.id,
                                  [e.id for e in inp.entries])
    unscored = tuple(sorted(codes[e] for e in taking_part if e not in scored and e in codes))
    return ResultsView(
        competition_code=inp.competition.code, competition_name=inp.competition.name,
        round_codes=tuple(r.round.code for r in inp.rounds), results=results,
        entries={e.id: e for e in inp.entries},
        tier_labels={t.code: t.label for t in inp.setup.award_tiers},
        category_names=inp.category_names, note=inp.note, unscored=unscored,
    )


def results_json(view: ResultsView) -> dict:
    """The documented JSON of `judging-app results --json` (docs/results-json.md)."""
    res = view.results
    groups: dict[str | None, list[dict]] = {}
    entries, labels = view.entries, view.tier_labels
    texts: dict[tuple[int, int], tuple[str, str]] = {}  # many entries share a score
    for row in res.rows:
        e = entries[row.entry_id]
        score = row.score
        if score is None:
            exact, shown = None, None
        else:
            key = score.as_integer_ratio()
            exact, shown = texts.get(key) or texts.setdefault(
                key, (exact_text(score), format_decimal(score, 2)))
        groups.setdefault(row.group, []).append({
            "code": e.code,
            "title": e.title,
            "unit": e.unit,
            "category": e.category,
            "score_exact": exact,
            "exact": row.exact,
            "score": shown,
            "rank": row.rank,
            "award": labels.get(row.award) if row.award else None,
            "predicate": labels.get(row.band) if row.band else None,
            "tied": row.tied,
            "tie_break": row.decided_by,
            "tie_break_criterion": row.decided_on,
            "blocking_tie": row.blocked,
            "incomplete": row.incomplete,
            "sheets": row.sheet_count,
            "expected_sheets": row.expected_sheets,
        })
    return {
        "competition": view.competition_code,
        "rounds": list(view.round_codes),
        "method": res.method.value,
        "formula": res.formula,
        "rounding": view.rounding_note,
        "can_finalize": res.can_finalize,
        "notes": [str(note) for note in notes(view)],
        "categories": [
            {"category": code, "name": view.category_names.get(code, "") if code else "",
             "rows": rows}
            for code, rows in groups.items()
        ],
    }
