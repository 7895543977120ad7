"""Quotes as people and scripts read them: the ``quotes`` command's text, and the
``reader-app.quotes/1`` JSON document (public: fields may be added, never renamed or removed).
Must not import Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader_app.core.corpus.quotes import Quote, QuoteVariant
from reader_app.core.text import counted, visible_controls

QUOTES_FORMAT = "reader-app.quotes/1"


def quotes_to_json(quotes: Sequence[Quote]) -> dict[str, Any]:
    return {
        "format": QUOTES_FORMAT,
        "quotes": [
            {
                "text": quote.text,
                "speaker": quote.speaker,
                "documents": quote.documents,
                "variants": [_variant(v) for v in quote.variants],
            }
            for quote in quotes
        ],
    }


def _variant(variant: QuoteVariant) -> dict[str, Any]:
    return {"path": variant.path, "start": variant.start, "end": variant.end,
            "text": variant.text, "speaker": variant.speaker}


def quotes_text(quotes: Sequence[Quote], documents: int) -> str:
    """A heading line, then per quote: how many documents, who said it, the quote, and each
    wording with its file name and place (document text and file names with their control
    characters made visible)."""
    shared = sum(1 for quote in quotes if quote.documents > 1)
    lines = [f"{counted(len(quotes), 'quote')} in {counted(documents, 'document')}, "
             f"{shared} in 2 or more"]
    for quote in quotes:
        who = quote.speaker or "unattributed"
        documents_held = counted(quote.documents, "document")
        lines += ["", f"{documents_held} · {who} · “{_one_line(quote.text)}”"]
        for variant in quote.variants:
            name = Path(variant.path).name
            said = f" ({variant.speaker})" if variant.speaker else ""
            lines.append(f"  {_one_line(name)} {variant.start}-{variant.end}{said}: "
                         f"{_one_line(variant.text)}")
    return visible_controls("\n".join(lines)) + "\n"


def _one_line(text: str) -> str:
    return visible_controls(" ".join(text.split()), one_line=True)
