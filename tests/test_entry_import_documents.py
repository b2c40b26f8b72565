"""The entry workbook's Documents column: file names relative to the workbook, checked with
the rows, attached in the import's own transaction, never a file outside the folder."""

from __future__ import annotations

import pytest

from judging_app.services import attachments, entries
from judging_app.services.entry_import import (
    EntryImportError,
    import_entries,
    preview_entry_import,
)

import sample_pdfs
from factories import seeded_competition

HEAD = "Kode;Judul;Perangkat daerah;Kategori;Dokumen\n"


@pytest.fixture
def comp(db):
    return seeded_competition(db, n_entries=1, judging=False)


def _folder(tmp_path):
    folder = tmp_path / "kiriman"
    pdf = sample_pdfs.proposal_pdf(2, photo_every=0)
    sample_pdfs.write(folder / "dokumen" / "K1 proposal.pdf", pdf)
    sample_pdfs.write(folder / "dokumen" / "K1 SK.pdf", pdf + b"\n% SK")
    sample_pdfs.write(folder / "K2.pdf", pdf + b"\n% K2")
    sample_pdfs.write(tmp_path / "rahasia.pdf", pdf + b"\n% rahasia")  # outside the folder
    return folder


def test_documents_named_in_the_workbook_are_attached_with_the_entries(comp, db, tmp_path):
    folder = _folder(tmp_path)
    book = folder / "inovasi.csv"
    book.write_text(HEAD + 'K1;Satu;U1;umum;"dokumen/K1 proposal.pdf\ndokumen\\K1 SK.pdf"\n'
                    "K2;Dua;U2;umum;K2.pdf\nK3;Tiga;U3;umum;\n", encoding="utf-8")
    preview = preview_entry_import(db, comp.code, book)
    assert preview.ok, preview.problem_lines()
    assert any("3 documents named in the file will be attached" in str(n) for n in preview.notes)
    report = import_entries(comp.ws, comp.code, book)
    assert report.entries == 3
    docs = attachments.list_documents(db, comp.code)
    assert [(d.entry, d.file_name, d.kind.value) for d in docs] == [
        ("K1", "K1 proposal.pdf", "proposal"), ("K1", "K1 SK.pdf", "evidence"),
        ("K2", "K2.pdf", "evidence")]


def test_a_bad_document_refuses_the_whole_workbook(comp, db, tmp_path):
    folder = _folder(tmp_path)
    book = folder / "inovasi.csv"
    book.write_text(HEAD + "K1;Satu;U1;umum;../rahasia.pdf\nK2;Dua;U2;umum;/etc/passwd\n"
                    "K3;Tiga;U3;umum;C:\\\\Users\\\\x.pdf\nK4;Empat;U1;umum;tidak ada.pdf\n"
                    "K5;Lima;U1;umum;\"K2.pdf;K2.pdf\"\n", encoding="utf-8")
    (folder / "tautan.pdf").symlink_to(tmp_path / "rahasia.pdf")
    with book.open("a", encoding="utf-8") as fh:
        fh.write("K6;Enam;U1;umum;tautan.pdf\n")
    preview = preview_entry_import(db, comp.code, book)
    lines = "\n".join(preview.problem_lines())
    assert "cell E2 (Dokumen): ../rahasia.pdf: a document must be named relative" in lines
    assert "/etc/passwd: a document must be named relative" in lines
    assert "x.pdf: a document must be named relative" in lines
    assert "cell E5 (Dokumen): tidak ada.pdf: the file does not exist" in lines
    assert "K2.pdf is named twice for this entry" in lines
    assert "tautan.pdf: a document must be named relative" in lines  # a link leading out
    with pytest.raises(EntryImportError):
        import_entries(comp.ws, comp.code, book)
    assert [e.code for e in entries.list_entries(db, comp.code)] == ["E1"]
    assert attachments.list_documents(db, comp.code) == []
