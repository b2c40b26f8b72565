"""Compliance with "one unit, one innovation a year": for a programme year, every unit of
the register with its innovations registered, entered, eligible and awarded, and the units
with none standing out.

- registered: the innovations the unit built or developed that year: first registered
  that year, replicated by it that year (monitoring), or entered in a competition of the
  year (an entry not yet tied to an innovation counts as one). An older innovation merely
  found still running does not make a unit compliant: the regulation asks for one a year;
- entered, eligible, awarded: its entries in the year's city competitions, those that are
  eligible (passed screening), those with an award in finalized results.

Activity of a unit merged into another by the end of the year counts for the successor
(core.programme.resolve). Pure: the caller loads the rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from judging_app.core.programme import UnitTimeline, absorbed_by, resolve


@dataclass(frozen=True)
class YearEntry:
    entry_id: int
    registry_unit_id: int | None  # None: its unit is not (or not surely) in the register
    innovation_id: int | None  # None: not (or not surely) tied to an innovation
    eligible: bool
    award: str | None  # the award's label in finalized results


@dataclass(frozen=True)
class ComplianceRow:
    unit_id: int
    code: str
    name: str  # as the unit was named at the end of the year
    kind: str
    registered: int
    entered: int
    eligible: int
    awarded: int
    innovations: tuple[int, ...]  # ids of the innovations counted as registered
    awards: tuple[str, ...]  # award labels, as many as `awarded`
    absorbed: tuple[str, ...] = ()  # codes of units merged into it whose activity counts

    @property
    def compliant(self) -> bool:
        return self.registered > 0


@dataclass(frozen=True)
class ComplianceTotals:
    units: int
    compliant: int
    registered: int
    entered: int
    eligible: int
    awarded: int


@dataclass(frozen=True)
class Compliance:
    year: int
    rows: tuple[ComplianceRow, ...]  # units with none first, then by code
    entries_outside: int = 0  # entries of the year whose unit is not linked to the register
    totals: ComplianceTotals = field(default=ComplianceTotals(0, 0, 0, 0, 0, 0))


def compute_compliance(
    year: int,
    units: Mapping[int, UnitTimeline],
    new_innovations: Iterable[tuple[int, int]],  # (innovation id, unit id), first year = year
    replications: Iterable[tuple[int, int]],  # (innovation id, replicating unit id)
    entries: Iterable[YearEntry],
) -> Compliance:
    registered: dict[int, set] = defaultdict(set)
    for ident, unit_id in (*new_innovations, *replications):
        registered[resolve(units, unit_id, year)].add(ident)
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    awards: dict[int, list[str]] = defaultdict(list)
    outside = 0
    for e in entries:
        if e.registry_unit_id is None:
            outside += 1
            continue
        owner = resolve(units, e.registry_unit_id, year)
        registered[owner].add(e.innovation_id if e.innovation_id is not None
                              else ("entry", e.entry_id))
        line = counts[owner]
        line[0] += 1
        line[1] += e.eligible
        if e.award:
            line[2] += 1
            awards[owner].append(e.award)
    rows = []
    for unit in units.values():
        if not unit.listed_in(year):
            continue
        entered, eligible, awarded = counts.get(unit.id, (0, 0, 0))
        ids = registered.get(unit.id, set())
        rows.append(ComplianceRow(
            unit.id, unit.code, unit.name_in(year), unit.kind, len(ids), entered, eligible,
            awarded, tuple(sorted(i for i in ids if isinstance(i, int))),
            tuple(sorted(awards.get(unit.id, ()))),
            tuple(units[u].code for u in absorbed_by(units, unit.id, year))))
    rows.sort(key=lambda r: (r.compliant, r.code))
    totals = ComplianceTotals(len(rows), sum(r.compliant for r in rows),
                              sum(r.registered for r in rows), sum(r.entered for r in rows),
                              sum(r.eligible for r in rows), sum(r.awarded for r in rows))
    return Compliance(year, tuple(rows), outside, totals)
