"""Mark-up in a document's text (Markdown, HTML): found by pygments for the source view, and
what the reading view marks of it (``reading_marks``: a page's tags and Markdown's signs
faded, Markdown's strong and emphasised words bold and italic).

Returns token kinds over document offsets; the window colours them. The text itself is never
interpreted as mark-up, only shown with its mark-up highlighted. Must not import Qt.
"""

from __future__ import annotations

import re
from pathlib import Path

from pygments.lexer import Lexer
from pygments.lexers import HtmlLexer, MarkdownLexer
from pygments.token import Generic, Text, Token, Whitespace, _TokenType

from reader_app.core.html_text import tag_spans

_MARKDOWN_HINT = re.compile(r"\[[^\]\n]+\]\([^)\n]*\)|\*\*[^*\n]+\*\*|^#{1,6} \S", re.MULTILINE)
_HTML_HINT = re.compile(r"<(p|div|a|span|br|b|i|em|strong|h[1-6])\b[^>]*>", re.IGNORECASE)

# (start, end, pygments token type) over the document text
MarkupSpan = tuple[int, int, _TokenType]
FADED = Token.Faded  # a web page's tag in the reading view: drawn to recede, not coloured
# Markdown's signs as the reading view shows them: (pattern, token of each group, in order).
# "**State Emergency Service**" reads as its words in bold, "[AFP](#)" as "AFP", the address
# faded; a sign with no closing partner on its line is left as written.
_MARKDOWN_SIGNS = (
    (re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)(\1)"), (FADED, Generic.Strong, FADED)),
    (re.compile(r"(?<![*\w])(\*)(?=[^\s*])([^*\n]*?[^\s*])(\*)(?![*\w])"),
     (FADED, Generic.Emph, FADED)),
    (re.compile(r"(!?\[)([^\]\n]+)(\]\([^)\n]*\))"), (FADED, None, FADED)),
    (re.compile(r"^(#{1,6}[ \t]+)", re.MULTILINE), (FADED,)),
)


def markup_language(path: str, text: str) -> str | None:
    """"markdown", "html" or None (plain text), by file name, else by what the text holds."""
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".html", ".htm"):
        return "html"
    if _HTML_HINT.search(text):
        return "html"
    if _MARKDOWN_HINT.search(text):
        return "markdown"
    return None


def _lexer(language: str) -> Lexer:
    options = {"stripnl": False, "ensurenl": False, "tabsize": 0}
    lexer: Lexer = MarkdownLexer(**options) if language == "markdown" else HtmlLexer(**options)
    return lexer


def markup_spans(path: str, text: str) -> list[MarkupSpan]:
    """The mark-up tokens of ``text`` (plain runs left out); empty for plain text."""
    language = markup_language(path, text)
    if language is None:
        return []
    spans = []
    for start, token_type, value in _lexer(language).get_tokens_unprocessed(text):
        if value and token_type not in (Text, Whitespace):
            spans.append((start, start + len(value), token_type))
    return spans


def faded_tags(text: str) -> list[MarkupSpan]:
    """A web page's tags as the reading view shows them (faded: the words are what is read;
    the source view colours them)."""
    return [(start, end, FADED) for start, end in tag_spans(text)]


def reading_marks(path: str, text: str, page: bool) -> list[MarkupSpan]:
    """What the reading view marks of a document's mark-up (sorted, none overlapping): a web
    page's tags (``page``), or Markdown's signs; nothing for plain text."""
    if page:
        return faded_tags(text)
    if markup_language(path, text) != "markdown":
        return []
    marks: list[MarkupSpan] = []
    for pattern, tokens in _MARKDOWN_SIGNS:
        for found in pattern.finditer(text):
            marks += [(found.start(group), found.end(group), token)
                      for group, token in enumerate(tokens, 1) if token is not None]
    return _apart(sorted(marks))


def _apart(marks: list[MarkupSpan]) -> list[MarkupSpan]:
    """``marks`` (sorted) without those that overlap one kept before them (a link inside
    bold text keeps the bold, loses its own signs)."""
    kept: list[MarkupSpan] = []
    for mark in marks:
        if not kept or mark[0] >= kept[-1][1]:
            kept.append(mark)
    return kept
