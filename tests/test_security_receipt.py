"""The finalize receipt: the results digest, the audit head right after the finalize event
and the counts, kept with the snapshot and printed on the minutes and the winners list,
where the panel signs."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from security_support import finalized_panel
from sqlalchemy import select

from judging_app.services import documents
from judging_app.store.models import AuditEvent


def test_the_receipt_names_the_digest_and_the_trail_right_after_finalizing(sqlite_db):
    panel, digest = finalized_panel(sqlite_db)
    receipt = documents.finalize_receipt(sqlite_db, panel.code)
    with sqlite_db.read() as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    finalize = events[-1]
    assert finalize.action == "results.finalize"
    assert (receipt.digest, receipt.audit_head, receipt.events) == (digest, finalize.hash,
                                                                    len(events))
    assert (receipt.entries, receipt.sheets) == (4, 12)
    lines = dict(documents.minutes_data(sqlite_db, panel.code, lang="en").receipt)
    assert lines["Results digest (SHA-256)"] == digest
    assert lines["Audit trail head"] == finalize.hash and lines["Entries / score sheets"] == "4 / 12"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_receipt_is_printed_where_the_panel_signs(sqlite_db, tmp_path):
    panel, digest = finalized_panel(sqlite_db)
    receipt = documents.finalize_receipt(sqlite_db, panel.code)
    for write, name in ((documents.write_minutes, "minutes.pdf"),
                        (documents.write_winners_list, "winners.pdf")):
        path = tmp_path / name
        write(sqlite_db, panel.code, path, lang="en")
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        joined = "".join(text.split())  # a long hex value may wrap in its column
        assert "Finalize receipt" in text
        assert receipt.audit_head in joined and digest in joined
        assert f"judging-appverify--competition{panel.code}--digest" in joined
