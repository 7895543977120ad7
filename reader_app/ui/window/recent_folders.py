"""The folders opened lately, most recent first, kept in the settings (``library/recent``,
and ``library/last_folder`` for the next start): the File ▸ Open Recent menu lists them;
and the folder a file dialog starts in. Gets the settings passed in; never imports the main
window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from reader_app.core.library import bundled_seeds

MAX_RECENT = 8
LAST_FOLDER_KEY = "library/last_folder"


def remember(settings: QSettings, folder: Path) -> None:
    recent = [str(folder.resolve())]
    recent += [f for f in listed(settings) if f != recent[0]]
    settings.setValue("library/recent", recent[:MAX_RECENT])
    settings.setValue(LAST_FOLDER_KEY, recent[0])


def listed(settings: QSettings) -> list[str]:
    value = settings.value("library/recent", [])
    return [value] if isinstance(value, str) else list(value or [])


def start_folder(settings: QSettings, *keys: str) -> str:
    """Where a file dialog starts: the first of the folders remembered under ``keys`` (then
    the library's) that is still there, else the home folder — never the bundled seeds,
    which live inside the installed program (an export saved there is lost to an update)."""
    seeds = bundled_seeds().resolve()
    for key in (*keys, LAST_FOLDER_KEY):
        folder = Path(str(settings.value(key, "") or ""))
        if str(folder) not in ("", ".") and folder.is_dir() and folder.resolve() != seeds:
            return str(folder)
    return str(Path.home())
