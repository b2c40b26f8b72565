"""Forwarding winners or chosen entries into a regional or national competition: all or
nothing, audited, refusing duplicates; on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from judging_app.core.attachments import DocumentKind
from judging_app.core.programme import CompetitionLevel
from judging_app.services import (
    attachments,
    audit,
    competitions,
    entries,
    forwarding,
    innovations,
    templates,
    unit_history,
)
from judging_app.services.entries import EntryInput
from judging_app.services.errors import ServiceError, ValidationError
from judging_app.store.models import Attachment, Entry

import sample_pdfs
from factories import tiny_setup
from programme_support import city_competition, judge, register, workspace

UNITS = {"KOMINFO": "Dinas Komunikasi dan Informatika", "DINKES": "Dinas Kesehatan"}


@pytest.fixture
def city(db, tmp_path):
    ws = workspace(db)
    register(ws)
    code = city_competition(ws, 2025, [("E1", "Sistem Antrean Daring", "KOMINFO"),
                                       ("E2", "Posyandu Digital", "DINKES"),
                                       ("E3", "Layanan Keliling", "KOMINFO")], UNITS)
    pdf = sample_pdfs.write(tmp_path / "E1 proposal.pdf",
                            sample_pdfs.proposal_pdf(2, photo_every=0))
    attachments.attach_documents(ws, code, [attachments.NewDocument("E1", pdf, DocumentKind.PROPOSAL,
                                                                    round="prop")])
    with db.write() as s:  # and a link, as the entry form records links
        e1 = s.scalar(select(Entry).where(Entry.code == "E1"))
        s.add(Attachment(entry_id=e1.id, label="Video", location="https://contoh.go.id/v"))
    judge(ws, code, {"E1": (5, 5), "E2": (4, 4), "E3": (2, 2)}, finalize=True)
    kipp = templates.create_from_template(ws, "national_kipp", year=2026, code="kipp-2026").code
    return ws, code, kipp


def test_the_winners_go_on_with_their_data_documents_and_innovations(db, city):
    ws, code, kipp = city
    assert [(c.code, c.award) for c in forwarding.forward_candidates(db, code)] == [
        ("E1", "Juara I"), ("E2", "Juara II"), ("E3", None)]  # winners first
    report = forwarding.forward_entries(ws, code, kipp, winners=True, category="umum")
    assert [(e.code, e.award, e.category) for e in report.entries] == [
        ("E1", "Juara I", "umum"), ("E2", "Juara II", "umum")]
    assert (report.level, report.units_created, report.attachments) == (
        CompetitionLevel.NATIONAL, ("KOMINFO", "DINKES"), 2)  # the proposal and the link
    (doc,) = attachments.list_documents(db, kipp, "E1")
    assert (doc.file_name, doc.kind, doc.round) == ("E1 proposal.pdf", DocumentKind.PROPOSAL,
                                                    None)  # KIPP has no round 'prop'
    assert b"".join(attachments.document_pieces(db, doc.sha256)) == pdf_bytes(db, code)
    moved = {e.code: e for e in entries.list_entries(db, kipp)}
    assert sorted(moved) == ["E1", "E2"]
    e1 = moved["E1"]
    assert (e1.title, e1.summary, e1.innovators, e1.contact, e1.status) == (
        "Sistem Antrean Daring", "Ringkasan Sistem Antrean Daring", "Budi Santoso",
        "0812-1111-2222", "registered")
    assert innovations.competition_level(db, kipp) == CompetitionLevel.NATIONAL
    inno = next(i for i in innovations.list_innovations(db) if i.title == "Sistem Antrean Daring")
    assert inno.entries == 2 and inno.years == (2025, 2026)
    (year,) = [y for y in unit_history.unit_history(db, "DISKOMINFO").years if y.year == 2025]
    assert [(e.entry, e.forwarded_to) for e in year.entries] == [("E1", ("kipp-2026",)),
                                                                ("E3", ())]
    events = [e for e in _events(db) if e.action == "entry.forward"]
    assert len(events) == 2 and audit.verify_chain(db).ok


def test_duplicates_refuse_the_whole_forwarding(db, city):
    ws, code, kipp = city
    forwarding.forward_entries(ws, code, kipp, entry_codes=["E1"], category="umum")
    with pytest.raises(ValidationError) as caught:
        forwarding.forward_entries(ws, code, kipp, entry_codes=["E3", "E1"], category="umum")
    assert "E1 was already forwarded to kipp-2026" in str(caught.value)
    assert [e.code for e in entries.list_entries(db, kipp)] == ["E1"]  # E3 not either


def test_what_cannot_be_forwarded(db, city):
    ws, code, kipp = city
    with pytest.raises(ServiceError, match="no category nope; its categories: umum, replikasi"):
        forwarding.forward_entries(ws, code, kipp, winners=True, category="nope")
    with pytest.raises(ServiceError, match="into itself"):
        forwarding.forward_entries(ws, code, code, winners=True)
    with pytest.raises(ValidationError, match="the winners, or a list"):
        forwarding.forward_entries(ws, code, kipp, category="umum")
    draft = city_competition(ws, 2026, [("F1", "Inovasi Baru", "KOMINFO")], UNITS,
                             code="kota-2026")
    with pytest.raises(ServiceError, match="not finalized"):
        forwarding.forward_entries(ws, draft, kipp, winners=True, category="umum")
    entries.add_entry(ws, draft, EntryInput("F2", "Inovasi Kelompok", "KOMINFO", "pd"))
    with pytest.raises(ServiceError, match="no category pd; choose one of its categories"):
        forwarding.forward_entries(ws, draft, kipp, entry_codes=["F2"])
    with pytest.raises(ServiceError, match="is a city competition"):
        forwarding.forward_entries(ws, code, draft, entry_codes=["E1"],
                                   level=CompetitionLevel.CITY)
    assert entries.list_entries(db, kipp) == []


def pdf_bytes(db, competition: str) -> bytes:
    (doc,) = attachments.list_documents(db, competition, "E1")
    return b"".join(attachments.document_pieces(db, doc.sha256))


def test_documents_beyond_the_targets_limits_refuse_the_forwarding(db, city):
    ws, code, kipp = city
    from judging_app.services import document_admin

    document_admin.set_document_limits(ws, kipp, 2**20, 2**20)
    (doc,) = attachments.list_documents(db, code, "E1")
    with db.write() as s:  # a proposal of 3 MB (its size as recorded)
        from judging_app.store.document_models import EntryDocument

        s.get(EntryDocument, doc.id).size = 3 * 2**20
    with pytest.raises(ValidationError, match="E1 proposal.pdf is 3.1 MB; the limit there is 1 MB per file"):
        forwarding.forward_entries(ws, code, kipp, entry_codes=["E1"], category="umum")
    assert entries.list_entries(db, kipp) == []


def test_documents_keep_their_round_where_the_target_has_it_and_are_audited(db, city):
    ws, code, _ = city
    regional = competitions.create_competition(ws, tiny_setup("Lomba Provinsi", 2026),
                                               "prov-2026").code  # has round 'prop' too
    report = forwarding.forward_entries(ws, code, regional, entry_codes=["E1"],
                                        level=CompetitionLevel.REGIONAL)
    assert report.attachments == 2 and report.entries[0].category == "umum"
    (doc,) = attachments.list_documents(db, regional, "E1")
    (source_doc,) = attachments.list_documents(db, code, "E1")
    assert (doc.round, doc.sha256, doc.size) == ("prop", source_doc.sha256, source_doc.size)
    assert doc.added_by == ws.actor
    (event,) = [e for e in _events(db) if e.action == "entry.forward"]
    import json

    carried = json.loads(event.new)
    assert carried["documents"] == [{
        "entry": "E1", "file": "E1 proposal.pdf", "sha256": source_doc.sha256,
        "size": source_doc.size, "kind": "proposal", "label": source_doc.label,
        "round": "prop"}]
    assert carried["links"] == [{"label": "Video", "location": "https://contoh.go.id/v"}]
    # the content is stored once, for both: taking it off the target keeps the source's
    from judging_app.services import document_admin

    document_admin.remove_document(ws, regional, "E1", "E1 proposal.pdf")
    assert attachments.list_documents(db, regional, "E1") == []
    assert b"".join(attachments.document_pieces(db, doc.sha256)) == pdf_bytes(db, code)


def test_a_new_target_is_made_from_a_template_only_when_the_forwarding_goes_through(db, city):
    ws, code, kipp = city
    with pytest.raises(ServiceError, match="no category nope"):
        forwarding.forward_entries(ws, code, "iga-2026", winners=True, category="nope",
                                   new_target=forwarding.NewTarget("national_kipp"))
    with pytest.raises(ServiceError, match="iga-2026 is a city competition"):
        forwarding.forward_entries(ws, code, "iga-2026", winners=True, category="umum",
                                   level=CompetitionLevel.CITY,
                                   new_target=forwarding.NewTarget("national_kipp"))
    assert "iga-2026" not in {c.code for c in competitions.list_competitions(db)}
    report = forwarding.forward_entries(
        ws, code, "iga-2026", winners=True, category="umum",
        new_target=forwarding.NewTarget("national_kipp", name="IGA Kota Contoh"))
    assert report.created and [e.code for e in report.entries] == ["E1", "E2"]
    made = competitions.get_summary(db, "iga-2026")
    assert (made.name, made.year, made.status) == ("IGA Kota Contoh", 2026, "draft")
    assert innovations.competition_level(db, "iga-2026") == CompetitionLevel.NATIONAL
    assert [e.action for e in _events(db) if e.competition_id == made.id][:1] == [
        "competition.create"]
    with pytest.raises(ServiceError, match="kipp-2026 exists already"):
        forwarding.forward_entries(ws, code, kipp, winners=True, category="umum",
                                   new_target=forwarding.NewTarget("national_kipp"))
    assert entries.list_entries(db, kipp) == []


def _events(db):
    from judging_app.store.models import AuditEvent

    with db.read() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))
