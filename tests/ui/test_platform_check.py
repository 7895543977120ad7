"""The display check that runs before Qt is loaded (Qt would abort the process instead)."""

from __future__ import annotations

import ctypes.util

import pytest

from reader_app.core.errors import ReaderError
from reader_app.ui import platform_check


@pytest.fixture
def x11(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    return monkeypatch


def test_missing_xcb_libraries_are_named_with_their_packages(x11: pytest.MonkeyPatch) -> None:
    real = ctypes.util.find_library
    x11.setattr(ctypes.util, "find_library",
                lambda name: None if name == "xcb-cursor" else real(name) or f"lib{name}.so")
    with pytest.raises(ReaderError) as raised:
        platform_check.ensure_display()
    message = str(raised.value)
    assert "libxcb-cursor0" in message
    assert "QT_QPA_PLATFORM=offscreen" in message
    assert "\n" not in message


def test_no_display_at_all(x11: pytest.MonkeyPatch) -> None:
    x11.delenv("DISPLAY")
    with pytest.raises(ReaderError, match="no display"):
        platform_check.ensure_display()


def test_an_explicit_qt_platform_is_trusted(x11: pytest.MonkeyPatch) -> None:
    x11.delenv("DISPLAY")
    x11.setenv("QT_QPA_PLATFORM", "offscreen")
    platform_check.ensure_display()  # no error: offscreen needs no display


def test_all_libraries_present_passes(x11: pytest.MonkeyPatch) -> None:
    x11.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so")
    platform_check.ensure_display()
