"""Codes that look identical but are not: 'N-1' beside 'N-1' with a zero-width space, or
'Ｎ-1' in full-width letters, were accepted as two entries (or judges) the secretariat could
not tell apart on screen or on paper (hostile review 17h, finding 8). Such characters are
refused in codes wherever a code is typed or read, naming the character."""

from __future__ import annotations

import pytest

from judging_app.cli.main import main
from judging_app.core.plain_text import unseen_in_code
from judging_app.exchange.entry_reader import read_entry_file
from judging_app.services import entries, judges
from judging_app.services.entries import EntryInput
from judging_app.services.errors import ServiceError
from judging_app.services.judges import JudgeInput

from factories import seeded_competition


@pytest.mark.parametrize("code, unseen", [
    ("N-1", []), ("INV 001", []), ("Inovasi/2026_é", []), ("KIPP-Ω", []),
    ("N-1\u200b", ["U+200B"]), ("\ufeffN-1", ["U+FEFF"]), ("N\u00ad-1", ["U+00AD"]),
    ("Ｎ-１", ["U+FF2E", "U+FF11"]), ("N\u00a01", ["U+00A0"]), ("N-1\u200e", ["U+200E"]),
    ("e\u0301", ["U+0301"]), ("ﬁ-1", ["U+FB01"]), ("N\u200bN\u200b", ["U+200B"]),
])
def test_which_characters_of_a_code_cannot_be_seen_or_told_apart(code, unseen):
    assert unseen_in_code(code) == unseen


def test_the_entry_list_refuses_them_naming_row_column_and_character(tmp_path):
    path = tmp_path / "inovasi.csv"
    path.write_text("Kode;Judul;Perangkat daerah;Kategori\nN-1;Satu;Dinas A;Umum\n"
                    "N-1\u200b;Dua;Dinas A;Umum\nＮ-2;Tiga;Dinas A;Umum\n", encoding="utf-8")
    sheet = read_entry_file(path)
    found = [(p.row, p.column, p.message.params["chars"]) for p in sheet.problems.items]
    assert found == [(3, "A", "U+200B"), (4, "A", "U+FF2E")]
    assert [r.code for r in sheet.rows] == ["N-1"]


def test_entries_and_judges_added_by_hand_refuse_them(sqlite_db):
    s = seeded_competition(sqlite_db, judging=False)
    unit, category = entries.list_units(sqlite_db, s.code)[0], "umum"
    before = len(entries.list_entries(sqlite_db, s.code))
    with pytest.raises(ServiceError, match="U\\+200B"):
        entries.add_entry(s.ws, s.code, EntryInput(code="E1\u200b", title="Sama", unit=unit.code,
                                                   category=category))
    assert len(entries.list_entries(sqlite_db, s.code)) == before
    with pytest.raises(ServiceError, match="U\\+FF2A"):
        judges.add_judge(s.ws, s.code, JudgeInput("Ｊ01", "Juri Kembar"))


def test_the_command_line_says_so_in_indonesian(sqlite_db, capsys):
    s = seeded_competition(sqlite_db, judging=False)
    code = main(["--db", str(sqlite_db.path), "--user", "Sekretariat", "--lang", "id",
                 "judges", "add", "--competition", s.code, "--code", "J01\u200b",
                 "--name", "Juri Kembar"])
    said = capsys.readouterr()
    assert code != 0
    assert "memuat karakter yang tidak terlihat" in said.err + said.out
    assert "U+200B" in said.err + said.out
