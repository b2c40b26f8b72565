"""Demo score sheets: believable judges scoring believable entries.

A score's position on its criterion's scale (in steps above the minimum) is

    0.6 × steps  +  (0.8 × quality(entry) + knack(entry, criterion) + bias(judge) + noise) × u

rounded to a whole step and kept on the scale, where quality ~ N(0, 1) per entry,
knack ~ N(0, 0.5) per entry and criterion, noise ~ N(0, 0.5) per score, and u is one step on
a coarse scale (an eighth of the range on a fine one such as 0–100). About one judge in five
is lenient (bias +0.5) and one in five severe (−0.5); the rest have a bias ~ N(0, 0.1).
So every value is on its criterion's scale and step, in integer thousandths.

Besides: 3–5 pairs of entries in the same category get identical score vectors (the second
entry's k-th sheet copies the first entry's k-th), so their per-judge totals are the same
multiset and they tie exactly under mean, median and trimmed mean; the first pair is
lifted to the top of its category, so that tie sits on an award boundary. About 1.5% of
the sheets stay drafts with one to four criteria not yet scored; the rest are submitted.
Some scores and sheets carry a comment.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from judging_app.core.enums import SheetSource, SheetState
from judging_app.demo import wording

DRAFT_SHARE = 0.015
COMMENT_SHARE = 0.04
OVERALL_COMMENT_SHARE = 0.25
SOURCES = (SheetSource.PACKAGE.value, SheetSource.DIRECT.value, SheetSource.EXCEL.value,
           SheetSource.PAPER.value)
SOURCE_WEIGHTS = (60, 30, 8, 2)


@dataclass(frozen=True)
class Scale:
    criterion_id: int
    low: int  # milli
    high: int
    step: int

    @property
    def steps(self) -> int:
        return (self.high - self.low) // self.step


@dataclass
class ScorePlan:
    sheets: list[tuple[int, int]]  # (entry index, judge index), sorted
    scales: list[Scale]
    bias: list[float]  # per judge index
    quality: dict[int, float]  # per entry index
    lenient: list[int] = field(default_factory=list)
    severe: list[int] = field(default_factory=list)
    ties: list[tuple[int, int]] = field(default_factory=list)  # (source, copy) entry indices
    tie_vectors: dict[int, list[list[int]]] = field(default_factory=dict)  # entry -> its sheets
    drafts: dict[int, list[int]] = field(default_factory=dict)  # sheet index -> missing positions

    @property
    def score_count(self) -> int:
        return len(self.sheets) * len(self.scales) - sum(len(m) for m in self.drafts.values())


def plan_scores(
    rng: random.Random, pairs: list[tuple[int, int]], judges: int, scales: list[Scale],
    entry_category: list[int],
) -> ScorePlan:
    """`pairs` are the (judge, entry) assignments of the round."""
    sheets = sorted((e, j) for j, e in pairs)
    order = rng.sample(range(judges), judges)
    share = judges // 5 if judges >= 5 else (1 if judges >= 2 else 0)
    lenient, severe = sorted(order[:share]), sorted(order[share:2 * share])
    bias = [rng.gauss(0.0, 0.1) for _ in range(judges)]
    for j in lenient:
        bias[j] = 0.5
    for j in severe:
        bias[j] = -0.5
    entries = sorted({e for e, _ in sheets})
    quality = {e: rng.gauss(0.0, 1.0) for e in entries}
    plan = ScorePlan(sheets, scales, bias, quality, lenient, severe)
    _plan_ties(rng, plan, entry_category)
    _plan_drafts(rng, plan)
    return plan


def _plan_ties(rng: random.Random, plan: ScorePlan, entry_category: list[int]) -> None:
    panel: dict[int, int] = {}
    for e, _ in plan.sheets:
        panel[e] = panel.get(e, 0) + 1
    by_category: dict[int, list[int]] = {}
    for e in sorted(panel):
        by_category.setdefault(entry_category[e], []).append(e)
    wanted = min(5, max(3, len(panel) // 40))
    pools = [rng.sample(v, len(v)) for _, v in sorted(by_category.items())]
    while len(plan.ties) < wanted and any(len(p) >= 2 for p in pools):
        for pool in pools:
            if len(plan.ties) >= wanted or len(pool) < 2:
                continue
            a = pool.pop()
            same = [b for b in pool if panel[b] == panel[a]]
            if same:
                pool.remove(same[0])
                plan.ties.append((a, same[0]))
    if plan.ties:  # the first tie is for first place in its category
        a = plan.ties[0][0]
        rivals = [plan.quality[e] for e in panel if entry_category[e] == entry_category[a]]
        plan.quality[a] = max(rivals) + 1.0
    judges_of: dict[int, list[int]] = {}
    for e, j in plan.sheets:
        judges_of.setdefault(e, []).append(j)
    n_crit = len(plan.scales)
    for a, b in plan.ties:  # the source's sheets as its own judges score them; the copy reuses them
        knack = [rng.gauss(0.0, 0.5) for _ in range(n_crit)]
        vectors = [_vector(rng, plan, knack, plan.quality[a], plan.bias[j]) for j in judges_of[a]]
        plan.tie_vectors[a] = plan.tie_vectors[b] = vectors


def _plan_drafts(rng: random.Random, plan: ScorePlan) -> None:
    tied = {e for pair in plan.ties for e in pair}
    candidates = [i for i, (e, _) in enumerate(plan.sheets) if e not in tied]
    n = round(DRAFT_SHARE * len(plan.sheets))
    if len(plan.sheets) >= 20:
        n = max(1, n)
    n_crit = len(plan.scales)
    for i in sorted(rng.sample(candidates, min(n, len(candidates)))):
        missing = rng.randint(1, min(4, n_crit - 1)) if n_crit > 1 else 1
        plan.drafts[i] = sorted(rng.sample(range(n_crit), missing))


def _vector(rng: random.Random, plan: ScorePlan, knack: list[float], quality: float,
            bias: float) -> list[int]:
    out = []
    for scale, k in zip(plan.scales, knack, strict=True):
        steps = scale.steps
        u = max(1.0, steps / 8)
        x = 0.6 * steps + (0.8 * quality + k + bias + rng.gauss(0.0, 0.5)) * u
        pos = min(steps, max(0, math.floor(x + 0.5)))
        out.append(scale.low + pos * scale.step)
    return out


def sheet_rows(
    rng: random.Random, plan: ScorePlan, *, round_id: int, sheet_ids, entry_ids: list[int],
    judge_ids: list[int], base: datetime, chunk: int = 5000,
) -> Iterator[tuple[list[dict], list[dict]]]:
    """(sheets, scores) rows, `chunk` sheets at a time, in sheet order."""
    n_crit = len(plan.scales)
    crit_ids = [s.criterion_id for s in plan.scales]
    sheets: list[dict] = []
    scores: list[dict] = []
    current, knack, used = -1, [0.0] * n_crit, 0
    for index, (e, j) in enumerate(plan.sheets):
        if e != current:
            current, used = e, 0
            knack = [rng.gauss(0.0, 0.5) for _ in range(n_crit)]
        tied = plan.tie_vectors.get(e)
        if tied is not None:
            values = tied[used]
        else:
            values = _vector(rng, plan, knack, plan.quality[e], plan.bias[j])
        used += 1
        missing = plan.drafts.get(index, ())
        stamp = base - timedelta(minutes=rng.randrange(14 * 24 * 60))
        sheet_id = sheet_ids[index]
        sheets.append({
            "id": sheet_id, "round_id": round_id, "judge_id": judge_ids[j],
            "entry_id": entry_ids[e],
            "state": (SheetState.DRAFT if missing else SheetState.SUBMITTED).value,
            "version": 1, "source": rng.choices(SOURCES, SOURCE_WEIGHTS)[0],
            "overall_comment": rng.choice(wording.OVERALL_COMMENTS)
            if rng.random() < OVERALL_COMMENT_SHARE else "",
            "submitted_at": None if missing else stamp, "reopened_reason": "", "updated_at": stamp,
        })
        for pos in range(n_crit):
            if pos in missing:
                continue
            value = values[pos]
            comment = ""
            if rng.random() < COMMENT_SHARE:
                scale = plan.scales[pos]
                low = value - scale.low < 0.6 * (scale.high - scale.low)
                comment = rng.choice(wording.LOW_COMMENTS if low else wording.HIGH_COMMENTS)
            scores.append({"sheet_id": sheet_id, "criterion_id": crit_ids[pos],
                           "value_milli": value, "comment": comment})
        if len(sheets) >= chunk:
            yield sheets, scores
            sheets, scores = [], []
    if sheets:
        yield sheets, scores
