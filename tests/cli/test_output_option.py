"""``-o`` of every command that has one: an empty path (a variable left unset in a script)
is a usage error, as ``--annotations ""`` is. Before: ``-o ''`` named the current folder,
and the error, after all the work, was ``reader-app: error: : cannot write (Is a
directory)``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_FILES

LEFT, RIGHT = (str(path) for path in SEED_FILES[:2])


@pytest.mark.parametrize("command", [
    ("matrix",), ("passages", LEFT, RIGHT), ("quotes", LEFT, RIGHT), ("compare", LEFT, RIGHT),
    ("screenshot", "--left", LEFT, "--right", RIGHT)], ids=lambda command: command[0])
@pytest.mark.parametrize("empty", ["", "  "], ids=["empty", "blank"])
def test_an_empty_o_is_a_usage_error(tmp_path: Path, command: tuple[str, ...],
                                     empty: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "READER_APP_ANNOTATIONS": str(tmp_path / "tags.json"),
           "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "reader_app", *command, "-o", empty],
                            capture_output=True, text=True, cwd=work, env=env, check=False,
                            timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        f"reader-app {command[0]}: error: argument -o/--output: an empty path names no file")
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work"]  # nothing written
    assert list(work.iterdir()) == []
