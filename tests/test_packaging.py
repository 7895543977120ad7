"""What ``pip install .`` ships: every package of the source tree is listed in pyproject."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts)
             for init in (ROOT / "reader_app").rglob("__init__.py")}
    assert found <= listed, f"not shipped: {sorted(found - listed)}"
    assert {"reader_app.seeds", "reader_app.resources"} <= listed
