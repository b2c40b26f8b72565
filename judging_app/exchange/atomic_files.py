"""Writing a file whole or not at all, and cleaning up after writers that were killed; and
reading one no further than a limit (`read_at_most`). Neither touches what is not an
ordinary file (a device, a pipe, a socket).

Every export writes `.NAME.part` beside its target, makes it durable (fsync) and renames it
over the target; a failure removes it. A process killed while writing cannot remove it, so
each new write first deletes the `.*.part` files in its folder that are older than
STALE_AFTER seconds (nobody's work in progress) and its own target's leftover.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from judging_app.core.messages import Message, MessageError, NotAFileError

PART_SUFFIX = ".part"
STALE_AFTER = 600.0  # seconds


def part_path(path: Path) -> Path:
    return path.with_name(f".{path.name}{PART_SUFFIX}")


def remove_stale_parts(folder: Path, older_than: float = STALE_AFTER) -> list[Path]:
    """Delete the leftovers of killed writers in `folder`; the paths removed."""
    removed = []
    limit = time.time() - older_than
    with contextlib.suppress(OSError):
        for candidate in folder.glob(f".*{PART_SUFFIX}"):
            with contextlib.suppress(OSError):
                if candidate.is_file() and candidate.stat().st_mtime < limit:
                    candidate.unlink()
                    removed.append(candidate)
    return removed


def _sync_folder(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _sync_file(path: Path) -> None:
    with contextlib.suppress(OSError), open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _refuse_what_is_not_a_file(path: Path) -> None:
    """A folder, a device (/dev/full), a pipe or a socket is never written over: the rename
    would replace it with a regular file (as root, a device node of the whole system)."""
    if not os.path.lexists(path) or path.is_file():
        return
    if path.is_dir():
        raise MessageError(Message("common.os.is_folder", path=str(path)))
    raise MessageError(Message("common.os.not_a_file", path=str(path)))


@contextlib.contextmanager
def atomic_target(path: Path, mode: int | None = None) -> Iterator[Path]:
    """The temporary path to write; renamed over `path` when the block ends without an
    error, deleted otherwise. `mode` (e.g. 0o600) is set before the rename."""
    path = Path(path)
    _refuse_what_is_not_a_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(path.parent)
    tmp = part_path(path)
    tmp.unlink(missing_ok=True)
    try:
        yield tmp
        if mode is not None:
            os.chmod(tmp, mode)
        _sync_file(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_folder(path.parent)


def write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """`data` as the whole content of `path`, atomically; a file with `mode` is created with
    it (a private file is never readable by others, not even while it is written)."""
    with atomic_target(path, mode) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666 if mode is None else mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)


def read_at_most(path: Path, limit: int) -> bytes | None:
    """The bytes of the file at `path`, or None when it holds more than `limit` bytes.
    Reads at most limit + 1 bytes whatever the file system says of its size (a file that
    grows while read); a device, pipe or socket is refused before it is opened
    (NotAFileError: /dev/zero would never end, a pipe without a writer never starts); a
    folder fails to open as it always did."""
    mode = os.stat(path).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise NotAFileError(None, "not an ordinary file", str(path))
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    return None if len(data) > limit else data
