"""The desktop integration: the icon and the desktop entry ship in the package, the entry is
valid, and the application carries its name and icon (window title bars, task switchers)."""

from __future__ import annotations

import configparser
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from reader_app.ui import app as app_module
from reader_app.ui.app import ICON_SIZES, application_icon, packaged_resources
from reader_app.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
PACKAGED = resources.files("reader_app.resources")
ICON_FILES = ["reader-app.svg", *(f"reader-app-{size}.png" for size in ICON_SIZES)]


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(PACKAGED.joinpath("reader-app.desktop").read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_icon_and_desktop_entry_are_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["reader_app.resources"]
    for name in [*ICON_FILES, "reader-app.desktop"]:
        assert PACKAGED.joinpath(name).is_file(), name
        assert any(fnmatch.fnmatch(name, glob) for glob in globs), f"{name} is not shipped"


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_has_its_size(size: int) -> None:
    image = QImage()
    assert image.loadFromData(PACKAGED.joinpath(f"reader-app-{size}.png").read_bytes(), "PNG")
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_svg_uses_the_palette_blue_and_orange() -> None:
    svg = PACKAGED.joinpath("reader-app.svg").read_text(encoding="utf-8")
    assert "#0072b2" in svg and "#e69f00" in svg


def test_desktop_entry_starts_the_reader_with_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "reader-app %F"
    assert entry["Icon"] == "reader-app"
    assert entry["Name"] == "Source Reader"
    assert "Office" in entry["Categories"].split(";")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_desktop_entry_validates() -> None:
    with resources.as_file(PACKAGED.joinpath("reader-app.desktop")) as path:
        result = subprocess.run(["desktop-file-validate", str(path)],
                                capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_started_application_has_its_names_and_icon(tmp_path: Path) -> None:
    script = (
        "import json\n"
        "from reader_app.ui.app import application\n"
        "app = application()\n"
        "print(json.dumps([app.applicationName(), app.applicationDisplayName(),\n"
        "                  app.desktopFileName(), app.windowIcon().isNull(),\n"
        "                  [s.width() for s in app.windowIcon().availableSizes()]]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, cwd=tmp_path, check=True, timeout=60)
    name, display, desktop, null, widths = json.loads(result.stdout.splitlines()[-1])
    assert (name, display, desktop, null) == ("Source Reader", "Source Reader", "reader-app", False)
    assert set(ICON_SIZES) <= set(widths)


def test_a_source_checkout_finds_the_icon_beside_the_package(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m reader_app`` run in a checkout imports the checkout's package, which has no
    ``reader_app.resources``: the icon comes from the top-level ``resources/``."""
    def no_such_package(name: str) -> None:
        raise ModuleNotFoundError(name)

    monkeypatch.setattr(resources, "files", no_such_package)
    monkeypatch.setattr(app_module, "__file__", str(ROOT / "reader_app" / "ui" / "app.py"))
    assert packaged_resources() == ROOT / "resources"
    assert not application_icon().isNull()  # type: ignore[attr-defined]


def test_window_shows_the_application_icon(sync_window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.windowIcon()
    app.setWindowIcon(application_icon())  # type: ignore[arg-type]
    try:
        icon = sync_window.windowIcon()
        assert not icon.isNull()
        assert icon.pixmap(32, 32).toImage().pixelColor(8, 8).alpha() > 0
    finally:
        app.setWindowIcon(before)
