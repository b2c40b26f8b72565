"""The documented JSON of `judging-app fairness --json` (docs/results-json.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from fractions import Fraction

from judging_app.core.enums import AggregationMethod
from judging_app.core.scoring.stability import StabilityRow
from judging_app.services.fairness_view import FairnessView

ICC_FORMS = ("icc1_1", "icc2_1", "icc3_1", "icc1_k", "icc2_k", "icc3_k")


def rounded_number(value: Fraction | float | None, places: int = 4) -> float | None:
    """`float(format_decimal(Fraction(value), places))` (rounded half up, then the nearest
    float), in integers: an exact quotient of integers is correctly rounded like the text."""
    if value is None:
        return None
    num, den = value.as_integer_ratio()
    unit = 10**places
    rounded = (abs(num) * unit * 2 + den) // (2 * den)
    return (-rounded if num < 0 else rounded) / unit


def _panels(view: FairnessView) -> list[dict]:
    panels = []
    for p in view.report.panels:
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
    return panels


METHOD_NAMES = [m.value for m in AggregationMethod]  # StabilityRow's keys are in this order


def _awards(view: FairnessView) -> Iterator[tuple[StabilityRow, tuple, dict]]:
    """Each stability row with its awards under every method (a key) and as JSON data, one
    dict shared by every row with the same awards (most entries have none)."""
    labels = view.tier_labels
    shared: dict[tuple, dict] = {}
    for row in view.report.stability:
        key = tuple(row.awards.values())
        awards = shared.get(key)
        if awards is None:
            awards = shared[key] = {
                name: [labels.get(a) if a else None, labels.get(b) if b else None]
                for name, (a, b) in zip(METHOD_NAMES, key, strict=True)
            }
        yield row, key, awards


def _stability(view: FairnessView) -> list[dict]:
    return [{
        "entry": view.entries[row.entry_id].code,
        "category": row.group,
        "ranks": dict(zip(METHOD_NAMES, row.ranks.values(), strict=True)),
        "awards": awards,
        "award_changes": len(set(key)) > 1,
    } for row, key, awards in _awards(view)]


def fairness_json(view: FairnessView) -> dict:
    return {"competition": view.competition_code, "panels": _panels(view),
            "stability": _stability(view)}


_ESCAPED = re.compile(r'[\x00-\x1f\\"]')  # what the JSON encoder escapes (ensure_ascii off)


def fairness_json_text(view: FairnessView) -> str:
    """`json.dumps(fairness_json(view), ensure_ascii=False)`, character for character, with
    the 30,000 stability rows written from one %-template instead of built as dicts first:
    each distinct category and awards text encoded once, and the entry codes put between
    quotes as they are when none of them has a character the encoder would escape."""
    text = json.JSONEncoder(ensure_ascii=False).encode
    head = text({"competition": view.competition_code, "panels": _panels(view)})
    row_text = ('{"entry": %s, "category": %s, "ranks": {'
                + ", ".join(f"{text(name)}: %s" for name in METHOD_NAMES) + "}, %s}")
    entries = view.entries
    stability = view.report.stability
    codes = [entries[row.entry_id].code for row in stability]
    if _ESCAPED.search("".join(codes)):
        quoted = [text(c) for c in codes]
    else:
        quoted = [f'"{c}"' for c in codes]
    groups: dict[str | None, str] = {}
    awards_text: dict[int, str] = {}  # by id of the row's awards dict (shared)
    rows = []
    for (_entry, group_code, ranks_of, awards_of), code in zip(stability, quoted, strict=True):
        group = groups.get(group_code)
        if group is None:
            group = groups[group_code] = text(group_code)
        awards = awards_text.get(id(awards_of))
        if awards is None:
            key = tuple(awards_of.values())
            shown = {name: [view.tier_labels.get(a) if a else None,
                            view.tier_labels.get(b) if b else None]
                     for name, (a, b) in zip(METHOD_NAMES, key, strict=True)}
            awards = awards_text[id(awards_of)] = (
                f'"awards": {text(shown)}, "award_changes": '
                + ("true" if len(set(key)) > 1 else "false"))
        r0, r1, r2, r3 = ranks_of.values()  # the four methods of METHOD_NAMES; None: null
        rows.append(row_text % (
            code, group, "null" if r0 is None else r0, "null" if r1 is None else r1,
            "null" if r2 is None else r2, "null" if r3 is None else r3, awards))
    return f'{head[:-1]}, "stability": [{", ".join(rows)}]}}'
