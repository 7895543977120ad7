"""The window on a read-only annotation file: a tag added is said to be not saved, and the
file is left byte for byte as it was (before, it was silently rewritten)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import SEED_FILES
from hostile_helpers import assert_ok, run
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader_app.ui.window.main_window import MainWindow

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def test_a_tag_added_to_a_read_only_file_is_told_not_saved(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "tags.json"
    assert_ok(run("tags", "add", str(SEED_FILES[0]), "--quote", "the", "--tag", "first",
                  "--annotations", str(path)))
    path.chmod(0o444)
    before = path.read_bytes()
    monkeypatch.setenv("READER_APP_ANNOTATIONS", str(path))
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                        synchronous=True)
    qtbot.addWidget(window)
    window.open_paths(SEED_FILES[:2])
    controller = window.annotations.controller
    qtbot.waitUntil(lambda: not controller.loading)
    document = window.view.comparison.left
    with qtbot.waitSignal(controller.message_shown) as told:
        controller.add(document, 0, 5, ["second"])
    assert told.args is not None
    assert told.args[0] == f"not saved: {path}: read-only (no write permission); not changed"
    assert path.read_bytes() == before
    assert [a["tags"] for a in json.loads(before)["annotations"]] == [["first"]]
    window.close()
