"""ICC (Shrout & Fleiss 1979) and Kendall's W against published worked examples."""

from fractions import Fraction as F

import pytest

from judging_app.core.scoring.reliability import average_ranks, complete_block, icc, kendall_w

# Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
# reliability. Psychological Bulletin 86(2), 420-428, Table 2: 6 targets × 4 judges.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]


def test_shrout_fleiss_worked_example():
    r = icc(SHROUT_FLEISS)
    assert (r.entries, r.judges) == (6, 4)
    # Table 3 of the paper: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02
    assert [round(float(x), 2) for x in (r.bms, r.wms, r.jms, r.ems)] == [11.24, 6.26, 32.49, 1.02]
    published = {
        "icc1_1": 0.17,
        "icc2_1": 0.29,
        "icc3_1": 0.71,
        "icc1_k": 0.44,  # ICC(1,4)
        "icc2_k": 0.62,  # ICC(2,4)
        "icc3_k": 0.91,  # ICC(3,4)
    }
    for name, value in published.items():
        assert round(float(getattr(r, name)), 2) == value, name


def test_icc_is_exact_and_scale_free():
    r = icc(SHROUT_FLEISS)
    scaled = icc([[F(v * 1000, 7) for v in row] for row in SHROUT_FLEISS])
    assert r.icc2_1 == scaled.icc2_1 and isinstance(r.icc2_1, F)


def test_icc_with_no_variance_is_none():
    r = icc([[5, 5], [5, 5]])
    assert r.icc1_1 is None and r.icc3_k is None


def test_icc_needs_two_entries_and_two_judges():
    with pytest.raises(ValueError):
        icc([[1, 2, 3]])
    with pytest.raises(ValueError):
        icc([[1], [2]])


def test_kendall_w_proofwiki_example():
    """ProofWiki, "Kendall's Coefficient of Concordance/Examples/Arbitrary Example 1":
    judges A-D rank competitors X, Y, Z as X: 1 1 2 3, Y: 3 2 3 1, Z: 2 3 1 2;
    rank sums 7, 9, 8, mean 8, S = 1 + 1 + 0 = 2, W = 12·2 / (4²·3·(3² − 1)) = 1/16."""
    ranks = [[1, 1, 2, 3], [3, 2, 3, 1], [2, 3, 1, 2]]  # rows = competitors, columns = judges
    assert kendall_w(ranks) == F(1, 16)


def test_kendall_w_perfect_agreement_and_reversed_scale():
    totals = [[90, 85, 99], [80, 70, 90], [70, 60, 10]]
    assert kendall_w(totals) == 1
    assert kendall_w([[-v for v in row] for row in totals]) == 1


def test_kendall_w_with_ties_by_hand():
    # columns = judges J1..J3, rows = entries E1..E4 (totals; higher is better)
    totals = [
        [90, 85, 70],
        [80, 85, 90],
        [80, 60, 80],
        [70, 60, 60],
    ]
    # J1 ranks 1, 2.5, 2.5, 4 (one pair tied: T = 2³ − 2 = 6)
    # J2 ranks 1.5, 1.5, 3.5, 3.5 (two pairs: T = 6 + 6 = 12)
    # J3 ranks 3, 1, 2, 4 (T = 0)
    # rank sums R = 5.5, 5, 8, 11.5; mean 7.5; S = 4 + 6.25 + 0.25 + 16 = 26.5
    # W = 12 × 26.5 / (3² × (4³ − 4) − 3 × (6 + 12 + 0)) = 318 / (540 − 54) = 318/486 = 53/81
    assert kendall_w(totals) == F(53, 81)
    # (without the tie correction it would be 318/540 = 53/90)


def test_average_ranks():
    ranks, ties = average_ranks([80, 90, 80, 70])
    assert ranks == [F(5, 2), 1, F(5, 2), 4] and ties == 6


def test_kendall_w_all_tied_is_none():
    assert kendall_w([[5, 5], [5, 5], [5, 5]]) is None


def test_complete_block_picks_the_largest_common_panel():
    totals = {
        1: {1: 80, 2: 70, 3: 60},
        2: {1: 80, 2: 70, 3: 60},
        3: {1: 80, 2: 70},
        4: {1: 80, 2: 70},
        5: {1: 80, 2: 70},
        6: {4: 50},
    }
    assert complete_block(totals) == ([3, 4, 5], [1, 2])
    assert complete_block({1: {1: 80}}) == ([], [])
