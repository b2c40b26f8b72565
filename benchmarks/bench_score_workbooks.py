"""Excel score sheets at scale: 60 judges, about 500 entries each, 10 criteria.

Builds the unscored demo (10,000 entries, 60 judges, 3 judges per entry: about 500
assignments per judge, 10 criteria) in a child process, then in this process: exports the
60 workbooks, fills every score and comment cell of every workbook with openpyxl as a judge
in Excel would (the judge's side, for scale only), reads the 60 filled workbooks without a
database, and imports them (one transaction and one audit event each). Prints seconds and
peak memory per phase (the process's peak resident set, reset before each phase where
Linux allows it).

    python benchmarks/bench_score_workbooks.py [--db FILE_OR_URL] [--entries 10000]
                                               [--judges 60] [--keep]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench_support import phase, prepare_demo, reset_peak

OUT = Path(__file__).resolve().parent / "out"








def fill(path: Path) -> Path:
    """Every unlocked score cell on its scale and step, every comment; saved in place."""
    from decimal import Decimal

    from openpyxl import load_workbook

    from judging_app.exchange.score_workbook import read_score_workbook

    ident = read_score_workbook(path).identity
    judge = int(ident.judge.code.lstrip("J") or 0)
    wb = load_workbook(path)
    ws = wb[ident.data_sheet]
    comment = ident.column("comment").letter
    for n, (row, _) in enumerate(ident.entries):
        for k, c in enumerate(ident.criteria()):
            steps = int((c.scale_max - c.scale_min) / c.scale_step)
            v = c.scale_min + c.scale_step * Decimal((judge + n + k) % (steps + 1))
            ws[f"{c.letter}{row}"].value = int(v) if v == int(v) else float(v)
        ws[f"{comment}{row}"].value = "Inovasi yang bermanfaat."
    wb.save(path)
    return path




def main() -> int:
    prepared = prepare_demo(__doc__.splitlines()[0], str(OUT / "scoresheets.sqlite"), __file__)
    if prepared is None:
        return 0
    args, code, round_code = prepared
    is_file = "://" not in args.db

    from judging_app.exchange.score_workbook import read_score_workbook
    from judging_app.services import results, score_workbooks
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    resettable = reset_peak()
    ws = Workspace(open_database(args.db), "benchmark")
    folder = OUT / "scoresheets"
    for old in folder.glob("*.xlsx") if folder.exists() else []:
        old.unlink()
    books = phase(f"export {args.judges} workbooks",
                  lambda: score_workbooks.export_score_workbooks(ws, code, round_code, folder),
                  resettable)
    size = sum(p.stat().st_size for p in books) / len(books) / 2**20
    phase(f"fill {len(books)} workbooks (openpyxl, judge)", lambda: [fill(p) for p in books],
          resettable)
    filled = phase(f"read {len(books)} filled (no database)",
                   lambda: [read_score_workbook(p) for p in books], resettable)
    reports = phase(f"import {len(books)} filled workbooks",
                    lambda: [score_workbooks.import_score_workbook(ws, code, p) for p in books],
                    resettable)
    again = phase(f"import the {len(books)} again (no change)",
                  lambda: [score_workbooks.import_score_workbook(ws, code, p) for p in books],
                  resettable)
    view = phase("results after import", lambda: results.compute(ws.db, code), resettable)
    sheets = sum(r.created for r in reports)
    crit = len(filled[0].identity.criteria())
    print(f"\n{len(books)} workbooks, {size:.2f} MB each on average, "
          f"{sum(len(f.rows) for f in filled) / len(filled):.0f} rows × {crit} criteria; "
          f"{sheets} sheets ({sheets * crit} scores) imported, "
          f"{sum(r.already_imported for r in again)} re-imports changed nothing; "
          f"{len(view.results.rows)} result rows")
    ws.db.close()
    if is_file and not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
