"""The app's icons: Tabler Icons (MIT; resources/icons/README.txt), drawn from their SVG
in the palette's text colour, at the sizes Qt asks for (sharp on any screen scale)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from judging_app.resources_access import resource

# What each icon means in the app -> the Tabler file it is drawn from.
ICONS = {
    "overview": "layout-dashboard",
    "setup": "settings",
    "entries": "bulb",
    "judges": "users",
    "assignments": "arrows-shuffle",
    "progress": "progress-check",
    "results": "trophy",
    "reports": "file-export",
    "competitions": "list",
    "new": "file-plus",
    "open": "folder-open",
    "server": "server",
    "judge": "clipboard-check",
    "help": "help",
    "demo": "flask",
    "done": "circle-check",
    "current": "circle-dot",
    "todo": "circle",
    "warning": "alert-triangle",
    "next": "arrow-right",
}
_svg_cache: dict[str, bytes] = {}


def svg_bytes(name: str) -> bytes:
    """The SVG of an icon named in ICONS (read once)."""
    if name not in _svg_cache:
        _svg_cache[name] = resource(f"icons/{ICONS[name]}.svg").read_bytes()
    return _svg_cache[name]


class _SvgEngine(QIconEngine):
    """Draws the SVG in the colour of the mode (disabled: the palette's disabled text)."""

    def __init__(self, name: str, colour: QColor | None) -> None:
        super().__init__()
        self.name, self.colour = name, colour

    def _colour(self, mode: QIcon.Mode) -> QColor:
        if self.colour is not None and mode != QIcon.Mode.Disabled:
            return self.colour
        palette = QApplication.palette()
        group = palette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else \
            palette.ColorGroup.Active
        return palette.color(group, palette.ColorRole.WindowText)

    def paint(self, painter: QPainter, rect, mode: QIcon.Mode, state: QIcon.State) -> None:
        data = svg_bytes(self.name).replace(b"currentColor",
                                            self._colour(mode).name().encode())
        QSvgRenderer(QByteArray(data)).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, pixmap.rect(), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgEngine(self.name, self.colour)


def icon(name: str, colour: str | None = None) -> QIcon:
    """The icon `name` (a key of ICONS), in the text colour or in `colour` ("#1b6e2e")."""
    return QIcon(_SvgEngine(name, QColor(colour) if colour else None))
