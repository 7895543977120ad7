"""Where a search's matches are in a pane's document, found in its plain text at C speed.

``QTextDocument.find`` called once per match costs a Python round trip each: in a long
document a one-letter search has a hundred thousand matches, and finding them that way took
seconds per keystroke. A regular expression over the document's raw text finds them all in
a few milliseconds; the spans are then converted to the document's positions.

The search is Qt's: a substring within one paragraph, case folded unless asked, a no-break
space found by a space (``QTextDocument.find`` replaces it so too).

Knows nothing of the pane but what a ``QTextDocument`` offers; must not import the window.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Set
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from PySide6.QtGui import QTextDocument

PARAGRAPH_SEPARATOR = "\u2029"  # how ``toRawText`` ends each block but the last
ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 units in Qt, one in Python
Span = tuple[int, int]  # (start, end) positions in the document


@dataclass(frozen=True)
class DocumentText:
    """A document's raw text and what converts its offsets to the document's positions."""

    text: str
    block_starts: list[int]  # offset (in ``text``) of each block's first character
    astral: list[int]  # offsets of characters Qt counts twice

    def position(self, offset: int) -> int:
        """The document position of an offset in ``text`` (Qt counts UTF-16 units)."""
        return offset + bisect_left(self.astral, offset) if self.astral else offset

    def block_number(self, offset: int) -> int:
        return bisect_right(self.block_starts, offset) - 1


def document_text(document: QTextDocument) -> DocumentText:
    """The raw text of ``document``, its no-break spaces read as spaces (as Qt's find does);
    made again only once its text changed (its revision: 8 ms a long pane, each keystroke)."""
    made = _made.get(document)
    if made is not None and made[0] == document.revision():
        return made[1]
    text = document.toRawText().replace("\xa0", " ")
    starts = [0] + [m.end() for m in re.finditer(PARAGRAPH_SEPARATOR, text)]
    raw = DocumentText(text, starts, [m.start() for m in ASTRAL.finditer(text)])
    _made[document] = (document.revision(), raw)
    return raw


_made: WeakKeyDictionary[QTextDocument, tuple[int, DocumentText]] = WeakKeyDictionary()


def find_in_blocks(document: QTextDocument, words: str, case_sensitive: bool,
                   skipped: Set[int] = frozenset()) -> tuple[list[Span], list[int]]:
    """Every match of ``words`` in ``document`` in text order, as (start, end) positions,
    but those in the blocks numbered in ``skipped``; and the number of the block each is in
    (by bisection: walking a long document's 10,000 blocks in Python took 30-40 ms a
    search)."""
    if not words or PARAGRAPH_SEPARATOR in words:  # (Qt finds nothing across paragraphs)
        return [], []
    raw = document_text(document)
    pattern = re.compile(re.escape(words), 0 if case_sensitive else re.IGNORECASE)
    found = [match.span() for match in pattern.finditer(raw.text)]
    blocks = [raw.block_number(start) for start, _ in found]
    if skipped:
        kept = [n for n, block in enumerate(blocks) if block not in skipped]
        found, blocks = [found[n] for n in kept], [blocks[n] for n in kept]
    if raw.astral:
        found = [(raw.position(start), raw.position(end)) for start, end in found]
    return found, blocks


def hidden_blocks(document: QTextDocument, among: Iterable[int] | None = None) -> set[int]:
    """The numbers of the blocks not shown (folded runs, hidden boilerplate), of those
    ``among`` if given: a few looked up (walking a long pane's blocks took 8 ms a search)."""
    if among is not None:
        numbers = set(among)
        if len(numbers) * 4 < document.blockCount():
            return {n for n in numbers if not document.findBlockByNumber(n).isVisible()}
    hidden = set()
    block = document.firstBlock()
    while block.isValid():
        if not block.isVisible():
            hidden.add(block.blockNumber())
        block = block.next()
    return hidden
