"""The documented JSON of `judging-app fairness --json` (docs/results-json.md)."""

from __future__ import annotations

from fractions import Fraction

from judging_app.core.numbers import format_decimal
from judging_app.services.results import FairnessView

ICC_FORMS = ("icc1_1", "icc2_1", "icc3_1", "icc1_k", "icc2_k", "icc3_k")


def rounded_number(value: Fraction | float | None, places: int = 4) -> float | None:
    if value is None:
        return None
    return float(format_decimal(Fraction(value), places))


def fairness_json(view: FairnessView) -> dict:
    rep = view.report
    panels = []
    for p in rep.panels:
        icc = None
        if p.icc is not None:
            icc = {form: rounded_number(getattr(p.icc, form)) for form in ICC_FORMS}
            icc.update(entries=p.icc.entries, judges=p.icc.judges)
        panels.append({
            "round": view.rounds.get(p.round_id),
            "category": p.group,
            "entries_used": len(p.entries_used),
            "judges_used": [view.judges.get(j, str(j)) for j in p.judges_used],
            "icc": icc,
            "kendall_w": rounded_number(p.kendall_w),
            "agreement_note": str(p.agreement_note) if p.agreement_note else None,
            "judges": [
                {"judge": view.judges.get(j.judge_id, str(j.judge_id)), "sheets": j.sheets,
                 "mean_total": rounded_number(j.mean_total, 2), "spread": rounded_number(j.spread, 2),
                 "severity": rounded_number(j.severity, 2), "shared_entries": j.shared_entries}
                for j in p.judges
            ],
            "outlier_limit": rounded_number(p.outlier_limit, 2),
            "outliers": [
                {"entry": view.entries[o.entry_id].code,
                 "judge": view.judges.get(o.judge_id, str(o.judge_id)),
                 "total": rounded_number(o.total, 2), "others_mean": rounded_number(o.others_mean, 2),
                 "difference": rounded_number(o.difference, 2)}
                for o in p.outliers
            ],
        })
    stability = []
    for row in rep.stability:
        stability.append({
            "entry": view.entries[row.entry_id].code,
            "category": row.group,
            "ranks": {m.value: r for m, r in row.ranks.items()},
            "awards": {
                m.value: [view.tier_labels.get(a) if a else None, view.tier_labels.get(b) if b else None]
                for m, (a, b) in row.awards.items()
            },
            "award_changes": row.award_changes,
        })
    return {"competition": view.competition_code, "panels": panels, "stability": stability}
