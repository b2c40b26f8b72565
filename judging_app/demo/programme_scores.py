"""Helpers of the programme demo: the city's unit list as a spreadsheet, and a year's
judging (three judges score the proposal round from a typed-up score file; ties on an award
boundary are decided by the chair; the results are finalized when asked)."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from openpyxl import Workbook

from judging_app.services import assignments, competitions, judges, results, score_import
from judging_app.services.judges import JudgeInput
from judging_app.services.workspace import Workspace

JUDGES = ("Dr. Rina Kusumawati, M.Si.", "Ir. Bambang Hartono, M.T.", "Dewi Lestari, S.Sos., M.AP.")
ROUND = "proposal"


def write_unit_list(path: Path, units: list[tuple[str, str, str]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Perangkat Daerah"
    sheet.append(["DAFTAR PERANGKAT DAERAH PEMERINTAH KOTA CONTOH"])
    sheet.append([])
    sheet.append(["No.", "Kode", "Nama Perangkat Daerah", "Jenis"])
    for i, (code, name, kind) in enumerate(units, 1):
        sheet.append([i, code, name, kind])
    book.save(path)
    return path


def score_and_settle(ws: Workspace, rng: random.Random, code: str, finalize: bool) -> None:
    for i, name in enumerate(JUDGES, 1):
        judges.add_judge(ws, code, JudgeInput(code=f"J{i}", name=name,
                                              affiliation="Universitas Contoh"))
    assignments.auto_assign(ws, code, ROUND, len(JUDGES))
    setup = competitions.get_setup(ws.db, code)
    criteria = next(r for r in setup.rounds if r.code == ROUND).criteria
    view = results.compute(ws.db, code, ROUND)
    lines = ["round,judge,entry,criterion,score"]
    for entry in sorted(e.code for e in view.entries.values()):
        quality = rng.random()
        for j in range(1, len(JUDGES) + 1):
            for c in criteria:
                low, high = int(c.scale_min), int(c.scale_max)
                value = round(low + (high - low) * min(1.0, max(0.0, rng.gauss(quality, 0.2))))
                lines.append(f"{ROUND},J{j},{entry},{c.code},{value}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nilai.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        score_import.import_paper_scores(ws, code, path)
    if not finalize:
        return
    view = results.compute(ws.db, code)
    for tie in view.results.blocking_ties:
        order = sorted(view.entries[e].code for e in tie.entry_ids)
        results.record_tie_decision(ws, code, order, "Diputuskan dalam sidang pleno dewan juri "
                                    "berdasarkan hasil presentasi.")
    results.finalize(ws, code)
