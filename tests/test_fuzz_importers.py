"""Hypothesis feeds generated files to every importer: the outcome is a clear refusal (an
error that renders itself in both languages, never another exception) or stored values
equal to the ones the file holds. Small budgets for CI; set JUDGING_APP_FUZZ_EXAMPLES for
longer local runs (e.g. 500)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_draft as jd
from judging_app.exchange.competition_file import (
    CompetitionFileError,
    setup_from_json,
    setup_to_json,
)
from judging_app.services import (
    assignments,
    competitions,
    entries,
    judge_packages,
    score_workbooks,
    sheets,
)
from judging_app.services.entry_import import import_entries
from judging_app.services.errors import ServiceError
from judging_app.services.score_import import import_paper_scores

from factories import seeded_competition, tiny_setup

EXAMPLES = int(os.environ.get("JUDGING_APP_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])
CLEAR = (ServiceError,)  # what a person is shown as one message
SCALE = {"A": (D(1), D(5), D(1)), "B": (D(1), D(5), D("0.5"))}  # tiny_setup's rubric


def _clear(exc: BaseException) -> None:
    """A refusal renders in both languages (no placeholder left, no repr)."""
    for language in ("en", "id"):
        text = exc.render(language)
        assert text.strip() and "Message(" not in text, text
        assert not re.search(r"\{[a-z_]+(:[a-z0-9:]+)?\}", text), text  # a placeholder left


def _on_scale(criterion: str, value: D) -> bool:
    lo, hi, step = SCALE[criterion]
    return lo <= value <= hi and (value - lo) % step == 0


@pytest.fixture(scope="module")
def judging(tmp_path_factory):
    from judging_app.store.database import open_database

    db = open_database(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite")
    seeded = seeded_competition(db, n_entries=4, n_judges=2)
    assignments.assign(seeded.ws, seeded.code, "prop", "J1", ["E1", "E2", "E3", "E4"])
    yield seeded
    db.close()


# ---- scores CSV ------------------------------------------------------------------------

_texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_score_text = st.one_of(
    st.sampled_from(["1", "2", "3.5", "4,5", "5", "2.50", " 3 ", "0", "6", "1e1", "٤", "４",
                     "3_5", "37.5000000000000000000000000001", "NaN", "-1", "", "abc"]),
    st.decimals(min_value=0, max_value=6, places=3).map(str),
    _texts)
_row = st.tuples(st.sampled_from(["prop", "prop", "adm", "zz"]),
                 st.sampled_from(["J1", "J1", "J2", "J9"]),
                 st.sampled_from(["E1", "E2", "E3", "E4", "E9"]),
                 st.sampled_from(["A", "B", "B", "C"]), _score_text, _texts)


@FUZZ
@given(rows=st.lists(_row, min_size=1, max_size=8), delimiter=st.sampled_from([",", ";"]),
       quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
       mangle=st.one_of(st.none(), st.tuples(st.integers(0, 400), st.sampled_from(
           ['"', ",", ";", "\n", "\x00", "\r", "é"]))))
def test_scores_csv(judging, tmp_path_factory, rows, delimiter, quoting, mangle):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator="\n")
    writer.writerow(["round", "judge", "entry", "criterion", "score", "comment"])
    writer.writerows(rows)
    text = out.getvalue()
    if mangle is not None:
        at, insert = mangle
        text = text[:at] + insert + text[at:]
    path = tmp_path_factory.mktemp("csv") / "nilai.csv"
    path.write_text(text, encoding="utf-8")
    try:
        import_paper_scores(judging.ws, judging.code, path, submit=False)
    except CLEAR as exc:
        _clear(exc)
        return
    # Imported: what the file says (read independently) is what is stored.
    read = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[1:]
    latest: dict[tuple, tuple] = {}
    for r in read:
        if any(c.strip() for c in r):
            latest[tuple(c.strip() for c in r[:4])] = (r[4].strip(), r[5].strip() if len(r) > 5
                                                       else "")
    for (rnd, judge, entry, crit), (score, comment) in latest.items():
        assert (rnd, judge) == ("prop", "J1") and crit in SCALE and entry != "E9"
        assert re.fullmatch(r"[0-9]+([.,][0-9]+)?", score), score  # only plain decimals pass
        value = D(score.replace(",", "."))
        assert _on_scale(crit, value)
        sheet = sheets.get_sheet(judging.ws.db, judging.code, rnd, judge, entry)
        assert sheet.scores[crit] == value
        if comment:
            assert sheet.comments[crit] == comment


# ---- competition files -----------------------------------------------------------------

_json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**40, 10**40), st.floats(),
              st.sampled_from(["12.5", "1e3", "\ud800", "\x00", "١٢", "", "x" * 300]), _texts),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_texts, inner, max_size=3),
    max_leaves=6)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


def _replace(doc, path, new):
    if not path:
        return new
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return doc


@FUZZ
@given(data=st.data())
def test_competition_files(judging, data):
    doc = json.loads(setup_to_json(tiny_setup()))
    for _ in range(data.draw(st.integers(1, 3))):
        paths = list(_paths(doc))
        doc = _replace(doc, data.draw(st.sampled_from(paths)), data.draw(_json_value))
    try:
        text = json.dumps(doc, ensure_ascii=True, allow_nan=True)
    except (TypeError, ValueError):
        return
    try:
        setup = setup_from_json(text, "fuzz.json")
    except CompetitionFileError as exc:
        assert exc.render("id").startswith("fuzz.json: ")
        return
    try:
        made = competitions.create_competition(judging.ws, setup)
    except CLEAR as exc:
        _clear(exc)
        return
    assert competitions.get_setup(judging.ws.db, made.code) == setup


# ---- judges' returns -------------------------------------------------------------------

@pytest.fixture(scope="module")
def package(judging, tmp_path_factory):
    folder = tmp_path_factory.mktemp("packages")
    path = judge_packages.export_package(judging.ws, judging.code, "prop", "J1", folder)
    return jp.read_package(path.read_bytes())


@FUZZ
@given(data=st.data())
def test_judges_returns(judging, package, tmp_path_factory, data):
    draft = jd.start_return(package)
    doc = json.loads(jd.export_return(draft, sequence=10**6))
    payload = doc["payload"]
    payload["sheets"] = [{"entry": data.draw(st.sampled_from(["E1", "E2", "E3", "E9"])),
                          "state": "draft",
                          "scores": data.draw(st.dictionaries(st.sampled_from(["A", "B", "Z"]),
                                                              _score_text, max_size=2)),
                          "comments": {}, "overall_comment": data.draw(_texts)}
                         for _ in range(data.draw(st.integers(1, 3)))]
    payload["sequence"] = data.draw(st.integers(10**6, 10**9))  # newer than any before
    if data.draw(st.booleans()):
        paths = [p for p in _paths(payload) if p]
        payload = _replace(payload, data.draw(st.sampled_from(paths)), data.draw(_json_value))
    try:
        doc["signature"] = jp.sign(payload, package.secret)  # the judge's own laptop signs
        raw = json.dumps(doc, ensure_ascii=False)
    except (jp.PackageError, TypeError, ValueError):
        raw = json.dumps(doc, ensure_ascii=True)
    path = tmp_path_factory.mktemp("ret") / "J1.jret"
    path.write_text(raw, encoding="utf-8", errors="surrogatepass")
    try:
        report = judge_packages.import_return(judging.ws, judging.code, path)
    except CLEAR as exc:
        _clear(exc)
        return
    if report.already_imported:
        return
    for sheet in payload["sheets"]:
        if not sheet["scores"] and sheet["state"] == "draft":
            continue
        stored = sheets.get_sheet(judging.ws.db, judging.code, "prop", "J1", sheet["entry"])
        for crit, text in sheet["scores"].items():
            assert stored.scores[crit] == D(text.strip().replace(",", "."))


# ---- Excel score workbooks -------------------------------------------------------------

_cell = st.one_of(st.integers(-3, 8), st.floats(-1e3, 1e3), _score_text, st.booleans(),
                  st.just(date(2024, 5, 1)), st.none())


@pytest.fixture(scope="module")
def workbook(judging, tmp_path_factory):
    folder = tmp_path_factory.mktemp("books")
    return score_workbooks.export_score_workbook(judging.ws, judging.code, "prop", "J1", folder)


@FUZZ
@given(cells=st.lists(st.tuples(_cell, _cell), min_size=1, max_size=4))
def test_excel_score_workbooks(judging, workbook, tmp_path_factory, cells):
    wb = load_workbook(workbook)
    ws = wb["Nilai"]
    for r, (a, b) in enumerate(cells, start=2):
        try:
            ws[f"D{r}"].value, ws[f"E{r}"].value = a, b
        except IllegalCharacterError:  # a character no workbook holds: Excel cannot type it
            assume(False)
    path = tmp_path_factory.mktemp("book") / workbook.name
    wb.save(path)
    try:
        score_workbooks.import_score_workbook(judging.ws, judging.code, path, submit=False)
    except CLEAR as exc:
        _clear(exc)
        return
    for r, (a, b) in enumerate(cells, start=2):
        entry = ws[f"A{r}"].value
        stored = sheets.get_sheet(judging.ws.db, judging.code, "prop", "J1", entry)
        for crit, typed in (("A", a), ("B", b)):
            if typed is None or (isinstance(typed, str) and not typed.strip()):
                continue
            text = repr(typed) if isinstance(typed, float) else str(typed)
            assert stored.scores[crit] == D(text.strip().replace(",", "."))


# ---- entries ---------------------------------------------------------------------------

_field = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)


@FUZZ
@given(rows=st.lists(st.tuples(_field, _field), min_size=1, max_size=5),
       delimiter=st.sampled_from([",", ";"]), kind=st.sampled_from(["csv", "xlsx"]))
def test_entry_files(judging, tmp_path_factory, rows, delimiter, kind):
    ws = judging.ws
    code = competitions.create_competition(ws, tiny_setup()).code  # a fresh one each time
    entries.add_unit(ws, code, "U1", "Dinas Contoh", "dinas")
    header = ["Kode", "Judul inovasi", "Perangkat daerah", "Kategori"]
    body = [[f"K{i}", title, "U1", "umum"] + ([extra] if extra else [])
            for i, (title, extra) in enumerate(rows)]
    folder = tmp_path_factory.mktemp("entries")
    if kind == "csv":
        path = folder / "inovasi.csv"
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows([header, *body])
        path.write_text(out.getvalue(), encoding="utf-8")
    else:
        from openpyxl import Workbook

        book = Workbook()
        try:
            for line in [header, *body]:
                book.active.append(line)
        except IllegalCharacterError:  # a character no workbook holds
            assume(False)
        path = folder / "inovasi.xlsx"
        book.save(path)
    try:
        import_entries(ws, code, path)
    except CLEAR as exc:
        _clear(exc)
        return
    stored = {e.code: e.title for e in entries.list_entries(ws.db, code)}
    for i, (title, _) in enumerate(rows):
        if kind == "xlsx":  # the workbook's XML holds a line break as "\n" (Excel's too)
            title = title.replace("\r\n", "\n").replace("\r", "\n")
        assert stored[f"K{i}"] == title.strip()
