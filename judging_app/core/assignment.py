"""Automatic assignment of judges to entries.

Every entry gets k judges, never a conflicted or inactive one; the work is spread so that
judges' loads differ by at most one wherever the conflicts allow it. Existing assignments
are kept and counted. Deterministic: the same input gives the same plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AssignmentPlan:
    new_pairs: list[tuple[int, int]]  # (judge_id, entry_id) to add
    loads: dict[int, int]  # judge_id -> load after the plan (existing + new)
    short: dict[int, int] = field(default_factory=dict)  # entry_id -> judges still missing

    @property
    def balanced(self) -> bool:
        return not self.loads or max(self.loads.values()) - min(self.loads.values()) <= 1


def plan_assignments(
    entry_ids: Iterable[int],
    judge_ids: Iterable[int],
    k: int,
    *,
    conflicts: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
    existing: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
) -> AssignmentPlan:
    if k < 1:
        raise ValueError("each entry needs at least one judge")
    entries = sorted(set(entry_ids))
    judges = sorted(set(judge_ids))
    judge_set = set(judges)
    loads = dict.fromkeys(judges, 0)
    on_entry: dict[int, set[int]] = {e: set() for e in entries}
    for j, e in existing:
        if j in judge_set and e in on_entry:
            loads[j] += 1
            on_entry[e].add(j)
    blocked: dict[int, set[int]] = {e: set() for e in entries}
    for j, e in conflicts:
        if e in blocked:
            blocked[e].add(j)

    def available(e: int) -> int:
        return len(judge_set - blocked[e])

    order = sorted(entries, key=lambda e: (available(e), e))  # most constrained first
    position = {j: i for i, j in enumerate(judges)}
    n = len(judges) or 1
    new_by_judge: dict[int, list[int]] = {j: [] for j in judges}
    short: dict[int, int] = {}
    for index, e in enumerate(order):
        need = k - len(on_entry[e])
        if need <= 0:
            continue
        candidates = [j for j in judges if j not in blocked[e] and j not in on_entry[e]]
        # least loaded first; the rotation spreads which judges sit together on entries
        candidates.sort(key=lambda j: (loads[j], (position[j] - index) % n))
        for j in candidates[:need]:
            loads[j] += 1
            on_entry[e].add(j)
            new_by_judge[j].append(e)
        if len(candidates) < need:
            short[e] = need - len(candidates)
    _rebalance(loads, new_by_judge, on_entry, blocked)
    new_pairs = sorted((j, e) for j, es in new_by_judge.items() for e in es)
    return AssignmentPlan(new_pairs=new_pairs, loads=loads, short=short)


def _rebalance(
    loads: dict[int, int],
    new_by_judge: dict[int, list[int]],
    on_entry: dict[int, set[int]],
    blocked: dict[int, set[int]],
) -> None:
    """Move new assignments from the busiest judges to the idlest while that helps."""
    if not loads:
        return
    for _ in range(10 * sum(len(v) for v in new_by_judge.values()) + 1):
        by_load = sorted(loads, key=lambda j: (loads[j], j))
        lo_load, hi_load = loads[by_load[0]], loads[by_load[-1]]
        if hi_load - lo_load <= 1:
            return
        moved = False
        for hi in reversed(by_load):
            if loads[hi] != hi_load:
                break
            for lo in by_load:
                if loads[lo] > hi_load - 2:
                    break
                for e in new_by_judge[hi]:
                    if lo not in on_entry[e] and lo not in blocked[e]:
                        new_by_judge[hi].remove(e)
                        new_by_judge[lo].append(e)
                        on_entry[e].discard(hi)
                        on_entry[e].add(lo)
                        loads[hi] -= 1
                        loads[lo] += 1
                        moved = True
                        break
                if moved:
                    break
            if moved:
                break
        if not moved:
            return
