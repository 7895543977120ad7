"""Metadata read off a saved article's text: title, byline or outlet, date, source URL.

Saved articles carry these as loose lines ("By [AFP](#)", "April 07, 2025", "Original url:"
followed by a link, a leading "date 2025-04-07"). Everything here is a best guess from the
text alone; a missing field is ``None``. Must not import Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

from reader_app.core.datelines import is_dateline
from reader_app.core.text import WORD_RE, count_words

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})"),
    # "12/19/2005": month and day in either order, read only when one of them is over 12.
    re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b"),
]
# A scraper's date field before the text ("date 2025-04-07 Blaming …"); ``documents`` makes
# it a paragraph of its own.
LEADING_DATE_RE = re.compile(r"\s*date:?\s+(\d{4}-\d{1,2}-\d{1,2})(?:\s+|$)", re.IGNORECASE)
_BYLINE_RE = re.compile(r"(?:by|from)\s+(.{2,80})", re.IGNORECASE)
_MARKDOWN_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL_RE = re.compile(r"<?(https?://[^\s<>\"']+)>?")
_HEAD_PARAGRAPHS = 8
TITLE_MAX_CHARS = 90


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    byline: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD)
    url: str | None = None
    word_count: int = 0

    @property
    def outlet(self) -> str | None:
        """Who published it: the byline, or else the source URL's host."""
        if self.byline:
            return self.byline
        if self.url:
            host = urlparse(self.url).hostname or ""
            return host.removeprefix("www.") or None
        return None


def extract_metadata(
    text: str, paragraphs: list[tuple[int, int]], word_count: int | None = None,
    title: str | None = None,
) -> Metadata:
    """Guess metadata from ``text`` given its content paragraphs (boilerplate left out);
    a ``title`` the document declares (a web page's) is taken as it is."""
    lines = [text[s:e] for s, e in paragraphs]
    head = lines[:_HEAD_PARAGRAPHS]
    return Metadata(
        title=title or _find_title(head),
        byline=_find_byline(head),
        date=_find_date(head),
        url=_find_url(lines),
        word_count=count_words(text) if word_count is None else word_count,
    )


def _find_title(head: list[str]) -> str | None:
    for line in head:
        words = len(WORD_RE.findall(line))
        if _is_meta_line(line) or words < 3:
            continue
        if words <= 25 and not line.rstrip().endswith((".", ":", "”", '"')):
            return _clean_markup(line)
        break
    for line in head:
        # Matched at the start only: searched for, a run of 100,000 spaces took 38 s (each
        # of its places a new start for the pattern's own run of spaces).
        leading = LEADING_DATE_RE.match(line)
        body = line[leading.end():] if leading else line
        if len(WORD_RE.findall(body)) >= 3 and not _is_meta_line(body):
            return _shorten(_clean_markup(body))
    return None


def _is_meta_line(line: str) -> bool:
    stripped = line.strip()
    return bool(
        _BYLINE_RE.fullmatch(stripped)
        or _standalone_date(stripped)
        or is_dateline(WORD_RE.findall(stripped))  # (one whose date is not read: "03/04/2005")
        or _URL_RE.fullmatch(stripped)
    )


def _shorten(line: str) -> str:
    if len(line) <= TITLE_MAX_CHARS:
        return line
    cut = line.rfind(" ", 0, TITLE_MAX_CHARS)
    return line[: cut if cut > 40 else TITLE_MAX_CHARS].rstrip(" ,;:") + "…"


def _clean_markup(line: str) -> str:
    """The line without Markdown's marks, its spacing collapsed (a web page's, whose tags
    are blanked, has runs of spaces)."""
    line = _MARKDOWN_LINK_RE.sub(r"\1", line)
    return " ".join(re.sub(r"[*_#`]+", "", line).split())


def _find_byline(head: list[str]) -> str | None:
    for line in head:
        match = _BYLINE_RE.fullmatch(line.strip())
        if match and len(WORD_RE.findall(match.group(1))) <= 8:
            return _clean_markup(match.group(1)) or None
    return None


def _find_date(head: list[str]) -> str | None:
    for line in head:
        leading = LEADING_DATE_RE.match(line)
        if leading:
            return _parse_date(leading.group(1))
        found = _standalone_date(line.strip())
        if found:
            return found
    return None


def _standalone_date(line: str) -> str | None:
    """The date of a line that is little else: a date, or a dateline with its time and
    zone ("Updated: November 11, 2011 20:09 IST")."""
    words = WORD_RE.findall(line)
    if len(words) > 6 and not is_dateline(words):
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(line)
        if match:
            return _date_from_match(match)
    return None


def _parse_date(value: str) -> str | None:
    match = _DATE_PATTERNS[0].fullmatch(value)
    return _date_from_match(match) if match else None


def _date_from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month: int | None
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        if first <= 12 and second <= 12 and first != second:
            return None  # "03/04/2005": the 3rd of April or the 4th of March
        month, day = (second, first) if first > 12 else (first, second)
    else:
        month = int(groups["mon"]) if groups.get("mon") else _MONTHS.get(groups["month"].lower())
        day = int(groups["day"])
    if month is None:
        return None
    try:
        return date(int(groups["year"]), month, day).isoformat()
    except ValueError:
        return None


def _find_url(lines: list[str]) -> str | None:
    for line in lines[:_HEAD_PARAGRAPHS] + lines[-_HEAD_PARAGRAPHS:]:
        match = _URL_RE.fullmatch(line.strip())
        if match:
            return match.group(1)
    return None
