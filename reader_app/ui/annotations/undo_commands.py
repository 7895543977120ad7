"""A core annotation command as a ``QUndoCommand``: redo applies it, undo reverts it.

The store is saved after each step, so every change (and every undo) is on disk at once. A
failure (a read-only or locked file) is reported through ``on_error``, never raised into Qt's
undo stack; a command whose first ``apply`` fails is made obsolete, so it is not kept on the
stack. Owns no state of its own beyond the command; must not import widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader_app.core.annotations.commands import Command
from reader_app.core.annotations.store import Store
from reader_app.core.errors import ReaderError

ErrorCallback = Callable[[str], None]


class StoreCommand(QUndoCommand):
    """Run ``command`` against ``store`` on redo/undo, saving after each."""

    def __init__(self, command: Command, store: Store,
                 on_error: ErrorCallback) -> None:
        super().__init__(command.label)
        self.command = command
        self._store = store
        self._on_error = on_error
        self._applied_once = False

    def redo(self) -> None:
        applied = self._run(self.command.apply)
        if not self._applied_once and not applied:
            self.setObsolete(True)  # pushed but never done: nothing to undo
        self._applied_once = True

    def undo(self) -> None:
        self._run(self.command.revert)

    def _run(self, step: Callable[[Store], None]) -> bool:
        """Apply or revert, then save; False if the change itself could not be made."""
        try:
            with self._store.batched():  # the views follow the whole command at once
                step(self._store)
        except ReaderError as error:
            self._on_error(str(error))
            return False
        try:
            self._store.save()
        except ReaderError as error:  # changed here, not yet on disk: say so
            self._on_error(f"not saved: {error}")
        return True
