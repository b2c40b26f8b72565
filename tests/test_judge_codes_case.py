"""Judge codes that differ only in letter case ('j01' beside 'J01') were accepted by the
judge import, `judges add` and `judges edit`: a second judge row for the same person,
and scores typed with 'j01' going to it (entry codes already ignore case: 'e1' repeats
'E1'). Hostile review 17h."""

from __future__ import annotations

import pytest

from judging_app.services import judges
from judging_app.services.errors import ImportFileError, ServiceError
from judging_app.services.judge_import import import_judges
from judging_app.services.judges import JudgeInput

from factories import seeded_competition


def _codes(db, code):
    return sorted(j.code for j in judges.list_judges(db, code))


def test_a_judge_code_in_other_letter_case_is_refused(sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db, judging=False)
    before = _codes(sqlite_db, s.code)
    taken = before[0]
    with pytest.raises(ServiceError, match=taken):
        judges.add_judge(s.ws, s.code, JudgeInput(taken.lower(), "Juri Baru"))
    with pytest.raises(ServiceError, match=taken):
        judges.edit_judge(s.ws, s.code, before[1], JudgeInput(taken.lower(), "Juri Dua"))
    path = tmp_path / "juri.csv"
    path.write_text(f"Kode;Nama\n{taken.lower()};Juri Baru\nX1;Satu\nx1;Dua\n",
                    encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        import_judges(s.ws, s.code, path)
    text = str(info.value)
    assert taken in text and "x1 is repeated (first on row 3)" in text, text
    assert _codes(sqlite_db, s.code) == before


def test_a_unit_code_or_name_in_other_letter_case_is_refused(sqlite_db):
    """The entry import finds units by code or name ignoring case: 'opd-1' beside 'OPD-1'
    (or 'dinas contoh 1' beside 'Dinas Contoh 1') left it to chance which unit an entry
    got, and with it the judges' conflicts of interest."""
    from judging_app.services import entries

    s = seeded_competition(sqlite_db, judging=False)
    unit = entries.list_units(sqlite_db, s.code)[0]
    with pytest.raises(ServiceError, match=unit.code):
        entries.add_unit(s.ws, s.code, unit.code.lower(), "Unit Baru Sekali")
    with pytest.raises(ServiceError, match=unit.name):
        entries.add_unit(s.ws, s.code, "BARU-9", "  " + unit.name.upper() + " ")
    assert len(entries.list_units(sqlite_db, s.code)) == len(
        {u.code for u in entries.list_units(sqlite_db, s.code)})
