"""The HTML page (and so the window's exports and prints) as the reader set the window:
boilerplate left out when it is hidden, and each paragraph in its own writing direction."""

from __future__ import annotations

import re

from comparison_checks import doc

from reader_app.core.compare import compare
from reader_app.core.formats.html import render_html

LEFT = ("Advertisement\n\nOfficials said 30 people were killed when the drone struck the "
        "convoy near the border town on Monday.\n\nSubscribe to our newsletter\n")
RIGHT = ("At least 25 people were killed when a drone hit the convoy near the border town on "
         "Monday, officials said.\n\nتقول الحكومة إن التحقيق مستمر في الحادث.\n")


def _cells(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", cell)
            for cell in re.findall(r'<td class="text"[^>]*>(.*?)</td>', page, re.S)]


def test_boilerplate_left_out_only_when_hidden() -> None:
    comparison = compare(doc(LEFT, "a.txt"), doc(RIGHT, "b.txt"))
    assert sum(p.boilerplate for p in comparison.left.paragraphs) == 2
    shown = _cells(render_html(comparison))
    hidden_page = render_html(comparison, hide_boilerplate=True)
    hidden = _cells(hidden_page)
    assert any("Advertisement" in cell for cell in shown)
    assert not any("Advertisement" in c or "Subscribe" in c for c in hidden)
    assert any("30 people" in cell for cell in hidden)  # the rest is all there
    assert any("التحقيق" in cell for cell in hidden)
    assert "Boilerplate left out: 2 paragraphs on the left, 0 paragraphs on the right" in \
        hidden_page
    assert "Boilerplate left out" not in render_html(comparison)


def test_linked_pair_stays_one_row_with_boilerplate_hidden() -> None:
    comparison = compare(doc(LEFT, "a.txt"), doc(RIGHT, "b.txt"))
    page = render_html(comparison, hide_boilerplate=True)
    rows = re.findall(r'<tr class="(\w+)">(.*?)</tr>', page, re.S)
    linked = [re.sub(r"<[^>]+>", "", body) for kind, body in rows if kind == "linked"]
    assert len(linked) == len(comparison.links) == 1
    assert "30 people" in linked[0] and "25 people" in linked[0]


def test_each_text_cell_takes_its_direction_from_its_text() -> None:
    page = render_html(compare(doc(LEFT, "a.txt"), doc(RIGHT, "b.txt")))
    cells = re.findall(r'<td class="text" dir="(\w+)">(.*?)</td>', page, re.S)
    directions = {("rtl" if "التحقيق" in text else "ltr", direction) for direction, text in cells}
    assert directions == {("rtl", "rtl"), ("ltr", "ltr")}  # (the gaps have no text)
