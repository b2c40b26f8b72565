"""The whole-file reading of CSV records (csv_reading._one_line_records, taken when every
record is one line) gives exactly what reading record by record gives: the same records,
numbered by the same lines, and the same refusals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judging_app.exchange import csv_reading
from judging_app.exchange.csv_reading import CsvFileError

_text = st.text(alphabet=st.sampled_from(list('ab1 ,;\t"\r\n\x00\x07é')), max_size=60)


def _outcome(read, text: str, delimiter: str):
    try:
        return "read", list(read("f.csv", text, delimiter))
    except CsvFileError as exc:
        return "refused", [str(p) for p in exc.problems]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=_text, delimiter=st.sampled_from([",", ";", "\t"]))
def test_whole_file_reading_equals_record_by_record(text, delimiter):
    assert _outcome(csv_reading.records, text, delimiter) == \
        _outcome(csv_reading._records, text, delimiter)


@pytest.mark.parametrize("text", [
    "a,b\n\nc,d\r\ne\rf\n",  # blank lines and every kind of line end: one line each
    'a,"x\ny",b\nc,d\n',  # a quoted line break: the next record starts on line 3
    "a," + "x" * (csv_reading.MAX_CELL_CHARS + 1) + "\n",  # a cell too long
    'a,"b\n',  # a quote never closed
])
def test_the_cases_that_read_differently_give_the_same(text):
    assert _outcome(csv_reading.records, text, ",") == \
        _outcome(csv_reading._records, text, ",")
    whole = csv_reading._one_line_records(text, ",")
    if whole is not None:
        assert [r.line for r in whole] == list(range(1, len(whole) + 1))


_cell = st.sampled_from(["", " ", "R1", "J1", "E1", "K1", "4", " 4.5 ", "4,5", "5", "x", "1e3",
                         "٤", "catatan"])


def _one_by_one(self, rows):  # what scores_csv._Reader._rows does without its quick path
    out = []
    for line, cells in rows:
        if any(map(str.strip, cells)):
            row = self._row(line, cells)
            if row is not None:
                out.append(row)
    return out


_code = st.sampled_from(["R1", "J1", " E1 ", "K1"])
_good = st.tuples(_code, _code, _code, _code, st.sampled_from(["4", " 4.5 ", "5"]),
                  st.sampled_from(["", "catatan", " 5 ", "a;b"])).map(list)
_typed = st.tuples(_code, _code, _code, _code, st.sampled_from(["4", "4,5", "x", ""]),
                   st.sampled_from(["", "catatan", "5", " "])).map(list)
_row = st.one_of(_good, _typed, _typed.map(lambda r: r[:5]), _typed.map(lambda r: [*r, "7"]),
                 st.lists(_cell, min_size=0, max_size=8))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(rows=st.one_of(st.lists(_good, min_size=1, max_size=4),
                        st.lists(_row, min_size=1, max_size=6)),
       header=st.sampled_from(["round,judge,entry,criterion,score,comment",
                               "round,judge,entry,criterion,score",
                               "score,round,judge,entry,criterion"]),
       delimiter=st.sampled_from([",", ";"]))
def test_scores_quick_path_reads_what_row_by_row_reads(tmp_path_factory, rows, header,
                                                       delimiter):
    from judging_app.exchange import scores_csv

    path = tmp_path_factory.mktemp("csv") / "nilai.csv"
    quoted = [delimiter.join(f'"{c}"' if delimiter in c else c for c in r) for r in rows]
    path.write_text("\n".join([header.replace(",", delimiter), *quoted]) + "\n",
                    encoding="utf-8")

    def outcome():
        try:
            return "read", scores_csv.read_scores_csv(path)
        except scores_csv.ScoresCsvError as exc:
            return "refused", [str(p) for p in exc.problems]

    quick = outcome()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scores_csv._Reader, "_rows", _one_by_one)
        assert outcome() == quick
