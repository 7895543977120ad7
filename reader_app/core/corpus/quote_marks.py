"""Quotations in a paragraph: text between quote marks of any style, of at least 4 words.

Double marks of every common style pair up: “…” (English), „…“ and „…” (German, Polish),
«…» and »…« (French, Russian, German), single angle marks (U+2039 … U+203A), "…"
(typewriter), ”…” (Swedish), 「…」 and 『…』 (CJK; 『…』 also inside 「…」, as single marks
inside double ones, where it is no quotation of its own). Single marks (U+2018 … U+2019, or
ASCII ') count only when they are clearly a quote, never an apostrophe: opening after a space,
a bracket, a dash or the paragraph's start and before a letter, and closing before a space,
punctuation or the end; apostrophes inside ("don't", "Russia's", typographic too) are read
through. Single marks inside a double-marked quotation are not quotations of their own. A
quotation's offsets cover the quoted text inside the marks, without the spaces and the
trailing comma, colon or dash that punctuate the sentence around it. Chinese and Japanese are
written without spaces, where ``\\w+`` takes a whole clause for one word: there each two
characters count as a word (``quotation_words``). This is the one place quotations are
found (the helper of ``compare.content_terms`` moved here). Must not import Qt.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from reader_app.core.text import WORD_RE

MIN_QUOTE_WORDS = 4
_OPENERS_AND_CLOSERS = "\"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d"
_NESTED_MARKS = "\u300e\u300f"  # 『』: a quotation of its own, or one inside 「…」
# A quotation is as long as its paragraph lets it be: one of more than 4,000 characters (a
# statement quoted whole) was dropped, and with typewriter marks its closing mark opened a
# false "quotation" of the sentence after it. The scan stays linear without a bound, as the
# inner text holds no double mark: each character is read from the nearest mark before it.
_INNER = rf"[^{_OPENERS_AND_CLOSERS}]+?"
_INNER_UNNESTED = rf"[^{_OPENERS_AND_CLOSERS}{_NESTED_MARKS}]+?"
# (opening mark, closing marks, inner text) of every double style; the inner text holds no
# double mark (and 『…』 none of its own marks either).
_DOUBLE_STYLES = (
    ("\u201c", "\u201d", _INNER),  # “…”
    ("\u201e", "\u201c\u201d", _INNER),  # „…“ „…”
    ("\u00ab", "\u00bb", _INNER),  # «…»
    ("\u00bb", "\u00ab", _INNER),  # »…«
    ("\u2039", "\u203a", _INNER),  # single angle marks
    ('"', '"', _INNER),
    ("\u201d", "\u201d", _INNER),  # ”…”
    ("\u300c", "\u300d", _INNER),  # 「…」
    ("\u300e", "\u300f", _INNER_UNNESTED),  # 『…』
)
_DOUBLE_RE = re.compile(
    "|".join(f"{re.escape(opening)}({inner})[{re.escape(closing)}]"
             for opening, closing, inner in _DOUBLE_STYLES)
)
# The characters of scripts written without spaces: kana and the ideographs. A Chinese word
# is about two of them, so two count as a word; a quoted name or slogan ("「一带一路」", four)
# stays out, as "so-called" in quote marks does in English.
_UNSPACED_RE = re.compile(
    "[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0003134f]")
UNSPACED_CHARS_PER_WORD = 2
# Single marks: an opening mark after a space, bracket, dash or colon (or the start) and
# before a letter; a closing mark after a letter or punctuation and before no letter or digit
# (a mark between two letters is an apostrophe). Found apart and paired, nearest first: a
# single pattern would scan from every apostrophe-like opening mark to the paragraph's end.
_SINGLE_OPEN_RE = re.compile(r"(?<![^\s(\[\u2014\u2013:])['\u2018](?=[^\W\d_])")
_SINGLE_CLOSE_RE = re.compile(r"(?<=[\w.,!?;\u2026])['\u2019](?!\w)")
_SINGLE_PAIRS = {"'": "'", "\u2018": "\u2019"}
_LINE_BREAK_RE = re.compile("\n")
_TRIMMED_END = " \t\n,;:\u2014\u2013-\u3000\u3001\uff0c\uff1a\uff1b"  # (and the CJK ones)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Where a quotation stands: its marks (``open_at``, ``close_end``) and the quoted text
    (``start``, ``end``, inside the marks, trimmed)."""

    open_at: int
    start: int
    end: int
    close_end: int


def quotations(text: str, start: int, end: int) -> list[QuoteSpan]:
    """The quotations of ``text[start:end]`` (a paragraph) of at least 4 words, in order."""
    doubles = [span for m in _DOUBLE_RE.finditer(text, start, end) if (span := _span(m))]
    found = list(doubles)
    cursor = start
    for outer in [*doubles, None]:
        stop = end if outer is None else outer.open_at
        found += _singles(text, cursor, stop)
        cursor = end if outer is None else outer.close_end
    found.sort(key=lambda span: span.start)
    return [span for span in found
            if quotation_words(text, span.start, span.end) >= MIN_QUOTE_WORDS]


def quotation_words(text: str, start: int, end: int) -> int:
    """The words of ``text[start:end]``: its ``\\w+`` matches, but in Chinese and Japanese
    (no spaces between words) each two characters one word, and the other scripts' words
    between them counted apart."""
    words = len(WORD_RE.findall(text, start, end))
    if words >= MIN_QUOTE_WORDS or _UNSPACED_RE.search(text, start, end) is None:
        return words  # (most quotations: no such character)
    unspaced = len(_UNSPACED_RE.findall(text, start, end))
    return (len(WORD_RE.findall(_UNSPACED_RE.sub(" ", text[start:end])))
            + unspaced // UNSPACED_CHARS_PER_WORD)


def _singles(text: str, start: int, end: int) -> list[QuoteSpan]:
    """Quotations in single marks in ``text[start:end]``: each opening mark paired with the
    next closing mark of its style on the same line (where the next line break is, is looked
    up, never searched for from each opening mark: that was quadratic)."""
    if text.find("'", start, end) < 0 and text.find("\u2018", start, end) < 0:
        return []  # no opening mark: most paragraphs
    closers: dict[str, list[int]] = {"'": [], "\u2019": []}
    for match in _SINGLE_CLOSE_RE.finditer(text, start, end):
        closers[match.group()].append(match.start())
    breaks = [match.start() for match in _LINE_BREAK_RE.finditer(text, start, end)]
    found, cursor = [], start
    for match in _SINGLE_OPEN_RE.finditer(text, start, end):
        at = match.start()
        if at < cursor:
            continue
        candidates = closers[_SINGLE_PAIRS[match.group()]]
        index = bisect_right(candidates, at)
        if index == len(candidates):
            continue
        close = candidates[index]
        line_break = bisect_right(breaks, at)
        if line_break < len(breaks) and breaks[line_break] < close:
            continue
        if (span := _trimmed(at, at + 1, close, close + 1, text)) is not None:
            found.append(span)
            cursor = close + 1
    return found


def _span(match: re.Match[str]) -> QuoteSpan | None:
    group = match.lastindex or 0
    return _trimmed(match.start(), *match.span(group), match.end(), match.string)


def _trimmed(open_at: int, inner_start: int, inner_end: int, close_end: int, text: str
             ) -> QuoteSpan | None:
    """The quotation between the marks, without its outer spaces and trailing comma or dash
    (None when nothing is left)."""
    quoted = text[inner_start:inner_end]
    trimmed = quoted.rstrip(_TRIMMED_END)
    leading = len(quoted) - len(quoted.lstrip())
    if len(trimmed) <= leading:
        return None
    return QuoteSpan(open_at, inner_start + leading, inner_start + len(trimmed), close_end)
