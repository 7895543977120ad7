"""Shared passages as people and scripts read them: the ``passages`` command's text, and the
``reader-app.passages/1`` JSON document (public: fields may be added, never renamed or
removed). Must not import Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader_app.core.corpus.passages import Passage
from reader_app.core.text import counted, visible_controls

PASSAGES_FORMAT = "reader-app.passages/1"


def passages_to_json(passages: Sequence[Passage]) -> dict[str, Any]:
    return {
        "format": PASSAGES_FORMAT,
        "passages": [
            {
                "text": p.text,
                "words": p.words,
                "occurrences": [
                    {"path": o.path, "start": o.start, "end": o.end} for o in p.occurrences
                ],
            }
            for p in passages
        ],
    }


def passages_text(passages: Sequence[Passage], min_words: int, documents: int) -> str:
    """A heading line, then per passage: how many documents and words, where, and its text
    (file names and text with their control characters made visible)."""
    lines = [f"{counted(len(passages), 'passage')} of {min_words}+ words in 2+ of "
             f"{counted(documents, 'document')}"]
    for passage in passages:
        names = ", ".join(sorted({visible_controls(Path(o.path).name, one_line=True)
                                  for o in passage.occurrences}))
        lines += ["", f"{counted(passage.documents, 'document')} · "
                      f"{counted(passage.words, 'word')} · {names}",
                  "  " + " ".join(passage.text.split())]
    return visible_controls("\n".join(lines)) + "\n"
