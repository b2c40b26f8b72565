"""Entries' documents (services/attachments.py) on both backends: stored once by SHA-256 in
1 MiB pieces, read back exactly, limits, audit, and every bad file refused with a message."""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from sqlalchemy import func, select

from judging_app.core.attachments import MB, DocumentKind
from judging_app.services import attachments as att
from judging_app.services import audit
from judging_app.services import document_admin as admin
from judging_app.services.errors import NotFoundError, ValidationError
from judging_app.store import models as m

import sample_pdfs
from factories import seeded_competition


@pytest.fixture
def comp(db):
    return seeded_competition(db, judging=False)


def _pdf(tmp_path, name, pages=2, **kw):
    return sample_pdfs.write(tmp_path / name, sample_pdfs.proposal_pdf(pages, photo_every=0, **kw))


def _chunks(db):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(m.DocumentChunk))


def _events(db, action):
    with db.read() as s:
        return [json.loads(e.new if e.new != "null" else e.old) for e in s.scalars(
            select(m.AuditEvent).where(m.AuditEvent.action == action).order_by(m.AuditEvent.id))]


def test_attach_stores_once_reads_back_exactly_and_is_audited(comp, db, tmp_path):
    big = tmp_path / "bukti.bin"
    big.write_bytes(os.urandom(int(2.5 * 2**20)))  # 3 pieces of 1 MiB
    pdf = _pdf(tmp_path, "INV proposal.pdf")
    report = att.attach_documents(comp.ws, comp.code, [
        att.NewDocument("E1", pdf, DocumentKind.PROPOSAL, round="prop"),
        att.NewDocument("E1", big, label="Survei kepuasan"),
        att.NewDocument("E2", pdf, DocumentKind.PROPOSAL),  # same content, another entry
    ])
    assert [(d.entry, d.file_name, d.kind, d.round, d.label) for d in report.attached] == [
        ("E1", "INV proposal.pdf", DocumentKind.PROPOSAL, "prop", "INV proposal"),
        ("E1", "bukti.bin", DocumentKind.EVIDENCE, None, "Survei kepuasan"),
        ("E2", "INV proposal.pdf", DocumentKind.PROPOSAL, None, "INV proposal")]
    assert report.stored_bytes == pdf.stat().st_size + big.stat().st_size
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Document)) == 2  # stored once
    assert _chunks(db) == 3 + 1
    sha = hashlib.sha256(big.read_bytes()).hexdigest()
    assert b"".join(att.document_pieces(db, sha)) == big.read_bytes()
    assert all(len(p) <= 2**20 for p in att.document_pieces(db, sha))
    out = att.save_document(db, sha, tmp_path / "out" / "copy.bin")
    assert out.read_bytes() == big.read_bytes()
    (event,) = _events(db, "documents.attach")
    assert [(d["entry"], d["file"], d["sha256"]) for d in event["documents"]] == [
        (d.entry, d.file_name, d.sha256) for d in report.attached]
    assert event["documents"][0]["round"] == "prop"
    assert audit.verify_chain(db).ok
    assert [d.file_name for d in att.list_documents(db, comp.code, "E2")] == ["INV proposal.pdf"]


def test_remove_drops_the_content_with_its_last_link(comp, db, tmp_path):
    pdf = _pdf(tmp_path, "p.pdf")
    att.attach_documents(comp.ws, comp.code, [att.NewDocument("E1", pdf),
                                              att.NewDocument("E2", pdf)])
    admin.remove_document(comp.ws, comp.code, "E1", "p.pdf")
    assert _chunks(db) == 1  # E2 still names it
    admin.remove_document(comp.ws, comp.code, "E2", "p.pdf")
    assert _chunks(db) == 0
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Document)) == 0
    removed = _events(db, "documents.remove")
    assert [(e["entry"], e["file"]) for e in removed] == [("E1", "p.pdf"), ("E2", "p.pdf")]
    assert removed[0]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    with pytest.raises(NotFoundError, match="no document p.pdf"):
        admin.remove_document(comp.ws, comp.code, "E2", "p.pdf")


def test_attaching_again_is_unchanged_and_a_different_content_needs_replace(comp, db, tmp_path):
    first = _pdf(tmp_path / "a", "proposal.pdf", pages=1)
    att.attach_documents(comp.ws, comp.code, [att.NewDocument("E1", first)])
    again = att.attach_documents(comp.ws, comp.code, [att.NewDocument("E1", first)])
    assert again.unchanged == ("E1/proposal.pdf",) and again.attached == ()
    second = _pdf(tmp_path / "b", "proposal.pdf", pages=3)
    with pytest.raises(ValidationError, match="a different proposal.pdf is already attached"):
        att.attach_documents(comp.ws, comp.code, [att.NewDocument("E1", second)])
    done = att.attach_documents(comp.ws, comp.code, [att.NewDocument("E1", second)], replace=True)
    assert done.replaced == ("E1/proposal.pdf",)
    (doc,) = att.list_documents(db, comp.code, "E1")
    assert doc.sha256 == hashlib.sha256(second.read_bytes()).hexdigest()
    assert _chunks(db) == 1  # the old content is gone


def test_every_bad_file_is_refused_with_its_reason_and_nothing_is_written(comp, db, tmp_path):
    empty = tmp_path / "kosong.pdf"
    empty.write_bytes(b"")
    huge = tmp_path / "besar.pdf"
    with huge.open("wb") as fh:  # a sparse 2 GB file: refused by its size, never read
        fh.truncate(2 * 2**30)
    not_pdf = sample_pdfs.write(tmp_path / "palsu.pdf", b"<html>bukan pdf</html>" * 10)
    encrypted = sample_pdfs.write(tmp_path / "terkunci.pdf", sample_pdfs.encrypted_pdf())
    damaged = sample_pdfs.write(tmp_path / "rusak.pdf", b"%PDF-1.7\n" + os.urandom(3000))
    jpeg_named_png = sample_pdfs.write(tmp_path / "foto.png", sample_pdfs.noise_jpeg(8, 8))
    good = _pdf(tmp_path, "baik.pdf")
    items = [att.NewDocument("E1", p) for p in
             (empty, huge, not_pdf, encrypted, damaged, jpeg_named_png, good)]
    items += [att.NewDocument("E9", good), att.NewDocument("E1", tmp_path / "hilang.pdf"),
              att.NewDocument("E2", good, round="nope"), att.NewDocument("E2", tmp_path)]
    with pytest.raises(ValidationError) as caught:
        att.attach_documents(comp.ws, comp.code, items)
    text = caught.value.render("en")
    for expected in ("kosong.pdf: the file is empty", "besar.pdf: 2,147.5 MB is more than the "
                     "50 MB allowed", "palsu.pdf: the name says a PDF document but the content "
                     "is something else", "terkunci.pdf: the PDF is protected with a password",
                     "rusak.pdf: this is not a readable PDF", "foto.png: the name says a PNG "
                     "image but the content is a JPEG image", "baik.pdf: there is no entry E9",
                     "hilang.pdf: the file does not exist", "there is no round nope",
                     "is a folder or a device"):
        assert expected in text, expected
    assert "Nothing was attached; 10 problems" in text
    assert "Tidak ada yang dilampirkan; 10 masalah" in caught.value.render("id")
    assert att.list_documents(db, comp.code) == [] and _events(db, "documents.attach") == []


def test_two_files_with_one_name_for_one_entry_are_refused(comp, tmp_path):
    a = _pdf(tmp_path / "x", "Proposal.pdf", pages=1)
    b = _pdf(tmp_path / "y", "proposal.PDF", pages=2)
    with pytest.raises(ValidationError, match="two files are named proposal.PDF"):
        att.attach_documents(comp.ws, comp.code, [att.NewDocument("E1", a),
                                                  att.NewDocument("E1", b)])


def test_limits_per_file_and_per_competition(comp, db, tmp_path):
    limits = admin.set_document_limits(comp.ws, comp.code, 2 * MB, 3 * MB)
    assert (limits.max_file_bytes, limits.max_total_bytes, limits.used_bytes) == (
        2 * MB, 3 * MB, 0)
    blobs = []
    for i in range(3):
        blobs.append(tmp_path / f"b{i}.bin")
        blobs[-1].write_bytes(os.urandom(int(1.4 * MB)))
    too_big = tmp_path / "big.bin"
    too_big.write_bytes(os.urandom(2 * MB + 1))
    with pytest.raises(ValidationError, match="more than the 2 MB allowed for one file"):
        att.attach_documents(comp.ws, comp.code, [att.NewDocument("E1", too_big)])
    att.attach_documents(comp.ws, comp.code, [att.NewDocument("E1", blobs[0]),
                                              att.NewDocument("E2", blobs[0])])  # counted once
    att.attach_documents(comp.ws, comp.code, [att.NewDocument("E3", blobs[1])])
    assert att.document_limits(db, comp.code).used_bytes == int(2.8 * MB)
    with pytest.raises(ValidationError, match=r"would take 2\.8 \+ 1\.4 MB, more than its "
                                              r"limit of 3 MB"):
        att.attach_documents(comp.ws, comp.code, [att.NewDocument("E4", blobs[2])])
    with pytest.raises(ValidationError, match="not possible"):
        admin.set_document_limits(comp.ws, comp.code, 5 * MB, 4 * MB)
    (event,) = _events(db, "documents.limits")
    assert event == {"max_file_bytes": 2 * MB, "max_total_bytes": 3 * MB}


def test_describe_changes_label_kind_and_round(comp, db, tmp_path):
    att.attach_documents(comp.ws, comp.code, [att.NewDocument("E1", _pdf(tmp_path, "a.pdf"))])
    admin.describe_document(comp.ws, comp.code, "E1", "a.pdf", label="Proposal lengkap",
                          kind=DocumentKind.PROPOSAL, round_code="prop")
    (doc,) = att.list_documents(db, comp.code, "E1")
    assert (doc.label, doc.kind, doc.round) == ("Proposal lengkap", DocumentKind.PROPOSAL, "prop")
    (event,) = _events(db, "documents.describe")
    assert event["kind"] == "proposal" and event["round"] == "prop"


def test_a_backup_carries_the_documents(comp, db, tmp_path):
    from judging_app.services.maintenance import backup_database
    from judging_app.store.database import open_database

    blob = tmp_path / "survei.bin"
    blob.write_bytes(os.urandom(int(2.2 * 2**20)))
    att.attach_documents(comp.ws, comp.code, [att.NewDocument("E3", blob)])
    copy = open_database(backup_database(db, tmp_path / "cadangan.sqlite"))
    try:
        (doc,) = att.list_documents(copy, comp.code)
        assert b"".join(att.document_pieces(copy, doc.sha256)) == blob.read_bytes()
    finally:
        copy.close()


def test_links_stay_links_with_labels(comp, db):
    from judging_app.services import entries

    record = entries.get_entry(db, comp.code, "E1")
    entries.edit_entry(comp.ws, comp.code, "E1", entries.EntryInput(
        record.code, record.title, record.unit_code, record.category_code,
        links="https://youtu.be/contoh"))
    video = admin.add_link(comp.ws, comp.code, "E1", "Video profil", "https://youtu.be/abc")
    assert [(x.label, x.location, x.id is None) for x in admin.list_links(db, comp.code, "E1")] == [
        ("Video profil", "https://youtu.be/abc", False), ("", "https://youtu.be/contoh", True)]
    with pytest.raises(ValidationError, match="a link is one line"):
        admin.add_link(comp.ws, comp.code, "E1", "x", "a\nb")
    admin.remove_link(comp.ws, comp.code, "E1", video.id)
    assert [x.location for x in admin.list_links(db, comp.code, "E1")] == ["https://youtu.be/contoh"]
    assert _events(db, "links.add") == [{"label": "Video profil", "location": "https://youtu.be/abc"}]
    assert _events(db, "links.remove") == [{"label": "Video profil", "location": "https://youtu.be/abc"}]
