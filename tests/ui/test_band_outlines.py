"""A band's outline pattern is what tells a moved link (dashed) and a reworded one (dotted) from
a copied one, colour aside: its 1-px dashes must stand out of the band's own fill and of the
gutter behind it, in both themes. In the dark theme a moved band's dashes were darkened like
the light theme's and sank into the pink fill (1.1:1): the band read as a plain pink one."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from test_evidence_wording import contrast
from test_window_content_links import link_of

from reader_app.ui.window.main_window import MainWindow

# What a 1-px pattern needs to be seen at all against what it is drawn on (the light theme's
# moved dashes, the faintest that reads, are 1.6:1 on their fill).
OUTLINE_CONTRAST = 1.5


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` painted on ``background`` (its alpha blended in)."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(*(getattr(colour, f)() * alpha + getattr(background, f)() * (1 - alpha)
                             for f in ("redF", "greenF", "blueF")))


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(("kind", "moved"), [("rewrite", False), ("copy", True),
                                             ("rewrite", True)])
def test_patterned_outlines_stand_out(qtbot: QtBot, window_002_003: MainWindow, theme: str,
                                      kind: str, moved: bool) -> None:
    window_002_003.actions_by_name[f"theme_{theme}"].trigger()
    window_002_003.view.finish_alignment()
    gutter = window_002_003.view.gutter
    qtbot.waitUntil(lambda: (gutter.palette().window().color().lightness() < 80)
                    == (theme == "dark"))
    style = gutter.band_style(link_of(window_002_003, kind, moved=moved, lone=False))
    background = gutter.palette().window().color()
    fill = over(style.fill, background)
    assert contrast(over(style.outline, fill), fill) >= OUTLINE_CONTRAST
    assert contrast(over(style.outline, background), background) >= OUTLINE_CONTRAST
