"""Comparisons as the contract's ``reader-app.compare/1`` JSON document (plain dicts).

The shape is public (``docs/interface.md``): fields may be added, never renamed or removed.
Must not import Qt.
"""

from __future__ import annotations

from typing import Any

from reader_app.core.compare import SIDES, Comparison, Link, Side
from reader_app.core.documents import Document

COMPARE_FORMAT = "reader-app.compare/1"


def comparison_to_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "format": COMPARE_FORMAT,
        "left": _document_json(comparison.left),
        "right": _document_json(comparison.right),
        "links": [_link_json(k) for k in comparison.links],
        "rows": [{"left": row.left, "right": row.right} for row in comparison.rows],
        "spans": {side: _spans_json(comparison, side) for side in SIDES},
        "stats": {
            "left_shared": comparison.stats.left_shared,
            "right_shared": comparison.stats.right_shared,
            "similarity": comparison.stats.similarity,
            "left_linked": comparison.stats.left_linked,
            "right_linked": comparison.stats.right_linked,
            "content": comparison.stats.content,
        },
        "options": {
            "ignore_case": comparison.options.ignore_case,
            "ignore_punctuation": comparison.options.ignore_punctuation,
        },
    }


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
    meta = document.metadata
    return {
        "path": document.path,
        "title": document.title,
        "sha256": document.sha256,
        "text": document.text,
        "paragraphs": [
            {"start": p.start, "end": p.end, "boilerplate": p.boilerplate}
            for p in document.paragraphs
        ],
        "metadata": {
            "byline": meta.byline,
            "outlet": meta.outlet,
            "date": meta.date,
            "url": meta.url,
            "words": meta.word_count,
        },
        "warnings": list(document.warnings),
    }


def _spans_json(comparison: Comparison, side: Side) -> list[dict[str, Any]]:
    return [{"start": s.start, "end": s.end, "kind": s.kind} for s in comparison.spans(side)]
