"""A database file SQLite cannot read is refused in the user's language: what SQLite found
("file is not a database", "database disk image is malformed") is said in words of the
catalogue, not in SQLite's English."""

from __future__ import annotations

import argparse
import sqlite3

import pytest

from judging_app.cli.results_cli import damaged
from judging_app.store.sqlite_errors import sqlite_problem
from judging_app.texts import render

from cli_support import Cli
from english_check import english_words


def test_a_truncated_database_file_is_refused_in_indonesian(tmp_path, capsys):
    path = tmp_path / "lomba.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + bytes(200))  # the header, then nothing
    said = Cli(path, capsys, lang="id")("competition", "list", expect=1)
    assert said == (f"kesalahan: {path} tidak dapat dibaca sebagai basis data (berkas ini "
                    "bukan basis data, atau terenkripsi). Berkas tersebut tidak diubah.\n")
    assert english_words(said, ignore=(str(path),)) == []


@pytest.mark.parametrize("sqlite_says, indonesian", [
    ("file is not a database", "berkas ini bukan basis data, atau terenkripsi"),
    ("database disk image is malformed", "berkas basis data rusak; pulihkan dari cadangan"),
    ("unable to open database file", "berkas tidak dapat dibuka"),
    ("disk I/O error", "disk tidak dapat dibaca atau ditulisi"),
    ("database or disk is full", "disk penuh"),
    ("attempt to write a readonly database", "berkas atau foldernya hanya dapat dibaca"),
    ("database is locked", "program lain sedang menulis ke berkas ini"),
])
def test_what_sqlite_finds_is_said_in_words(sqlite_says, indonesian, tmp_path):
    assert render(sqlite_problem(sqlite3.DatabaseError(sqlite_says)), "id") == indonesian
    refusal = damaged(argparse.Namespace(db=str(tmp_path / "a.sqlite")),
                      sqlite3.DatabaseError(sqlite_says))
    shown = refusal.render("id")
    assert f"({indonesian})" in shown and english_words(shown, ignore=(str(tmp_path / "a.sqlite"),)) == []


def test_what_sqlite_finds_that_has_no_words_yet_keeps_sqlite_s_own():
    found = sqlite_problem(sqlite3.DatabaseError("too many SQL variables"))
    assert render(found, "id") == "laporan SQLite: too many SQL variables"
