"""Comparisons as the contract's ``reader-app.compare/1`` JSON document.

``comparison_to_json`` gives the document as plain dicts; ``comparison_json_line`` writes it
as one line of JSON text, byte for byte ``json.dumps(comparison_to_json(c),
ensure_ascii=False)`` with DEL and the C1 controls escaped (``json_controls``), without making
a dict per link, piece, row and span first: a 200k-word pair has some 100,000 of them and
building and encoding them took most of a second. The shape is public
(``docs/interface.md``): fields may be added, never renamed or removed. Must not import Qt.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from reader_app.core.compare import SIDES, Comparison, Link, Row, Side, Span, Stats
from reader_app.core.compare.engine import DiffOptions, Evidence
from reader_app.core.documents import Document, Paragraph
from reader_app.core.text import json_controls

COMPARE_FORMAT = "reader-app.compare/1"


def comparison_to_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "format": COMPARE_FORMAT,
        "left": _document_json(comparison.left),
        "right": _document_json(comparison.right),
        "links": [_link_json(k) for k in comparison.links],
        "rows": [{"left": row.left, "right": row.right} for row in comparison.rows],
        "spans": {side: _spans_json(comparison, side) for side in SIDES},
        "stats": _stats_json(comparison.stats),
        "options": _options_json(comparison.options),
    }


def _stats_json(stats: Stats) -> dict[str, Any]:
    return {
        "left_shared": stats.left_shared,
        "right_shared": stats.right_shared,
        "similarity": stats.similarity,
        "left_linked": stats.left_linked,
        "right_linked": stats.right_linked,
        "content": stats.content,
    }


def _options_json(options: DiffOptions) -> dict[str, Any]:
    return {"ignore_case": options.ignore_case,
            "ignore_punctuation": options.ignore_punctuation}


def _link_json(link: Link) -> dict[str, Any]:
    return {
        "left": link.left,
        "right": link.right,
        "similarity": link.similarity,
        "moved": link.moved,
        "kind": link.kind,
        "evidence": [
            {"left": {"start": e.left_start, "end": e.left_end},
             "right": {"start": e.right_start, "end": e.right_end}, "kind": e.kind}
            for e in link.evidence
        ],
    }


def _document_json(document: Document) -> dict[str, Any]:
    return {
        "path": document.path,
        "title": document.title,
        "sha256": document.sha256,
        "text": document.text,
        "paragraphs": [
            {"start": p.start, "end": p.end, "boilerplate": p.boilerplate}
            for p in document.paragraphs
        ],
        "metadata": _metadata_json(document),
        "warnings": list(document.warnings),
    }


def _metadata_json(document: Document) -> dict[str, Any]:
    meta = document.metadata
    return {
        "byline": meta.byline,
        "outlet": meta.outlet,
        "date": meta.date,
        "url": meta.url,
        "words": meta.word_count,
    }


def _spans_json(comparison: Comparison, side: Side) -> list[dict[str, Any]]:
    return [{"start": s.start, "end": s.end, "kind": s.kind} for s in comparison.spans(side)]


# --- the same document as text, one template per item --------------------------------------

def comparison_json_line(comparison: Comparison) -> str:
    """The document as one line of JSON (and a newline), as ``json_text`` would write it."""
    left, right = (_document_text(comparison.document(side)) for side in SIDES)
    spans = ", ".join(f"{_value(side)}: [{_spans_text(comparison.spans(side))}]"
                      for side in SIDES)
    return (f'{{"format": {_value(COMPARE_FORMAT)}, "left": {left}, "right": {right}, '
            f'"links": [{_links_text(comparison.links)}], '
            f'"rows": [{_rows_text(comparison.rows)}], "spans": {{{spans}}}, '
            f'"stats": {_value(_stats_json(comparison.stats))}, '
            f'"options": {_value(_options_json(comparison.options))}}}\n')


def _value(value: object) -> str:
    """Any JSON value, as ``json_text`` writes it (the one encoder of strings here)."""
    return json_controls(json.dumps(value, ensure_ascii=False))


def _document_text(document: Document) -> str:
    return (f'{{"path": {_value(document.path)}, "title": {_value(document.title)}, '
            f'"sha256": {_value(document.sha256)}, "text": {_value(document.text)}, '
            f'"paragraphs": [{_paragraphs_text(document.paragraphs)}], '
            f'"metadata": {_value(_metadata_json(document))}, '
            f'"warnings": {_value(list(document.warnings))}}}')


_LITERALS = {True: "true", False: "false"}
# Kinds (of spans, links and pieces) are plain words (``Literal`` types): written between
# quotes as they are, json.dumps would escape nothing in them. f-strings, not templates:
# they are not parsed again for each of 100,000 items.


def _paragraphs_text(paragraphs: Iterable[Paragraph]) -> str:
    literals = _LITERALS
    return ", ".join([f'{{"start": {p.start}, "end": {p.end}, '
                      f'"boilerplate": {literals[p.boilerplate]}}}' for p in paragraphs])


def _rows_text(rows: Iterable[Row]) -> str:
    return ", ".join([f'{{"left": {"null" if row.left is None else row.left}, '
                      f'"right": {"null" if row.right is None else row.right}}}'
                      for row in rows])


def _spans_text(spans: Iterable[Span]) -> str:
    return ", ".join([f'{{"start": {s.start}, "end": {s.end}, "kind": "{s.kind}"}}'
                      for s in spans])


def _links_text(links: Iterable[Link]) -> str:
    literals = _LITERALS
    return ", ".join([
        f'{{"left": {k.left}, "right": {k.right}, "similarity": {_number(k.similarity)}, '
        f'"moved": {literals[k.moved]}, "kind": "{k.kind}", '
        f'"evidence": [{_pieces_text(k.evidence)}]}}'
        for k in links
    ])


def _pieces_text(pieces: tuple[Evidence, ...]) -> str:
    return ", ".join([f'{{"left": {{"start": {a}, "end": {b}}}, '
                      f'"right": {{"start": {c}, "end": {d}}}, "kind": "{kind}"}}'
                      for a, b, c, d, kind in pieces])


def _number(value: float) -> str:
    # float.__repr__, as json.dumps writes a finite float (it writes NaN and Infinity itself)
    return repr(value) if math.isfinite(value) else json.dumps(value)
