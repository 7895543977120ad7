"""The library table's column widths: the title takes the room the others leave (at least
``TITLE_MIN``), the others fit their contents (at most ``OTHER_MAX``, and down to their
header's width when the title would get less), cut with "…" beyond; and every column, the
title too, can be widened by dragging its header's edge. In a library too narrow for that
(a small window) the droppable columns are hidden, least needed first, until the title has
``TITLE_MIN`` (a date cut to "20…" tells nothing); they come back when the table widens.
A droppable column no row fills (reports that name no outlet) is hidden whatever the width;
the ``whole`` columns (a date, a count) are never cut down to their headers: "2011-11-…"
tells nothing either, so they are hidden instead.
Still short, the title goes down to ``TITLE_FLOOR`` (cut with "…"), then the others share
what is left, each down to ``OTHER_FLOOR``.

Qt cannot make a column both stretch and be dragged (a ``Stretch`` section ignores the
mouse; ``ResizeToContents`` columns took all the room and left the title "C…"), so the columns
are ``Interactive`` and ``ColumnFitter`` sets their widths when the rows or the table's width
change. Once the reader drags the title's edge, the title keeps the width they gave it (a
horizontal scroll bar appears when it is wider than the table).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

TITLE_MIN = 120  # pixels: a title always shows its first words
OTHER_MAX = 140  # pixels: a long outlet or figure is cut, not given the title's room
OTHER_MIN = 28  # pixels: the side column (L / R)
# A narrow library (a small window) with every droppable column hidden: the title goes down
# to this, cut with "…"; then the others share what is short, each down to OTHER_FLOOR.
TITLE_FLOOR = 72
OTHER_FLOOR = 34
MEASURED_ROWS = 50  # about this many rows measured for a column, those in view first


class ColumnFitter(QObject):
    """Keeps ``table``'s column widths as the module says; ``title`` is the title column,
    ``droppable`` the columns a narrow table hides, the first first; ``whole`` the columns
    shown whole or not at all."""

    def __init__(self, table: QTableView, title: int, droppable: Sequence[int] = (),
                 whole: Sequence[int] = ()) -> None:
        super().__init__(table)
        self.table, self.title, self.droppable = table, title, tuple(droppable)
        self.whole = frozenset(whole)
        self.dragged = False  # the reader set the title's width
        self._fitting = False
        self._timer = QTimer(self, singleShot=True, interval=0, timeout=self.fit)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(OTHER_MIN)
        header.sectionResized.connect(self._on_section_resized)
        # A column's width from the rows in view and this many others, not from every row:
        # measuring all 982 rows of a big folder stalled the window 0.5-2.2 s a fit.
        header.setResizeContentsPrecision(MEASURED_ROWS)  # (the sized sections' header)
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged, model.layoutChanged, model.headerDataChanged):
            signal.connect(self._timer.start)
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def fit(self) -> None:
        """The other columns to their contents (capped, and down to their headers' widths
        when the title would have less than ``TITLE_MIN``), the title to the room left; in a
        narrow table the droppable columns hidden until it has, then it goes down to
        ``TITLE_FLOOR``."""
        header = self.table.horizontalHeader()
        self._fitting = True  # (a hidden column measures nothing: all are shown to be measured)
        for column in self.droppable:
            self.table.setColumnHidden(column, False)
        self._fitting = False
        hidden = {c for c in self.droppable if self._empty(c)}
        others = [c for c in range(header.count()) if c != self.title and c not in hidden]
        wanted = {c: max(OTHER_MIN, min(OTHER_MAX, max(self.table.sizeHintForColumn(c),
                                                       header.sectionSizeHint(c))))
                  for c in others}
        room = self.table.viewport().width() - sum(wanted.values())
        short = TITLE_MIN - room
        cuttable = [c for c in others if c not in self.whole]
        for column in sorted(cuttable, key=lambda c: header.sectionSizeHint(c) - wanted[c]):
            cut = max(0, min(short, wanted[column] - header.sectionSizeHint(column)))
            wanted[column] -= cut
            short -= cut
        for column in self.droppable:
            if short <= 0:
                break
            if column not in hidden:
                hidden.add(column)
                short -= wanted.pop(column)
        _squeeze(wanted, short - (TITLE_MIN - TITLE_FLOOR))
        self._apply(wanted, hidden)

    def _empty(self, column: int) -> bool:
        """No row shows anything in ``column`` (an empty library hides nothing), among all
        the rows: the filter's would hide a column while the reader types."""
        model = self.table.model()
        if isinstance(model, QSortFilterProxyModel):
            model = model.sourceModel()
        rows = model.rowCount()
        return rows > 0 and not any(model.index(row, column).data() for row in range(rows))

    def _apply(self, wanted: dict[int, int], hidden: set[int]) -> None:
        header = self.table.horizontalHeader()
        self._fitting = True
        try:
            for column in range(header.count()):
                self.table.setColumnHidden(column, column in hidden)
            for column, width in wanted.items():
                header.resizeSection(column, width)
            if not self.dragged:
                room = self.table.viewport().width() - sum(wanted.values())
                header.resizeSection(self.title, max(TITLE_FLOOR, room))
        finally:
            self._fitting = False

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if column == self.title and not self._fitting:
            self.dragged = True
            if new < TITLE_MIN:
                self.table.horizontalHeader().resizeSection(column, TITLE_MIN)


def _squeeze(wanted: dict[int, int], short: int) -> None:
    """Take ``short`` pixels from the columns in ``wanted``, in proportion to what each has
    above ``OTHER_FLOOR`` (none from one at or below it)."""
    spare = {c: w - OTHER_FLOOR for c, w in wanted.items() if w > OTHER_FLOOR}
    total = sum(spare.values())
    if short <= 0 or total <= 0:
        return
    for column, extra in spare.items():
        wanted[column] -= min(extra, -(-short * extra // total))  # rounded up
