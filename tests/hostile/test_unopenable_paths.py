"""Paths that cannot be opened — a folder without read permission, a symbolic link loop, a
missing path, FIFOs and dangling links inside a folder, a name holding a newline — never give a
traceback nor hide the other paths: ``matrix`` and ``passages`` exit 1 with the one error line
for a path named directly, and warn in one line of what a folder held that they skipped;
``screenshot`` warns and shows the others; LEFT that cannot be read is the one error line.
(Before: ``PermissionError`` and ``RuntimeError: Symlink loop`` tracebacks, an empty library
for one missing path, FIFOs and dangling links skipped without a word, ``screenshot --left``
on a binary file exit 0.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_FILES, SEEDS
from hostile_helpers import assert_inert, assert_one_error_line, environment, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and links: POSIX")

# ``reader-app ARGS`` with listing the folder LOCKED refused as a folder without read
# permission is (a root user, as in CI containers, may read any folder).
DENIED = """
import errno, os, sys
locked = os.path.abspath(sys.argv.pop(1))
def deny(real):
    def listing(path=".", *args, **kwargs):
        if not isinstance(path, int) and os.path.abspath(os.fspath(path)) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path, *args, **kwargs)
    return listing
os.scandir, os.listdir = deny(os.scandir), deny(os.listdir)
from reader_app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def denied(locked: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", DENIED, str(locked), *args], cwd=cwd,
                          env=environment(), capture_output=True, timeout=120, check=False)


def warnings_of(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    """The program's own lines on standard error (Qt's offscreen notes left out)."""
    return [line for line in assert_inert(result.stderr).splitlines()
            if line.startswith("reader-app:")]


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    folder = tmp_path / "locked"
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder)
    return folder


@pytest.mark.parametrize("command", ["matrix", "passages"])
def test_a_folder_without_permission_is_the_error_line(command: str, locked: Path) -> None:
    result = denied(locked, command, "locked", cwd=locked.parent)
    assert_one_error_line(result, "locked: cannot open the folder (permission denied)")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root reads any folder: the simulated case above stands for it")
@pytest.mark.parametrize("command", ["matrix", "passages"])
def test_a_folder_really_without_permission(command: str, locked: Path) -> None:
    locked.chmod(0)
    try:
        result = run(command, "locked", cwd=locked.parent, env=environment())
    finally:
        locked.chmod(0o755)
    assert_one_error_line(result, "locked: cannot open the folder (permission denied)")


def test_screenshot_warns_of_a_folder_without_permission(locked: Path) -> None:
    result = denied(locked, "screenshot", "locked", str(SEEDS), "-o", "shot.png",
                    "--annotations", "tags.json", cwd=locked.parent)
    assert result.returncode == 0, result.stderr
    assert warnings_of(result) == [
        "reader-app: warning: locked: cannot open the folder (permission denied)"]
    assert (locked.parent / "shot.png").stat().st_size > 0


@pytest.mark.parametrize("command", ["matrix", "passages"])
def test_a_symlink_loop_named_directly(command: str, tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    result = run(command, "loop.txt", str(SEED_FILES[0]), cwd=tmp_path)
    assert_one_error_line(result, "loop.txt: symbolic link loop")


def odd_folder(tmp_path: Path) -> Path:
    """The seeds, and a FIFO, a dangling link and a link loop named like documents."""
    folder = tmp_path / "odd"
    shutil.copytree(SEEDS, folder)
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop.md").symlink_to("loop.md")
    (folder / "notes").symlink_to("notes")  # no document's name: not counted
    return folder


@pytest.mark.parametrize("command", ["matrix", "passages"])
def test_what_a_folder_skips_is_told_in_one_line(command: str, tmp_path: Path) -> None:
    folder = odd_folder(tmp_path)
    result = run(command, "odd", cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert warnings_of(result) == [
        f"reader-app: warning: {Path('odd')}: skipped 3 entries named like documents that "
        "are not regular files (FIFO: 1, dangling link: 1, symbolic link loop: 1)"]
    assert folder.is_dir()


def test_screenshot_keeps_the_paths_that_exist(tmp_path: Path) -> None:
    result = run("screenshot", str(SEEDS), "nowhere", "new\nline.txt", "a\u2028b.txt",
                 "-o", "shot.png", "--annotations", "tags.json", cwd=tmp_path,
                 env=environment())
    assert result.returncode == 0, result.stderr
    assert warnings_of(result) == [  # one line each, also for a reader splitting at U+2028
        "reader-app: warning: nowhere: no such file or folder",
        "reader-app: warning: new\u240aline.txt: no such file or folder",
        "reader-app: warning: a\\u2028b.txt: no such file or folder",
    ]


def test_screenshot_of_a_binary_left_document_is_the_error_line(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    result = run("screenshot", str(SEEDS), "--left", "binary.txt", "--right",
                 str(SEED_FILES[0]), "-o", "shot.png", "--annotations", "tags.json",
                 cwd=tmp_path, env=environment())
    assert_one_error_line(
        result, "binary.txt: binary file (contains NUL bytes), not a text document")
    assert not (tmp_path / "shot.png").exists()


@pytest.mark.parametrize("command", ["compare", "screenshot", "tags"])
def test_a_name_too_long_is_the_error_line(tmp_path: Path, command: str) -> None:
    """A file name longer than the system takes (asking whether it is a folder failed before
    the read: an ``OSError: [Errno 36]`` traceback from compare, tags add and screenshot)."""
    long = str(tmp_path / ("x" * 300 + ".txt"))
    args = {"compare": ("compare", long, str(SEED_FILES[0])),
            "screenshot": ("screenshot", "--left", long, "--right", str(SEED_FILES[0]),
                           "-o", str(tmp_path / "shot.png")),
            "tags": ("tags", "add", long, "--quote", "a", "--tag", "x",
                     "--annotations", str(tmp_path / "a.json"))}[command]
    assert_one_error_line(run(*args, env=environment()), "x" * 20)


def test_screenshot_says_what_compare_says_of_a_folder(tmp_path: Path) -> None:
    result = run("screenshot", "--left", str(tmp_path), "--right", str(SEED_FILES[0]),
                 "-o", str(tmp_path / "shot.png"), env=environment())
    assert_one_error_line(result, "is a folder, not a document")
