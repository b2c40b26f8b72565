"""Where a judge's documents are written to be shown and opened outside: one temporary
folder per session (removed when the session closes), one file per content, under its own
name so that the system's viewer shows it."""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path


def safe_name(name: str) -> str:
    """A file name every system accepts, keeping its extension."""
    cleaned = re.sub(r'[<>:"/\\\\|?*\x00-\x1f]+', "_", name).strip(" .") or "document"
    return cleaned[-120:]


class DocumentCache:
    def __init__(self) -> None:
        self._folder: Path | None = None
        self._files: dict[str, Path] = {}
        self._lock = threading.Lock()

    def file(self, sha256: str, name: str, write: Callable[[Path], Path]) -> Path:
        """The document's file, written by `write(target)` the first time."""
        with self._lock:
            known = self._files.get(sha256)
            if known is not None and known.is_file():
                return known
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="judging-app-documents-"))
            target = self._folder / sha256[:16] / safe_name(name)
            self._files[sha256] = write(target)
            return self._files[sha256]

    def clear(self) -> None:
        with self._lock:
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
            self._folder, self._files = None, {}
