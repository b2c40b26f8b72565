"""A damaged file's refusal reads in the user's language all the way: what zipfile, zlib,
python-calamine, expat, json, csv and the operating system found is shown in words of the
catalogue (exchange/file_details.py); only an explanation the app does not know keeps the
parser's own English, marked "rincian teknis:" (technical detail)."""

from __future__ import annotations

import errno
import json
import random
import re
import zipfile
import zlib
from pyexpat import errors as expat_errors

import pytest

from judging_app.core.messages import Message
from judging_app.exchange.entry_format import EntryFileError
from judging_app.exchange.entry_reader import read_entry_file
from judging_app.exchange.file_details import detail_of, detail_text, xml_detail
from judging_app.texts import render

from bad_files.make_bad_files import ROWS, xlsx  # isort: skip
from english_check import english_words

TECHNICAL = "rincian teknis:"

PARSERS_SAY = [  # (what the parser raised, the code it means)
    (zipfile.BadZipFile("File is not a zip file"), "file_detail.not_zip"),
    (zipfile.BadZipFile("Bad CRC-32 for file 'xl/worksheets/sheet1.xml'"), "file_detail.bad_crc"),
    (zipfile.BadZipFile("Truncated file header"), "file_detail.truncated"),
    (zipfile.BadZipFile("Bad magic number for central directory"), "file_detail.truncated"),
    (zipfile.BadZipFile("Overlapped entries: 'b' (possible zip bomb)"), "file_detail.overlapped"),
    (RuntimeError("File 'xl/workbook.xml' is encrypted, password required for extraction"),
     "file_detail.encrypted"),
    (NotImplementedError("That compression method is not supported"), "file_detail.compression"),
    (zlib.error("Error -3 while decompressing data: invalid stored block lengths"),
     "file_detail.corrupt_data"),
    (EOFError("Compressed file ended before the end-of-stream marker was reached"),
     "file_detail.truncated"),
    (KeyError("There is no item named 'xl/workbook.xml' in the archive"),
     "file_detail.missing_part"),
    (ValueError("Exceeds the limit (4300 digits) for integer string conversion: value has "
                "5000 digits"), "file_detail.integer_too_long"),
    (ValueError("Out of range float values are not JSON compliant"), "file_detail.not_finite"),
    (UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"),
     "file_detail.broken_character"),
    (OSError(errno.EACCES, "Permission denied"), "file_detail.os_permission"),
    (OSError(errno.EIO, "Input/output error"), "file_detail.os_io"),
    (Exception("Cannot detect file format"), "file_detail.unknown_format"),  # python-calamine
    (Exception("I/O error: corrupt deflate stream"), "file_detail.corrupt_data"),
]


@pytest.mark.parametrize(("exc", "code"), PARSERS_SAY, ids=[c for _, c in PARSERS_SAY])
def test_what_parsers_say_is_shown_in_indonesian(exc, code):
    found = detail_of(exc)
    assert found.code == code
    shown = render(Message("entry_file.damaged", detail=found), "id")
    assert english_words(shown, ignore=("xl/workbook.xml",)) == [], shown
    assert TECHNICAL not in shown


def test_a_part_of_the_archive_is_named_and_json_keeps_its_line_and_column():
    part = render(detail_of(zlib.error("Error -3 while decompressing data"), "xl/sheet1.xml"),
                  "id")
    assert part == "pada xl/sheet1.xml: data terkompresi rusak"
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads('{"scores": {"A": }}')
    assert render(detail_of(caught.value), "id") == \
        "kesalahan JSON pada baris 1, kolom 18: seharusnya ada nilai"
    assert english_words(render(detail_of(caught.value), "id")) == []


def test_expat_and_csv_explanations_are_translated():
    shown = render(xml_detail(expat_errors.XML_ERROR_TAG_MISMATCH), "id")
    assert shown == "tag penutup tidak cocok dengan tag pembukanya"
    bare = render(detail_text("new-line character seen in unquoted field - do you need to "
                              "open the file with newline=''?"), "id")
    assert english_words(bare) == [] and "pemisah baris" in bare


def test_an_unknown_explanation_is_kept_and_marked_as_technical():
    found = detail_of(ValueError("the flux capacitor is out of range"))
    assert found.code == "file_detail.technical"
    shown = render(Message("entry_file.damaged", detail=found), "id")
    assert shown == ("berkas rusak (rincian teknis: ValueError: the flux capacitor is out of "
                     "range)")
    assert render(found, "en") == "technical detail: ValueError: the flux capacitor is out of " \
        "range"


def _refusal(path) -> str:
    with pytest.raises(EntryFileError) as caught:
        read_entry_file(path)
    return "; ".join(render(p.as_message(), "id") for p in caught.value.problems)


def test_a_cut_zip_and_a_checksum_error_are_refused_in_indonesian(tmp_path):
    fake = tmp_path / "entries.xlsx"
    fake.write_bytes(b"PK\x03\x04" + b"Kode;Judul\nK1;Satu\n" * 40)  # a zip's start only
    shown = _refusal(fake)
    assert "akhirnya tidak seperti akhir arsip zip" in shown and english_words(shown) == [], shown

    good = xlsx(tmp_path / "good.xlsx", ROWS)
    stored = tmp_path / "stored.xlsx"  # the same parts, uncompressed: a byte is easy to flip
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
    data = bytearray(stored.read_bytes())
    at = data.index(b"<sheetData>") + 20  # inside the sheet's rows, not in a header
    data[at] = ord("Z") if data[at] != ord("Z") else ord("Y")
    stored.write_bytes(bytes(data))
    shown = _refusal(stored)
    assert "checksum" in shown and TECHNICAL not in shown, shown
    assert english_words(shown, ignore=("xl/worksheets/sheet1.xml",)) == [], shown


def test_randomly_damaged_workbooks_mostly_speak_indonesian(tmp_path):
    """Bytes changed or cut off at random: every refusal is Indonesian apart from a marked
    technical detail, and the technical detail is the exception, not the rule."""
    source = xlsx(tmp_path / "source.xlsx", ROWS).read_bytes()
    rng = random.Random(1507)
    target = tmp_path / "damaged.xlsx"
    refusals, technical = 0, 0
    for _ in range(60):
        data = bytearray(source)
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        target.write_bytes(bytes(data[:rng.randrange(len(data))] if rng.random() < 0.3 else data))
        try:
            read_entry_file(target)
        except EntryFileError as exc:
            for problem in exc.problems:
                shown = render(problem.as_message(), "id")
                refusals += 1
                ours = re.sub(r"\S+\.(xml|rels)\b", " ", shown.split(TECHNICAL)[0])  # parts
                technical += TECHNICAL in shown
                assert english_words(ours, ignore=("damaged.xlsx",)) == [], shown
    assert refusals >= 20
    assert technical <= refusals // 4, (technical, refusals)
