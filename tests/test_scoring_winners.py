"""The winners overview's places: every rank tier in order, a blocking tie where the awards
it straddles would be (never a list that starts at Juara III)."""

from decimal import Decimal as D

from judging_app.core.enums import AwardKind
from judging_app.core.scoring import (
    CriterionInfo,
    EntryInfo,
    RoundData,
    RoundInfo,
    SheetScores,
    compute_results,
)
from judging_app.core.scoring.winners import winners
from judging_app.core.setup import AwardTierSpec, ResultRules

C = CriterionInfo(1, "c", D(100), D(100), 1)
ROUND = RoundInfo(1, "prop", 1, D(100), (C,))
TIERS = [AwardTierSpec(f"juara_{i}", f"Juara {n}", AwardKind.RANK, rank_from=i, rank_to=i)
         for i, n in ((1, "I"), (2, "II"), (3, "III"))] + [
    AwardTierSpec("finalis", "Finalis", AwardKind.RANK, rank_from=4, rank_to=6),
    AwardTierSpec("sangat", "Sangat Inovatif", AwardKind.BAND, min_score=D(60))]


def results(scores: dict[int, int], category: dict[int, str] | None = None):
    entries = [EntryInfo(e, f"E{e}", category=(category or {}).get(e, "umum")) for e in scores]
    sheets = [SheetScores(1, 1, e, {1: D(v)}) for e, v in scores.items()]
    return compute_results(entries, [RoundData.from_sheets(ROUND, sheets)], ResultRules(),
                           TIERS, {})


def summary(places):
    return [(p.rank, p.tiers, [r.entry_id for r in p.rows], p.blocked) for p in places]


def test_each_tier_in_order_and_bands_are_not_places():
    (umum,) = winners(results({1: 90, 2: 80, 3: 70, 4: 60, 5: 10, 6: 9, 7: 8}))
    assert summary(umum.places) == [(1, ("juara_1",), [1], False), (2, ("juara_2",), [2], False),
                                    (3, ("juara_3",), [3], False), (4, ("finalis",), [4], False),
                                    (5, ("finalis",), [5], False), (6, ("finalis",), [6], False)]


def test_a_tie_blocking_rank_one_comes_first_with_the_tiers_at_stake():
    (umum,) = winners(results({1: 90, 2: 90, 3: 70, 4: 60}))
    assert summary(umum.places) == [(1, ("juara_1", "juara_2"), [1, 2], True),
                                    (3, ("juara_3",), [3], False), (4, ("finalis",), [4], False)]
    assert umum.places[0].tie is not None and umum.places[0].tie.entry_ids == (1, 2)


def test_a_tie_within_one_tier_shares_it_and_categories_stay_apart():
    res = results({1: 90, 2: 80, 3: 70, 4: 60, 6: 60, 5: 50}, {5: "khusus"})
    groups = {w.group: w for w in winners(res)}
    umum, khusus = groups["umum"], groups["khusus"]
    assert summary(umum.places)[-1] == (4, ("finalis",), [4, 6], False)  # both finalists
    assert summary(khusus.places) == [(1, ("juara_1",), [5], False)]
