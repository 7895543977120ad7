"""The exported page (HTML, and the PDF and print the window lay out from it) read as a
fact-checker reads it: the "(differs: 13 ≠ 14)" note and the "reworded, linked to R2" note
are small text, so they need 4.5:1 against the rows they sit on."""

from __future__ import annotations

import re

from comparison_checks import doc

from reader_app.core.compare import compare
from reader_app.core.formats.html import render_html

LEFT = ("Putin backs a ceasefire\n\nRussian President Vladimir Putin said on March 13 he agrees "
        "with the U.S. proposal for a 30-day ceasefire in Ukraine, but several questions "
        "remained unanswered.\n")
RIGHT = ("Kremlin answers\n\nPutin said on March 14 that Russia agreed with the US plan for a "
         "thirty-day truce in Ukraine, though many questions were still unanswered.\n")
ROW_BACKGROUNDS = ("#ffffff", "#fcfcfc")  # the page, and a linked row's text cells


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio of two "#rrggbb" colours (1 to 21)."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colour_of(page: str, selector: str) -> str:
    rule = re.search(re.escape(selector) + r" \{([^}]*)\}", page)
    assert rule is not None, selector
    found = re.search(r"(?<![-\w])color: (#[0-9a-fA-F]{6})", rule.group(1))
    assert found is not None, rule.group(1)
    return found.group(1)


def test_the_pages_link_and_differs_notes_are_legible() -> None:
    page = render_html(compare(doc(LEFT, "a.txt"), doc(RIGHT, "b.txt")))
    assert '<span class="differs">(differs: 13 ≠ 14' in page  # the note is on the page
    for selector in (".differs", ".links"):
        colour = colour_of(page, selector)
        for background in ROW_BACKGROUNDS:
            assert contrast(colour, background) >= 4.5, (selector, colour, background)
