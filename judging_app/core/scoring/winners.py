"""Who won, per category, for the winners overview: the rank tiers (Juara I, II, III,
Harapan I …) in order, each held by its entry (or entries sharing it), and a blocking tie
shown where the awards it straddles would be, so a list never starts at "Juara III" while
the chair has still to decide who is first. Score bands (predicates) are not places."""

from __future__ import annotations

from dataclasses import dataclass

from judging_app.core.scoring.results import CompetitionResults, RankedRow, TieGroup


@dataclass(frozen=True)
class Place:
    rank: int
    tiers: tuple[str, ...]  # the rank tier held (one), or the tiers a blocking tie straddles
    rows: tuple[RankedRow, ...]  # the entry, or the entries sharing the place
    tie: TieGroup | None = None  # a blocking tie: the chair decides before these are awarded

    @property
    def blocked(self) -> bool:
        return self.tie is not None


@dataclass(frozen=True)
class CategoryWinners:
    group: str | None  # category code; None when ranking overall
    places: tuple[Place, ...]


def winners(results: CompetitionResults) -> list[CategoryWinners]:
    """Per ranking group, in the results' order, the award places from the top."""
    blocking = {e: t for t in results.blocking_ties for e in t.entry_ids}
    out: list[CategoryWinners] = []
    groups: dict[str | None, list[RankedRow]] = {}
    for row in results.rows:
        rows = groups.get(row.group)
        if rows is None:
            groups[row.group] = [row]
        else:
            rows.append(row)
    for group, rows in groups.items():
        places: list[Place] = []
        for row in rows:  # in rank order: entries sharing a rank are next to each other
            if row.rank is None:
                continue
            tie = blocking.get(row.entry_id)
            if tie is not None:
                tiers = tuple(dict.fromkeys(a for a in tie.position_awards if a))
                if tiers and not any(p.tie is tie for p in places):
                    members = tuple(r for r in rows if r.entry_id in tie.entry_ids)
                    places.append(Place(tie.rank, tiers, members, tie))
            elif row.award:
                last = places[-1] if places else None
                if (last is not None and last.tie is None and last.rank == row.rank
                        and last.tiers == (row.award,)):
                    places[-1] = Place(row.rank, last.tiers, (*last.rows, row))
                else:
                    places.append(Place(row.rank, (row.award,), (row,)))
        out.append(CategoryWinners(group, tuple(places)))
    return out
