"""Telling UTF-16 without a byte-order mark from a binary file (or from another text that
happens to hold a NUL byte).

Some Windows programs save UTF-16 with no mark. Such a file has NUL bytes, which otherwise
mean a binary file, so ``core.documents`` asks ``unmarked_utf16`` before refusing one. The
file holds controls as UTF-16 does (not one stray NUL), and is read in the byte order that
fits it (its high bytes less varied than its low ones), strictly (an unpaired surrogate is no
text), with hardly any control, unassigned or private-use character. Only a prefix is
weighed, so a large file costs no more than a small one. Must not import Qt.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter

SAMPLE_BYTES = 65_536  # the prefix weighed: enough for any script's statistics
# At least this share of the bytes are controls (below 0x20, but tab, newline and carriage
# return) in UTF-16 of any script: the high byte of every character up to U+1FFF (Latin,
# Greek, Cyrillic, Arabic, Indic...), the low byte of one ideograph in nine and of most CJK
# punctuation (U+FF0C, U+3002, U+3001: "。" "、") are; in a file of single bytes (ASCII, UTF-8,
# Windows-1252) with a stray NUL there are hardly any. (And at least two: "x\n" has two.)
MIN_CONTROL_BYTES_SHARE = 0.03
MIN_CONTROL_BYTES = 2
# At most this share of the characters may be controls (but whitespace), unassigned or
# private-use: a binary file read as UTF-16 has far more (a third of all code points are).
MAX_BAD_SHARE = 0.02
# How much more varied (in bits of entropy) a UTF-16 text's low bytes are than its high ones:
# the high byte names the block (in a Latin text 0; in Russian 0x04 or 0; the ideographs,
# the Hangul syllables and the characters beyond the BMP count as one block each), the low
# byte the letter in it. Read with the wrong byte order, the two trade places: the order with
# the wider gap is tried first (the other, when it passes, is tried only when the first is
# no text: it decodes with an unpaired surrogate or too many bad characters).
MIN_ENTROPY_GAP = 0.5
_CONTROL_BYTES = bytes(code for code in range(0x20) if code not in b"\t\n\r")
_BLOCKS = bytes.maketrans(
    bytes([*range(0x34, 0xA0), *range(0xAC, 0xD8), *range(0xD8, 0xE0)]),
    bytes([0x34] * (0xA0 - 0x34) + [0xAC] * (0xD8 - 0xAC) + [0xD8] * 8))
_WHITESPACE = frozenset("\t\n\v\f\r")
# At least this share of the characters separate words or sentences (spaces, line breaks,
# punctuation: categories Z and P, and the whitespace controls): a text in any script has
# them (Chinese its U+FF0C and U+3002); bytes that merely decode ("\x00\x01\x02binary\x00" read
# as "Ā戂湩牡y" again and again) have none.
MIN_SEPARATOR_SHARE = 0.01
_BAD_CATEGORIES = frozenset({"Cc", "Cn", "Co"})  # control, unassigned, private use
_ORDERS = (("utf-16-le", 1), ("utf-16-be", 0))  # (codec, where each unit's high byte is)


def unmarked_utf16(data: bytes) -> tuple[str, str] | None:
    """(the text, the codec: "utf-16-le" or "utf-16-be") when ``data`` is UTF-16 without a
    byte-order mark, else ``None``."""
    sample = data[:SAMPLE_BYTES]
    controls = sum(map(sample.count, _CONTROL_BYTES))
    if len(data) % 2 or controls < max(MIN_CONTROL_BYTES, MIN_CONTROL_BYTES_SHARE * len(sample)):
        return None
    gaps = {encoding: _entropy(sample[1 - high :: 2])
            - _entropy(sample[high::2].translate(_BLOCKS)) for encoding, high in _ORDERS}
    for encoding in sorted(gaps, key=gaps.__getitem__, reverse=True):
        if gaps[encoding] < MIN_ENTROPY_GAP:
            break
        try:
            text = data.decode(encoding)  # strict: an unpaired surrogate is no text
        except UnicodeDecodeError:
            continue
        if _few_bad(text[: len(sample) // 2]):
            return text, encoding
    return None


def _entropy(data: bytes) -> float:
    """The Shannon entropy of the bytes of ``data``, in bits per byte."""
    total = len(data)
    return -sum(n / total * math.log2(n / total) for n in Counter(data).values())


def _few_bad(text: str) -> bool:
    """Whether hardly any character of ``text`` is a control (but whitespace), unassigned
    or private-use, and enough separate words (each distinct character is looked up once)."""
    bad = separators = 0
    for char, count in Counter(text).items():
        category = unicodedata.category(char)
        if char in _WHITESPACE or category[0] in "ZP":
            separators += count
        elif category in _BAD_CATEGORIES:
            bad += count
    return (bool(text) and bad <= MAX_BAD_SHARE * len(text)
            and separators >= max(1, MIN_SEPARATOR_SHARE * len(text)))
