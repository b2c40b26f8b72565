"""Award tiers: rank ranges per category, score bands and their boundaries."""

from decimal import Decimal as D
from fractions import Fraction as F

from hypothesis import given
from hypothesis import strategies as st

from judging_app.core.enums import AggregationMethod, AwardKind, RankingScope
from judging_app.core.scoring import (
    AwardTier,
    EntryInfo,
    RoundData,
    RoundInfo,
    SheetTotals,
    compute_results,
)
from judging_app.core.scoring.awards import BandFinder
from judging_app.core.scoring.surds import RootClasses
from judging_app.core.setup import AwardTierSpec, ResultRules

ROUND = RoundInfo(1, "presentasi", 1, D(100))


def compute(totals, tiers, categories=None, **rules):
    """totals: entry -> single exact total."""
    categories = categories or {}
    rows = [(e, 1, F(t)) for e, t in totals.items()]
    data = RoundData(ROUND, SheetTotals.from_fractions(rows), dict.fromkeys(totals, 1))
    entries = [EntryInfo(e, f"E{e}", category=categories.get(e, "umum")) for e in totals]
    return compute_results(entries, [data], ResultRules(**rules), tiers)


def rank_tier(code, first, last, category=None):
    return AwardTierSpec(
        code, code, AwardKind.RANK, rank_from=first, rank_to=last, category=category
    )


def band(code, low, high=None, category=None):
    return AwardTierSpec(
        code,
        code,
        AwardKind.BAND,
        min_score=D(low),
        max_score=None if high is None else D(high),
        category=category,
    )


def test_rank_tiers_juara_and_harapan():
    tiers = [
        rank_tier("juara_1", 1, 1),
        rank_tier("juara_2", 2, 2),
        rank_tier("juara_3", 3, 3),
        rank_tier("harapan_1", 4, 4),
    ]
    res = compute({1: 95, 2: 90, 3: 85, 4: 80, 5: 75}, tiers)
    assert [r.award for r in res.rows] == ["juara_1", "juara_2", "juara_3", "harapan_1", None]


def test_top_n_tier():
    res = compute({1: 95, 2: 90, 3: 85}, [rank_tier("top_2", 1, 2)])
    assert [r.award for r in res.rows] == ["top_2", "top_2", None]


def test_rank_tiers_are_per_category_and_may_be_restricted():
    tiers = [rank_tier("juara_1", 1, 1), rank_tier("terbaik_khusus", 2, 2, category="khusus")]
    cats = {1: "umum", 2: "umum", 3: "khusus", 4: "khusus"}
    res = compute({1: 90, 2: 80, 3: 70, 4: 60}, tiers, cats)
    assert {r.entry_id: r.award for r in res.rows} == {
        3: "juara_1",
        4: "terbaik_khusus",
        1: "juara_1",
        2: None,
    }
    # ranking overall: one Juara I; tiers restricted to a category are not used
    overall = compute({1: 90, 2: 80, 3: 70, 4: 60}, tiers, cats, ranking_scope=RankingScope.OVERALL)
    assert [r.award for r in overall.rows] == ["juara_1", None, None, None]


def test_band_lower_bound_inclusive_upper_exclusive_by_default():
    # AwardTierSpec: min_score <= s < max_score
    tiers = [band("kurang", 0, 35), band("inovatif", 35, 60), band("sangat", 60)]
    res = compute({1: 60, 2: F(59999, 1000), 3: 35, 4: F(34999, 1000), 5: 100, 6: 0}, tiers)
    assert {r.entry_id: r.band for r in res.rows} == {
        1: "sangat",  # 60 belongs to the band starting at 60
        2: "inovatif",
        3: "inovatif",
        4: "kurang",
        5: "sangat",
        6: "kurang",
    }


def test_iga_bands_with_explicit_sides():
    # IGA: Sangat Inovatif above 60, Inovatif 35-60, Kurang Inovatif below 35
    tiers = [
        AwardTier("sangat", AwardKind.BAND, min_score=F(60), min_inclusive=False),
        AwardTier("inovatif", AwardKind.BAND, min_score=F(35), max_score=F(60), max_inclusive=True),
        AwardTier("kurang", AwardKind.BAND, min_score=F(0), max_score=F(35)),
    ]
    third = F(1, 3000)
    res = compute({1: 60, 2: 60 + third, 3: 35, 4: 35 - third}, tiers)
    assert {r.entry_id: r.band for r in res.rows} == {
        1: "inovatif",  # exactly 60 is not "above 60"
        2: "sangat",  # 60.000333… is
        3: "inovatif",
        4: "kurang",
    }


def test_band_restricted_to_a_category_and_first_match_wins():
    tiers = [band("khusus_prima", 80, category="khusus"), band("baik", 70), band("also", 70)]
    res = compute({1: 85, 2: 85}, tiers, {1: "khusus", 2: "umum"})
    assert res.row(1).band == "khusus_prima" and res.row(2).band == "baik"


def test_band_on_standardized_irrational_scores():
    # Standardized: A 80/60 (σ 10), B 95/85 (σ 5): +1 z -> 80 + √62.5 ≈ 87.906 (irrational)
    rows = [(1, 1, 80), (2, 1, 60), (3, 2, 95), (4, 2, 85)]
    data = RoundData(ROUND, SheetTotals.from_fractions(rows), {1: 1, 2: 1, 3: 1, 4: 1})
    entries = [EntryInfo(e, f"E{e}", category="umum") for e in range(1, 5)]
    tiers = [band("high", "87.905"), band("mid", "72.094", "87.905")]
    res = compute_results(
        entries, [data], ResultRules(aggregation=AggregationMethod.STANDARDIZED), tiers
    )
    # 87.9056… >= 87.905 ; 80 − √62.5 = 72.0943… >= 72.094
    assert {r.entry_id: r.band for r in res.rows} == {1: "high", 3: "high", 2: "mid", 4: "mid"}
    higher = [band("high", "87.906")]
    res = compute_results(
        entries, [data], ResultRules(aggregation=AggregationMethod.STANDARDIZED), higher
    )
    assert res.row(1).band is None  # 87.9056… < 87.906


def test_unranked_entries_get_no_award():
    rows = [(1, 1, F(90))]
    data = RoundData(ROUND, SheetTotals.from_fractions(rows), {1: 2})
    res = compute_results(
        [EntryInfo(1, "E1", category="umum")],
        [data],
        ResultRules(),
        [rank_tier("juara_1", 1, 1), band("any", 0)],
    )
    assert (res.row(1).rank, res.row(1).award, res.row(1).band) == (None, None, None)


@given(
    st.integers(0, 100_000),
    st.integers(1, 9),
    st.integers(0, 100),
    st.one_of(st.none(), st.integers(0, 100)),
    st.booleans(),
    st.booleans(),
)
def test_fast_band_lookup_agrees_with_the_exact_definition(num, count, low, high, lo_inc, hi_inc):
    tier = AwardTier(
        "b", AwardKind.BAND, min_score=F(low), max_score=None if high is None else F(high),
        min_inclusive=lo_inc, max_inclusive=hi_inc,
    )  # fmt: skip
    value = (num, count * 1000)  # a mean over `count` sheets, in thousandths
    score = F(num, count * 1000)
    expected = (score > low or (score == low and lo_inc)) and (
        high is None or score < high or (score == high and hi_inc)
    )
    roots = RootClasses()
    assert tier.contains(value, roots) == expected
    assert (BandFinder([tier], roots)("umum", value) == "b") == expected


def test_band_edges_from_the_setup_follow_the_iga_guideline():
    """IGA: Sangat Inovatif above 60, Inovatif 35 to 60, Kurang Inovatif below 35: the shipped
    template says so with min_inclusive / max_inclusive, and exactly 60 is 'Inovatif'."""
    from fractions import Fraction

    from judging_app.core.scoring.awards import as_tiers
    from judging_app.core.scoring.surds import RootClasses
    from judging_app.exchange.competition_file import setup_from_json
    from judging_app.resources_access import read_resource_text

    setup = setup_from_json(read_resource_text("templates/iga_presentation.json"))
    tiers = as_tiers(setup.award_tiers)
    roots = RootClasses()

    def band(score):
        f = Fraction(score)
        return [t.code for t in tiers if t.contains((f.numerator, f.denominator), roots)]

    assert band(60) == ["inovatif"]
    assert band(Fraction(60001, 1000)) == ["sangat_inovatif"]
    assert band(35) == ["inovatif"]
    assert band(Fraction(34999, 1000)) == ["kurang_inovatif"]
