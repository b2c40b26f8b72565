"""The layering rules of docs/architecture.md, checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "judging_app"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _violations(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for name in _imports(path):
            if name.split(".")[0] in forbidden or any(name.startswith(f) for f in forbidden):
                out.append(f"{path.relative_to(ROOT.parent)} imports {name}")
    return out


def test_core_is_pure():
    assert _violations("core", ("PySide6", "sqlalchemy", "alembic", "openpyxl",
                                "judging_app.store", "judging_app.services",
                                "judging_app.ui", "judging_app.exchange", "judging_app.cli")) == []


def test_lower_layers_do_not_import_upper_ones():
    upper = ("PySide6", "judging_app.ui", "judging_app.cli", "judging_app.services")
    assert _violations("store", upper) == []
    # exchange writes PDFs with Qt's own PDF writer (QtGui), but never uses widgets
    assert _violations("exchange", ("PySide6.QtWidgets", "judging_app.ui", "judging_app.cli",
                                    "judging_app.services", "judging_app.store")) == []


def test_services_do_not_import_qt():
    assert _violations("services", ("PySide6", "judging_app.ui", "judging_app.cli")) == []
