"""The window's commands as users run them, in a subprocess: ``reader-app screenshot`` writes
the picture with no display; ``reader-app`` without a display fails with one clear line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from ui_helpers import SEED_FILES

from reader_app.ui.theme import LIGHT

SCRIPT = Path(sys.executable).parent / "reader-app"
PROGRAMS = {"module": [sys.executable, "-m", "reader_app"], "script": [str(SCRIPT)]}


def run(program: list[str], *args: str,
        env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*program, *args], capture_output=True, env=env, timeout=300,
                          check=False)


def headless_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(extra)
    return env


def count_pixels(image: QImage, colour: int) -> int:
    step = 3
    return sum(
        1 for y in range(0, image.height(), step) for x in range(0, image.width(), step)
        if image.pixel(x, y) & 0xFFFFFF == colour & 0xFFFFFF
    )


def test_screenshot_writes_a_png_of_the_asked_size(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = run(PROGRAMS["module"], "screenshot", "--left", str(SEED_FILES[0]),
                 "--right", str(SEED_FILES[1]), "-o", str(out), "--size", "900x600",
                 env=headless_env(QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (900, 600)
    # The comparison is in the picture: shared and only-here wording are highlighted.
    assert count_pixels(image, LIGHT.shared.rgb()) > 50
    assert count_pixels(image, LIGHT.unique.rgb()) > 5


def test_screenshot_smaller_than_the_window_s_minimum_is_of_the_asked_size(
        tmp_path: Path) -> None:
    # The window's layout keeps it at least about 525x312: the PNG was that, not --size.
    out = tmp_path / "shot.png"
    result = run(PROGRAMS["module"], "screenshot", "--left", str(SEED_FILES[0]),
                 "--right", str(SEED_FILES[1]), "-o", str(out), "--size", "300x200",
                 env=headless_env(QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr.decode()
    assert QImage(str(out)).size().toTuple() == (300, 200)


def test_screenshot_needs_no_display_variable(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = run(PROGRAMS["module"], "screenshot", "-o", str(out), "--size", "640x480",
                 env=headless_env())
    assert result.returncode == 0, result.stderr.decode()
    assert QImage(str(out)).size().toTuple() == (640, 480)


def test_screenshot_of_a_missing_document_fails_cleanly(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = run(PROGRAMS["module"], "screenshot", "--left", str(missing), "--right",
                 str(SEED_FILES[1]), "-o", str(tmp_path / "shot.png"),
                 env=headless_env(QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("reader-app: error: ") and "nowhere.txt" in lines[0]
    assert not (tmp_path / "shot.png").exists()


def test_screenshot_that_cannot_be_written_is_one_error_line(tmp_path: Path) -> None:
    # Qt's offscreen platform added "This plugin does not support propagateSizeHints()" twice.
    result = run(PROGRAMS["module"], "screenshot", "--left", str(SEED_FILES[0]),
                 "--right", str(SEED_FILES[1]), "-o", str(tmp_path), "--size", "640x480",
                 env=headless_env(QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"reader-app: error: {tmp_path}: cannot write (Is a directory)"]  # (as every -o)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display check is Linux's")
@pytest.mark.parametrize("program", sorted(PROGRAMS))
def test_window_without_a_display_says_so(program: str) -> None:
    if program == "script" and not SCRIPT.exists():
        pytest.skip("the reader-app script is not installed beside this Python")
    result = run(PROGRAMS[program], env=headless_env())
    assert result.returncode == 1
    assert result.stdout == b""
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("reader-app: error: no display")
