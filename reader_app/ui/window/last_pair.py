"""The pair compared last, remembered in the settings (``library/last_pair``: the folder it
was opened from and the two paths) so that opening that folder again shows it again.

Only a folder opened alone brings the pair back: files named on opening are shown as named.
Gets the settings and the library model passed in; never imports the main window.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings

from reader_app.core.compare import Comparison
from reader_app.ui.library.model import LibraryModel

KEY = "library/last_pair"


def _folder(paths: Sequence[str | Path]) -> str | None:
    """The folder opened, when one folder alone was."""
    if len(paths) != 1 or not Path(paths[0]).is_dir():
        return None
    return str(Path(paths[0]).resolve())


def remember(settings: QSettings, opened: Sequence[str | Path],
             comparison: Comparison) -> None:
    """Keep the pair on screen for the next opening of the folder it came from."""
    folder = _folder(opened)
    if folder is not None:
        settings.setValue(KEY, [folder, comparison.left.path, comparison.right.path])


def opening_pair(settings: QSettings, opened: Sequence[str | Path], model: LibraryModel,
                 readable: list[int], partner: int | None = None
                 ) -> tuple[int | None, int | None]:
    """The rows to show after opening ``opened``: the pair shown last time this folder was
    open, while both are listed and readable; else the first of ``readable`` (in
    ``opening_order``: those with words first) and its ``partner`` (the row nearest it), or
    the second readable one."""
    second = partner if partner in readable and partner != readable[0] else (
        readable[1] if len(readable) > 1 else None)
    default = (readable[0], second)
    value = settings.value(KEY)
    folder = _folder(opened)
    if folder is None or not isinstance(value, list) or len(value) != 3 or value[0] != folder:
        return default
    rows = (model.row_of(str(value[1])), model.row_of(str(value[2])))
    if any(row is None or row not in readable for row in rows) or rows[0] == rows[1]:
        return default
    return rows
