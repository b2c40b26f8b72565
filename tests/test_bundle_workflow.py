"""The bundle workflow (.github/workflows/bundle.yml) and the Windows installer script cannot
run here: this keeps them readable and pointing at files that exist."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "bundle.yml"
INSTALLER = ROOT / "packaging" / "windows" / "judging_app.iss"


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps() -> list[dict]:
    return workflow()["jobs"]["bundle"]["steps"]


def commands() -> str:
    return "\n".join(step.get("run", "") for step in steps())


def test_the_workflow_builds_on_windows_and_macos_with_a_supported_python():
    data = workflow()
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "pull_request", "workflow_dispatch"} <= set(triggers)
    job = data["jobs"]["bundle"]
    assert set(job["strategy"]["matrix"]["os"]) == {"windows-latest", "macos-latest"}
    setup = next(step for step in steps() if step.get("uses", "").startswith("actions/setup-python"))
    major, minor = (int(part) for part in str(setup["with"]["python-version"]).split("."))
    required = re.search(r'requires-python = ">=(\d+)\.(\d+)"',
                         (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert (major, minor) >= (int(required[1]), int(required[2]))


def test_every_file_the_workflow_names_exists():
    named = set(re.findall(r"(?:tools|packaging)[/\\][\w/\\.]+\.(?:py|iss|spec)", commands()))
    assert {"tools/build_bundle.py", "tools/smoke_test_bundle.py",
            r"packaging\windows\judging_app.iss"} <= named
    for path in named:
        assert (ROOT / path.replace("\\", "/")).is_file(), path
    assert (ROOT / "packaging" / "judging_app.spec").is_file()


def test_the_workflow_installs_what_the_bundle_carries():
    assert '".[postgres]"' in commands() and "pyinstaller" in commands()


def test_the_installer_needs_no_administrator_and_points_at_real_files():
    script = INSTALLER.read_text(encoding="utf-8")
    setup = dict(re.findall(r"^(\w+)=(.*)$", script, flags=re.MULTILINE))
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{autopf}")  # the user's own Programs folder
    assert "HKLM" not in script and "{commonpf}" not in script
    assert (INSTALLER.parent / setup["LicenseFile"].replace("\\", "/")).resolve() == ROOT / "LICENSE"
    bundle = re.search(r'#define BundleDir "(.+)"', script)[1].replace("\\", "/")
    assert (INSTALLER.parent / bundle).resolve() == ROOT / "dist" / "judging-app"
    # the programs the shortcuts and the file association start are the ones the spec builds
    spec = (ROOT / "packaging" / "judging_app.spec").read_text(encoding="utf-8")
    gui = re.search(r'#define GuiExe "(.+)\.exe"', script)[1]
    assert f'"{gui}"' in spec
    assert re.search(r'Parameters: "judge"', script)
    assert 'judge --package ""%1""' in script
