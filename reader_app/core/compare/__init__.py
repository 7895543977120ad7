"""Comparing two documents: ``compare()`` and the immutable ``Comparison`` it returns.

The engine proper is ``engine``; it proposes paragraph pairs (``align``), word-diffs them
(``worddiff``, over the one diff backend chosen in ``dmp``) and confirms links (``linking``).
Everything here is pure: it must not import Qt, ``reader_app.ui`` or ``reader_app.cli``.
"""

from __future__ import annotations

from reader_app.core.compare.engine import (
    DEFAULT_OPTIONS,
    SIDES,
    Comparison,
    DiffOptions,
    Kind,
    Link,
    Row,
    Side,
    Span,
    Stats,
    compare,
    compare_stats,
    other_side,
    rows_beside,
)
from reader_app.core.errors import Cancelled

__all__ = [
    "DEFAULT_OPTIONS",
    "SIDES",
    "Cancelled",
    "Comparison",
    "DiffOptions",
    "Kind",
    "Link",
    "Row",
    "Side",
    "Span",
    "Stats",
    "compare",
    "compare_stats",
    "other_side",
    "rows_beside",
]
