"""The assignment planner on its own (pure)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from judging_app.core.assignment import plan_assignments


def test_plain_round_robin_balances_exactly():
    plan = plan_assignments(range(1, 11), [1, 2, 3, 4, 5], 3)
    assert sorted(plan.loads.values()) == [6, 6, 6, 6, 6]
    assert not plan.short


@settings(max_examples=60, deadline=None)
@given(
    n_entries=st.integers(1, 40),
    n_judges=st.integers(1, 8),
    k=st.integers(1, 4),
    conflict_seed=st.sets(st.tuples(st.integers(0, 7), st.integers(0, 39)), max_size=30),
)
def test_plan_rules_hold(n_entries, n_judges, k, conflict_seed):
    entries = list(range(n_entries))
    judges = list(range(n_judges))
    conflicts = {(j, e) for j, e in conflict_seed if j < n_judges and e < n_entries}
    plan = plan_assignments(entries, judges, k, conflicts=conflicts)
    per_entry: dict[int, set[int]] = {e: set() for e in entries}
    for j, e in plan.new_pairs:
        assert (j, e) not in conflicts
        assert j not in per_entry[e]
        per_entry[e].add(j)
    for e in entries:
        available = n_judges - sum(1 for j in judges if (j, e) in conflicts)
        assert len(per_entry[e]) == min(k, available)
        assert plan.short.get(e, 0) == k - len(per_entry[e])
    if not conflicts:
        assert plan.balanced
    # deterministic
    assert plan_assignments(list(reversed(entries)), judges, k, conflicts=conflicts) == plan
