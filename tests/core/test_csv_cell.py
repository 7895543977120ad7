"""``csv_cell``, the one rule of every CSV cell written: a cell a spreadsheet would run as a
formula is led by a ``'``, also when whitespace comes before its ``=`` (spreadsheets trim it
and run " +cmd" or "\\n=1+1" all the same), and ordinary text is left as it is."""

from __future__ import annotations

import pytest

from reader_app.core.text import csv_cell


@pytest.mark.parametrize(("cell", "written"), [
    ("=1+1", "'=1+1"),
    ("+cmd", "'+cmd"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\u240d=1"),  # the CR shown, as every control character is
    (" +cmd", "' +cmd"),
    ("\n=1+1", "'\n=1+1"),
    (" \t\u00a0@x", "' \t\u00a0@x"),
    ("\u3000-1", "'\u3000-1"),
])
def test_a_formula_after_leading_whitespace_is_defused(cell: str, written: str) -> None:
    assert csv_cell(cell) == written


@pytest.mark.parametrize("cell", ["", " ", "plain note", "a = b", " 42", "x-1", "e@mail"])
def test_ordinary_cells_are_left_as_they_are(cell: str) -> None:
    assert csv_cell(cell) == cell
