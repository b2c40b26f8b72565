"""A document that cannot be read is refused with what is wrong in words of the catalogue
(a folder, part of the path a file), not the system's English ("Is a directory")."""

from __future__ import annotations

import pytest

from judging_app.exchange.document_files import DocumentFileError, file_size, read_pieces
from judging_app.texts import render

from english_check import english_words


def test_a_folder_given_as_a_document_is_refused_in_indonesian(tmp_path):
    with pytest.raises(DocumentFileError) as refused:
        list(read_pieces(tmp_path))
    shown = render(refused.value.message, "id")
    assert shown == f"{tmp_path} adalah folder, bukan berkas."
    assert english_words(shown, ignore=(str(tmp_path),)) == []


def test_a_path_through_a_file_is_refused_in_indonesian_under_its_given_name(tmp_path):
    (tmp_path / "proposal.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(DocumentFileError) as refused:
        file_size(tmp_path / "proposal.pdf" / "lampiran.pdf", "INV-001/lampiran.pdf")
    assert render(refused.value.message, "id") == (
        "INV-001/lampiran.pdf: sebagian jalurnya adalah berkas, bukan folder.")
