"""The sequences the panes make item by item read like lists: indexes, negative ones,
slices, the end."""

from __future__ import annotations

import pytest

from reader_app.ui.compare.band_index import ShiftedSpans


def test_a_lazy_sequence_indexes_and_slices_like_a_list() -> None:
    spans = [(0.0, 10.0), (12.0, 30.0), (32.0, 40.0)]
    shifted = ShiftedSpans(spans, 5.0)
    made = [(top + 5.0, bottom + 5.0) for top, bottom in spans]
    assert list(shifted) == made and len(shifted) == 3
    assert shifted[-1] == made[-1] and shifted[1:] == made[1:] and shifted[::-2] == made[::-2]
    with pytest.raises(IndexError):
        shifted[3]
