"""Quotations in a paragraph: text between quote marks of any style, of at least 4 words.

Double marks of every common style pair up: “…” (English), „…“ and „…” (German, Polish),
«…» and »…« (French, Russian, German), single angle marks (U+2039 … U+203A), "…"
(typewriter), ”…” (Swedish), 「…」 (CJK). Single marks (U+2018 … U+2019, or ASCII ') count only
when they are clearly a quote, never an apostrophe: opening after a space, a bracket, a dash
or the paragraph's start and before a letter, and closing before a space, punctuation or the
end; apostrophes inside ("don't", "Russia's", typographic too) are read through. Single
marks inside a double-marked quotation are not quotations of their own. A quotation's offsets
cover the quoted text inside the marks, without the spaces and the trailing comma, colon or
dash that punctuate the sentence around it. This is the one place quotations are found (the
helper of ``compare.content_terms`` moved here). Must not import Qt.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from reader_app.core.text import WORD_RE

MIN_QUOTE_WORDS = 4
_OPENERS_AND_CLOSERS = "\"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d"
MAX_QUOTE_CHARS = 4000  # a longer "quotation" is a stray mark; bounding it keeps the scan linear
_INNER = rf"[^{_OPENERS_AND_CLOSERS}]{{1,{MAX_QUOTE_CHARS}}}?"
# (opening mark, closing marks) of every double style; the inner text holds no double mark.
_DOUBLE_STYLES = (
    ("\u201c", "\u201d"),  # “…”
    ("\u201e", "\u201c\u201d"),  # „…“ „…”
    ("\u00ab", "\u00bb"),  # «…»
    ("\u00bb", "\u00ab"),  # »…«
    ("\u2039", "\u203a"),  # single angle marks
    ('"', '"'),
    ("\u201d", "\u201d"),  # ”…”
    ("\u300c", "\u300d"),  # 「…」
)
_DOUBLE_RE = re.compile(
    "|".join(f"{re.escape(opening)}({_INNER})[{re.escape(closing)}]"
             for opening, closing in _DOUBLE_STYLES)
)
# Single marks: an opening mark after a space, bracket, dash or colon (or the start) and
# before a letter; a closing mark after a letter or punctuation and before no letter or digit
# (a mark between two letters is an apostrophe). Found apart and paired, nearest first: a
# single pattern would scan from every apostrophe-like opening mark to the paragraph's end.
_SINGLE_OPEN_RE = re.compile(r"(?<![^\s(\[\u2014\u2013:])['\u2018](?=[^\W\d_])")
_SINGLE_CLOSE_RE = re.compile(r"(?<=[\w.,!?;\u2026])['\u2019](?!\w)")
_SINGLE_PAIRS = {"'": "'", "\u2018": "\u2019"}
_TRIMMED_END = " \t\n,;:\u2014\u2013-"


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
    return [span for span in found if len(WORD_RE.findall(text, span.start, span.end))
            >= MIN_QUOTE_WORDS]


def _singles(text: str, start: int, end: int) -> list[QuoteSpan]:
    """Quotations in single marks in ``text[start:end]``: each opening mark paired with the
    next closing mark of its style on the same line, at most ``MAX_QUOTE_CHARS`` on."""
    if text.find("'", start, end) < 0 and text.find("\u2018", start, end) < 0:
        return []  # no opening mark: most paragraphs
    closers: dict[str, list[int]] = {"'": [], "\u2019": []}
    for match in _SINGLE_CLOSE_RE.finditer(text, start, end):
        closers[match.group()].append(match.start())
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
        if close - at > MAX_QUOTE_CHARS or text.find("\n", at, close) >= 0:
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
