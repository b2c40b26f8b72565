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
