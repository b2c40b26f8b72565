"""The app's icons: Tabler Icons (MIT; resources/icons/README.txt), drawn from their SVG
in the palette's text colour (or a given one) at the sizes the app uses, for normal and
HiDPI screens."""

from __future__ import annotations

import math

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
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


SIZES = (20, 24, 36)  # the sizes the app shows (toolbar, navigation, next steps, start page)
_icons: dict[tuple[str, str | None], QIcon] = {}


def _pixmap(name: str, colour: QColor, size: int) -> QPixmap:
    data = svg_bytes(name).replace(b"currentColor", colour.name().encode())
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(data)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def icon(name: str, colour: str | None = None) -> QIcon:
    """The icon `name` (a key of ICONS), in the palette's text colour or in `colour`
    ("#1b6e2e"); greyed when disabled. Plain pixmaps drawn once (no icon engine written in
    Python: Qt keeps icons after the Python objects are gone)."""
    key = (name, colour)
    if key not in _icons:
        palette = QApplication.palette()
        normal = QColor(colour) if colour else palette.color(
            palette.ColorGroup.Active, palette.ColorRole.WindowText)
        disabled = palette.color(palette.ColorGroup.Disabled, palette.ColorRole.WindowText)
        result = QIcon()
        screen = QApplication.primaryScreen()
        ratio = math.ceil(screen.devicePixelRatio()) if screen is not None else 1
        for size in SIZES:
            for scale in sorted({1, ratio}):
                for mode, shade in ((QIcon.Mode.Normal, normal), (QIcon.Mode.Disabled, disabled)):
                    pixmap = _pixmap(name, shade, size * scale)
                    pixmap.setDevicePixelRatio(scale)
                    result.addPixmap(pixmap, mode)
        _icons[key] = result
    return _icons[key]
