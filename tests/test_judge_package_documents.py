"""Judge packages carry their entries' documents (a container: the signed package.json and
documents/<sha256>), listed with their SHA-256 in the signed payload; a changed or missing
document is found when the package is opened; sizes are known before the export."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from judging_app.core.attachments import DocumentKind
from judging_app.exchange import judge_package as jp
from judging_app.exchange import judge_package_container as container
from judging_app.exchange import judge_package_draft as jd
from judging_app.services import attachments, judge_packages
from judging_app.ui.judge.package_session import PackageJudgeSession
from judging_app.ui.judge.session import SessionError

import sample_pdfs
from test_judge_mode_support import judging_with_assignments, open_window


@pytest.fixture
def exported(db, tmp_path):
    s = judging_with_assignments(db)  # J1: E1, E2, E3; J2: E1, E4
    docs = tmp_path / "docs"
    files = {
        "E1": sample_pdfs.write(docs / "E1 proposal.pdf", sample_pdfs.proposal_pdf(3)),
        "E2": sample_pdfs.write(docs / "E2 SK.pdf", sample_pdfs.proposal_pdf(1, photo_every=0)),
        "E3": sample_pdfs.write(docs / "E3 adm.pdf", sample_pdfs.proposal_pdf(1, title="adm")),
        "E4": sample_pdfs.write(docs / "foto.jpg", sample_pdfs.noise_jpeg(60, 40)),
    }
    attachments.attach_documents(s.ws, s.code, [
        attachments.NewDocument("E1", files["E1"], DocumentKind.PROPOSAL, round="prop"),
        attachments.NewDocument("E2", files["E2"]),
        attachments.NewDocument("E3", files["E3"], round="adm"),  # another round: not carried
        attachments.NewDocument("E4", files["E4"])])
    sizes = {x.judge: x for x in judge_packages.package_sizes(db, s.code, "prop")}
    paths = judge_packages.export_packages(s.ws, s.code, "prop", tmp_path / "out")
    return s, files, sizes, {p.stem.rsplit("_", 1)[-1]: p for p in paths}


def test_packages_carry_their_judges_documents_and_read_back_exactly(exported, tmp_path):
    s, files, sizes, paths = exported
    package, problems = container.load_package(paths["J1"])
    assert problems == [] and container.is_container(paths["J1"])
    carried = {e.code: [d.file_name for d in e.documents] for e in package.entries}
    assert carried == {"E1": ["E1 proposal.pdf"], "E2": ["E2 SK.pdf"], "E3": []}
    j2, _ = container.load_package(paths["J2"])
    assert {e.code: [d.file_name for d in e.documents] for e in j2.entries} == {
        "E1": ["E1 proposal.pdf"], "E4": ["foto.jpg"]}  # never another judge's entries
    for judge, path in paths.items():  # the size shown before the export is the size written
        assert abs(sizes[judge].bytes - path.stat().st_size) <= 16, judge
    assert (sizes["J1"].entries, sizes["J1"].documents) == (3, 2)
    session = PackageJudgeSession(paths["J1"], tmp_path / "work.jret")
    try:
        (doc,) = session.details("E1").documents
        copy = session.document_file("E1", doc.sha256)
        assert copy.read_bytes() == files["E1"].read_bytes() and copy.name == "E1 proposal.pdf"
        assert session.has_documents() and session.damaged_documents() == []
    finally:
        session.close()
    # a return from a package with documents imports as ever
    draft = jd.start_return(package)
    jd.set_score(draft, "E2", "A", "4")
    ret = tmp_path / "J1.jret"
    ret.write_bytes(jd.export_return(draft))
    assert judge_packages.import_return(s.ws, s.code, ret).created == 1


def _rewrite(path, change) -> None:
    """Copy the container member by member, letting `change(name, data)` alter, drop (None)
    or keep each one."""
    with zipfile.ZipFile(path) as zf:
        members = [(i.filename, zf.read(i)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members:
            new = change(name, data)
            if new is not None:
                zf.writestr(name, new)


def test_a_changed_or_missing_document_is_found_when_the_package_is_opened(
        exported, tmp_path, qtbot):
    s, files, _, paths = exported
    sha_e1 = hashlib.sha256(files["E1"].read_bytes()).hexdigest()
    sha_e2 = hashlib.sha256(files["E2"].read_bytes()).hexdigest()
    _rewrite(paths["J1"], lambda name, data: data[:200] + bytes([data[200] ^ 1]) + data[201:]
             if name.endswith(sha_e1) else None if name.endswith(sha_e2) else data)
    package, problems = container.load_package(paths["J1"])
    assert [(p.entry, p.file_name, p.problem) for p in problems] == [
        ("E1", "E1 proposal.pdf", "changed"), ("E2", "E2 SK.pdf", "missing")]
    session = PackageJudgeSession(paths["J1"], tmp_path / "work.jret")
    with pytest.raises(SessionError, match="was changed or is missing in this package"):
        session.document_file("E1", sha_e1)
    window, _, translations = open_window(qtbot, session, tmp_path)
    try:
        qtbot.waitUntil(lambda: any(a[0] == "info" for a in window.ask.asked), timeout=3000)
        (_, title, text), = [a for a in window.ask.asked if a[0] == "info"]
        assert title == "Documents damaged in this package"
        assert "E1: E1 proposal.pdf (changed)" in text and "E2: E2 SK.pdf (missing)" in text
    finally:
        window.close()
        translations.restore()


def test_an_altered_list_or_an_extra_file_refuses_the_package(exported):
    s, files, _, paths = exported

    def relabel(name, data):
        if name != container.PACKAGE_MEMBER:
            return data
        doc = json.loads(data)
        doc["payload"]["entries"][0]["documents"][0]["label"] = "Lain"
        return json.dumps(doc).encode()

    _rewrite(paths["J1"], relabel)
    with pytest.raises(jp.PackageError, match="signature does not match"):
        container.load_package(paths["J1"])
    _rewrite(paths["J2"], lambda name, data: data)
    with zipfile.ZipFile(paths["J2"], "a") as zf:
        zf.writestr("documents/" + "0" * 64, b"smuggled")
    with pytest.raises(jp.PackageError, match="files its signed list does not name"):
        container.load_package(paths["J2"])


def test_judge_mode_on_a_laptop_shows_the_packaged_proposal(exported, tmp_path, qtbot):
    _, _, _, paths = exported
    session = PackageJudgeSession(paths["J1"], tmp_path / "work.jret")
    window, _, translations = open_window(qtbot, session, tmp_path)
    try:
        with qtbot.waitSignal(window.sheet.viewer.firstPageShown, timeout=20_000):
            window.open_entry("E1")
        assert window.sheet.viewer.page_count() == 3
        assert not any(a[0] == "info" for a in window.ask.asked)  # nothing damaged
    finally:
        window.close()
        translations.restore()
