"""The competitions table model, without a window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QPersistentModelIndex, Qt

from judging_app.core.records import CompetitionSummary
from judging_app.services.competitions import list_competitions
from judging_app.ui.competition_table import (
    COL_CODE,
    COL_ENTRIES,
    COL_JUDGES,
    COL_NAME,
    COL_ORGANISER,
    COL_STATUS,
    COL_YEAR,
    COLUMN_COUNT,
    CompetitionTableModel,
)
from judging_app.ui.labels import competition_status_label

from test_ui_support import add_competition

DISPLAY = Qt.ItemDataRole.DisplayRole


def summaries() -> list[CompetitionSummary]:
    return [
        CompetitionSummary(1, "kipp-2025", "KIPP Kota", 2025, "judging", "Bappeda", 1234, 5),
        CompetitionSummary(2, "lomba-2024", "Lomba Inovasi", 2024, "finalized", "Setda", 80, 3),
        CompetitionSummary(3, "apik-2026", "Anugerah", 2026, "draft", "", 0, 0),
        CompetitionSummary(4, "reg-2025", "Bursa Inovasi", 2025, "registration", "Dinas", 12, 4),
    ]


def column(model: CompetitionTableModel, col: int) -> list[str]:
    return [model.data(model.index(r, col), DISPLAY) for r in range(model.rowCount())]


def test_rows_columns_and_english_headers(translations):
    model = CompetitionTableModel()
    model.set_competitions(summaries())
    assert (model.rowCount(), model.columnCount()) == (4, COLUMN_COUNT)
    headers = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(COLUMN_COUNT)]
    assert headers == ["Code", "Name", "Year", "Organiser", "Status", "Entries", "Judges"]
    assert column(model, COL_CODE)[0] == "kipp-2025"
    assert column(model, COL_ENTRIES)[0] == QLocale().toString(1234)  # e.g. 1,234
    assert column(model, COL_YEAR)[0] == "2025"
    assert column(model, COL_STATUS) == ["Judging", "Finalized", "Draft", "Registration"]
    assert model.data(model.index(0, COL_ENTRIES), Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
    assert model.data(model.index(9, 0), DISPLAY) is None


def test_indonesian_labels_numbers_and_years(translations):
    model = CompetitionTableModel()
    model.set_competitions(summaries())
    translations.apply("id")
    headers = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(COLUMN_COUNT)]
    assert headers == ["Kode", "Nama", "Tahun", "Penyelenggara", "Status", "Inovasi", "Juri"]
    assert column(model, COL_STATUS) == ["Penilaian", "Final (disahkan)", "Draf", "Pendaftaran"]
    assert column(model, COL_ENTRIES)[0] == "1.234"  # Indonesian thousands separator
    assert column(model, COL_YEAR)[0] == "2025"  # a year is never "2.025"


def test_status_labels_cover_every_status_and_pass_unknown_codes_through(translations):
    translations.apply("id")
    assert competition_status_label("draft") == "Draf"
    assert competition_status_label("registration") == "Pendaftaran"
    assert competition_status_label("judging") == "Penilaian"
    assert competition_status_label("finalized") == "Final (disahkan)"
    assert competition_status_label("archived") == "archived"


@pytest.mark.parametrize(
    ("col", "ascending"),
    [
        (COL_CODE, ["apik-2026", "kipp-2025", "lomba-2024", "reg-2025"]),
        (COL_NAME, ["apik-2026", "reg-2025", "kipp-2025", "lomba-2024"]),
        (COL_YEAR, ["lomba-2024", "kipp-2025", "reg-2025", "apik-2026"]),
        (COL_ORGANISER, ["apik-2026", "kipp-2025", "reg-2025", "lomba-2024"]),
        (COL_STATUS, ["apik-2026", "reg-2025", "kipp-2025", "lomba-2024"]),
        (COL_ENTRIES, ["apik-2026", "reg-2025", "lomba-2024", "kipp-2025"]),
        (COL_JUDGES, ["apik-2026", "lomba-2024", "reg-2025", "kipp-2025"]),
    ],
)
def test_sorting_inside_the_model(translations, col, ascending):
    model = CompetitionTableModel()
    model.set_competitions(summaries())
    model.sort(col, Qt.SortOrder.AscendingOrder)
    assert column(model, COL_CODE) == ascending
    model.sort(col, Qt.SortOrder.DescendingOrder)
    codes = column(model, COL_CODE)
    assert codes[0] == ascending[-1] and codes[-1] == ascending[0]


def test_sorting_keeps_persistent_indexes_on_their_rows(translations):
    model = CompetitionTableModel()
    model.set_competitions(summaries())
    kept = QPersistentModelIndex(model.index(0, COL_NAME))  # KIPP Kota
    model.sort(COL_CODE, Qt.SortOrder.AscendingOrder)
    assert kept.row() == 1
    assert model.competition_at(kept.row()).code == "kipp-2025"


def test_model_shows_what_the_service_lists(translations, sqlite_db):
    add_competition(sqlite_db, name="Lomba A", year=2024)
    add_competition(sqlite_db, name="Lomba B", year=2025)
    model = CompetitionTableModel()
    model.set_competitions(list_competitions(sqlite_db))
    assert column(model, COL_NAME) == ["Lomba B", "Lomba A"]
    assert column(model, COL_STATUS) == ["Draft", "Draft"]
    assert column(model, COL_JUDGES) == ["0", "0"]
