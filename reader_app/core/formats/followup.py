"""The follow-up report: the tagged passages as one HTML page a reporter hands to an editor.

Grouped by tag (alphabetically, case-folded; a passage with two tags is under both, the
untagged ones last), each passage is shown with its quote in context (the words either side
of it in the document as it is now, else the prefix and suffix kept with the annotation),
its source (title, outlet, date, URL or path: ``Document.metadata``), its note, and, when its
document is one side of the comparison given, the passage of the other document linked to
it (``counterparts``), and the figures, dates and names in the quote that the other document
states otherwise (the window's ``differs`` marks: ``evidence_marking``). The input is the
annotations as listed (with their anchors now), the documents they belong to (by the
annotation's document path) and the comparison on screen.

Everything from a document or the annotation file is data: escaped (``html.escape``), its
control characters made visible (``visible_controls``); a tag's colour is used only if it is
``#rrggbb``. The mark-up keeps to what Qt's rich text draws too (the window lays the page out
for a PDF, keeping each passage on one page: the ``keep-head-N`` and ``keep-start-N`` anchors).
Must not import Qt.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import count

from reader_app.core.annotations.counterparts import counterparts
from reader_app.core.annotations.listing import Listed
from reader_app.core.compare import SIDES, Comparison, Side, other_side
from reader_app.core.compare.evidence_marking import MarkedPiece, marked_pieces
from reader_app.core.documents import Document
from reader_app.core.text import WORD_RE, counted, shorten, visible_controls, writing_direction

TITLE = "Follow-up: tagged passages"
UNTAGGED = "Untagged"
CONTEXT_CHARS = 160  # of the document's text shown either side of a quote, at most
LINKED_CHARS = 400  # of a linked passage shown
MAX_LINKED = 2  # linked passages shown for one quote
# Anchors the PDF's layout keeps together from (``keep-start-N``: a passage; ``keep-head-N``:
# a heading, kept with the passage after it); numbered, as an anchor's name is unique.
KEEP_START, KEEP_HEAD = "keep-start", "keep-head"
_COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}")
_SPACES = re.compile(r"\s+")

_CSS = """
body { font-family: sans-serif; font-size: 11pt; color: #1a1a1a; margin: 0; padding: 1.5em; }
h1 { font-size: 17pt; margin: 0 0 4px 0; }
h2 { font-size: 13.5pt; margin: 22px 0 2px 0; }
.meta { color: #555555; margin: 0 0 6px 0; }
.count { color: #777777; font-weight: normal; font-size: 10.5pt; }
.quote { margin: 12px 0 3px 0; line-height: 135%; }
.context { color: #6b6b6b; }
.exact { font-weight: bold; background-color: #fff3c4; }
.source { margin: 0 0 1px 0; font-size: 10pt; color: #333333; }
.where { margin: 0 0 1px 0; font-size: 9pt; color: #777777; }
.note { margin: 3px 0 1px 0; font-size: 10.5pt; }
.linked { margin: 3px 0 1px 0; font-size: 10pt; color: #00664a; }
.missing { margin: 3px 0 1px 0; font-size: 10pt; color: #c0392b; }
.differs { margin: 3px 0 1px 0; font-size: 10pt; color: #a33f00; }
hr { color: #dddddd; }
"""


@dataclass(frozen=True)
class _Passage:
    listed: Listed
    document: Document | None


def render_followup(listed: Sequence[Listed], documents: Mapping[str, Document],
                    comparison: Comparison | None = None,
                    colours: Mapping[str, str] | None = None) -> str:
    """The report's page. ``documents``: by annotation document path, those that could be
    read; ``colours``: tag colours by case-folded tag (``#rrggbb``), for the headings."""
    passages = [_Passage(item, documents.get(item.annotation.document.path)) for item in listed]
    groups = _groups(passages)
    differing = {} if comparison is None else {
        side: [p for p in marked_pieces(comparison, side) if p[2] == "differs"]
        for side in SIDES}
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{TITLE}</title><style>{_CSS}</style></head><body>",
             f"<h1>{TITLE}</h1>", _summary(passages, len(groups), comparison)]
    numbers = count(1)  # each anchor named once: "keep-start-3" (the same name twice is void)
    for group, (name, members) in enumerate(groups, start=1):
        parts.append(_heading(name, len(members), (colours or {}).get(name.casefold()), group))
        parts += [_passage_html(p, name, comparison, differing, next(numbers)) for p in members]
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _e(text: str) -> str:
    return html.escape(visible_controls(text), quote=True)


def _flat(text: str) -> str:
    """Runs of whitespace (line breaks too) as one space, the ends' spaces kept."""
    return _SPACES.sub(" ", text)


def _groups(passages: Sequence[_Passage]) -> list[tuple[str, list[_Passage]]]:
    by_key: dict[str, tuple[str, list[_Passage]]] = {}
    untagged: list[_Passage] = []
    for passage in passages:
        tags = passage.listed.annotation.tags
        if not tags:
            untagged.append(passage)
        for tag in dict.fromkeys(tags):
            by_key.setdefault(tag.casefold(), (tag, []))[1].append(passage)
    groups = [by_key[key] for key in sorted(by_key)]
    return groups + ([(UNTAGGED, untagged)] if untagged else [])


def _summary(passages: Sequence[_Passage], tags: int, comparison: Comparison | None) -> str:
    sources = {p.listed.annotation.document.path for p in passages}
    line = (f"{counted(len(passages), 'passage')} under {counted(tags, 'heading')}, from "
            f"{counted(len(sources), 'document')}")
    # The pair on screen gives the linked passages; named only if a passage is from it.
    if comparison is not None and sources & {comparison.left.path, comparison.right.path}:
        line += (f"<br>Compared: {_e(comparison.left.title)} ⟷ "
                 f"{_e(comparison.right.title)}")
    return f'<p class="meta">{line}</p><hr>'


def _heading(name: str, members: int, colour: str | None, number: int) -> str:
    swatch = (f'<span style="color: {colour}">■</span> '
              if colour is not None and _COLOUR_RE.fullmatch(colour) else "")
    return (f'<h2><a name="{KEEP_HEAD}-{number}"></a>{swatch}{_e(name)} '
            f'<span class="count">({members})</span></h2>')


def _passage_html(passage: _Passage, heading: str, comparison: Comparison | None,
                  differing: Mapping[Side, list[MarkedPiece]], number: int) -> str:
    annotation, found = passage.listed.annotation, passage.listed.anchor
    document = passage.document
    text_known = document is not None and found.start is not None and found.end is not None
    direction = writing_direction(annotation.target.exact)  # an Arabic quote reads from right
    lines = [f'<p class="quote" dir="{direction}"><a name="{KEEP_START}-{number}"></a>'
             f"{_quote_html(passage)}</p>",
             _source_html(passage)]
    others = [t for t in annotation.tags if t.casefold() != heading.casefold()]
    if annotation.note.strip():
        lines.append(f'<p class="note"><b>Note:</b> {_e(annotation.note.strip())}</p>')
    if others:
        lines.append(f'<p class="where">Also tagged: {_e(", ".join(others))}</p>')
    if not text_known:
        lines.append('<p class="missing">Not found in the document as it is now '
                     "(the quote is the one tagged)</p>")
    elif comparison is not None and document is not None:
        lines += _linked_html(comparison, document, found.start or 0, found.end or 0)
        lines += _differs_html(comparison, document, found.start or 0, found.end or 0,
                               differing)
    return "\n".join(lines)


def _differs_html(comparison: Comparison, document: Document, start: int, end: int,
                  differing: Mapping[Side, list[MarkedPiece]]) -> list[str]:
    """"Stated otherwise in …: 28 ≠ 178" for the quote's figures, dates and names the
    linked paragraphs of the other document hold otherwise (none: no line)."""
    side = _side_of(comparison, document)
    if side is None:
        return []
    text, other = document.text, comparison.document(other_side(side))
    pieces = [f"{_e(text[a:b])} ≠ {_e(other.text[c:d])}"
              for a, b, _, c, d in differing[side] if a < end and b > start]
    if not pieces:
        return []
    return [f'<p class="differs"><b>Stated otherwise in {_e(other.title)}:</b> '
            f'{"; ".join(dict.fromkeys(pieces))}</p>']


def _quote_html(passage: _Passage) -> str:
    """« …before <quote> after… », the quote marked, from the text now if it was found."""
    target, found = passage.listed.annotation.target, passage.listed.anchor
    document = passage.document
    if document is not None and found.start is not None and found.end is not None:
        before, exact, after = _context(document, found.start, found.end)
    else:
        before, exact, after = ("…" + target.prefix if target.prefix else "", target.exact,
                                target.suffix + "…" if target.suffix else "")
    return (f'<span class="context">{_e(_flat(before))}</span>'
            f'<span class="exact">{_e(_flat(exact))}</span>'
            f'<span class="context">{_e(_flat(after))}</span>')


def _context(document: Document, start: int, end: int) -> tuple[str, str, str]:
    """The words before and after ``[start, end)`` in its paragraphs, cut at a word with "…"."""
    text, paragraphs = document.text, document.paragraphs
    first = paragraphs[document.paragraph_at(start)].start if paragraphs else 0
    last = paragraphs[document.paragraph_at(max(start, end - 1))].end if paragraphs else len(text)
    lo, hi = max(first, start - CONTEXT_CHARS), min(max(last, end), end + CONTEXT_CHARS)
    before, after = text[lo:start], text[end:hi]
    if lo > first and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if hi < last and " " in after:
        after = after[:after.rindex(" ")] + "…"
    return before, text[start:end], after


def _source_html(passage: _Passage) -> str:
    ref, document = passage.listed.annotation.document, passage.document
    if document is None:
        where = ref.path or ref.name
        return (f'<p class="source"><b>{_e(ref.name or ref.path)}</b> (could not be read)</p>'
                f'<p class="where">{_e(where)}</p>')
    meta = document.metadata
    details = [x for x in (meta.outlet, meta.date) if x]
    line = f"<b>{_e(document.title)}</b>" + "".join(f" · {_e(x)}" for x in details)
    places = [x for x in (meta.url, document.path or ref.path) if x]
    return (f'<p class="source">{line}</p>'
            f'<p class="where">{" · ".join(_e(x) for x in places)}</p>')


def _linked_html(comparison: Comparison, document: Document, start: int,
                 end: int) -> list[str]:
    side = _side_of(comparison, document)
    if side is None:
        return []
    other = comparison.document(other_side(side))
    letter = "R" if side == "left" else "L"
    lines = []
    for first, last in _closest(other.text, document.text[start:end],
                                counterparts(comparison, side, start, end)):
        quote = shorten(" ".join(other.text[first:last].split()), LINKED_CHARS)
        number = other.paragraph_at(first) + 1
        lines.append(f'<p class="linked"><b>Linked in {_e(other.title)}</b> '
                     f"({letter}{number}): “{_e(quote)}”</p>")
    return lines


def _closest(text: str, quote: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The linked ranges sharing most words with the quote: the best, and another only if
    it shares more than half as many (at most ``MAX_LINKED``)."""
    words = {w.casefold() for w in WORD_RE.findall(quote)}

    def shared(span: tuple[int, int]) -> int:
        return len(words & {w.casefold() for w in WORD_RE.findall(text, *span)})

    ranked = sorted((r for r in ranges if r[0] < r[1]), key=shared, reverse=True)
    if not ranked or shared(ranked[0]) == len(words):
        return ranked[:1]  # the quote's every word: the other passages add nothing
    best = shared(ranked[0])
    return [r for r in ranked if 2 * shared(r) > best][:MAX_LINKED] or ranked[:1]


def _side_of(comparison: Comparison, document: Document) -> Side | None:
    for side in SIDES:
        shown = comparison.document(side)
        if shown is document or (document.path and shown.path == document.path):
            return side
    return None
