"""What the bundle carries beyond PyInstaller's analysis, and what it leaves out.

Used by packaging/judging_app.spec (inside PyInstaller) and by tests/test_bundle_contents.py
(without it). Entries of PyInstaller's tables ("TOC") are (destination, source, typecode)
tuples; destinations use "/" or the OS's separator.

Left out, because the app does not use them:
- Qt modules other than QtCore, QtGui, QtSvg (the icons) and QtWidgets (the app imports no
  other);
- Qt plugins other than the platforms that show a window (xcb, Windows, Cocoa; offscreen for
  tests and the smoke test), the widget styles, keyboard input methods and the XDG portal,
  and every Qt library only those left-out plugins needed;
- Qt's own translations (the app carries the Indonesian one it uses in resources/);
- on Windows, Qt's software OpenGL and Direct3D shader compiler (for OpenGL and Qt Quick);
- Babel's locale data except the two locales the app formats with (id_ID, en_US, their
  parents and root);
- test and build tools that happen to sit in the build environment.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

# Imported by name at run time (SQLAlchemy loads dialects and drivers from the URL).
HIDDEN_IMPORTS = [
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg",
    "psycopg_binary",
]

QT_MODULES_USED = ("QtCore", "QtGui", "QtSvg", "QtWidgets")  # QtSvg: the icons


def qt_modules_installed() -> list[str]:
    """The Qt modules of the installed PySide6 (QtCore, QtNetwork, ...)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    folders = spec.submodule_search_locations if spec else []
    return sorted({path.name.split(".")[0] for folder in folders or []
                   for path in Path(folder).glob("Qt*.*") if path.suffix in (".so", ".pyd")})


EXCLUDED_MODULES = [
    *(f"PySide6.{name}" for name in qt_modules_installed() if name not in QT_MODULES_USED),
    "tkinter", "_tkinter", "pydoc_data",
    # databases the app does not speak to, and the libraries' own test kits
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.mssql", "sqlalchemy.dialects.oracle",
    "sqlalchemy.testing", "sqlalchemy.ext.mypy", "alembic.testing",
    # build and test tools of the environment the bundle is built in
    "pytest", "_pytest", "pytestqt", "hypothesis", "xdist", "execnet", "ruff", "build",
    "pip", "setuptools", "pkg_resources", "pygments", "PyInstaller",
]

# plugin folder -> plugin names kept (None: all of that folder)
QT_PLUGINS_KEPT: dict[str, set[str] | None] = {
    "platforms": {"qxcb", "qoffscreen", "qwindows", "qcocoa"},
    "styles": None,
    "platforminputcontexts": {"composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"},
    "xcbglintegrations": None,
    "platformthemes": {"qxdgdesktopportal"},
}

BABEL_LOCALES_KEPT = {"root", "en", "en_US", "id", "id_ID"}

# Windows: Qt's software OpenGL (20 MB) and Direct3D shader compiler serve OpenGL and Qt
# Quick; widgets draw without them.
UNUSED_LIBRARIES = re.compile(r"(opengl32sw|d3dcompiler_\d+)\.dll", flags=re.IGNORECASE)


def is_python_module(name: str) -> bool:
    """judging_app's modules, except the Alembic scripts (read as files, not imported)."""
    return not name.startswith("judging_app.store.migrations")


def data_folders(root: Path) -> list[tuple[str, str]]:
    """(source, destination) folders copied as they are: resources/ as the
    judging_app.resources package, the migration scripts where Alembic looks for them."""
    return [
        (str(root / "resources"), "judging_app/resources"),
        (str(root / "judging_app" / "store" / "migrations"), "judging_app/store/migrations"),
    ]


def _parts(destination: str) -> list[str]:
    return destination.replace("\\", "/").split("/")


def _stem(file_name: str) -> str:
    """A library's name without lib prefix, suffixes or version numbers: libqxcb.so -> qxcb,
    qwindows.dll -> qwindows, libQt6Core.so.6 -> Qt6Core."""
    name = file_name.split(".")[0]
    return name[3:] if name.startswith("lib") else name


def qt_plugin_kept(destination: str) -> bool | None:
    """For a Qt plugin, whether the bundle keeps it; None when it is not a Qt plugin."""
    parts = _parts(destination)
    if "plugins" not in parts or "PySide6" not in parts[: parts.index("plugins")]:
        return None
    folder = parts[parts.index("plugins") + 1] if len(parts) > parts.index("plugins") + 2 else ""
    if folder not in QT_PLUGINS_KEPT:
        return False
    names = QT_PLUGINS_KEPT[folder]
    return names is None or _stem(parts[-1]) in names


def is_qt_library(destination: str) -> bool:
    """A Qt library shipped by PySide6 (PySide6/Qt/lib/... on Linux and macOS,
    PySide6/Qt6*.dll on Windows), which the bundle may leave out when nothing needs it."""
    parts = _parts(destination)
    if "PySide6" not in parts or "plugins" in parts:
        return False
    stem = _stem(parts[-1])
    return stem.startswith("Qt6") or (stem.startswith("Qt") and ".framework" in destination)


def library_key(path_or_name: str) -> str:
    """How a dependency names a library and how the bundle's table does, made comparable."""
    return os.path.basename(path_or_name.replace("\\", "/")).lower()


def _reachable(sources: Iterable[str], libraries: dict[str, list[tuple]],
               imports_of: Callable[[str], Iterable[str]]) -> set[str]:
    """Keys of the libraries in `libraries` that the binaries `sources` link against,
    directly or through each other."""
    found: set[str] = set()
    pending = list(sources)
    while pending:
        for name in imports_of(pending.pop()):
            key = library_key(name)
            if key in libraries and key not in found:
                found.add(key)
                pending += [entry[1] for entry in libraries[key]]
    return found


def trim_binaries(binaries, imports_of: Callable[[str], Iterable[str]] | None = None) -> list:
    """Leave out the Qt plugins the app does not use, the Qt libraries nothing else needs,
    and the libraries only those plugins needed.
    imports_of(source) names the libraries a binary links against (by default read from
    the binaries themselves: linker_imports)."""
    imports_of = imports_of or linker_imports([entry[1] for entry in binaries])
    files = [entry for entry in binaries if entry[2] != "SYMLINK"]
    links = [entry for entry in binaries if entry[2] == "SYMLINK"]
    unused = [entry for entry in files if qt_plugin_kept(entry[0]) is False
              or UNUSED_LIBRARIES.fullmatch(library_key(entry[0]))]
    dropped = [entry for entry in unused if qt_plugin_kept(entry[0]) is False]
    kept = [entry for entry in files if entry not in unused]
    libraries: dict[str, list[tuple]] = {}
    for entry in kept:
        libraries.setdefault(library_key(entry[0]), []).append(entry)
    candidates = {key for key, entries in libraries.items()
                  if all(is_qt_library(entry[0]) for entry in entries)}
    candidates |= _reachable([entry[1] for entry in dropped], libraries, imports_of)
    roots = [entry[1] for entry in kept if library_key(entry[0]) not in candidates]
    needed = _reachable(roots, libraries, imports_of)
    return links + [entry for entry in kept
                    if library_key(entry[0]) not in candidates or library_key(entry[0]) in needed]


def _posix(destination: str) -> str:
    return posixpath.normpath(destination.replace("\\", "/"))


def _resolve(path: str, links: dict[str, str]) -> str:
    """A destination with every symbolic link among its leading parts followed."""
    for _ in range(40):  # a cycle of links ends here
        parts = path.split("/")
        for length in range(1, len(parts) + 1):
            prefix = "/".join(parts[:length])
            if prefix in links:
                target = posixpath.join(posixpath.dirname(prefix), links[prefix], *parts[length:])
                path = posixpath.normpath(target)
                break
        else:
            return path
    return path


def without_broken_links(entries: list, files: set[str], links: dict[str, str]) -> list:
    """The entries less the symbolic links that lead to no file or folder of the bundle
    (`files`: its files' destinations; `links`: every link's destination -> target)."""
    folders = {parent for path in files for parent in _parents(path)}
    return [entry for entry in entries if entry[2] != "SYMLINK"
            or _resolve(_posix(entry[0]), links) in files | folders]


def _frameworks(binaries: list) -> set[str]:
    """The macOS framework folders (…/QtCore.framework) holding a library of `binaries`."""
    return {parent for entry in binaries if entry[2] != "SYMLINK"
            for parent in _parents(_posix(entry[0])) if parent.endswith(".framework")}


def _parents(path: str) -> list[str]:
    parts = path.split("/")
    return ["/".join(parts[:length]) for length in range(1, len(parts))]


def trim(binaries: list, datas: list,
         imports_of: Callable[[str], Iterable[str]] | None = None) -> tuple[list, list]:
    """The Analysis' binaries and datas less what the bundle leaves out (see the top)."""
    frameworks_before = _frameworks(binaries)
    binaries = trim_binaries(binaries, imports_of)
    gone = frameworks_before - _frameworks(binaries)  # macOS: their Resources go too
    datas = [entry for entry in datas if data_kept(entry[0])
             and not any(parent in gone for parent in _parents(_posix(entry[0])))]
    everything = [*binaries, *datas]
    files = {_posix(entry[0]) for entry in everything if entry[2] != "SYMLINK"}
    links = {_posix(entry[0]): entry[1].replace("\\", "/")
             for entry in everything if entry[2] == "SYMLINK"}
    return (without_broken_links(binaries, files, links),
            without_broken_links(datas, files, links))


def linker_imports(sources: list[str]) -> Callable[[str], list[str]]:
    """imports_of for trim_binaries: on Linux one `objdump -p` over every binary (the names
    they need: matching by name is all the trimming does; ldd per file took seconds), else
    PyInstaller's own analysis (pefile, macholib), each file once."""
    needed: dict[str, list[str]] = {}
    if sys.platform.startswith("linux") and shutil.which("objdump"):
        files = sorted({source for source in sources if os.path.isfile(source)})
        output = subprocess.run(["objdump", "-p", *files], capture_output=True, text=True,
                                errors="replace").stdout if files else ""
        current = None
        for line in output.splitlines():
            header = re.match(r"^(\S.*):\s+file format ", line)
            if header:
                current = needed.setdefault(header[1], [])
            elif current is not None and line.strip().startswith("NEEDED"):
                current.append(line.split()[-1])

    @functools.cache
    def imports_of(source: str) -> list[str]:
        if source in needed:
            return needed[source]
        if not os.path.isfile(source):
            return []
        from PyInstaller.depend import bindepend

        folder = os.path.dirname(source)
        return [path or name for name, path in bindepend.get_imports(source, [folder])]

    return imports_of


def data_kept(destination: str) -> bool:
    parts = _parts(destination)
    if "PySide6" in parts and "translations" in parts:
        return False  # Qt's own catalogues; the app ships qtbase_id in its resources
    if len(parts) >= 3 and parts[-3:-1] == ["babel", "locale-data"]:
        return parts[-1].removesuffix(".dat") in BABEL_LOCALES_KEPT
    return True
