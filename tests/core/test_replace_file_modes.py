"""``replace_file``'s permissions: a file it replaces keeps its own; a new one gets what any
program's new file gets (0666 less the umask), not the temporary file's 0600 — every ``-o``
output and a first annotation file were private to their owner."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from reader_app.core.replace_file import replace_file

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umask_s_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    replace_file(tmp_path / "new.txt", [b"text"])
    assert mode(tmp_path / "new.txt") == 0o666 & ~mask  # (0600 before, whatever the umask)


def test_a_replaced_file_keeps_its_own_permissions(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    replace_file(path, [b"new"])
    assert path.read_bytes() == b"new" and mode(path) == 0o640
