"""Plain-text rendering of results and fairness for the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the results command may run without SQLAlchemy (services.results_view)
    from judging_app.services.fairness_view import FairnessView
    from judging_app.services.results_view import ResultsView


def _flags(row) -> str:
    flags = []
    if row.blocked:
        flags.append("TIE-UNDECIDED")
    elif row.tied:
        flags.append("tie")
    if row.decided_by:
        flags.append(f"by {row.decided_by}")
    if row.incomplete:
        flags.append("incomplete")
    if row.fallback:
        flags.append("mean-fallback")
    return ",".join(flags)


def results_text(view: ResultsView) -> str:
    res = view.results
    out = [
        f"{view.competition_name} ({view.competition_code}) — rounds: {', '.join(view.round_codes)}",
        f"method: {res.method.value}; {res.formula}",
        f"{view.rounding_note}",
    ]
    group = object()
    for row in res.rows:
        if row.group != group:
            group = row.group
            name = view.category_names.get(group, "") if group else "all categories"
            out += ["", f"== {group or 'overall'}: {name}",
                    f"{'rank':>4}  {'award':<18} {'code':<12} {'score':>7}  {'flags':<22} title"]
        e = view.entries[row.entry_id]
        award = view.tier_labels.get(row.award or "", "") or view.tier_labels.get(row.band or "", "")
        rank = "-" if row.rank is None else str(row.rank)
        out.append(f"{rank:>4}  {award:<18.18} {e.code:<12.12} {row.displayed_score:>7}  "
                   f"{_flags(row):<22} {e.title}")
    if view.note:
        out.append(f"note: {view.note}")
    for note in res.notes:
        out.append(f"note: {note.message}")
    for tie in res.blocking_ties:
        codes = " = ".join(view.entries[e].code for e in tie.entry_ids)
        out.append(f"undecided tie on an award boundary ({tie.group}, rank {tie.rank}): {codes}"
                   " — record the chair's decision: judging-app decide-tie")
    out.append("results can be finalized" if res.can_finalize else "results cannot be finalized yet")
    return "\n".join(out)


def fairness_text(view: FairnessView) -> str:
    from judging_app.services.fairness_json import ICC_FORMS, rounded_number

    out = [f"Fairness evidence for {view.competition_code}"]
    for p in view.report.panels:
        out += ["", f"== round {view.rounds.get(p.round_id)}, category {p.group or 'all'}"]
        if p.icc is not None:
            values = "  ".join(f"{f.upper()}={rounded_number(getattr(p.icc, f), 2)}" for f in ICC_FORMS)
            out.append(f"ICC on {p.icc.entries} entries × {p.icc.judges} judges: {values}")
            out.append(f"Kendall's W: {rounded_number(p.kendall_w, 3)}")
        else:
            out.append(f"agreement: {p.agreement_note}")
        for j in p.judges:
            out.append(f"  judge {view.judges.get(j.judge_id, j.judge_id):<8} sheets {j.sheets:>5}  "
                       f"mean {rounded_number(j.mean_total, 2):>6}  spread {rounded_number(j.spread, 2)}  "
                       f"severity {rounded_number(j.severity, 2)}")
        if p.outliers:
            out.append(f"  outlier sheets (differ from the others' mean by more than {rounded_number(p.outlier_limit, 2)}):")
            for o in p.outliers:
                out.append(f"    {view.entries[o.entry_id].code} by {view.judges.get(o.judge_id)}: "
                           f"{rounded_number(o.total, 2)} vs {rounded_number(o.others_mean, 2)}")
    changed = [r for r in view.report.stability if r.award_changes]
    out += ["", f"rank stability: {len(changed)} entries change award with the method"]
    for r in changed:
        ranks = ", ".join(f"{m.value} {rank}" for m, rank in r.ranks.items())
        out.append(f"  {view.entries[r.entry_id].code}: {ranks}")
    return "\n".join(out)
