"""PDF rendering in a separate process, with a time limit and (where the system allows) a
memory limit, so that a PDF built to exhaust a renderer (a decompression bomb, millions of
drawing operators, a page the size of a house) costs at most one child process and a few
seconds: the window never freezes and never crashes.

    renderer = PdfRenderer()
    sizes = renderer.open(path)              # page sizes in points; PdfProblem when it cannot
    image = renderer.render(0, scale=1.5)    # pdf_pages.PageImage; PdfProblem on failure
    hits = renderer.search("antrean")
    renderer.close()

A request that outlives the time limit, or a child that dies (PDFium aborts when memory
runs out under the limit), raises PdfProblem("too_complex"); the child is replaced and the
document reopened at the next request. Not thread-safe: one caller thread at a time (the
document pane's worker). Uses multiprocessing's "spawn" context (a frozen app must call
multiprocessing.freeze_support() at start).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sys
import threading
import types
from typing import Any

from judging_app.exchange.pdf_pages import MAX_PIXELS, PageImage, PdfProblem

TIME_LIMIT = 8.0  # seconds for one request
MEMORY_LIMIT = 2 * 2**30  # address space of the child (Linux, BSD; Windows has no rlimit)

__all__ = ["PdfProblem", "PdfRenderer", "PageImage", "inspect_pdf"]


def _limit_memory(limit: int) -> None:
    if limit <= 0 or sys.platform.startswith("win"):
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # not enforceable here (macOS ignores RLIMIT_AS): the time limit still holds


def _serve(conn: Any, memory_limit: int) -> None:
    """The child: one open document at a time, requests answered in order."""
    _limit_memory(memory_limit)
    from judging_app.exchange.pdf_pages import PdfPages

    pages: PdfPages | None = None
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        op = request[0]
        try:
            if op == "open":
                if pages is not None:
                    pages.close()
                    pages = None
                pages = PdfPages(request[1])
                answer: Any = pages.sizes
            elif op == "render":
                if pages is None:
                    raise PdfProblem("unreadable")
                answer = pages.render(request[1], request[2], request[3])
            elif op == "search":
                answer = pages.search(request[1]) if pages is not None else []
            else:
                return
            conn.send(("ok", answer))
        except PdfProblem as exc:
            conn.send(("problem", exc.reason))
        except MemoryError:
            conn.send(("problem", "too_complex"))


def _start_without_main(proc: Any) -> None:
    """Start a spawned process without re-running the parent's main script in it: spawn
    imports the parent's __main__ (the app's launcher, a benchmark, pytest, or nothing
    runnable at all for `python -c` and stdin), which is slow and can fail. The child needs
    only this module, which it imports by name to find its target."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        proc.start()
    finally:
        if main is not None:
            sys.modules["__main__"] = main


class PdfRenderer:
    def __init__(self, time_limit: float = TIME_LIMIT, memory_limit: int = MEMORY_LIMIT) -> None:
        self.time_limit = time_limit
        self.memory_limit = memory_limit
        self._proc: Any = None
        self._conn: Any = None
        self._path: str | None = None
        self._opened_in_child = False
        self._lock = threading.Lock()

    # -- the child process --------------------------------------------------------------
    def start(self) -> None:
        """Start the child now (it is started on the first request otherwise)."""
        with self._lock:
            self._ensure_child()

    def _ensure_child(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        self._stop_child()
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child, self.memory_limit), daemon=True,
                           name="judging-app-pdf-renderer")
        _start_without_main(proc)
        child.close()
        self._proc, self._conn, self._opened_in_child = proc, parent, False

    def _stop_child(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.close()
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join(timeout=5)
        self._proc = self._conn = None
        self._opened_in_child = False

    def _ask(self, *request: Any, time_limit: float | None = None) -> Any:
        self._ensure_child()
        try:
            self._conn.send(request)
            if not self._conn.poll(self.time_limit if time_limit is None else time_limit):
                self._stop_child()  # still working: a page built to exhaust the renderer
                raise PdfProblem("too_complex")
            status, answer = self._conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._stop_child()  # the child died (out of memory under the limit, a crash)
            raise PdfProblem("too_complex") from None
        if status == "problem":
            raise PdfProblem(answer)
        return answer

    # -- requests ----------------------------------------------------------------------
    def open(self, path: str) -> list[tuple[float, float]]:
        """Open a PDF; its pages' sizes in points. The previous document is closed."""
        with self._lock:
            self._path = None
            sizes = self._ask("open", str(path))
            self._path, self._opened_in_child = str(path), True
            return [tuple(s) for s in sizes]

    def _reopen(self) -> None:
        if self._path is None:
            raise PdfProblem("unreadable")
        if not self._opened_in_child or self._proc is None or not self._proc.is_alive():
            self._ask("open", self._path)
            self._opened_in_child = True

    def render(self, index: int, scale: float, max_pixels: int = MAX_PIXELS) -> PageImage:
        with self._lock:
            self._reopen()
            return self._ask("render", index, scale, max_pixels)

    def search(self, text: str) -> list[tuple[int, list[tuple[float, float, float, float]]]]:
        with self._lock:
            self._reopen()
            return self._ask("search", text, time_limit=self.time_limit * 4)

    def abort(self) -> None:
        """Stop the child now, from any thread, without waiting for the request it is
        working on (the caller thread's request then fails with PdfProblem)."""
        proc = self._proc
        if proc is not None and proc.is_alive():
            proc.kill()

    def close(self) -> None:
        with self._lock:
            self._path = None
            if self._conn is not None and self._proc is not None and self._proc.is_alive():
                try:
                    self._conn.send(("quit",))
                    self._proc.join(timeout=2)
                except OSError:
                    pass
            self._stop_child()


def inspect_pdf(path: str, renderer: PdfRenderer | None = None) -> int:
    """The number of pages of a PDF, opened in a renderer process (a new one unless given);
    PdfProblem when it cannot be opened (encrypted, damaged, empty, too slow)."""
    own = renderer is None
    renderer = renderer or PdfRenderer()
    try:
        return len(renderer.open(path))
    finally:
        if own:
            renderer.close()
