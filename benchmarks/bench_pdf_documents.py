"""The minutes (berita acara penilaian) of the 30,000-entry scored demo as PDF.

Every run measures in a fresh child process (so the peak memory is the document's, not the
demo builder's): the time to gather the data (results computed from the database), the
time to lay out and write the PDF, the whole, the CPU time, the pages, the file size and the
peak memory (max RSS). Usage:

    python benchmarks/bench_pdf_documents.py [--db FILE] [--entries 30000] [--judges 60]
        [--out benchmarks/out/minutes30k.pdf] [--lang id|en] [--repeat 1]

Without --db (or when the file does not exist) the demo is built first (about 10 s).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def measure(db_path: str, out: str, lang: str) -> dict:
    start = time.perf_counter()
    from judging_app.exchange import pdf_documents
    from judging_app.services import competitions, documents
    from judging_app.store.database import open_database

    db = open_database(db_path)
    code = competitions.list_competitions(db)[0].code
    t0 = time.perf_counter()
    data = documents.minutes_data(db, code, lang)
    t1 = time.perf_counter()
    pages = pdf_documents.write_minutes(data, Path(out), lang)
    t2 = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "competition": code, "entries": sum(len(c.lines) for c in data.categories),
        "data_s": t1 - t0, "pdf_s": t2 - t1, "total_s": t2 - start,
        "cpu_s": usage.ru_utime + usage.ru_stime, "pages": pages,
        "bytes": Path(out).stat().st_size, "peak_mb": usage.ru_maxrss / 1024,
    }


def build(path: Path, entries: int, judges: int) -> None:
    from judging_app.demo.generator import build_demo
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    db = open_database(path)
    start = time.perf_counter()
    summary = build_demo(Workspace(db, "benchmark"), entries=entries, judges=judges, scored=True)
    print(f"built demo in {time.perf_counter() - start:.1f} s: {summary.scores} scores")
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("benchmarks/out/results30k.sqlite"))
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out/minutes30k.pdf"))
    parser.add_argument("--lang", choices=["id", "en"], default="id")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(str(args.db), str(args.out), args.lang)))
        return 0
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        build(args.db, args.entries, args.judges)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(args.repeat):
        child = subprocess.run(
            [sys.executable, __file__, "--child", "--db", str(args.db), "--out", str(args.out),
             "--lang", args.lang], capture_output=True, text=True, check=True)
        r = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"minutes of {r['competition']} ({r['entries']} entries): "
              f"data {r['data_s']:.2f} s + PDF {r['pdf_s']:.2f} s = {r['total_s']:.2f} s "
              f"with imports (CPU {r['cpu_s']:.2f} s); {r['pages']} pages, "
              f"{r['bytes'] / 2**20:.1f} MB, peak memory {r['peak_mb']:.0f} MB -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
