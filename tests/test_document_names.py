"""Which entry a file belongs to (core/document_names.py): tolerant of case and separators,
never ambiguous, a code ends where a word ends."""

from __future__ import annotations

import pytest

from judging_app.core.attachments import DocumentKind
from judging_app.core.document_names import CodeMatcher, guess_kind, place_files

CODES = ["INV-001", "INV-002", "INV-0012", "E1", "E-1", "INV-1", "INV-1-2", "A"]


@pytest.mark.parametrize(("name", "code", "rest"), [
    ("INV-001 proposal", "INV-001", "proposal"),
    ("inv_001-bukti dukung", "INV-001", "bukti dukung"),
    ("INV 001", "INV-001", ""),
    ("INV.001 (final)", "INV-001", "final)"),
    ("INV-0012 lampiran", "INV-0012", "lampiran"),  # the longer code, not INV-001
    ("(INV-002) x", "INV-002", "x"),
    ("INV-1 x", "INV-1", "x"),
    ("a.b", "A", "b"),
])
def test_a_name_that_starts_with_one_code(name, code, rest):
    match = CodeMatcher(CODES).match(name)
    assert (match.code, match.rest) == (code, rest)


@pytest.mark.parametrize("name", ["INV-001proposal", "Proposal INV-001", "Annex", "INV-00",
                                  "INV-0013", ""])
def test_names_that_name_no_entry(name):
    match = CodeMatcher(CODES).match(name)
    assert match.code is None and not match.ambiguous


@pytest.mark.parametrize(("name", "codes"), [
    ("E1 proposal", ("E-1", "E1")),  # two codes that only differ by a separator
    ("INV-1-2 proposal", ("INV-1", "INV-1-2")),  # INV-1 part 2, or INV-1-2?
])
def test_ambiguous_names_are_never_guessed(name, codes):
    match = CodeMatcher(CODES).match(name)
    assert match.code is None and match.candidates == codes


def test_kind_from_the_name():
    assert guess_kind("INV-001 Proposal.pdf") == DocumentKind.PROPOSAL
    assert guess_kind("usulan inovasi.pdf") == DocumentKind.PROPOSAL
    assert guess_kind("SK Bupati.pdf") == DocumentKind.EVIDENCE


def test_a_folder_named_after_an_entry_takes_its_files():
    plan = place_files(["INV-001/SK Bupati.pdf", "INV-002 proposal.pdf", "2026/INV-001 foto.jpg",
                        "lain.pdf", "INV-002/INV-002 Proposal final.pdf", "E1.pdf",
                        "INV-001/sub/INV-002 x.pdf"], CodeMatcher(CODES))
    assert [(p.relative, p.code, p.file_name, p.label, p.kind) for p in plan.placed] == [
        ("INV-001/SK Bupati.pdf", "INV-001", "SK Bupati.pdf", "SK Bupati", DocumentKind.EVIDENCE),
        ("INV-002 proposal.pdf", "INV-002", "INV-002 proposal.pdf", "proposal",
         DocumentKind.PROPOSAL),
        ("2026/INV-001 foto.jpg", "INV-001", "INV-001 foto.jpg", "foto", DocumentKind.EVIDENCE),
        ("INV-002/INV-002 Proposal final.pdf", "INV-002", "INV-002 Proposal final.pdf",
         "Proposal final", DocumentKind.PROPOSAL),
        # the folder decides (the top-most folder named after an entry)
        ("INV-001/sub/INV-002 x.pdf", "INV-001", "INV-002 x.pdf", "INV-002 x",
         DocumentKind.EVIDENCE),
    ]
    assert plan.unmatched == ("lain.pdf",)
    assert plan.ambiguous == (("E1.pdf", ("E-1", "E1")),)
