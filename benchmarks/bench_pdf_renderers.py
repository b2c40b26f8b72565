"""Which PDF renderer for the judge's document pane: pypdfium2 (PDFium, the project's
dependency) against Qt's own QtPdf (in PySide6-Addons, which the project does not install;
measured only where it is importable, e.g. a scratch venv with PySide6-Addons).

Each measurement runs in a fresh child process, so import cost and peak memory are its own:
- import: seconds to import the renderer;
- first page: open a 30-page proposal (text, tables, a photo every third page) and render
  page 1 at the pane's usual width (900 px);
- 50 MB: open a 50 MB proposal, render page 1 and the photo page 3; peak resident memory.

    python benchmarks/bench_pdf_renderers.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
WIDTH = 900


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child_pdfium(path: str, pages: list[int]) -> dict:
    start = time.perf_counter()
    import pypdfium2 as pdfium

    imported = time.perf_counter()
    doc = pdfium.PdfDocument(path)
    opened = time.perf_counter()
    times = []
    for index in pages:
        t0 = time.perf_counter()
        page = doc[index]
        scale = WIDTH / page.get_width()
        bitmap = page.render(scale=scale)
        _ = bitmap.buffer  # the pixels, as the pane would hand them to QImage
        times.append(time.perf_counter() - t0)
    return {"import": imported - start, "open": opened - imported, "pages": times,
            "peak_mb": _peak_mb()}


def child_qtpdf(path: str, pages: list[int]) -> dict:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPdf import QPdfDocument

    imported = time.perf_counter()
    app = QGuiApplication([])  # noqa: F841 - QtPdf needs one
    doc = QPdfDocument()
    doc.load(path)
    opened = time.perf_counter()
    times = []
    for index in pages:
        t0 = time.perf_counter()
        size = doc.pagePointSize(index)
        scale = WIDTH / size.width()
        image = doc.render(index, QSize(WIDTH, int(size.height() * scale)))
        assert not image.isNull()
        times.append(time.perf_counter() - t0)
    return {"import": imported - start, "open": opened - imported, "pages": times,
            "peak_mb": _peak_mb()}


def run_child(kind: str, path: Path, pages: list[int]) -> dict | None:
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(path),
                          ",".join(map(str, pages))], capture_output=True, text=True)
    if out.returncode != 0:
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path, pages = args.child
        fn = child_pdfium if kind == "pdfium" else child_qtpdf
        print(json.dumps(fn(path, [int(p) for p in pages.split(",")])))
        return
    import sample_pdfs

    work = Path(tempfile.mkdtemp(prefix="bench-renderers-"))
    small = sample_pdfs.write(work / "proposal30.pdf", sample_pdfs.proposal_pdf(30))
    big = sample_pdfs.write(work / "proposal50mb.pdf",
                            sample_pdfs.proposal_pdf(30, target_bytes=50 * 2**20))
    print(f"30-page proposal: {small.stat().st_size / 2**20:.1f} MB; "
          f"large one: {big.stat().st_size / 2**20:.1f} MB")
    for kind in ("pdfium", "qtpdf"):
        first = [run_child(kind, small, [0]) for _ in range(args.repeat)]
        if first[0] is None:
            print(f"{kind}: not importable here")
            continue
        imports = sorted(r["import"] for r in first)
        renders = sorted(r["open"] + r["pages"][0] for r in first)
        large = run_child(kind, big, [0, 3])
        print(f"{kind:7} import {imports[len(imports) // 2] * 1000:6.0f} ms   "
              f"open + page 1 (30 pages) median {renders[len(renders) // 2] * 1000:5.0f} ms "
              f"(min {renders[0] * 1000:.0f}, max {renders[-1] * 1000:.0f})   "
              f"50 MB: page 1 {large['pages'][0] * 1000:.0f} ms, photo page "
              f"{large['pages'][1] * 1000:.0f} ms, peak {large['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
