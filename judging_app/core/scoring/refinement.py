"""Groups of tied entries being split into ordered parts, step by step (the tie-break chain).

Kept flat for speed at 30,000 entries: every entry in one list, in the current order, and a
mark where each part starts. Each step only looks at the parts still tied, and a split by a
key is one sort of all of them together instead of one small sort per part.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

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
            done.append(before)
            position = s
            for part in sub:
                n = len(part)
                order[position:position + n] = part
                starts[position] = 1
                if n > 1:
                    ranges.append((position, position + n))
                position += n
            if position != e or (check and sorted(order[s:e]) != sorted(before)):
                raise ValueError("a tie-break must order exactly the entries it was given")
        self.ranges = ranges
        return done

    def split_by_key(self, key: Callable[[int], Hashable]) -> Split:
        """Split every tied part by a key, highest first, keeping the current order among
        equal keys: one sort of all the tied entries. Returns the parts that were split."""
        order = self.order
        # ascending on (-part, key, -position), then reversed: part by part, highest key
        # first, the current order among equal keys (works for any comparable key)
        items = [
            (-n, key(x), -i, x)
            for n, (s, e) in enumerate(self.ranges)
            for i, x in enumerate(order[s:e])
        ]
        items.sort()
        items.reverse()
        splits: list[Split] = [[] for _ in self.ranges]
        previous_n, previous_k = 1, None
        for n, k, _i, x in items:
            if n == previous_n and k == previous_k:
                splits[-n][-1].append(x)
            else:
                splits[-n].append([x])
                previous_n, previous_k = n, k
        return self.split(splits, check=False)  # type: ignore[arg-type]

    def parts(self) -> list[Split]:
        """Each group's ordered parts."""
        order, starts = self.order, self.starts
        out: list[Split] = []
        for s, e in self.bounds:
            parts: Split = []
            begin = s
            for i in range(s + 1, e + 1):
                if starts[i]:
                    parts.append(order[begin:i])
                    begin = i
            out.append(parts)
        return out
