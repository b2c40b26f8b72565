"""`entries attach FOLDER` and `entries missing-documents`: what a secretariat sees."""

from __future__ import annotations

import json

import pytest

from judging_app.cli.main import main
from judging_app.services import assignments, attachments
from judging_app.store.database import open_database

import sample_pdfs
from factories import seeded_competition


@pytest.fixture(autouse=True)
def _isolated(monkeypatch):
    monkeypatch.delenv("JUDGING_APP_AS", raising=False)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def setup(tmp_path):
    path = tmp_path / "lomba.sqlite"
    db = open_database(path)
    comp = seeded_competition(db, n_entries=12)
    assignments.assign(comp.ws, comp.code, "prop", "J1", ["E1", "E2"])
    assignments.assign(comp.ws, comp.code, "prop", "J2", ["E3"])
    db.close()
    folder = tmp_path / "berkas"
    pdf = sample_pdfs.proposal_pdf(2, photo_every=0)
    for name, data in (("E1 proposal.pdf", pdf), ("e_2 Usulan.pdf", pdf + b"\n% 2"),
                       ("E2/SK Walikota.pdf", pdf + b"\n% 3"), ("E12 bukti.pdf", pdf + b"\n% 4"),
                       ("catatan.txt", b"tidak untuk siapa pun"), (".tersembunyi.pdf", pdf)):
        sample_pdfs.write(folder / name, data)
    return path, comp.code, folder


def test_attach_previews_then_attaches_and_a_second_run_changes_nothing(capsys, setup):
    path, code, folder = setup
    rc, out, err = run(capsys, "--db", path, "entries", "attach", folder, "--competition", code,
                       "--dry-run")
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0] == f"{folder}: 4 files for 3 entries; 1 file matches no entry."
    assert "  E1 proposal.pdf → E1 (proposal, " in out
    assert "  e_2 Usulan.pdf → E2 (proposal, " in out
    assert "  E2/SK Walikota.pdf → E2 (evidence, " in out
    assert "  E12 bukti.pdf → E12 (evidence, " in out  # not E1: a code ends where a word does
    assert "  matches no entry: catatan.txt" in out and "tersembunyi" not in out
    assert lines[-1].startswith("Nothing written (--dry-run): 4 files would be attached")
    db = open_database(path)
    assert attachments.list_documents(db, code) == []
    db.close()
    rc, out, err = run(capsys, "--db", path, "--as", "Sekretariat", "entries", "attach", folder,
                       "--competition", code, "--round", "prop")
    assert rc == 0, err
    assert out.splitlines()[-1].startswith("Attached 4 files (")
    rc, out, _ = run(capsys, "--db", path, "--as", "Sekretariat", "--lang", "id", "entries",
                     "attach", folder, "--competition", code)
    assert rc == 0 and out.splitlines()[-1] == (
        "0 berkas dilampirkan (0 MB disimpan); 4 sudah terlampir sebelumnya.")
    db = open_database(path)
    docs = attachments.list_documents(db, code)
    db.close()
    assert [(d.entry, d.file_name, d.round) for d in docs] == [
        ("E1", "E1 proposal.pdf", "prop"), ("E2", "e_2 Usulan.pdf", "prop"),
        ("E2", "SK Walikota.pdf", "prop"), ("E12", "E12 bukti.pdf", "prop")]


def test_an_ambiguous_name_refuses_the_whole_folder(capsys, setup, tmp_path):
    path, code, folder = setup
    db = open_database(path)
    from judging_app.services import entries
    from judging_app.services.entries import EntryInput
    from judging_app.services.workspace import Workspace

    entries.add_entry(Workspace(db, "S"), code, EntryInput("E-1", "Lain", "U1", "umum"))
    db.close()
    rc, out, err = run(capsys, "--db", path, "--as", "S", "entries", "attach", folder,
                       "--competition", code)
    assert rc == 1
    assert "E1 proposal.pdf: the name fits more than one entry (E-1, E1)" in err
    db = open_database(path)
    assert attachments.list_documents(db, code) == []
    db.close()


def test_a_bad_file_in_the_folder_refuses_it_all(capsys, setup):
    path, code, folder = setup
    (folder / "E3 proposal.pdf").write_bytes(b"")
    rc, _, err = run(capsys, "--db", path, "--as", "S", "entries", "attach", folder,
                     "--competition", code)
    assert rc == 1 and "E3 proposal.pdf: the file is empty" in err
    assert "Traceback" not in err


def test_missing_documents_in_words_and_json(capsys, setup):
    path, code, folder = setup
    run(capsys, "--db", path, "--as", "S", "entries", "attach", folder, "--competition", code)
    rc, out, _ = run(capsys, "--db", path, "entries", "missing-documents", "--competition", code)
    assert rc == 0
    lines = out.splitlines()
    assert lines[0] == f"{code}: 10 of 12 entries have no proposal."
    assert lines[1].startswith("  E3  Dinas Contoh 3: Inovasi 3 (0 other documents)")
    assert any(x.startswith("  E12  ") and "(1 other document)" in x for x in lines)
    rc, out, _ = run(capsys, "--db", path, "entries", "missing-documents", "--competition", code,
                     "--round", "prop", "--json")
    report = json.loads(out)
    assert (report["round"], report["entries_checked"], report["entries_missing"]) == (
        "prop", 3, 1)  # the round has assignments: only E1, E2, E3 are checked
    assert [m["entry"] for m in report["missing"]] == ["E3"]


def test_package_sizes_are_shown_before_the_export(capsys, setup, tmp_path):
    path, code, folder = setup
    run(capsys, "--db", path, "--as", "S", "entries", "attach", folder, "--competition", code,
        "--round", "prop")
    out_folder = tmp_path / "paket"
    rc, out, err = run(capsys, "--db", path, "packages", "export", "--competition", code,
                       "--round", "prop", "--out", out_folder, "--dry-run")
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("  J1: 2 entries, 3 documents, ")  # E1, E2 (E2 has two)
    assert lines[1].startswith("  J2: 1 entry, 0 documents, ")
    assert lines[2].startswith("2 packages, ") and lines[3] == "Nothing written (--dry-run)."
    assert not out_folder.exists()
    rc, out, err = run(capsys, "--db", path, "--as", "S", "packages", "export", "--competition",
                       code, "--round", "prop", "--out", out_folder)
    assert rc == 0, err
    assert out.splitlines()[0].startswith("  J1: 2 entries, 3 documents, ")
    assert sorted(p.name for p in out_folder.iterdir()) == [
        f"{code}_prop_J1.jpkg", f"{code}_prop_J2.jpkg"]
