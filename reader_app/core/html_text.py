"""A saved web page read as a report: its paragraphs, its words and its title.

A document's text stays its file, mark-up and all (every offset indexes that text), but an
HTML page is not read as one: its paragraphs are the text of its block elements (``<p>``,
``<h1>``, ``<li>``…, the tags around them left out, inline ones such as ``<b>`` or ``<a>``
kept inside), nothing of ``<head>``, ``<script>`` or ``<style>`` is a paragraph, its words
are counted without the tags' names and attributes, the paragraphs of its navigation, side
bars and footers are boilerplate, and its title is its first ``<h1>``, else its
``<title>``. Without this a page was one paragraph titled "<!DOCTYPE html> <html lang=…",
its word count swollen by ``href``, ``class`` and the rest.

A page is a file named ``.html``/``.htm`` or one that starts as a page does (``<!DOCTYPE
html``, ``<html``); a text file with a stray tag is text. Regular expressions, not a parser:
a page that is not well formed is read as far as its tags can be told. Must not import Qt.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

PAGE_SUFFIXES = (".html", ".htm")
_PAGE_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)
# A comment, a declaration or processing instruction, or a tag (its name in group 2).
_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<[!?][^>]*>?|<(/?)([a-zA-Z][\w:-]*)\b[^>]*>?",
                  re.DOTALL)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]\w*);")
# Elements that end one paragraph and start the next (HTML's block-level and table parts).
BLOCKS = frozenset("""
    address article aside blockquote body caption dd details div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary
    table tbody td tfoot th thead tr ul
""".split())
# Elements whose content is never a paragraph (``<body>`` ends an unclosed ``<head>``).
HIDDEN = frozenset({"head", "script", "style", "noscript", "template", "svg"})
_WORD = re.compile(r"\w")


def is_page(path: str, text: str) -> bool:
    """Whether the document is an HTML page (by its name, else by how it starts)."""
    return Path(path).suffix.lower() in PAGE_SUFFIXES or bool(_PAGE_START.match(text))


def masked(text: str) -> str:
    """``text`` with every tag, comment and character reference blanked (spaces, one per
    character: offsets stay), so that what is counted or read in it is the page's words."""
    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group())
    return _ENTITY.sub(blank, _TAG.sub(blank, text))


def tag_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every tag and comment of ``text``, in order."""
    return [match.span() for match in _TAG.finditer(text)]


def page_paragraphs(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of each paragraph of the page: the stretches between block tags that
    hold a word outside tags, stripped of whitespace; none inside a hidden element. ``None``
    for a "page" without a block tag (a file named ``.html`` that holds plain text)."""
    paragraphs: list[tuple[int, int]] = []
    start, hidden, blocks = 0, 0, 0
    for match in _TAG.finditer(text):
        name = (match.group(2) or "").lower()
        if name not in BLOCKS and name not in HIDDEN:
            continue  # inline: part of the paragraph
        blocks += 1
        if not hidden:
            _add_stretch(text, start, match.start(), paragraphs)
        if name in HIDDEN:
            hidden = max(0, hidden + (-1 if match.group(1) else 1))
        elif name == "body":
            hidden = 0
        start = match.end()
    if not hidden:
        _add_stretch(text, start, len(text), paragraphs)
    return paragraphs if blocks else None


# A page's chrome: its site navigation, side bars and footers, read as boilerplate (they
# hold no part of the report: "Home | News | Sport", "Copyright 2024"). A ``<header>`` is
# not: an article's own holds its headline and byline.
CHROME = frozenset({"nav", "aside", "footer"})


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost ``nav``, ``aside`` or ``footer`` element of the page,
    in order; one never closed is none (it would take the rest of the page with it)."""
    spans: list[tuple[int, int]] = []
    opened: tuple[str, int] | None = None  # the outermost chrome element open, and its start
    depth = 0
    for match in _TAG.finditer(text):
        name = (match.group(2) or "").lower()
        if name not in CHROME or (opened is not None and name != opened[0]):
            continue
        if not match.group(1):  # an opening tag
            if opened is None:
                opened = (name, match.start())
            depth += 1
        elif opened is not None:
            depth -= 1
            if depth == 0:
                spans.append((opened[1], match.end()))
                opened = None
    return spans


def _add_stretch(text: str, start: int, end: int, paragraphs: list[tuple[int, int]]) -> None:
    stretch = text[start:end]
    stripped = stretch.strip()
    if not stripped or not _WORD.search(masked(stripped)):
        return
    first = start + len(stretch) - len(stretch.lstrip())
    paragraphs.append((first, first + len(stripped)))


def page_title(text: str) -> str | None:
    """The page's first ``<h1>``, else its ``<title>``, as a reader sees it (tags left out,
    references resolved, spacing collapsed); ``None`` if it has neither with a word."""
    for name in ("h1", "title"):
        match = re.search(rf"<{name}\b[^>]*>(.*?)</{name}\s*>", text, re.IGNORECASE | re.DOTALL)
        if match:
            title = " ".join(html.unescape(_TAG.sub(" ", match.group(1))).split())
            if _WORD.search(title):
                return title
    return None
