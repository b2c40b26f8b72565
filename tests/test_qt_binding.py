"""The installed Qt binding must not lose references to None: PySide6 6.12.0 on Python 3.11
does on every call of a Qt method that returns nothing, and the interpreter then aborts
("none_dealloc") after a few thousand calls or at exit. pyproject excludes it; this test
catches a future release with the same defect."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF


def test_calling_void_qt_methods_keeps_none_alive():
    rect = QRectF()
    before = sys.getrefcount(None)
    for _ in range(200):
        rect.setWidth(1.0)
    assert before - sys.getrefcount(None) < 50
