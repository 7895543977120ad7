"""The tag colours a reader chose, as the annotation file keeps them.

The file's top level may hold ``"tag_colours": {"verify": "#d55e00", …}`` (an extension of
``reader-app.annotations/1``: older readers keep unknown top-level keys), keyed by the
case-folded tag. Owns reading that object leniently (anything that is not a tag name mapped to
``#rrggbb`` is ignored, never trusted: the file may come from anywhere) and folding this
store's unsaved choices into it. Tags without a chosen colour get the palette's, in the window.
Must not import Qt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from reader_app.core.errors import ReaderError

TAG_COLOURS_KEY = "tag_colours"
_COLOUR_RE = re.compile(r"#[0-9a-f]{6}")
MAX_TAG_CHARS = 200  # of a tag name kept in the colours object

ColourEdits = dict[str, str | None]  # case-folded tag -> "#rrggbb", or None: back to automatic


def tag_key(tag: str) -> str:
    return tag.strip().casefold()


def normalise_colour(colour: str) -> str:
    """``#RRGGBB`` in lower case; ``ReaderError`` for anything else."""
    value = colour.strip().lower()
    if not _COLOUR_RE.fullmatch(value):
        raise ReaderError(f"not a colour: {colour!r} (expected #rrggbb)")
    return value


def chosen_colours(extra: Mapping[str, Any]) -> dict[str, str]:
    """The well-formed entries of the file's ``tag_colours`` object."""
    found = extra.get(TAG_COLOURS_KEY)
    if not isinstance(found, dict):
        return {}
    colours = {}
    for tag, colour in found.items():
        if (isinstance(colour, str) and isinstance(tag, str) and tag == tag_key(tag)
                and 0 < len(tag) <= MAX_TAG_CHARS and _COLOUR_RE.fullmatch(colour)):
            colours[tag] = colour
    return colours


def with_edits(extra: Mapping[str, Any], edits: ColourEdits) -> dict[str, Any]:
    """``extra`` with ``edits`` applied to its colours (the object dropped when empty)."""
    result = dict(extra)
    if not edits:
        return result
    colours = chosen_colours(extra)
    for tag, colour in edits.items():
        if colour is None:
            colours.pop(tag, None)
        else:
            colours[tag] = colour
    result.pop(TAG_COLOURS_KEY, None)
    if colours:
        result[TAG_COLOURS_KEY] = dict(sorted(colours.items()))
    return result
