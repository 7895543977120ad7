"""Tag colours as the reader sees them: in a row with several tags each tag is drawn in its own
colour (not all in the first tag's), and the tag editor's swatch for a new tag shows the colour
the tag then gets (not grey)."""

from __future__ import annotations

from pathlib import Path

from annotation_helpers import select_words, underline_at
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_annotation_editing import open_editor, press_ok
from ui_helpers import QUOTE, SEED_FILES, SENTENCE_000, WindowFactory

from reader_app.core.annotations.jsonfile.store import AnnotationStore
from reader_app.core.annotations.model import new_annotation
from reader_app.core.documents import load_document
from reader_app.ui.annotations.model import TAG_COLOURS_ROLE, TAGS
from reader_app.ui.annotations.panel import AnnotationPanel
from reader_app.ui.annotations.tag_delegate import shown_pieces
from reader_app.ui.annotations.tag_editor import SWATCH
from reader_app.ui.legible_colour import contrast_ratio, legible_on

BLUE, ORANGE = 205, 22  # the hues of the palette's first two colours (#0072B2, #D55E00)


def seed(path: Path, tagged: list[tuple[str, list[str]]]) -> None:
    """Tag quotes of the first seed, oldest first (the palette follows the order of use)."""
    document = load_document(SEED_FILES[0])
    store = AnnotationStore.open(path)
    for minute, (quote, tags) in enumerate(tagged):
        start = document.text.index(quote)
        store.insert(new_annotation(document, start, start + len(quote), tags,
                                    now=f"2026-01-01T00:0{minute}:00Z"))
    store.save()


def hues_across(panel: AnnotationPanel, row: int) -> list[int]:
    """The hue of each coloured pixel column of a Tags cell as drawn, left to right."""
    panel.table.horizontalHeader().resizeSection(TAGS, 260)
    rect = panel.table.visualRect(panel.model.index(row, TAGS))
    image = panel.table.viewport().grab(rect).toImage()
    hues = []
    for x in range(image.width()):
        column = [image.pixelColor(x, y) for y in range(image.height())]
        inked = [c for c in column if c.hsvSaturation() > 120 and c.value() > 60]
        if inked:
            hues.append(max(inked, key=QColor.hsvSaturation).hsvHue())
    return hues


def near(hue: int, wanted: int) -> bool:
    return min(abs(hue - wanted), 360 - abs(hue - wanted)) < 20


def test_each_tag_of_a_row_is_drawn_in_its_own_colour(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    seed(annotations_file, [(SENTENCE_000, ["verify"]), (QUOTE, ["contradiction", "verify"])])
    window = make_window(synchronous=True)
    panel, controller = window.annotations.panel, window.annotations.controller
    assert controller.tag_colour("verify").name() == "#0072b2"
    assert controller.tag_colour("contradiction").name() == "#d55e00"
    row = next(r for r in range(panel.row_count()) if panel.model.index(r, TAGS).data()
               == "contradiction, verify")
    colours = panel.model.index(row, TAGS).data(TAG_COLOURS_ROLE)
    assert [(tag, c.name()) for tag, c in colours] == [
        ("contradiction", "#d55e00"), ("verify", "#0072b2")]
    hues = hues_across(panel, row)
    oranges = [x for x, hue in enumerate(hues) if near(hue, ORANGE)]
    blues = [x for x, hue in enumerate(hues) if near(hue, BLUE)]
    assert oranges and blues, "both tags' colours are drawn"
    assert max(oranges) < min(blues), "contradiction in orange, then verify in blue"
    alone = hues_across(panel, 1 - row)  # the row tagged "verify" alone
    assert alone and all(near(hue, BLUE) for hue in alone)


def test_tags_too_many_for_the_cell_end_in_an_ellipsis() -> None:
    orange, blue, plain = QColor("#d55e00"), QColor("#0072b2"), QColor("#000000")
    tags = [("contradiction", orange), ("verify", blue)]
    metrics = QFontMetrics(QFont())
    whole = shown_pieces(tags, metrics, 1000, plain)
    assert whole == [("contradiction", orange), (", ", plain), ("verify", blue)]
    cut = shown_pieces(tags, metrics, metrics.horizontalAdvance("contradiction, veri"), plain)
    assert "".join(text for text, _ in cut).endswith("…")
    assert cut[0] == ("contradiction", orange)
    assert cut[-1][1] == blue  # the "…" in the colour of the tag it cuts


def swatch_colour(button: object) -> str:
    image = button.icon().pixmap(SWATCH, SWATCH).toImage()  # type: ignore[attr-defined]
    return image.pixelColor(SWATCH // 2, SWATCH // 2).name()


def test_a_new_tags_swatch_shows_the_colour_it_then_gets(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    seed(annotations_file, [(QUOTE, ["verify"])])
    window = make_window(synchronous=True)
    pane, controller = window.view.panes["left"], window.annotations.controller
    select_words(qtbot, pane, SENTENCE_000)
    qtbot.keyClick(pane, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    editor = open_editor(qtbot, window)
    qtbot.keyClicks(editor.tags_field, "contradiction, verify, state media")
    shown = {button.text(): swatch_colour(button) for button in editor.swatch_buttons()}
    assert shown["verify"] == "#0072b2"
    assert shown["contradiction"] != "#7f7f7f"
    press_ok(qtbot, editor)
    got = {tag: controller.tag_colour(tag).name() for tag in shown}
    assert shown == got
    assert len(set(got.values())) == 3
    assert underline_at(pane, SENTENCE_000).underlineColor().name() == got["contradiction"]


def test_tags_are_legible_on_the_dark_theme(
        qtbot: QtBot, make_window: WindowFactory, annotations_file: Path) -> None:
    # "verify"'s blue (#0072B2) on the dark table: about 3:1, under text's 4.5:1.
    seed(annotations_file, [(SENTENCE_000, ["verify"])])
    window = make_window(synchronous=True)
    window.set_theme("dark")
    QApplication.processEvents()  # (the palette reaches the widgets)
    panel = window.annotations.panel
    panel.table.horizontalHeader().resizeSection(TAGS, 260)
    rect = panel.table.visualRect(panel.model.index(0, TAGS))
    image = panel.table.viewport().grab(rect).toImage()
    base = panel.table.palette().color(panel.table.backgroundRole())
    inked = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())
             if near(image.pixelColor(x, y).hsvHue(), BLUE)
             and image.pixelColor(x, y).hsvSaturation() > 60]
    assert base.lightness() < 64  # (the dark theme's table)
    # Anti-aliased strokes are a mix of ink and background: drawn in #0072B2 itself no pixel
    # could stand out more than the colour does (3.2:1); drawn legible, its strokes do.
    assert contrast_ratio(QColor("#0072b2"), base) < 3.3
    assert inked and max(contrast_ratio(c, base) for c in inked) > 3.5
    assert contrast_ratio(legible_on(QColor("#0072b2"), base), base) >= 4.5
    assert contrast_ratio(legible_on(QColor("#0072b2"), QColor("white")), QColor("white")) > 5
    assert legible_on(QColor("#0072b2"), QColor("white")) == QColor("#0072b2")  # as it was
