"""What the bundle leaves out (packaging/bundle_contents.py), checked on made-up PyInstaller
tables for Linux, Windows and macOS: unused Qt plugins go, with the libraries only they
needed; what the app needs stays; no symbolic link is left pointing nowhere."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_contents as bc  # noqa: E402

# source -> what it links against (sources are made-up paths of the build machine)
LINUX_LINKS = {
    "/site/PySide6/QtWidgets.abi3.so": ["/site/PySide6/Qt/lib/libQt6Widgets.so.6"],
    "/site/PySide6/Qt/lib/libQt6Widgets.so.6": ["/site/PySide6/Qt/lib/libQt6Gui.so.6"],
    "/site/PySide6/Qt/lib/libQt6Gui.so.6": ["/site/PySide6/Qt/lib/libQt6Core.so.6",
                                            "/usr/lib/libfontconfig.so.1"],
    "/site/PySide6/Qt/lib/libQt6Core.so.6": ["/site/PySide6/Qt/lib/libicuuc.so.73"],
    "/site/PySide6/Qt/plugins/platforms/libqxcb.so": ["/site/PySide6/Qt/lib/libQt6XcbQpa.so.6"],
    "/site/PySide6/Qt/lib/libQt6XcbQpa.so.6": ["/site/PySide6/Qt/lib/libQt6Gui.so.6",
                                               "/usr/lib/libxcb-icccm.so.4"],
    "/site/PySide6/Qt/plugins/platforms/libqwayland.so": [
        "/site/PySide6/Qt/lib/libQt6WaylandClient.so.6"],
    "/site/PySide6/Qt/lib/libQt6WaylandClient.so.6": ["/usr/lib/libwayland-client.so.0",
                                                      "/usr/lib/libfontconfig.so.1",
                                                      "/site/PySide6/Qt/lib/libQt6Gui.so.6"],
    "/site/PySide6/Qt/plugins/imageformats/libqsvg.so": ["/site/PySide6/Qt/lib/libQt6Svg.so.6"],
    "/site/PySide6/Qt/plugins/platformthemes/libqgtk3.so": ["/usr/lib/libgtk-3.so.0"],
    "/usr/lib/libgtk-3.so.0": ["/usr/lib/libfontconfig.so.1"],
}


def binary(dest: str, source: str | None = None, kind: str = "BINARY") -> tuple:
    return (dest, source or "/site/" + dest.split("_internal/")[-1], kind)


def linux_tables():
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/site/PySide6/QtWidgets.abi3.so", "EXTENSION"),
        *(binary(f"PySide6/Qt/lib/{name}") for name in (
            "libQt6Widgets.so.6", "libQt6Gui.so.6", "libQt6Core.so.6", "libicuuc.so.73",
            "libQt6XcbQpa.so.6", "libQt6WaylandClient.so.6", "libQt6Svg.so.6")),
        *(binary(f"PySide6/Qt/plugins/{name}") for name in (
            "platforms/libqxcb.so", "platforms/libqoffscreen.so", "platforms/libqwayland.so",
            "imageformats/libqsvg.so", "platformthemes/libqgtk3.so",
            "platformthemes/libqxdgdesktopportal.so", "generic/libqevdevmouseplugin.so")),
        *(binary(name, f"/usr/lib/{name}") for name in (
            "libfontconfig.so.1", "libxcb-icccm.so.4", "libwayland-client.so.0",
            "libgtk-3.so.0")),
    ]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6WaylandClient.so.6", "PySide6/Qt/lib/libQt6WaylandClient.so.6", "SYMLINK"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/site/qtbase_de.qm", "DATA"),
        *(("babel/locale-data/" + name, "/site/" + name, "DATA")
          for name in ("root.dat", "en.dat", "en_US.dat", "id.dat", "id_ID.dat", "fr.dat",
                       "en_GB.dat")),
        ("babel/global.dat", "/site/global.dat", "DATA"),
        ("judging_app/resources/translations/qtbase_id.qm", "/repo/qtbase_id.qm", "DATA"),
    ]
    return binaries, datas


def names(entries) -> set[str]:
    return {entry[0] for entry in entries}


def test_linux_leaves_out_unused_plugins_and_what_only_they_needed():
    binaries, datas = bc.trim(*linux_tables(), imports_of=lambda source: LINUX_LINKS.get(source, []))
    kept = names(binaries)
    assert {"PySide6/QtWidgets.abi3.so", "PySide6/Qt/lib/libQt6Widgets.so.6",
            "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Core.so.6",
            "PySide6/Qt/lib/libicuuc.so.73", "PySide6/Qt/lib/libQt6XcbQpa.so.6",
            "PySide6/Qt/plugins/platforms/libqxcb.so",
            "PySide6/Qt/plugins/platforms/libqoffscreen.so",
            "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
            # needed by Qt itself as well as by a left-out plugin
            "libfontconfig.so.1", "libxcb-icccm.so.4"} <= kept
    assert not kept & {
        "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6", "PySide6/Qt/lib/libQt6Svg.so.6",
        "libwayland-client.so.0", "libgtk-3.so.0"}
    kept_datas = names(datas)
    assert "libQt6Core.so.6" in kept_datas and "libQt6WaylandClient.so.6" not in kept_datas
    assert {name for name in kept_datas if name.startswith("babel/locale-data/")} == {
        f"babel/locale-data/{name}.dat" for name in ("root", "en", "en_US", "id", "id_ID")}
    assert "babel/global.dat" in kept_datas
    assert "PySide6/Qt/translations/qtbase_de.qm" not in kept_datas
    assert "judging_app/resources/translations/qtbase_id.qm" in kept_datas


def test_windows_names():
    links = {r"C:\site\PySide6\QtWidgets.pyd": ["Qt6Widgets.dll", "KERNEL32.dll"],
             r"C:\site\PySide6\Qt6Widgets.dll": ["Qt6Gui.dll", "Qt6Core.dll"],
             r"C:\site\PySide6\plugins\platforms\qwindows.dll": ["Qt6Gui.dll"],
             r"C:\site\PySide6\plugins\styles\qmodernwindowsstyle.dll": ["Qt6Widgets.dll"],
             r"C:\site\PySide6\plugins\tls\qschannelbackend.dll": ["Qt6Network.dll"]}
    binaries = [(r"PySide6\QtWidgets.pyd", r"C:\site\PySide6\QtWidgets.pyd", "EXTENSION")] + [
        (rf"PySide6\{name}", rf"C:\site\PySide6\{name}", "BINARY") for name in (
            "Qt6Widgets.dll", "Qt6Gui.dll", "Qt6Core.dll", "Qt6Network.dll",
            r"plugins\platforms\qwindows.dll", r"plugins\platforms\qoffscreen.dll",
            r"plugins\styles\qmodernwindowsstyle.dll", r"plugins\tls\qschannelbackend.dll",
            r"plugins\imageformats\qjpeg.dll", "msvcp140.dll", "opengl32sw.dll",
            "d3dcompiler_47.dll")]
    kept, _ = bc.trim(binaries, [], imports_of=lambda source: links.get(source, []))
    assert names(kept) == {rf"PySide6\{name}" for name in (
        "QtWidgets.pyd", "Qt6Widgets.dll", "Qt6Gui.dll", "Qt6Core.dll",
        r"plugins\platforms\qwindows.dll", r"plugins\platforms\qoffscreen.dll",
        r"plugins\styles\qmodernwindowsstyle.dll", "msvcp140.dll")}


def test_macos_frameworks_keep_their_links_and_lose_their_resources_when_left_out():
    lib = "PySide6/Qt/lib"
    core, network = f"{lib}/QtCore.framework", f"{lib}/QtNetwork.framework"
    links = {"/site/PySide6/QtCore.abi3.so": [f"/site/{core}/Versions/A/QtCore"],
             "/site/PySide6/Qt/plugins/tls/libqopensslbackend.dylib": [
                 f"/site/{network}/Versions/A/QtNetwork"]}
    binaries = [("PySide6/QtCore.abi3.so", "/site/PySide6/QtCore.abi3.so", "EXTENSION"),
                binary(f"{core}/Versions/A/QtCore"), binary(f"{network}/Versions/A/QtNetwork"),
                binary("PySide6/Qt/plugins/platforms/libqcocoa.dylib"),
                binary("PySide6/Qt/plugins/tls/libqopensslbackend.dylib")]
    datas = [(f"{core}/Versions/A/Resources/Info.plist", "/site/core.plist", "DATA"),
             (f"{network}/Versions/A/Resources/Info.plist", "/site/net.plist", "DATA"),
             (f"{core}/Versions/Current", "A", "SYMLINK"),
             (f"{core}/QtCore", "Versions/Current/QtCore", "SYMLINK"),
             (f"{core}/Resources", "Versions/Current/Resources", "SYMLINK"),
             (f"{network}/Versions/Current", "A", "SYMLINK"),
             (f"{network}/QtNetwork", "Versions/Current/QtNetwork", "SYMLINK")]
    kept, kept_datas = bc.trim(binaries, datas, imports_of=lambda source: links.get(source, []))
    assert f"{core}/Versions/A/QtCore" in names(kept)
    assert f"{network}/Versions/A/QtNetwork" not in names(kept)
    assert names(kept_datas) == {f"{core}/Versions/A/Resources/Info.plist",
                                 f"{core}/Versions/Current", f"{core}/QtCore",
                                 f"{core}/Resources"}


def test_the_app_uses_only_the_qt_modules_the_bundle_carries():
    used = set()
    for path in (ROOT / "judging_app").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used and used <= set(bc.QT_MODULES_USED), used - set(bc.QT_MODULES_USED)
    assert "PySide6.QtNetwork" in bc.EXCLUDED_MODULES
    assert not any(f"PySide6.{name}" in bc.EXCLUDED_MODULES for name in bc.QT_MODULES_USED)


def test_the_folders_copied_into_the_bundle_exist():
    for source, _ in bc.data_folders(ROOT):
        assert Path(source).is_dir(), source
    assert bc.is_python_module("judging_app.store.database")
    assert not bc.is_python_module("judging_app.store.migrations.env")


def test_the_babel_locales_kept_are_those_the_app_formats_with():
    from judging_app import texts

    for locale in texts._BABEL_LOCALES.values():
        language = locale.split("_")[0]
        assert {"root", language, locale} <= bc.BABEL_LOCALES_KEPT
