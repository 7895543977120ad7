"""Word and token boundaries, the one definition every part of the core counts with,
``shorten`` (the one way a long text is cut for display, with "…") and ``visible_controls``
(the one way text from a document, a file name or the annotation file is made safe for a
terminal; ``csv_cell`` and ``json_controls`` for CSV and JSON).

A *word* is a maximal match of ``\\w+`` (the contract's definition). The word diff also sees
punctuation runs as tokens, so that a changed comma can be shown without making a word unique,
and a figure written with separators ("4:00", "3.5", "1,000") as one token (``NUMBER``), so
that a changed figure is shown changed as a whole: split, "4:00" against "6:00" showed its
":00" as shared wording. Such a token still counts as the words ``\\w+`` finds in it.
A word token also holds the combining marks (Unicode Mn, Mc, Me) after its letters, which
``\\w`` does not match, so that "e" + U+0301 is one token "é" (and a span never ends between
a letter and its accent); the word count is still ``\\w+``'s.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

WORD_RE = re.compile(r"\w+")
# A number, with the separators of a figure between its digits: "42", "4:00", "10:41", "3.5",
# "1,000". The content terms read figures by it too, so a figure is one piece wherever the
# core compares it.
NUMBER = r"\d+(?:[.,:]\d+)*"


def _combining_marks() -> str:
    """A pattern matching one combining mark (Mn, Mc, Me), built from this Python's Unicode
    database (the one ``\\w`` follows): the marks of the BMP in one character class (which
    ``re`` looks up in one step), the few beyond it behind a lookahead, so that a character
    that is no mark costs one lookup, not one per range. (The skipped stretches, the
    ideographs, the Hangul syllables, the surrogates and private use, hold no mark.)"""
    codes = [*range(0x300, 0x3400), *range(0xA000, 0xAC00), *range(0xFB00, 0x20000),
             *range(0xE0100, 0xE01F0)]
    ranges: list[list[int]] = []
    for code, category in zip(codes, map(unicodedata.category, map(chr, codes)), strict=True):
        if category[0] != "M":
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    bmp, astral = ("".join(rf"\U{first:08x}-\U{last:08x}" for first, last in ranges
                           if (first < 0x10000) == in_bmp) for in_bmp in (True, False))
    return rf"(?:[{bmp}]|(?=[\U00010000-\U0010ffff])[{astral}])"


COMBINING_MARK = _combining_marks()
# What the word diff takes as one word token: a number, else a word (tried in this order),
# with the combining marks after its letters (one token "Zürich" of "Zu" + U+0308 + "rich",
# which ``\w+`` takes for two words). A number glued to letters ("4th", "4:00pm") is left to
# the word: a token never ends inside a word, so every word lies in one token (and one span).
WORD_TOKEN = rf"{NUMBER}(?!\w|{COMBINING_MARK})|\w+(?:{COMBINING_MARK}+\w*)*"
# Group 1 matches a word token, group 2 a run of punctuation.
TOKEN_RE = re.compile(rf"({WORD_TOKEN})|([^\w\s]+)")


# C0 controls (but tab and newline) and DEL become their Unicode control pictures (ESC is
# "␛"), one character for one so that columns stay aligned; C1 controls (U+0080-U+009F, 0x9b
# is a terminal's CSI) become a visible ``\x9b``. The bidirectional embeddings, overrides
# and isolates reorder what follows them on screen ("Trojan Source": a file name
# "report\u202etxt.exe" shows as "reportexe.txt"): each becomes a visible ``\u202e``.
# (The plain marks LRM / RLM, which reorder nothing, stay.)
_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_CONTROLS: dict[int, str] = {
    **{code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\t\n"},
    0x7F: "\u2421",
    **{code: f"\\x{code:02x}" for code in range(0x80, 0xA0)},
    **{code: f"\\u{code:04x}" for code in _BIDI},
}
# One line stays one line for any reader: the line and paragraph separators, which Python's
# ``splitlines``, editors and log viewers break lines at, are shown as well.
_ONE_LINE = {**_CONTROLS, 0x09: "\u2409", 0x0A: "\u240a", 0x2028: "\\u2028",
             0x2029: "\\u2029"}
# One for one (a pane's offsets are the document's): a bidirectional control, which has no
# picture, as the replacement character.
_PICTURES = {**{code: shown for code, shown in _CONTROLS.items() if len(shown) == 1},
             **dict.fromkeys(_BIDI, "\ufffd")}
_PICTURED_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# DEL, the C1 controls and the lone surrogates a file name not in UTF-8 is decoded to.
_JSON_ESCAPED_RE = re.compile("[\x7f-\x9f\ud800-\udfff]")
_ONE_LINE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")
# A spreadsheet runs a cell that starts so as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def visible_controls(text: str, one_line: bool = False) -> str:
    """``text`` with every control character but tab and newline shown as a visible sign,
    never sent raw: what reaches a terminal can move no cursor, set no title, write no
    clipboard. ``one_line`` shows tabs and newlines too (a one-line message)."""
    pattern, table = (_ONE_LINE_RE, _ONE_LINE) if one_line else (_CONTROL_RE, _CONTROLS)
    return text if pattern.search(text) is None else text.translate(table)


def control_pictures(text: str) -> str:
    """``text`` with its C0 controls (but tab and newline) and DEL shown as their control
    pictures, and its bidirectional embeddings, overrides and isolates as "\ufffd", one
    character for one, so that an offset into it is one into ``text`` (a document pane's
    text: Qt drew an escape sequence's ESC as an empty box, and "bidi \u202eevil" as
    "bidi live")."""
    return text if _PICTURED_RE.search(text) is None else text.translate(_PICTURES)


def json_controls(document: str) -> str:
    """A JSON document (``json.dumps`` output) with DEL and the C1 controls, which
    ``json.dumps`` leaves raw, escaped as ``\\u009b``: the same data, nothing a terminal runs.
    Lone surrogates (a file name's undecodable bytes) are escaped too (``\\udcff``): raw, they
    have no UTF-8 form, and the escape gives a script the name's bytes back (``os.fsencode``)."""
    return _JSON_ESCAPED_RE.sub(lambda match: f"\\u{ord(match.group()):04x}", document)


def csv_cell(text: str) -> str:
    """``text`` safe as a CSV cell: controls made visible (``visible_controls``), and a cell a
    spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab or CR first, or first
    after leading whitespace: spreadsheets trim " =1+1" and run it) led by a ``'``."""
    shown = visible_controls(text)
    runs = text.startswith(_FORMULA_STARTS) or text.lstrip().startswith(_FORMULA_STARTS)
    return "'" + shown if runs else shown


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of words in ``text[start:end]``."""
    return len(WORD_RE.findall(text, start, len(text) if end is None else end))


def word_counts(text: str, ranges: Iterable[tuple[int, int]]) -> list[int]:
    """``count_words`` of each ``[start, end)`` range of ``text``, for many ranges at once:
    the characters are classed once, in C, so no word becomes a string (a 200k-word document
    made 200,000 of them to count its paragraphs' words)."""
    classes = bytearray(text.encode("ascii", "replace").translate(_ASCII_CLASSES))
    for match in _NOT_ASCII_RE.finditer(text):  # one byte per character: "?" until classed
        if WORD_RE.fullmatch(match.group()):
            classes[match.start()] = _WORD_CLASS
    starts = bytes((_OTHER_CLASS, _WORD_CLASS))  # a word starts where a non-word ends
    return [classes.count(starts, start, end) + (start < end and classes[start] == _WORD_CLASS)
            for start, end in ranges]


_WORD_CLASS, _OTHER_CLASS = ord("w"), ord(" ")
_ASCII_CLASSES = bytes(_WORD_CLASS if WORD_RE.fullmatch(chr(code)) else _OTHER_CLASS
                       for code in range(256))
_NOT_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def shorten(text: str, limit: int) -> str:
    """``text`` if it has at most ``limit`` characters, else its first ``limit - 1`` and "…"."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def writing_direction(text: str) -> str:
    """"rtl" if the first letter with a strong direction in ``text`` is written right to left
    (Arabic, Hebrew…), else "ltr": the rule of HTML's ``dir="auto"``, spelt out for readers
    of HTML that lack it (Qt's rich text, so the PDF export, takes every block as "ltr")."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def counted(count: int, noun: str, plural: str = "") -> str:
    """"1 passage", "7 passages", "109,539 words" (``plural`` for a noun that does not just
    add an "s")."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


# A word's character, or a combining mark (a word is taken whole with its accents).
WORD_CHAR_RE = re.compile(rf"\w|{COMBINING_MARK}")
_LEADING_MARKS = frozenset(",.;:!?)]}\u2019\u201d")  # what ends the word before the passage


def _word_edges(text: str, position: int) -> tuple[int, int]:
    """The word holding the character at ``position`` (``\\w+``, as ``WORD_RE``, with the
    combining marks in and after it)."""
    first = last = position
    while first > 0 and WORD_CHAR_RE.match(text[first - 1]):
        first -= 1
    while last < len(text) and WORD_CHAR_RE.match(text[last]):
        last += 1
    return first, last


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` of ``text`` moved to whole words: a word cut by an edge is taken
    whole if at least half of it is inside, else left out (a selection inside one word takes
    that word); then surrounding whitespace, and the previous sentence's marks before the
    first word, are left out. ``(start, start)`` if nothing is left."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if start >= end:
        return start, start
    first, last = _word_edges(text, start) if WORD_CHAR_RE.match(text[start]) else (start, start)
    if first < start and last >= end:
        return first, last  # inside one word: that word
    if first < start:
        start = first if 2 * (last - start) >= last - first else last
    if 0 < end < len(text) and WORD_CHAR_RE.match(text[end - 1]) and WORD_CHAR_RE.match(
            text[end]):
        first, last = _word_edges(text, end - 1)
        end = last if 2 * (end - first) >= last - first else first
    while start < end and (text[start].isspace() or text[start] in _LEADING_MARKS):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else (start, start)
