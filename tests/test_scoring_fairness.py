"""Fairness evidence: agreement, judge severity and spread, outlier sheets, rank stability."""

import math
from decimal import Decimal as D
from fractions import Fraction as F

from judging_app.core.enums import AggregationMethod as M
from judging_app.core.enums import AwardKind
from judging_app.core.scoring import (
    EntryInfo,
    RoundData,
    RoundInfo,
    SheetTotals,
    compute_fairness,
)
from judging_app.core.scoring.fairness import OUTLIER_MIN_POINTS, OUTLIER_SD_FACTOR
from judging_app.core.setup import AwardTierSpec

ROUND = RoundInfo(1, "presentasi", 1, D(100))


def fairness(totals, categories=None, **kwargs):
    """totals: entry -> {judge: total}."""
    categories = categories or {}
    rows = [(e, j, F(t)) for e, by in totals.items() for j, t in by.items()]
    data = RoundData(
        ROUND, SheetTotals.from_fractions(rows), {e: len(b) for e, b in totals.items()}
    )
    entries = [EntryInfo(e, f"E{e}", category=categories.get(e, "umum")) for e in totals]
    return compute_fairness(entries, [data], **kwargs)


# J2 is 10 below J1 and J3 is 10 above J1 on every entry.
PARALLEL = {
    1: {1: 70, 2: 60, 3: 80},
    2: {1: 80, 2: 70, 3: 90},
    3: {1: 90, 2: 80, 3: 100},
}


def test_severity_and_spread_by_hand():
    (panel,) = fairness(PARALLEL, stability=False).panels
    judges = {j.judge_id: j for j in panel.judges}
    # J1: 70 − (60 + 80)/2 = 0, 80 − (70 + 90)/2 = 0, 90 − (80 + 100)/2 = 0 -> 0
    # J2: 60 − 75 = −15, 70 − 85 = −15, 80 − 95 = −15 -> −15 (harsher)
    # J3: 80 − 65 = +15 on every entry -> +15
    assert {j: s.severity for j, s in judges.items()} == {1: 0, 2: -15, 3: 15}
    assert all(s.shared_entries == 3 for s in judges.values())
    # spread: 70, 80, 90 -> sample variance (100 + 0 + 100)/2 = 100 -> 10
    assert all(math.isclose(s.spread, 10) for s in judges.values())
    assert judges[1].mean_total == 80


def test_agreement_on_the_complete_block():
    (panel,) = fairness(PARALLEL, stability=False).panels
    assert panel.entries_used == (1, 2, 3) and panel.judges_used == (1, 2, 3)
    # mean squares in points: entry means 70, 80, 90 around 80 -> BMS = 3 × 200 / 2 = 300;
    # judge means 80, 70, 90 -> JMS = 3 × 200 / 2 = 300; no residual -> EMS = 0
    assert (panel.icc.bms, panel.icc.jms, panel.icc.ems) == (300, 300, 0)
    # the judges differ by a constant: perfectly consistent (ICC(3,·) = 1, W = 1) but not in
    # absolute agreement (ICC(2,1) < 1)
    assert panel.icc.icc3_1 == 1 and panel.icc.icc3_k == 1
    assert panel.icc.icc2_1 < 1
    assert panel.kendall_w == 1
    assert panel.agreement_note is None


def test_no_outlier_when_every_difference_is_within_the_limit():
    (panel,) = fairness(PARALLEL, stability=False).panels
    # pooled within-entry variance: each entry SS = 0 + 100 + 100 = 200; 600 / 6 = 100
    # limit = max(15, 2 × 10) = 20; the largest difference is 15
    assert panel.outlier_limit == 20
    assert panel.outliers == ()


def test_outlier_sheet_by_hand():
    totals = {
        1: {1: 70, 2: 72, 3: 30},
        2: {1: 60, 2: 62, 3: 61},
        3: {1: 80, 2: 80, 3: 82},
    }
    (panel,) = fairness(totals, stability=False).panels
    # SS: E1 = 70² + 72² + 30² − 172²/3 = 10984 − 29584/3 = 3368/3 ; E2 = 1 + 1 + 0 = 2 ;
    # E3 = 19524 − 242²/3 = 8/3 ; pooled variance = (3368/3 + 2 + 8/3) / 6 = 1691/9
    # limit = max(15, 2 × √(1691/9)) = 2 × 13.7072… = 27.414…
    assert math.isclose(panel.outlier_limit, 2 * math.sqrt(1691 / 9))
    # E1/J3: 30 − (70 + 72)/2 = −41 beyond the limit; E1/J2: 72 − 50 = 22 is not
    (out,) = panel.outliers
    assert (out.entry_id, out.judge_id, out.total, out.others_mean, out.difference) == (
        1,
        3,
        30,
        71,
        -41,
    )


def test_the_15_point_floor_protects_a_quiet_panel():
    totals = {1: {1: 70, 2: 70, 3: 80}, 2: {1: 60, 2: 60, 3: 60}, 3: {1: 50, 2: 50, 3: 50}}
    (panel,) = fairness(totals, stability=False).panels
    # pooled SD = √((200/3)/6) = 3.33…, 2 × SD = 6.67 < 15: the limit is 15; J3 differs by 10
    assert panel.outlier_limit == OUTLIER_MIN_POINTS and OUTLIER_SD_FACTOR == 2
    assert panel.outliers == ()


def test_too_few_entries_gives_a_reason_instead_of_icc():
    (panel,) = fairness({1: {1: 70, 2: 80}, 2: {3: 60, 4: 65}}, stability=False).panels
    assert panel.icc is None and panel.kendall_w is None
    assert "at least 2 entries" in str(panel.agreement_note)
    assert panel.entries_used == (1,) or panel.entries_used == (2,)


def test_panels_are_per_category():
    cats = {1: "umum", 2: "umum", 3: "khusus", 4: "khusus"}
    totals = {1: {1: 70, 2: 80}, 2: {1: 60, 2: 65}, 3: {3: 90, 4: 80}, 4: {3: 50, 4: 60}}
    report = fairness(totals, cats, stability=False)
    assert [(p.group, p.entries_used, p.judges_used) for p in report.panels] == [
        ("khusus", (3, 4), (3, 4)),
        ("umum", (1, 2), (1, 2)),
    ]


def test_rank_stability_flags_award_changes():
    juara_1 = [AwardTierSpec("juara_1", "Juara I", AwardKind.RANK, rank_from=1, rank_to=1)]
    # E1: 90, 90, 30 -> mean 70, median 90 ; E2: 80, 80, 80 -> mean 80, median 80
    # E3: 50, 50, 50 -> last under every method
    totals = {1: {1: 90, 2: 90, 3: 30}, 2: {1: 80, 2: 80, 3: 80}, 3: {1: 50, 2: 50, 3: 50}}
    report = fairness(totals, award_tiers=juara_1)
    rows = {r.entry_id: r for r in report.stability}
    assert rows[1].ranks[M.MEAN] == 2 and rows[1].ranks[M.MEDIAN] == 1
    assert rows[1].awards[M.MEDIAN] == ("juara_1", None)
    assert rows[2].awards[M.MEAN] == ("juara_1", None)
    # the trimmed mean needs 5 sheets: with 3 it is the mean
    assert rows[1].ranks[M.TRIMMED_MEAN] == 2
    assert rows[1].award_changes and rows[2].award_changes and not rows[3].award_changes
    assert set(report.unstable_entries) == {1, 2}
    assert set(rows[1].ranks) == set(M)
