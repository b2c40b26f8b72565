"""The programme's pure rules: units across years (renames, mergers, ends), matching names,
and what compliance counts."""

from __future__ import annotations

from datetime import date

from judging_app.core.compliance import YearEntry, compute_compliance
from judging_app.core.programme import (
    Candidate,
    LinkMethod,
    UnitTimeline,
    absorbed_by,
    match_unit,
    merger_would_loop,
    name_key,
    resolve,
)


def _units() -> dict[int, UnitTimeline]:
    """1 Dinas A (renamed 2025-07-01); 2 merged into 3 on 2025-01-01; 3 merged into 4 on
    2026-03-01; 5 dissolved 2025-06-30; 6 established 2025-02-01."""
    return {
        1: UnitTimeline(1, "A", "dinas", ((None, "Dinas A"), (date(2025, 7, 1), "Dinas A Baru"))),
        2: UnitTimeline(2, "B", "dinas", ((None, "Dinas B"),), ended_on=date(2025, 1, 1),
                        successor_id=3),
        3: UnitTimeline(3, "C", "dinas", ((None, "Dinas C"),), ended_on=date(2026, 3, 1),
                        successor_id=4),
        4: UnitTimeline(4, "D", "badan", ((None, "Badan D"),)),
        5: UnitTimeline(5, "E", "upt", ((None, "UPT E"),), ended_on=date(2025, 6, 30)),
        6: UnitTimeline(6, "F", "dinas", ((date(2025, 2, 1), "Dinas F"),),
                        established_on=date(2025, 2, 1)),
    }


def test_a_name_is_the_one_valid_at_the_end_of_the_year():
    a = _units()[1]
    assert a.name_in(2024) == "Dinas A"
    assert a.name_in(2025) == "Dinas A Baru"
    assert a.name_in(2030) == "Dinas A Baru"


def test_merged_units_count_for_their_successor_from_the_year_of_the_merger():
    units = _units()
    assert resolve(units, 2, 2024) == 2
    assert resolve(units, 2, 2025) == 3  # merged on 1 January 2025
    assert resolve(units, 2, 2026) == 4  # and C into D in 2026: followed through
    assert resolve(units, 3, 2025) == 3
    assert absorbed_by(units, 4, 2026) == [2, 3]
    assert absorbed_by(units, 3, 2025) == [2]
    assert absorbed_by(units, 3, 2024) == []


def test_which_units_have_a_line_in_a_year():
    units = _units()
    listed = {y: sorted(u.code for u in units.values() if u.listed_in(y)) for y in (2024, 2025, 2026)}
    assert listed[2024] == ["A", "B", "C", "D", "E"]  # F not established yet
    assert listed[2025] == ["A", "C", "D", "E", "F"]  # B merged; E dissolved in 2025: listed
    assert listed[2026] == ["A", "D", "F"]  # C merged; E gone


def test_a_merger_into_its_own_successor_would_loop():
    units = _units()
    assert merger_would_loop(units, 4, 2)  # 2 → 3 → 4: merging 4 into 2 loops
    assert merger_would_loop(units, 4, 4)
    assert not merger_would_loop(units, 1, 4)


def test_names_are_compared_loosely_but_numbers_must_agree():
    assert name_key("Kec.  Bugul Kidul") == name_key("kecamatan bugul-kidul")
    pool = [Candidate(1, "KEC-01", ("Kecamatan Bugul Kidul",)),
            Candidate(2, "SD-1", ("SD Negeri 1",)),
            Candidate(3, "DISKOMINFO", ("Dinas Komunikasi dan Informatika", "Kantor Infokom"))]
    assert match_unit("X", "Kec. Bugul Kidul", pool) == match_unit("Y", "kecamatan bugul kidul", pool)
    hit = match_unit("X", "Kec. Bugul Kidul", pool)
    assert (hit.id, hit.method, hit.certain) == (1, LinkMethod.NAME, True)
    assert match_unit("diskominfo", "anything", pool).method == LinkMethod.CODE
    old = match_unit("Z", "Kantor Infokom", pool)  # a former name still finds it
    assert (old.id, old.certain) == (3, True)
    typo = match_unit("Z", "Dinas Komunikasi dan Informatka", pool)
    assert (typo.id, typo.method, typo.certain) == (3, LinkMethod.SIMILAR, False)
    assert match_unit("Z", "SD Negeri 2", pool).id is None  # not SD Negeri 1
    assert match_unit("Z", "Dinas Pariwisata", pool).id is None


def test_compliance_counts_each_unit_and_puts_those_with_none_first():
    units = _units()
    entries = [
        YearEntry(10, 1, 100, True, "Juara I"),
        YearEntry(11, 1, 101, False, None),
        YearEntry(12, 2, None, True, None),  # B merged into C in 2025: counts for C
        YearEntry(13, None, None, True, None),  # its unit is not in the register
    ]
    result = compute_compliance(2025, units, new_innovations=[(102, 5)],
                                replications=[(103, 6)], entries=entries)
    rows = {r.code: r for r in result.rows}
    assert (rows["A"].registered, rows["A"].entered, rows["A"].eligible, rows["A"].awarded) == (2, 2, 1, 1)
    assert rows["A"].awards == ("Juara I",) and rows["A"].name == "Dinas A Baru"
    assert (rows["C"].registered, rows["C"].entered, rows["C"].absorbed) == (1, 1, ("B",))
    assert rows["D"].registered == 0 and not rows["D"].compliant  # nothing new this year
    assert rows["E"].registered == 1  # a new innovation, never entered
    assert rows["F"].registered == 1  # replicated D's innovation
    assert "B" not in rows
    assert result.entries_outside == 1
    assert result.totals.units == 5 and result.totals.compliant == 4
    assert result.rows[0].code == "D"  # the one without stands out first
    none = compute_compliance(2024, units, [], [], [YearEntry(1, 1, 7, True, None)])
    assert [r.code for r in none.rows] == ["B", "C", "D", "E", "A"]  # none first, then A
    assert [r.compliant for r in none.rows] == [False] * 4 + [True]
