"""The per-entry criteria key compares like the criteria_by_weight tie-break under the mean,
and the flat refinement splits tied parts like one sort per part would."""

from fractions import Fraction as F

from hypothesis import given, settings
from hypothesis import strategies as st

from judging_app.core.scoring.criteria_keys import MAX_COUNT, mean_criteria_key
from judging_app.core.scoring.refinement import Refinement

criterion = st.one_of(st.none(), st.tuples(st.integers(0, 2_000_000), st.integers(1, MAX_COUNT)))


def _means(per_criterion):
    """What the tie-break compares: per criterion, having a score first, then the mean."""
    return tuple((0, F(0)) if c is None else (1, F(c[0], c[1])) for c in per_criterion)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.tuples(
    st.lists(criterion, min_size=n, max_size=n), st.lists(criterion, min_size=n, max_size=n))))
def test_keys_compare_like_the_means_criterion_by_criterion(pair):
    a, b = pair
    ka, kb = mean_criteria_key(a), mean_criteria_key(b)
    assert (ka < kb) == (_means(a) < _means(b))
    assert (ka == kb) == (_means(a) == _means(b))


def test_equal_means_from_different_counts_are_equal_keys():
    assert mean_criteria_key([(9000, 3), (4000, 2)]) == mean_criteria_key([(12000, 4), (2000, 1)])
    assert mean_criteria_key([(9000, 3)]) > mean_criteria_key([None])


def test_too_many_scores_give_no_key():
    assert mean_criteria_key([(1000, MAX_COUNT + 1)]) is None
    assert mean_criteria_key([(10**30, 1)]) is None  # beyond 8 bytes


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 4), min_size=1, max_size=8), min_size=1, max_size=6))
def test_refinement_splits_each_part_like_a_stable_sort(keys_per_group):
    ids = iter(range(1000))
    groups = [[next(ids) for _ in g] for g in keys_per_group]
    key = {e: k for g, ks in zip(groups, keys_per_group, strict=True) for e, k in zip(g, ks, strict=True)}
    work = Refinement(groups)
    split = work.split_by_key(key.__getitem__)
    expected = []
    for g in groups:
        parts: list[list[int]] = []
        for e in sorted(g, key=lambda e: -key[e]):  # stable: given order among equals
            if parts and key[parts[-1][0]] == key[e]:
                parts[-1].append(e)
            else:
                parts.append([e])
        expected.append(parts)
    assert work.parts() == expected
    assert sorted(map(sorted, split)) == sorted(sorted(g) for g, p in zip(groups, expected, strict=True)
                                                if len(g) > 1 and len(p) > 1)


median_item = st.one_of(st.none(), st.integers(0, 400_000))


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.tuples(
    st.lists(median_item, min_size=n, max_size=n), st.lists(median_item, min_size=n, max_size=n))))
def test_median_keys_compare_like_the_medians_criterion_by_criterion(pair):
    from judging_app.core.scoring.criteria_keys import median_criteria_key

    a, b = pair

    def plain(items):
        return tuple((0, 0) if x is None else (1, x) for x in items)

    ka, kb = median_criteria_key(a), median_criteria_key(b)
    assert (ka < kb) == (plain(a) < plain(b)) and (ka == kb) == (plain(a) == plain(b))


def _first_difference_by_chunks(a: bytes, b: bytes) -> int:
    """The straightforward form: compare 8-byte chunks in turn."""
    for k in range(0, min(len(a), len(b)), 8):
        if a[k:k + 8] != b[k:k + 8]:
            return k // 8
    return min(len(a), len(b)) // 8


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=40), st.binary(max_size=40), st.integers(0, 40))
def test_the_first_differing_criterion_is_the_first_differing_chunk(a, b, shared):
    from judging_app.core.scoring.tiebreaks import _first_difference

    b = a[:shared] + b  # often a common prefix, of any length
    assert _first_difference(a, b) == _first_difference_by_chunks(a, b)
