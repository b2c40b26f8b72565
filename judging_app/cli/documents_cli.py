"""`entries attach FOLDER` and `entries missing-documents`: entries' documents from a
terminal (services/attach_folder.py, services/document_report.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from judging_app.core.messages import Message

KINDS = ("proposal", "evidence", "other")


def add_document_parsers(esub, common) -> None:
    p = esub.add_parser(
        "attach", parents=[common],
        help="attach a folder of documents to entries by their names "
             "('INV-001 proposal.pdf', 'INV-001/...'); shows what goes where first")
    p.add_argument("folder", metavar="FOLDER")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--kind", choices=KINDS,
                   help="every file this kind (default: 'proposal' when the name says "
                        "proposal or usulan, else 'evidence')")
    p.add_argument("--round", metavar="CODE", help="attach for this round only")
    p.add_argument("--replace", action="store_true",
                   help="a file whose name the entry already has replaces the old content")
    p.add_argument("--dry-run", action="store_true",
                   help="check every file and show what would be attached; write nothing")
    p = esub.add_parser("missing-documents", parents=[common],
                        help="entries without a proposal (in all, or for one round)")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--round", metavar="CODE")
    p.add_argument("--json", action="store_true", help="machine-readable")


def _say(message: Message, language: str, stream=None) -> None:
    print(message.render(language), file=stream or sys.stdout)


def run_documents(args, workspace, open_db, language: str) -> int:
    if args.action == "missing-documents":
        return _missing(args, open_db(), language)
    return _attach(args, workspace, open_db, language)


def _missing(args, db, language: str) -> int:
    from judging_app.services.document_report import missing_proposals

    report = missing_proposals(db, args.competition, args.round)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, separators=(",", ":")))
        return 0
    params = dict(competition=report.competition, missing=len(report.missing),
                  checked=report.checked)
    _say(Message("document_report.round", round=report.round, **params) if report.round
         else Message("document_report.all", **params), language)
    for e in report.missing:
        _say(Message("document_report.line", entry=e.code, unit=e.unit, title=e.title,
                     documents=e.documents), language)
    return 0


def _attach(args, workspace, open_db, language: str) -> int:
    from judging_app.core.attachments import DocumentKind, size_mb
    from judging_app.services.attach_folder import attach_folder, plan_folder

    db = open_db()
    kind = DocumentKind(args.kind) if args.kind else None
    plan = plan_folder(db, args.competition, Path(args.folder), kind, args.round)
    _say(Message("attach_folder.preview", folder=str(plan.folder), placed=len(plan.placed),
                 entries=len({p.code for p in plan.placed}), unmatched=len(plan.unmatched)),
         language)
    sizes = {}
    for p in plan.placed:
        sizes[p.relative] = (plan.folder / p.relative).stat().st_size
        _say(Message("attach_folder.goes_to", file=p.relative, entry=p.code,
                     kind=kind or p.kind, size=size_mb(sizes[p.relative])), language)
    for relative in plan.unmatched:
        _say(Message("attach_folder.unmatched", file=relative), language)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    ws = workspace() if not args.dry_run else _reader(db)
    report = attach_folder(ws, args.competition, plan, replace=args.replace,
                           dry_run=args.dry_run, progress=progress)
    for name in report.replaced:
        _say(Message("attach_folder.replaced", name=name), language)
    for note in report.notes:
        _say(Message("attach_folder.note", note=note), language)
    counts = dict(count=len(report.planned), size=size_mb(report.stored_bytes),
                  unchanged=len(report.unchanged))
    done = (Message("attach_folder.dry_run", **counts) if args.dry_run
            else Message("attach_folder.done", **counts))
    _say(done, language)
    return 0


def _reader(db):
    """A dry run writes nothing, so it needs nobody's name."""
    from judging_app.services.workspace import Workspace

    return Workspace(db, "dry-run")


def show_package_sizes(args, db, language: str) -> bool:
    """Each package's size before `packages export` writes anything; True for --dry-run
    (then nothing more is done)."""
    from judging_app.core.attachments import size_mb
    from judging_app.services.judge_packages import package_sizes

    sizes = package_sizes(db, args.competition, args.round, getattr(args, "judge", None))
    for x in sizes:
        _say(Message("package_size.line", judge=x.judge, entries=x.entries,
                     documents=x.documents, size=size_mb(x.bytes)), language)
    _say(Message("package_size.total", count=len(sizes),
                 size=size_mb(sum(x.bytes for x in sizes))), language)
    if args.dry_run:
        _say(Message("package_size.dry_run"), language)
    return bool(args.dry_run)
