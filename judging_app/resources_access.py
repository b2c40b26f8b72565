"""Read files shipped in resources/ (installed as the judging_app.resources package)."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def resource_root() -> Traversable:
    return resources.files("judging_app.resources")


def resource(path: str) -> Traversable:
    node = resource_root()
    for part in path.split("/"):
        node = node / part
    return node


def read_resource_text(path: str) -> str:
    return resource(path).read_text(encoding="utf-8")


def template_names() -> list[str]:
    """Names of the competition templates shipped in resources/templates (without .json)."""
    folder = resource("templates")
    return sorted(
        item.name[: -len(".json")]
        for item in folder.iterdir()
        if item.name.endswith(".json")
    )
