"""Excel score sheets and judges' returns from a hostile hand: numbers that are not plain
decimals, nesting and integers no file of ours holds, characters no database stores, and an
older copy of the same workbook imported after a newer one (it silently overwrote the newer
draft scores on 3578f17)."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import zipfile
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_score_workbooks import columns, export, fill, type_in

from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_draft as jd
from judging_app.services import assignments, judge_packages, score_workbooks, sheets
from judging_app.services.errors import ImportFileError

from factories import seeded_competition


@pytest.fixture
def judging(sqlite_db):
    s = seeded_competition(sqlite_db)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    return s


def _saved_at(path: Path, moment: str) -> Path:
    """The workbook as if saved at `moment` (what Excel writes in its properties)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + moment.encode() + rb"\g<2>", data)
            dst.writestr(item, data)
    tmp.replace(path)
    return path


def test_an_older_copy_of_the_same_workbook_is_refused(judging, tmp_path):
    issued = export(judging, tmp_path / "out")["J1"]
    first, second = tmp_path / "saved_monday.xlsx", tmp_path / "saved_tuesday.xlsx"
    shutil.copy(issued, first)
    _saved_at(fill(first, only=1, criteria=("A",)), "2026-05-04T08:00:00Z")
    shutil.copy(issued, second)
    _saved_at(fill(second, only=2, bump=D(1)), "2026-05-05T08:00:00Z")
    score_workbooks.import_score_workbook(judging.ws, judging.code, second, submit=False)
    before = sheets.get_sheet(judging.ws.db, judging.code, "prop", "J1", "E1")
    with pytest.raises(ImportFileError, match="this is an older copy of a score sheet already "
                                              "imported: it was saved 4 May 2026 08:00"):
        score_workbooks.import_score_workbook(judging.ws, judging.code, first, submit=False)
    assert sheets.get_sheet(judging.ws.db, judging.code, "prop", "J1", "E1") == before
    # saved again later (the judge's newest copy after all): imported
    _saved_at(first, "2026-05-06T08:00:00Z")
    score_workbooks.import_score_workbook(judging.ws, judging.code, first, submit=False)


@pytest.mark.parametrize(("typed", "words"), [
    ("1e309", "written with an exponent"),
    ("9" * 40, "is too large"),
    (1e40, "is too large"),
    ("٤", "digits other than 0–9"),
    ("3_7.5", "a separator inside the number"),
])
def test_workbook_scores_that_are_not_plain_decimals(judging, tmp_path, typed, words):
    path = export(judging, tmp_path / "out")["J1"]
    wb = load_workbook(path)
    ws = wb["Nilai"]
    type_in(ws, f"{columns(ws)['A']}2", typed)
    wb.save(path)
    with pytest.raises(ImportFileError, match=words) as info:
        score_workbooks.import_score_workbook(judging.ws, judging.code, path)
    assert "cell" in str(info.value)


def _return(judging, tmp_path, change) -> Path:
    """A judge's return for J1, its payload changed by `change` and signed again with the
    judge's key (a judge's own laptop can sign anything: the content must still be sane)."""
    folder = tmp_path / "packages"
    path = judge_packages.export_packages(judging.ws, judging.code, "prop", folder)[0]
    package = jp.read_package(path.read_bytes())
    draft = jd.start_return(package)
    entry = package.entries[0].code
    jd.set_score(draft, entry, "A", "4")
    doc = json.loads(jd.export_return(draft))
    change(doc["payload"])
    # a lone surrogate cannot even be signed: the file keeps the old signature
    with contextlib.suppress(jp.PackageError):
        doc["signature"] = jp.sign(doc["payload"], package.secret)
    out = tmp_path / "J1.jret"
    out.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    return out


@pytest.mark.parametrize(("change", "words"), [
    (lambda p: p["sheets"][0]["scores"].update(A="1e309"), "written with an exponent"),
    (lambda p: p["sheets"][0]["scores"].update(A="9" * 40), "is too large"),
    (lambda p: p["sheets"][0]["scores"].update(A="37.5000000000000000000000000001"),
     "more than 3 decimals"),
    (lambda p: p["sheets"][0].update(overall_comment="bagus\ud800"), "cannot be"),
    (lambda p: p["sheets"][0].update(overall_comment="bagus\x00"), "cannot be stored"),
])
def test_returns_with_values_that_are_not_what_a_judge_typed(judging, tmp_path, change, words):
    path = _return(judging, tmp_path, change)
    with pytest.raises(ImportFileError, match=words):
        judge_packages.import_return(judging.ws, judging.code, path)


@pytest.mark.parametrize("tamper", [
    lambda text: text.replace('"sequence":1', '"sequence":' + "9" * 4300),
    lambda text: text.replace('"sequence":1', '"sequence":1.5'),
    lambda text: text.rstrip()[:-1] + ',"deep":' + "[" * 200_000 + "]" * 200_000 + "}",
], ids=["huge_integer", "float", "deep_nesting"])
def test_returns_and_packages_no_app_could_write(judging, tmp_path, tamper):
    path = _return(judging, tmp_path, lambda p: None)
    path.write_text(tamper(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ImportFileError, match="altered or damaged"):
        judge_packages.import_return(judging.ws, judging.code, path)
    package = next((tmp_path / "packages").iterdir())
    package.write_text(tamper(package.read_text(encoding="utf-8").replace(
        '"sequence_start":1', '"sequence":1')), encoding="utf-8")
    with pytest.raises(jp.PackageError):
        jp.read_package(package.read_bytes())


def test_packages_holding_a_signing_key_are_private(judging, tmp_path):
    for path in judge_packages.export_packages(judging.ws, judging.code, "prop",
                                               tmp_path / "p"):
        assert path.stat().st_mode & 0o777 == 0o600
    one = judge_packages.export_package(judging.ws, judging.code, "prop", "J1", tmp_path / "x.jpkg")
    assert one.stat().st_mode & 0o777 == 0o600


def test_returns_import_goes_on_file_by_file(judging, tmp_path, capsys):
    from judging_app.cli.main import main

    good = _return(judging, tmp_path, lambda p: None)
    bad = tmp_path / "bad.jret"
    bad.write_text("{", encoding="utf-8")
    missing = tmp_path / "missing.jret"
    code = main(["--db", str(judging.ws.db.path), "--as", "Ani", "returns", "import", str(bad),
                 str(missing), str(good), "--competition", judging.code])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err
    assert "bad.jret" in err and "missing.jret" in err and "2 of 3 files refused" in err
    assert "J1.jret: imported" in out
