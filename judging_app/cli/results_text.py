"""Plain-text rendering of results and fairness for the terminal, in the language chosen for
the command line (cli/say.py). Words come from the message catalogue (area "cli"); numbers
use the language's decimal mark. The rows themselves are formatted once per row with
words translated once per table: 30,000 rows print in a moment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from judging_app.cli.say import language, text
from judging_app.core.enums import (
    TIE_BREAK_CHAIR_DECISION,
    TIE_BREAK_CRITERIA_BY_WEIGHT,
    TIE_BREAK_CRITERION_PREFIX,
    TIE_BREAK_FIRST_PLACES,
    TIE_BREAK_LATER_ROUND,
    AggregationMethod,
    RoundCombination,
)
from judging_app.core.messages import Message

if TYPE_CHECKING:  # the results command may run without SQLAlchemy (services.results_view)
    from judging_app.services.fairness_view import FairnessView
    from judging_app.services.results_view import ResultsView

METHODS = {
    AggregationMethod.MEAN: Message("results.method.mean"),
    AggregationMethod.MEDIAN: Message("results.method.median"),
    AggregationMethod.TRIMMED_MEAN: Message("results.method.trimmed_mean"),
    AggregationMethod.STANDARDIZED: Message("results.method.standardized"),
}
TIE_BREAKS = {
    TIE_BREAK_CRITERIA_BY_WEIGHT: Message("results.tie_break.criteria_by_weight"),
    TIE_BREAK_LATER_ROUND: Message("results.tie_break.later_round"),
    TIE_BREAK_FIRST_PLACES: Message("results.tie_break.first_places"),
    TIE_BREAK_CHAIR_DECISION: Message("results.tie_break.chair_decision"),
}


def tie_break_text(name: str) -> str:
    """A tie-break rule in words ('criterion:A' → 'criterion A')."""
    if name.startswith(TIE_BREAK_CRITERION_PREFIX):
        return text(Message("results.tie_break.criterion",
                            code=name[len(TIE_BREAK_CRITERION_PREFIX):]))
    return text(TIE_BREAKS.get(name, name))


def _number(value: object, places: int = 2) -> str:
    from judging_app.texts import format_number

    return "-" if value is None else format_number(value, language(), places=places)


class _Flags:
    """The flags column's words, translated once per table."""

    def __init__(self) -> None:
        self.words = {key: text(message) for key, message in (
            ("undecided", Message("cli.results.flag.undecided")),
            ("tie", Message("cli.results.flag.tie")),
            ("incomplete", Message("cli.results.flag.incomplete")),
            ("fallback", Message("cli.results.flag.fallback")))}
        self.by: dict[str, str] = {}

    def of(self, row) -> str:
        flags = []
        if row.blocked:
            flags.append(self.words["undecided"])
        elif row.tied:
            flags.append(self.words["tie"])
        if row.decided_by:
            if row.decided_by not in self.by:
                self.by[row.decided_by] = text(Message(
                    "cli.results.flag.decided_by", rule=tie_break_text(row.decided_by)))
            flags.append(self.by[row.decided_by])
        if row.incomplete:
            flags.append(self.words["incomplete"])
        if row.fallback:
            flags.append(self.words["fallback"])
        return ",".join(flags)


def formula_message(view: ResultsView) -> Message:
    res = view.results
    if res.rules.round_combination == RoundCombination.WEIGHTED:
        rounds = Message("results.across_rounds.weighted")
    else:
        rounds = Message("results.across_rounds.alone", round=list(view.round_codes))
    return Message("results.formula", judges=METHODS[res.method], rounds=rounds)


def results_text(view: ResultsView) -> str:
    from judging_app.services.results_view import notes

    res = view.results
    comma = language() == "id"
    out = [
        text(Message("cli.results.title", name=view.competition_name,
                     code=view.competition_code, rounds=list(view.round_codes))),
        text(Message("cli.results.method", method=res.method, formula=formula_message(view))),
        text(Message("results.rounding")),
    ]
    head = [text(m) for m in (
        Message("cli.results.column.rank"), Message("cli.results.column.award"),
        Message("cli.results.column.code"), Message("cli.results.column.score"),
        Message("cli.results.column.flags"), Message("cli.results.column.title"))]
    wide = (max(4, len(head[0])), max(7, len(head[3])))  # the words may be longer than 'rank'
    header = (f"{head[0]:>{wide[0]}}  {head[1]:<18} {head[2]:<12} {head[3]:>{wide[1]}}  "
              f"{head[4]:<22} {head[5]}")
    flags = _Flags()
    group = object()
    for row in res.rows:
        if row.group != group:
            group = row.group
            out += ["", text(Message("cli.results.group",
                                     name=view.category_names.get(group) or group)
                             if group else Message("cli.results.overall")), header]
        e = view.entries[row.entry_id]
        award = view.tier_labels.get(row.award or "", "") or view.tier_labels.get(row.band or "", "")
        rank = "-" if row.rank is None else str(row.rank)
        score = row.displayed_score.replace(".", ",") if comma else row.displayed_score
        out.append(f"{rank:>{wide[0]}}  {award:<18.18} {e.code:<12.12} {score:>{wide[1]}}  "
                   f"{flags.of(row):<22} {e.title}")
    for note in notes(view):
        out.append(text(Message("cli.results.note", note=note)))
    for tie in res.blocking_ties:
        codes = " = ".join(view.entries[e].code for e in tie.entry_ids)
        where = (Message("cli.results.category", name=view.category_names.get(tie.group)
                         or tie.group) if tie.group else Message("cli.results.overall_short"))
        out.append(text(Message("cli.results.undecided_tie", group=where, rank=tie.rank,
                                codes=codes)))
    out.append(text(Message("cli.results.can_finalize") if res.can_finalize
                    else Message("cli.results.cannot_finalize")))
    return "\n".join(out)


def fairness_text(view: FairnessView) -> str:
    from judging_app.services.fairness_json import ICC_FORMS

    out = [text(Message("cli.fairness.title", code=view.competition_code))]
    for p in view.report.panels:
        round_code = view.rounds.get(p.round_id)
        category = view.category_names.get(p.group) or p.group
        out += ["", text(Message("cli.fairness.panel", round=round_code, category=category)
                         if p.group else Message("cli.fairness.panel_all", round=round_code))]
        if p.icc is not None:
            values = "  ".join(f"{f.upper()}={_number(getattr(p.icc, f))}" for f in ICC_FORMS)
            out.append(text(Message("cli.fairness.icc", entries=p.icc.entries,
                                    judges=p.icc.judges, values=values)))
            out.append(text(Message("cli.fairness.kendall", w=_number(p.kendall_w, 3))))
        else:
            out.append(text(Message("cli.fairness.agreement", note=p.agreement_note)))
        words = [text(m) for m in (
            Message("cli.fairness.judge"), Message("cli.fairness.sheets"),
            Message("cli.fairness.mean"), Message("cli.fairness.spread"),
            Message("cli.fairness.severity"))]
        for j in p.judges:
            code = view.judges.get(j.judge_id, j.judge_id)
            out.append(f"  {words[0]} {code:<8} {words[1]} {j.sheets:>5}  "
                       f"{words[2]} {_number(j.mean_total):>6}  {words[3]} {_number(j.spread)}  "
                       f"{words[4]} {_number(j.severity)}")
        if p.outliers:
            out.append(text(Message("cli.fairness.outliers", limit=_number(p.outlier_limit))))
            for o in p.outliers:
                out.append(text(Message(
                    "cli.fairness.outlier", entry=view.entries[o.entry_id].code,
                    judge=view.judges.get(o.judge_id), total=_number(o.total),
                    others=_number(o.others_mean))))
    changed = [r for r in view.report.stability if r.award_changes]
    out += ["", text(Message("cli.fairness.stability", count=len(changed)))]
    for r in changed:
        ranks = ", ".join(f"{text(METHODS[m])} {'-' if rank is None else rank}"
                          for m, rank in r.ranks.items())
        out.append(f"  {view.entries[r.entry_id].code}: {ranks}")
    return "\n".join(out)
