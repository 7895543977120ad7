"""An annotation file that is no regular file — a link to ``/dev/zero``, a FIFO, a folder —
is refused at once, without a read: ``tags list``, ``tags add`` and ``screenshot`` exit 1
with the one error line, the window says so in its status bar; the same through
``$READER_APP_ANNOTATIONS``. (Before, ``/dev/zero`` was read until memory ran out and a FIFO
hung every entry point.)"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SEED_FILES
from hostile_helpers import assert_one_error_line, environment, run, run_python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero: POSIX")

QUICK = 30  # seconds: refusing takes well under one; a hang or a runaway read takes this


def zero_link(folder: Path) -> tuple[Path, str]:
    link = folder / "zero.json"
    link.symlink_to("/dev/zero")
    return link, "a character device, not an annotation file"


def fifo(folder: Path) -> tuple[Path, str]:
    path = folder / "fifo.json"
    os.mkfifo(path)
    return path, "a FIFO (named pipe), not an annotation file"


def folder_path(folder: Path) -> tuple[Path, str]:
    path = folder / "folder.json"
    path.mkdir()
    return path, "is a folder, not an annotation file"


KINDS: dict[str, Callable[[Path], tuple[Path, str]]] = {
    "dev-zero": zero_link, "fifo": fifo, "folder": folder_path}
SPECIAL = ["dev-zero", "fifo"]  # the ones that hung or ate the memory
COMMANDS: dict[str, list[str]] = {
    "tags-list": ["tags", "list"],
    "tags-add": ["tags", "add", str(SEED_FILES[0]), "--quote", "the", "--tag", "x"],
    "screenshot": ["screenshot", "-o", "shot.png"],
}


# A folder was refused by ``tags`` already; ``screenshot`` went on without a word.
OPTION_CASES = [(command, kind) for command in COMMANDS for kind in KINDS
                if kind in SPECIAL or command == "screenshot"]


def _arguments(command: str, path: Path | None) -> list[str]:
    return COMMANDS[command] + ([] if path is None else ["--annotations", str(path)])


@pytest.mark.parametrize(("command", "kind"), OPTION_CASES)
def test_the_option_naming_no_regular_file_is_refused(tmp_path: Path, command: str,
                                                      kind: str) -> None:
    path, reason = KINDS[kind](tmp_path)
    result = run(*_arguments(command, path), cwd=tmp_path, env=environment(), timeout=QUICK)
    assert_one_error_line(result, f"reader-app: error: {path}: {reason}")
    assert not (tmp_path / "shot.png").exists()


@pytest.mark.parametrize("kind", SPECIAL)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_variable_naming_no_regular_file_is_refused(tmp_path: Path, kind: str,
                                                        command: str) -> None:
    path, reason = KINDS[kind](tmp_path)
    env = environment(READER_APP_ANNOTATIONS=str(path))
    result = run(*_arguments(command, None), cwd=tmp_path, env=env, timeout=QUICK)
    assert_one_error_line(result, f"reader-app: error: {path}: {reason}")


def test_tags_add_leaves_a_fifo_alone(tmp_path: Path) -> None:
    path, _ = fifo(tmp_path)
    run(*_arguments("tags-add", path), cwd=tmp_path, timeout=QUICK)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo.json"]  # no lock, no temp
    assert path.is_fifo()


WINDOW = """
import sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from reader_app.ui.app import application
from reader_app.ui.window.main_window import MainWindow

app = application()
settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
window = MainWindow(settings, synchronous=sys.argv[2] == "sync", annotations=sys.argv[1])
window.show()
label = window.findChild(QLabel, "error_label")
deadline = time.monotonic() + 10
while not label.text() and time.monotonic() < deadline:
    app.processEvents()
print(label.text())
"""


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("kind", SPECIAL)
def test_the_window_says_why_and_goes_on(tmp_path: Path, kind: str, mode: str) -> None:
    path, reason = KINDS[kind](tmp_path)
    result = run_python("-c", WINDOW, str(path), mode, env=environment(), timeout=QUICK)
    assert result.returncode == 0, result.stderr
    assert f"{path}: {reason}" in result.stdout.decode("utf-8")


def test_screenshot_refuses_a_corrupt_file_and_leaves_it_where_it_is(tmp_path: Path) -> None:
    """The screenshot's window renamed it to ``annotations.json.corrupt-…`` without a word:
    a command that only draws changed the user's files."""
    path = tmp_path / "annotations.json"
    path.write_text('{"format": "source-reader-annotations", "annot', encoding="utf-8")
    result = run(*_arguments("screenshot", path), cwd=tmp_path, env=environment(),
                 timeout=QUICK)
    assert_one_error_line(result, f"reader-app: error: {path}: ", "the file is left as it is")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotations.json"]
