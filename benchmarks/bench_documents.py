"""Entries' documents at scale, on the 2-core machine:

1. attach: a folder of 500 PDFs of 2 MB each (one per entry, `INV-001 proposal.pdf`) through
   `attach_folder` (every file hashed, type-checked and opened once in the renderer process,
   then written in 1 MiB pieces in one transaction): seconds and peak memory;
2. first page: a 30-page proposal shown by the document viewer, from `show_file` to the
   first page's pixels, with the renderer process already started (judge mode starts it
   when the window opens) and cold (a new process);
3. judge mode with a 50 MB proposal open: the judge window on the database, the proposal
   shown, every page scrolled through; peak memory of the window's process and of the
   renderer process.

    python benchmarks/bench_documents.py [--db FILE_OR_URL] [--files 500] [--skip-attach]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_support import peak_mb, reset_peak  # noqa: E402


def _vm_hwm(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _vm_rss() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _exactly(pdf: bytes, size: int) -> bytes:
    """A PDF padded (a comment after its end) to exactly `size` bytes."""
    return pdf + b"%" + b"0" * max(0, size - len(pdf) - 2) + b"\n"


def bench_attach(target: str, files: int, work: Path) -> None:
    from judging_app.demo.generator import build_demo
    from judging_app.services import attach_folder
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    import sample_pdfs

    db = open_database(target)
    ws = Workspace(db, "benchmark")
    demo = build_demo(ws, entries=files, judges=5)
    folder = work / "attach"
    base = _exactly(sample_pdfs.proposal_pdf(10, target_bytes=2 * 2**20), 2 * 2**20)
    for n in range(1, files + 1):  # each file its own content: a comment after %%EOF
        (folder / f"INV-{n:03d} proposal.pdf").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"INV-{n:03d} proposal.pdf").write_bytes(base + b"%% copy %d\n" % n)
    total_mb = files * len(base) / 2**20
    resettable = reset_peak()
    start = time.perf_counter()
    plan = attach_folder.plan_folder(db, demo.code, folder)
    report = attach_folder.attach_folder(ws, demo.code, plan)
    seconds = time.perf_counter() - start
    print(f"attach {len(report.planned)} PDFs of {len(base) / 2**20:.1f} MB ({total_mb:.0f} MB) "
          f"into {db.url.get_backend_name()}: {seconds:.1f} s ({total_mb / seconds:.0f} MB/s), "
          f"peak {peak_mb(resettable):.0f} MB")
    db.close()


def bench_first_page(work: Path, repeat: int = 5) -> None:
    from PySide6.QtWidgets import QApplication

    from judging_app.core.attachments import PDF
    from judging_app.ui.documents.document_viewer import DocumentViewer

    import sample_pdfs

    app = QApplication.instance() or QApplication([])
    path = sample_pdfs.write(work / "proposal30.pdf", sample_pdfs.proposal_pdf(30))
    print(f"30-page proposal: {path.stat().st_size / 2**20:.1f} MB")

    def shown(viewer) -> float:
        got: list[float] = []
        viewer.firstPageShown.connect(got.append)
        viewer.show_file(str(path), PDF)
        deadline = time.monotonic() + 30
        while not got and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.001)
        viewer.firstPageShown.disconnect()
        return got[0] if got else float("nan")

    for warm in (True, False):
        times = []
        for _ in range(repeat):
            viewer = DocumentViewer()
            viewer.resize(700, 900)
            viewer.show()
            app.processEvents()
            if warm:
                viewer.prepare()
                deadline = time.monotonic() + 10
                while not (viewer.worker.renderer._proc is not None
                           and viewer.worker.renderer._proc.is_alive()) \
                        and time.monotonic() < deadline:
                    app.processEvents()
                time.sleep(0.3)  # the child has imported PDFium
            times.append(shown(viewer))
            viewer.shutdown()
            viewer.deleteLater()
            app.processEvents()
        times.sort()
        print(f"first page shown, renderer {'started' if warm else 'cold   '}: median "
              f"{times[len(times) // 2] * 1000:.0f} ms (min {times[0] * 1000:.0f}, max "
              f"{times[-1] * 1000:.0f})")


def bench_judge_memory(work: Path) -> None:
    """Builds the database here, then runs the judge window in a fresh child process so
    that its peak memory is the window's own."""
    import subprocess

    from judging_app.core.attachments import DocumentKind
    from judging_app.demo.generator import build_demo
    from judging_app.services import assignments, attachments, document_admin
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    import sample_pdfs

    path = work / "judge.sqlite"
    db = open_database(path)
    ws = Workspace(db, "benchmark")
    demo = build_demo(ws, entries=20, judges=5)
    judge, entry = assignments.list_assignments(db, demo.code, demo.round_code)[0]
    big = sample_pdfs.write(work / "big.pdf", sample_pdfs.proposal_pdf(
        30, target_bytes=50_000_000))
    document_admin.set_document_limits(ws, demo.code, 100_000_000, 1_000_000_000)
    attachments.attach_documents(ws, demo.code, [attachments.NewDocument(
        entry, big, DocumentKind.PROPOSAL, "Proposal")])
    db.close()
    out = subprocess.run([sys.executable, __file__, "--judge-child", str(path), demo.code,
                          demo.round_code, judge, entry, str(big.stat().st_size)],
                         capture_output=True, text=True, check=True)
    print(out.stdout.strip().splitlines()[-1])


def judge_child(path: str, code: str, round_code: str, judge: str, entry: str,
                size: str) -> None:
    from PySide6.QtWidgets import QApplication

    from judging_app.store.database import open_database
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.i18n import Translations
    from judging_app.ui.judge.database_session import DatabaseJudgeSession
    from judging_app.ui.judge.window import JudgeWindow
    from judging_app.ui.settings import AppSettings

    app = QApplication([])
    db = open_database(path)
    window = JudgeWindow(DatabaseJudgeSession(db, code, round_code, judge),
                         AppSettings.at_path(Path(path).with_suffix(".ini")), Dialogs(),
                         Translations(app))
    window.resize(1366, 768)
    window.show()
    started = _vm_hwm(os.getpid())
    got: list[float] = []
    window.sheet.viewer.firstPageShown.connect(got.append)
    window.open_entry(entry)
    while not got:
        app.processEvents()
        time.sleep(0.001)
    viewer = window.sheet.viewer
    for page in range(viewer.page_count()):
        viewer.go_to(page)
        deadline = time.monotonic() + 5
        while page not in viewer.pages.images and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.002)
    child = viewer.worker.renderer._proc
    child_peak = _vm_hwm(child.pid) if child is not None else 0.0
    print(f"judge mode, {int(size) / 1e6:.0f} MB proposal open, first page after "
          f"{got[0] * 1000:.0f} ms (written from the database first), all "
          f"{viewer.page_count()} pages scrolled through: window process peak "
          f"{_vm_hwm(os.getpid()):.0f} MB (window shown: {started:.0f} MB), renderer process peak "
          f"{child_peak:.0f} MB")
    window.close()
    db.close()


def bench_package(work: Path, entries: int = 100, mb: int = 5) -> None:
    """One judge with `entries` entries, each with a proposal of `mb` MB: export the
    judge's package (written piece by piece from the database), then open it as the
    judge's laptop does (every document's SHA-256 checked)."""
    from judging_app.demo.generator import build_demo
    from judging_app.exchange import judge_package_container as container
    from judging_app.services import assignments, attach_folder, judge_packages, judges
    from judging_app.services import entries as entries_service
    from judging_app.services.judges import JudgeInput
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    import sample_pdfs

    db = open_database(work / "package.sqlite")
    ws = Workspace(db, "benchmark")
    demo = build_demo(ws, entries=entries + entries // 5, judges=5)
    judges.add_judge(ws, demo.code, JudgeInput("JX", "Juri Benchmark"))
    codes = [e.code for e in entries_service.list_entries(db, demo.code)
             if e.status == "eligible"][:entries]
    assignments.assign(ws, demo.code, demo.round_code, "JX", codes)
    base = _exactly(sample_pdfs.proposal_pdf(20, target_bytes=mb * 2**20), mb * 2**20)
    folder = work / "package-docs"
    folder.mkdir()
    for code in codes:
        (folder / f"{code} proposal.pdf").write_bytes(base + code.encode())
    attach_folder.attach_folder(ws, demo.code, attach_folder.plan_folder(db, demo.code, folder))
    (size,) = [x for x in judge_packages.package_sizes(db, demo.code, demo.round_code, "JX")]
    resettable = reset_peak()
    before = _vm_rss()
    start = time.perf_counter()
    path = judge_packages.export_package(ws, demo.code, demo.round_code, "JX", work)
    seconds = time.perf_counter() - start
    print(f"package for a judge with {len(codes)} entries × {len(base) / 2**20:.1f} MB: size "
          f"shown before {size.bytes / 2**20:.1f} MB, written {path.stat().st_size / 2**20:.1f} "
          f"MB in {seconds:.1f} s, peak {peak_mb(resettable):.0f} MB (resident before: "
          f"{before:.0f} MB)")
    reset_peak()
    start = time.perf_counter()
    package, problems = container.load_package(path)
    print(f"opened on the laptop, {len(container.documents_of(package))} documents checked: "
          f"{time.perf_counter() - start:.1f} s, problems {len(problems)}, peak "
          f"{peak_mb(resettable):.0f} MB")
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database for the attach benchmark (default: a new file)")
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--skip-attach", action="store_true")
    parser.add_argument("--judge-child", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.judge_child:
        judge_child(*args.judge_child)
        return
    work = Path(tempfile.mkdtemp(prefix="bench-documents-"))
    try:
        if not args.skip_attach:
            bench_attach(args.db or str(work / "attach.sqlite"), args.files, work)
        bench_first_page(work)
        bench_judge_memory(work)
        bench_package(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
