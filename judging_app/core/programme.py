"""The yearly programme in plain Python: government units across years (renames, mergers),
matching a competition's units and entries to the register, and who counts for whom.

A unit of the register has a stable code, a history of names (each valid from a date) and
may end on a date, either merged into a successor or dissolved. For a programme year Y the
unit is seen as it stands on 31 December of Y:

- a unit merged on or before that day is not listed on its own: from then on its
  innovations and entries count for its successor (followed through later mergers too);
- a dissolved unit (no successor) is still listed in the year it ended, not after;
- a unit established after that day does not exist yet.

No Qt, no SQLAlchemy, no I/O.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class CompetitionLevel(StrEnum):
    CITY = "city"  # the programme's own yearly competition (counted for compliance)
    REGIONAL = "regional"  # provincial
    NATIONAL = "national"  # KIPP, IGA


class InnovationRelation(StrEnum):
    NEW = "new"  # the innovation's first entry
    CONTINUES = "continues"  # the same innovation entered again in a later year
    DEVELOPS = "develops"  # a development of the innovation, entered in a later year
    FORWARDED = "forwarded"  # taken from a city competition into a higher one


class InnovationState(StrEnum):
    CONTINUED = "continued"  # still running in that year
    STOPPED = "stopped"  # no longer running


class LinkMethod(StrEnum):
    CODE = "code"  # same code as a register unit
    NAME = "name"  # same name (now or in its history)
    SIMILAR = "similar"  # a similar name: needs a person's confirmation
    MANUAL = "manual"  # chosen by a person
    CREATED = "created"  # the register unit was made from this unit


def year_end(year: int) -> date:
    return date(year, 12, 31)


@dataclass(frozen=True)
class UnitTimeline:
    """What compliance needs of a register unit: its names over time and its end."""

    id: int
    code: str
    kind: str
    names: tuple[tuple[date | None, str], ...]  # (valid from, name); None = from the start
    established_on: date | None = None
    ended_on: date | None = None
    successor_id: int | None = None

    def name_in(self, year: int) -> str:
        """The name valid on 31 December of `year` (the first name before it had any)."""
        end = year_end(year)
        chosen = self.names[0][1]
        for since, name in sorted(self.names, key=lambda n: n[0] or date.min):
            if since is None or since <= end:
                chosen = name
        return chosen

    def exists_in(self, year: int) -> bool:
        """Established by the end of `year`, not yet ended before it began."""
        if self.established_on is not None and self.established_on > year_end(year):
            return False
        return self.ended_on is None or self.ended_on >= date(year, 1, 1)

    def listed_in(self, year: int) -> bool:
        """Whether the unit has its own line in the year's compliance."""
        if not self.exists_in(year):
            return False
        merged = self.successor_id is not None and self.ended_on is not None
        return not (merged and self.ended_on <= year_end(year))


def resolve(units: Mapping[int, UnitTimeline], unit_id: int, year: int) -> int:
    """The unit that `unit_id`'s activity of `year` counts for: itself, or the successor it
    was merged into by the end of the year (through every later merger too)."""
    seen = {unit_id}
    current = units[unit_id]
    end = year_end(year)
    while (current.successor_id is not None and current.ended_on is not None
           and current.ended_on <= end):
        nxt = current.successor_id
        if nxt in seen:  # refused when recorded; never loop on bad data
            break
        seen.add(nxt)
        current = units[nxt]
    return current.id


def absorbed_by(units: Mapping[int, UnitTimeline], unit_id: int, year: int) -> list[int]:
    """The units whose activity of `year` counts for `unit_id` (merged into it), sorted."""
    return sorted(u for u in units if u != unit_id and resolve(units, u, year) == unit_id)


def merger_would_loop(units: Mapping[int, UnitTimeline], unit_id: int, into_id: int) -> bool:
    """True when `into_id` is `unit_id` itself or was (directly or not) merged into it."""
    current: int | None = into_id
    seen: set[int] = set()
    while current is not None and current not in seen:
        if current == unit_id:
            return True
        seen.add(current)
        current = units[current].successor_id if current in units else None
    return False


# -- matching names --------------------------------------------------------------------------

SIMILAR_AT = 0.86  # difflib ratio from which two names are offered as a possible match
_NUMBERS = re.compile(r"\d+")
_ABBREVIATIONS = {"kec": "kecamatan", "kel": "kelurahan", "dis": "dinas", "ds": "desa"}


def name_key(text: str) -> str:
    """A name compared loosely: case, accents, punctuation and spacing ignored, a few
    common abbreviations written out ('Kec. Bugul Kidul' = 'Kecamatan Bugul Kidul')."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


@dataclass(frozen=True)
class Candidate:
    id: int
    code: str
    names: tuple[str, ...]  # every name it had, current first


@dataclass(frozen=True)
class Match:
    id: int | None  # None: nothing found
    method: LinkMethod | None
    certain: bool
    score: float = 1.0


def match_unit(code: str, name: str, candidates: Iterable[Candidate]) -> Match:
    """The register unit a competition's unit is: same code (certain), same name now or
    in its history (certain when only one has it), else the most similar name above
    SIMILAR_AT (uncertain: a person confirms it)."""
    pool = list(candidates)
    folded = code.strip().casefold()
    by_code = [c for c in pool if c.code.casefold() == folded]
    if len(by_code) == 1:
        return Match(by_code[0].id, LinkMethod.CODE, True)
    key = name_key(name)
    same = [c for c in pool if key in {name_key(n) for n in c.names}]
    if len(same) == 1:
        return Match(same[0].id, LinkMethod.NAME, True)
    if len(same) > 1:  # two units once shared a name: a person decides
        return Match(same[0].id, LinkMethod.SIMILAR, False)
    return best_similar(key, [(c.id, c.names) for c in pool])


def best_similar(key: str, pool: Iterable[tuple[int, Iterable[str]]]) -> Match:
    """The most similar of the candidates' names (compared by name_key), if any reaches
    SIMILAR_AT, or where every word of one (two words at least) is in the other; an
    uncertain match. Names with other numbers are never similar: 'SD Negeri 1' is not 'SD
    Negeri 2', however alike they look."""
    best: tuple[float, int] | None = None
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(key)
    numbers = _NUMBERS.findall(key)
    for ident, names in pool:
        for other in names:
            other_key = name_key(other)
            if _NUMBERS.findall(other_key) != numbers:
                continue
            if _contains(key, other_key):  # 'Dinas Kesehatan' in 'Dinas Kesehatan dan KB'
                ratio = SIMILAR_AT
            else:
                matcher.set_seq1(other_key)
                if matcher.real_quick_ratio() < SIMILAR_AT or matcher.quick_ratio() < SIMILAR_AT:
                    continue
                ratio = matcher.ratio()
            if ratio >= SIMILAR_AT and (best is None or ratio > best[0]):
                best = (ratio, ident)
    if best is None:
        return Match(None, None, False, 0.0)
    return Match(best[1], LinkMethod.SIMILAR, False, round(best[0], 3))


def _contains(a: str, b: str) -> bool:
    """Every word of the shorter name (two at least) is in the longer one."""
    short, long = sorted((a.split(), b.split()), key=len)
    return len(short) >= 2 and set(short) <= set(long)
