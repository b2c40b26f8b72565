"""Judge packages at scale: 60 judges, about 500 entries each, 10 criteria.

Builds the unscored demo (10,000 entries, 60 judges, 3 judges per entry: about 500
assignments per judge) in a child process, then in this process: exports the 60 packages,
fills a return for every judge through the exchange API exactly as the judge's app would
(read_package, set_score on every criterion, submit, export_return), and imports the 60
returns (one transaction and one audit event each). Prints seconds and peak memory per
phase (the process's peak resident set, reset before each phase where Linux allows it).

    python benchmarks/bench_judge_packages.py [--db FILE_OR_URL] [--entries 10000]
                                              [--judges 60] [--keep]
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from bench_support import phase, prepare_demo, reset_peak

OUT = Path(__file__).resolve().parent / "out"








def fill(package_path: Path, folder: Path) -> Path:
    from judging_app.exchange import judge_package as jp
    from judging_app.exchange import judge_package_draft as jd

    draft = jd.start_return(jp.read_package(package_path.read_bytes()))
    judge = int(draft.package.judge.code.lstrip("J") or 0)
    for n, entry in enumerate(draft.package.entries):
        for k, crit in enumerate(draft.package.rubric):
            steps = int((crit.scale_max - crit.scale_min) / crit.scale_step)
            jd.set_score(draft, entry.code, crit.code,
                         crit.scale_min + crit.scale_step * Decimal((judge + n + k) % (steps + 1)))
        jd.set_overall_comment(draft, entry.code, "Inovasi yang bermanfaat.")
        jd.submit(draft, entry.code)
    path = folder / jd.return_file_name(draft, draft.last_sequence + 1)
    path.write_bytes(jd.export_return(draft))
    return path




def main() -> int:
    prepared = prepare_demo(__doc__.splitlines()[0], str(OUT / "packages.sqlite"), __file__)
    if prepared is None:
        return 0
    args, code, round_code = prepared
    is_file = "://" not in args.db

    from judging_app.services import judge_packages, results
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    resettable = reset_peak()
    ws = Workspace(open_database(args.db), "benchmark")
    folder = OUT / "packages"
    for old in [*folder.glob("*.jpkg"), *folder.glob("*.jret")] if folder.exists() else []:
        old.unlink()
    packages = phase(f"export {args.judges} packages",
                     lambda: judge_packages.export_packages(ws, code, round_code, folder), resettable)
    size = sum(p.stat().st_size for p in packages) / len(packages) / 2**20
    returns = phase(f"fill {len(packages)} returns (judge app)",
                    lambda: [fill(p, folder) for p in packages], resettable)
    reports = phase(f"import {len(returns)} returns",
                    lambda: [judge_packages.import_return(ws, code, r) for r in returns], resettable)
    view = phase("results after import", lambda: results.compute(ws.db, code), resettable)
    sheets = sum(r.created for r in reports)
    print(f"\n{len(packages)} packages, {size:.2f} MB each on average; {sheets} sheets "
          f"({sheets * 10} scores) imported; {len(view.results.rows)} result rows")
    ws.db.close()
    if is_file and not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
