"""Every file of the bad-file corpus (tests/bad_files/make_bad_files.py) is refused with its
own clear message naming where the problem is, the preview shows the same problem, and the
database is left exactly as it was."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from judging_app.services.entry_import import (
    EntryImportError,
    import_entries,
    preview_entry_import,
)
from judging_app.services.errors import ImportFileError
from judging_app.store.models import AuditEvent, Entry, Unit

from bad_files.make_bad_files import CASES, build  # isort: skip
from factories import seeded_competition


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("bad_files")
    build(out, big=True)
    return out


def _counts(db) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Entry, Unit, AuditEvent))


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_is_refused_with_its_own_message(sqlite_db, corpus, name):
    db = sqlite_db
    case = CASES[name]
    seeded = seeded_competition(db, judging=False)
    before = _counts(db)
    with pytest.raises(ImportFileError) as err:
        import_entries(seeded.ws, seeded.code, corpus / name, sheet=case.sheet, create_units=True)
    message = str(err.value)
    assert isinstance(err.value, EntryImportError)
    assert message.startswith(f"{name}: nothing was imported")
    for word in case.words:
        assert word.lower() in message.lower(), (word, message)
    if case.where:
        assert case.where in message, message
    assert _counts(db) == before

    preview = preview_entry_import(db, seeded.code, corpus / name, sheet=case.sheet)
    assert not preview.ok
    shown = "\n".join(preview.problem_lines()).lower()
    assert all(word.lower() in shown for word in case.words), shown
    assert _counts(db) == before


def test_every_bad_file_leaves_the_database_unchanged_on_each_backend(db, corpus):
    """The same corpus on SQLite and PostgreSQL, in one database: all refused, nothing
    written (the database-dependent checks, unknown category and existing code, included)."""
    seeded = seeded_competition(db, judging=False)
    before = _counts(db)
    for name, case in sorted(CASES.items()):
        with pytest.raises(ImportFileError) as err:
            import_entries(seeded.ws, seeded.code, corpus / name, sheet=case.sheet,
                           create_units=True)
        assert all(w.lower() in str(err.value).lower() for w in case.words), name
    assert _counts(db) == before


def test_a_blank_required_column_gives_one_message_not_thirty_thousand(sqlite_db, corpus):
    seeded = seeded_competition(sqlite_db, judging=False)
    preview = preview_entry_import(sqlite_db, seeded.code, corpus / "blank_title_column.xlsx")
    assert preview.problem_count == 1
    assert preview.problems[0].column == "B" and preview.problems[0].row is None


def test_problems_are_capped_with_a_count(sqlite_db, tmp_path):
    from bad_files.make_bad_files import HEADER_ID, raw_xlsx

    rows = ((n, HEADER_ID[:4] if n == 1 else [f"B{n}", "Judul", "", "Umum"] if n % 2 else
             [f"B{n}", "Judul", "Dinas Contoh 1", "Umum"]) for n in range(1, 1002))
    raw_xlsx(tmp_path / "gaps.xlsx", rows)
    seeded = seeded_competition(sqlite_db, judging=False)
    preview = preview_entry_import(sqlite_db, seeded.code, tmp_path / "gaps.xlsx")
    assert preview.problem_count == 500 and len(preview.problems) == 200
    assert preview.problem_lines()[-1] == "… and 300 more"
    assert preview.problem_lines("id")[-1] == "… dan 300 lainnya"
    with pytest.raises(ImportFileError) as err:
        import_entries(seeded.ws, seeded.code, tmp_path / "gaps.xlsx")
    text = str(err.value)
    assert "500 problems:" in text and "… and 300 more" in text
    assert "sheet 'Inovasi', cell C3 (Perangkat daerah): a required value is missing" in text


def test_corpus_builder_writes_what_it_lists(tmp_path):
    cases = build(tmp_path, big=False)
    assert all((tmp_path / name).is_file() for name in cases)
    assert {n for n, c in CASES.items() if c.big} == {
        "zip_bomb.xlsx", "ratio_bomb.xlsx", "two_million_rows.xlsx"}


SAMPLES = Path(__file__).parent / "bad_files"


def test_old_xls_is_read_and_its_merged_header_refused(db):
    seeded = seeded_competition(db, judging=False)
    report = import_entries(seeded.ws, seeded.code, SAMPLES / "old_format.xls")
    assert (report.entries, report.sheet) == (3, "Inovasi")  # title merged above the header
    with pytest.raises(ImportFileError, match=r"sheet 'Inovasi': merged cells A2:B2 in the "
                                              r"header row"):
        import_entries(seeded.ws, seeded.code, SAMPLES / "old_format_merged_header.xls")


@pytest.mark.parametrize("kind", ["xlsx", "csv", "xls"])
def test_damaged_files_never_crash_the_reader(tmp_path, kind):
    """Random bytes changed or cut off: refused with EntryFileError (or read), never
    another exception."""
    import random

    from bad_files.make_bad_files import ROWS, xlsx

    from judging_app.exchange.entry_format import EntryFileError
    from judging_app.exchange.entry_reader import read_entry_file

    if kind == "xlsx":
        source = xlsx(tmp_path / "source.xlsx", ROWS).read_bytes()
    elif kind == "xls":
        source = (SAMPLES / "old_format.xls").read_bytes()
    else:
        source = "Kode;Judul;Perangkat daerah;Kategori;Tanggal mulai\nK1;\"Satu\n;x\";Dinas;" \
                 "Umum;01/02/2024\nK2;Dua é;Dinas;Umum;2024-02-30\n".encode()
    rng = random.Random(20260)
    target = tmp_path / f"damaged.{kind}"
    for _ in range(80):
        data = bytearray(source)
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        target.write_bytes(bytes(data[:rng.randrange(len(data))] if rng.random() < 0.2 else data))
        with contextlib.suppress(EntryFileError):
            read_entry_file(target)
