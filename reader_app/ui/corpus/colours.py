"""The heat-map's colours: a sequential single-hue palette, one for each theme.

Blues (ColorBrewer), ordered by lightness alone, so it reads the same to colour-blind
readers and in grey. In the light theme more content in common is darker, from the white of
the page; in the dark theme it is lighter, from the dark of the page, so that "more" always
stands out from the background. The text on a cell is black or white, whichever contrasts.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

LIGHT_STOPS = ("#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b")
DARK_STOPS = ("#1b2430", "#1f3f63", "#2f6fa8", "#6baed6", "#deebf7")
DIAGONAL = {False: QColor("#ececec"), True: QColor("#2a2a2a")}
FAINT = 0.05  # below this, next to nothing in common: the figure is written in grey
FAINT_TEXT = {False: QColor("#6f6f6f"), True: QColor("#9a9a9a")}  # 4.5:1 on the faint cells


def heat_colour(value: float, dark: bool) -> QColor:
    """The colour of a cell holding ``value`` (0..1)."""
    stops = [QColor(s) for s in (DARK_STOPS if dark else LIGHT_STOPS)]
    position = min(max(value, 0.0), 1.0) * (len(stops) - 1)
    low = min(int(position), len(stops) - 2)
    t = position - low
    a, b = stops[low], stops[low + 1]
    return QColor(round(a.red() + (b.red() - a.red()) * t),
                  round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def cell_text_colour(value: float, dark: bool) -> QColor:
    """The percentage's colour: grey when next to nothing is in common, so that the figures
    that matter stand out of a large corpus's many zeros."""
    return FAINT_TEXT[dark] if value < FAINT else text_colour(heat_colour(value, dark))


def text_colour(background: QColor) -> QColor:
    """Black or white, whichever stands out more on ``background`` (relative luminance)."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    luminance = (0.2126 * linear(background.red()) + 0.7152 * linear(background.green())
                 + 0.0722 * linear(background.blue()))
    # Contrast with black (L + 0.05) / 0.05 against white 1.05 / (L + 0.05): equal at 0.179.
    return QColor("#000000") if luminance > 0.179 else QColor("#ffffff")
