"""The similarity matrix as people and scripts read it: the ``matrix`` command's table, and
the ``reader-app.matrix/1`` JSON document (public: fields may be added, never renamed or
removed). Must not import Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader_app.core.documents import Document
from reader_app.core.text import visible_controls

MATRIX_FORMAT = "reader-app.matrix/1"


def matrix_to_json(
    documents: Sequence[Document],
    matrix: list[list[float]],
    content: list[list[float]],
    clusters: list[list[int]],
) -> dict[str, Any]:
    return {
        "format": MATRIX_FORMAT,
        "documents": [{"path": d.path, "title": d.title} for d in documents],
        "similarity": matrix,
        "content": content,
        "clusters": clusters,
    }


def matrix_text(
    documents: Sequence[Document],
    matrix: list[list[float]],
    content: list[list[float]],
    clusters: list[list[int]],
) -> str:
    """Both grids (shared wording, linked content), each number's file and title, stories
    (file names and titles with their control characters made visible)."""
    lines = ["Shared wording (similarity)", *_grid(matrix), "",
             "Linked content (content)", *_grid(content), ""]
    lines.extend(f"{i + 1:>5}  {visible_controls(d.name, one_line=True)}  "
                 f"{visible_controls(d.title, one_line=True)}" for i, d in enumerate(documents))
    lines.append("")
    lines.append("Stories: " + "  ".join(
        "{" + ", ".join(str(i + 1) for i in group) + "}" for group in clusters))
    return "\n".join(lines) + "\n"


def _grid(matrix: list[list[float]]) -> list[str]:
    lines = ["      " + " ".join(f"{i + 1:>5}" for i in range(len(matrix)))]
    for i, row in enumerate(matrix):
        lines.append(f"{i + 1:>5} " + " ".join(f"{value:>5.0%}" for value in row))
    return lines
