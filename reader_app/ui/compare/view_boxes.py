"""The boxes the comparison view lays its parts out in: a side's heading over its overview bar
and pane (the bar on the outer edge), and the gutter under a spacer as tall as a heading."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


def side_box(parent: QWidget, header: QWidget, overview: QWidget, pane: QWidget,
             outer_left: bool) -> QWidget:
    """``header`` over ``overview`` and ``pane``, the bar on the left if ``outer_left``."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(header)
    row = QHBoxLayout()
    row.setSpacing(0)
    widgets = [overview, pane]
    for widget in widgets if outer_left else widgets[::-1]:
        row.addWidget(widget)
    column.addLayout(row)
    return box


def gutter_box(parent: QWidget, gutter: QWidget) -> QWidget:
    """``gutter`` below a spacer as tall as a side's heading, so that its bands meet the
    panes' paragraphs."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    spacer = QLabel(" ", box)
    spacer.setContentsMargins(0, 2, 0, 2)
    spacer.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    column.addWidget(spacer)
    column.addWidget(gutter, 1)
    box.setFixedWidth(gutter.width())
    return box
