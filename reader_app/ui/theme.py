"""Colours of the window: light and dark palettes, and the comparison highlight colours.

The highlight palette is colour-blind safe (Okabe-Ito blue for shared wording, orange for
wording only one side has) and is chosen to match the window's palette, so that following
the system's dark mode keeps text legible. Links that share wording are sky-blue bands;
reworded links (the same facts in other words) bluish-green dotted ones; inside a linked
pair a word in another form is underlined dashed blue, a figure, date or name that differs
is bold vermilion with a wavy underline.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reader_app.core.formats import palette

THEMES = ("system", "light", "dark")
BOX_EDGE_SOURCE = "#9a9a9a"  # Fusion draws a box's edge in its Window colour darkened by 140 %


@dataclass(frozen=True)
class Highlights:
    shared: QColor
    unique: QColor
    unlinked: QColor
    boilerplate: QColor
    gap: QColor
    gap_stripes: QColor
    band: QColor
    moved: QColor
    flash: QColor
    overview_background: QColor
    rewrite: QColor  # band of a reworded link
    variant_mark: QColor  # dashed underline: the same word in another form
    differs_mark: QColor  # wavy underline: a figure, date or name stated otherwise
    differs_text: QColor  # ...and its (bold) text: legible on every highlight
    dark: bool = False


LIGHT = Highlights(
    shared=QColor(palette.SHARED_BACKGROUND),
    unique=QColor(palette.UNIQUE_BACKGROUND),
    unlinked=QColor(palette.UNLINKED_BACKGROUND),
    boilerplate=QColor("#9a9a9a"),
    gap=QColor("#f6f6f6"),
    gap_stripes=QColor("#e2e2e2"),
    band=QColor(86, 180, 233, 70),
    moved=QColor(204, 121, 167, 110),
    flash=QColor("#fff36b"),
    overview_background=QColor("#f7f7f7"),
    rewrite=QColor(0, 158, 115, 30),
    variant_mark=QColor(palette.VARIANT_MARK),
    differs_mark=QColor(palette.DIFFERS_MARK),
    differs_text=QColor(palette.DIFFERS_TEXT),
)
DARK = Highlights(
    shared=QColor("#1d4a6b"),
    unique=QColor("#7a4f08"),
    unlinked=QColor("#33291a"),
    boilerplate=QColor("#7d7d7d"),
    gap=QColor("#232323"),
    gap_stripes=QColor("#303030"),
    band=QColor(86, 180, 233, 60),
    moved=QColor(204, 121, 167, 110),
    flash=QColor("#8a7a00"),
    overview_background=QColor("#202020"),
    rewrite=QColor(0, 158, 115, 40),
    variant_mark=QColor("#8fd0f5"),
    differs_mark=QColor("#ff7a2e"),
    # Pale enough for 4.5:1 on the orange of "only here" wording, where most differing
    # figures lie (#ff9a5c was 3.4:1): bold and the wavy underline keep it apart from text.
    differs_text=QColor("#ffc38c"),
    dark=True,
)


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Link: "#56b4e9",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = {  # greyed: a disabled button or label must not look like an enabled one
        QPalette.ColorRole.WindowText: "#7a7a7a",
        QPalette.ColorRole.Text: "#777777",
        QPalette.ColorRole.ButtonText: "#7a7a7a",
        QPalette.ColorRole.Button: "#2f2f2f",
        QPalette.ColorRole.Base: "#262626",
        QPalette.ColorRole.Highlight: "#4a4a4a",
        QPalette.ColorRole.HighlightedText: "#a0a0a0",
    }
    for role, colour in disabled.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


_system_palette: QPalette | None = None
_system_style = ""


def apply_theme(app: QApplication, theme: str) -> Highlights:
    """Set the application palette for ``theme`` and return the matching highlights."""
    global _system_palette, _system_style
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
        _system_style = app.style().name()
    if theme == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setStyle("Fusion")
        app.setPalette(app.style().standardPalette())
    else:
        app.setStyle(_system_style)
        app.setPalette(_system_palette)
    boxes = _box_palette(app.palette(), theme == "dark")
    for holder in ("QCheckBox", "QMenu"):  # a menu's checkable entries are boxes too
        app.setPalette(boxes, holder)
    return highlights_for(app.palette())


def _box_palette(palette: QPalette, dark: bool) -> QPalette:
    """The palette of check boxes: the window's, but in the dark theme with a light Window
    colour, which Fusion darkens for the box's edge (drawn from #2b2b2b it was #222222, an
    unticked box next to invisible on the bar, and "Hide Boilerplate" unticked in the View
    menu). A box fills no background of its own; a menu fills its own from Base, and its
    frame, drawn from Window too, stands out from the window behind it."""
    boxes = QPalette(palette)
    if dark:
        boxes.setColor(QPalette.ColorRole.Window, QColor(BOX_EDGE_SOURCE))
    return boxes


def highlights_for(palette: QPalette) -> Highlights:
    is_dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return DARK if is_dark else LIGHT
