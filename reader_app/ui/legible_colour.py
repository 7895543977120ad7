"""A colour made legible as text on a background: a tag's colour, on the dark theme's table.

The tags' colours are chosen to tell tags apart and to underline passages (the colour-blind
safe set); as text on the dark theme's base, the first of them ("verify"'s blue) had a
contrast of about 3:1. Text needs 4.5:1 (WCAG 2, AA): the colour is mixed toward white on a
dark background (toward black on a light one) until it has it, so its hue still tells
which tag it is. Imports nothing of the window.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

TEXT_CONTRAST = 4.5  # WCAG 2 AA, normal text
_STEPS = 10  # of the mix toward white or black, a tenth at a time


def relative_luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an sRGB colour (0 black, 1 white)."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2's contrast ratio of two colours, 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def legible_on(colour: QColor, background: QColor, ratio: float = TEXT_CONTRAST) -> QColor:
    """``colour``, or the least mix of it toward white (or black) legible on ``background``."""
    toward = QColor("white") if relative_luminance(background) < 0.18 else QColor("black")
    for step in range(_STEPS + 1):
        share = step / _STEPS
        mixed = QColor.fromRgbF(*(own + (far - own) * share for own, far in zip(
            (colour.redF(), colour.greenF(), colour.blueF()),
            (toward.redF(), toward.greenF(), toward.blueF()), strict=True)))
        if contrast_ratio(mixed, background) >= ratio:
            return mixed
    return toward
