"""Attaching a folder of files to entries by their names (`INV-001 proposal.pdf`,
`INV-001/SK.pdf`; core/document_names.py decides), with a preview of what goes where and
what matches nothing. A file two codes could claim refuses the whole folder: nothing is
ever guessed."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from judging_app.core.attachments import DocumentKind
from judging_app.core.document_names import CodeMatcher, PlacedFile, place_files
from judging_app.core.messages import Message
from judging_app.exchange.judge_package import natural_key
from judging_app.services import lookup
from judging_app.services.attachments import AttachReport, NewDocument, Progress, attach_documents
from judging_app.services.errors import ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store import models as m
from judging_app.store.database import Database

IGNORED = {"thumbs.db", "desktop.ini", ".ds_store"}
MAX_FILES = 20_000


@dataclass(frozen=True)
class FolderPlan:
    folder: Path
    placed: tuple[PlacedFile, ...]
    unmatched: tuple[str, ...]
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...]
    kind: DocumentKind | None = None  # every file this kind (None: from each file's name)
    round: str | None = None

    def items(self) -> list[NewDocument]:
        return [NewDocument(p.code, self.folder / p.relative, self.kind or p.kind, p.label,
                            p.file_name, self.round) for p in self.placed]

    def problems(self) -> list[Message]:
        return [Message("attach_folder.ambiguous", file=rel, codes=list(codes))
                for rel, codes in self.ambiguous]


def folder_files(folder: Path) -> list[str]:
    """Every file under `folder` (relative, with '/'), in name order; hidden files and
    folders and the system's own (Thumbs.db, .DS_Store) left out; links not followed."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(Message("attach_folder.not_a_folder", folder=str(folder)))
    found: list[str] = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith((".", "~$")) or name.casefold() in IGNORED:
                continue
            path = Path(root) / name
            if path.is_symlink() or not path.is_file():
                continue
            found.append(path.relative_to(folder).as_posix())
            if len(found) > MAX_FILES:
                raise ValidationError(Message("attach_folder.too_many", folder=str(folder),
                                              limit=MAX_FILES))
    return sorted(found, key=natural_key)


def plan_folder(db: Database, competition: str | int, folder: Path,
                kind: DocumentKind | None = None, round_code: str | None = None) -> FolderPlan:
    """Which file goes to which entry (nothing read but names)."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        codes = list(s.scalars(select(m.Entry.code).where(m.Entry.competition_id == comp.id)))
        if round_code is not None:
            lookup.round_(s, comp.id, round_code)
    result = place_files(folder_files(folder), CodeMatcher(codes))
    return FolderPlan(Path(folder), result.placed, result.unmatched, result.ambiguous,
                      kind, round_code)


def attach_folder(ws: Workspace, competition: str | int, plan: FolderPlan, *,
                  replace: bool = False, dry_run: bool = False,
                  progress: Progress | None = None) -> AttachReport:
    """Attach what the plan placed, all or nothing (ambiguous files refuse it all);
    `dry_run` checks every file and writes nothing."""
    if plan.ambiguous:
        problems = plan.problems()
        raise ValidationError(Message("attachments.refused", count=len(problems)), problems)
    if not plan.placed:
        raise ValidationError(Message("attach_folder.nothing_matched", folder=str(plan.folder),
                                      count=len(plan.unmatched)))
    return attach_documents(ws, competition, plan.items(), replace=replace, progress=progress,
                            dry_run=dry_run)
