"""The folders opened lately, most recent first, kept in the settings (``library/recent``,
and ``library/last_folder`` for the next start): the File ▸ Open Recent menu lists them.
Gets the settings passed in; never imports the main window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8


def remember(settings: QSettings, folder: Path) -> None:
    recent = [str(folder.resolve())]
    recent += [f for f in listed(settings) if f != recent[0]]
    settings.setValue("library/recent", recent[:MAX_RECENT])
    settings.setValue("library/last_folder", recent[0])


def listed(settings: QSettings) -> list[str]:
    value = settings.value("library/recent", [])
    return [value] if isinstance(value, str) else list(value or [])
