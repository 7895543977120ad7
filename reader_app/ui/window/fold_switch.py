"""View ▸ Fold Unmatched Runs: the menu's check box for the comparison view's folding.

Until the reader chooses, each pair is folded or not by default (``ui.compare.folding``: an
unrelated pair is), and the check box shows which; the reader's choice wins over that, for
every pair, and is remembered in the settings (``view/fold_unmatched``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from reader_app.ui.compare.view import CompareView

KEY = "view/fold_unmatched"
TIP = ("Show each run of paragraphs only one side has as one slim row "
       "(\"12 paragraphs only here ▸\"); click it to expand the run")


class FoldSwitch(QObject):
    def __init__(self, parent: QWidget, settings: QSettings, view: CompareView) -> None:
        super().__init__(parent)
        self._settings, self._view = settings, view
        self.action = QAction("&Fold Unmatched Runs", parent)
        self.action.setCheckable(True)
        self.action.setToolTip(TIP)
        self.action.setStatusTip(TIP)
        stored = settings.value(KEY)
        if stored is not None:
            view.folds.choose(str(stored).lower() in ("true", "1", "yes"))
        self.action.setChecked(view.folds.enabled)
        self.action.triggered.connect(self._chosen)  # (the reader's; setChecked never is)
        view.realigned.connect(self._show_state)

    def _chosen(self, enabled: bool) -> None:
        self._settings.setValue(KEY, enabled)
        self._settings.sync()
        self._view.folds.choose(enabled)

    def _show_state(self) -> None:
        """The check box says whether the pair on screen is folded (by default or chosen)."""
        self.action.setChecked(self._view.folds.enabled)
