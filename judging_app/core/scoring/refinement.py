"""Groups of tied entries being split into ordered parts, step by step (the tie-break chain).

Kept flat for speed at 30,000 entries: every entry in one list, in the current order, and a
mark where each part starts. Each step only looks at the parts still tied; a split by a key
sorts each tied part on the key alone (C-level comparisons of the keys, no tuples built
per entry) and cuts it where the key changes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Sequence
from itertools import chain, compress, groupby, pairwise

Split = list[list[int]]


class Refinement:
    def __init__(self, groups: Sequence[Sequence[int]]) -> None:
        self.order: list[int] = []
        self.bounds: list[tuple[int, int]] = []  # (start, end) of each group in `order`
        for group in groups:
            start = len(self.order)
            self.order.extend(group)
            self.bounds.append((start, len(self.order)))
        self.starts = bytearray(len(self.order) + 1)  # 1 where a part starts
        for start, _end in self.bounds:
            self.starts[start] = 1
        self.starts[len(self.order)] = 1
        self.ranges = [(s, e) for s, e in self.bounds if e - s > 1]  # the parts still tied

    def tied_parts(self) -> Split:
        return [self.order[s:e] for s, e in self.ranges]

    def tied_entries(self) -> list[int]:
        order = self.order
        return [x for s, e in self.ranges for x in order[s:e]]

    def split(self, splits: Sequence[Split | None], check: bool = True) -> Split:
        """Replace each tied part by its split, given in the order of `tied_parts` (None or a
        single part: left as it was). Returns the parts that were split. `check`: refuse a
        split that is not a reordering of its part (a metric's bug)."""
        order, starts = self.order, self.starts
        ranges: list[tuple[int, int]] = []
        done: Split = []
        for (s, e), sub in zip(self.ranges, splits, strict=True):
            if sub is None or len(sub) < 2:
                ranges.append((s, e))
                continue
            before = order[s:e]
            after = list(chain.from_iterable(sub))
            if len(after) != e - s or (check and sorted(after) != sorted(before)):
                raise ValueError("a tie-break must order exactly the entries it was given")
            done.append(before)
            order[s:e] = after
            position = s
            for part in sub:
                n = len(part)
                starts[position] = 1
                if n > 1:
                    ranges.append((position, position + n))
                position += n
        self.ranges = ranges
        return done

    def split_by_key(self, key: Callable[[int], Hashable]) -> Split:
        """Split every tied part by a key, highest first, keeping the current order among
        equal keys (a reversed sort is stable). Returns the parts that were split."""
        order = self.order
        splits: list[Split] = []
        for s, e in self.ranges:
            ranked = sorted(order[s:e], key=key, reverse=True)
            splits.append([list(same) for _k, same in groupby(ranked, key)])
        return self.split(splits, check=False)  # type: ignore[arg-type]

    def parts(self) -> list[Split]:
        """Each group's ordered parts."""
        order = self.order
        cuts = list(compress(range(len(self.starts)), self.starts))  # part starts, and the end
        every = [order[a:b] for a, b in pairwise(cuts)]
        return [every[bisect_left(cuts, s):bisect_left(cuts, e)] for s, e in self.bounds]
