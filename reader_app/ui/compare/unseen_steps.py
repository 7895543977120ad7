"""Steps run with a widget's painting held: the reader keeps seeing the frame before them.

A pair of medium length (two 5,000-word reports) aligned at once stalled the window 80 ms,
two 20,000-word ones 200 ms; aligned a slice per turn of the event loop instead, each turn
would paint the panes half made (highlighted, not yet padded into rows). Held, the window
answers between the slices and shows the pair before until the new one is whole, as a
frozen window would have, without freezing.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QWidget


def unseen(widget: QWidget, steps: Iterator[None]) -> Iterator[None]:
    """``steps``, with ``widget``'s updates off from the first step until the last one, or
    until the steps are dropped (closed) before it."""
    widget.setUpdatesEnabled(False)
    try:
        yield from steps
    finally:
        widget.setUpdatesEnabled(True)
