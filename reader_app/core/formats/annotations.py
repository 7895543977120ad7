"""What ``tags list`` prints: listed annotations (``Listed``) in four formats.

``text`` for people (control characters made visible: a note cannot drive the terminal),
``json`` (the file's shape plus each ``anchor``), ``csv`` (one row per
annotation and tag; an untagged annotation still gets one row; controls made visible and
formula cells defused, ``csv_cell``) and ``w3c`` (a W3C Web
Annotation JSON-LD ``AnnotationCollection``). Must not import Qt.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from reader_app.core.annotations.listing import Listed
from reader_app.core.annotations.model import (
    EXACT,
    FORMAT,
    FUZZY,
    ORPHANED,
    Annotation,
    annotation_to_json,
)
from reader_app.core.text import counted, csv_cell, json_controls, shorten, visible_controls

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CSV_COLUMNS = ("id", "tag", "document", "path", "status", "start", "end", "exact", "note",
               "created", "modified")
QUOTE_CHARS = 60  # of a quote shown in the text format


def to_text(listed: Sequence[Listed]) -> str:
    lines = [_text_line(item) for item in listed]
    counts = {status: sum(item.anchor.status == status for item in listed)
              for status in (EXACT, FUZZY, ORPHANED)}
    lines.append(f"{counted(len(listed), 'annotation')}: "
                 + ", ".join(f"{n} {status}" for status, n in counts.items()))
    return visible_controls("\n".join(lines)) + "\n"


def _text_line(item: Listed) -> str:
    annotation, where = item.annotation, item.anchor
    place = visible_controls(annotation.document.name or annotation.document.path, True)
    if where.found:
        place += f":{where.start}-{where.end}"
    quoted = shorten(" ".join(annotation.target.exact.split()), QUOTE_CHARS)
    tags = ", ".join(" ".join(tag.split()) for tag in annotation.tags)  # (a file's, maybe
    # holding a line break: one line per annotation, whatever the file says)
    line = f"{where.status:<8}  {place}  [{tags}]  “{quoted}”"
    note = " ".join(annotation.note.split())
    return f"{line}  note: {note}" if note else line


def to_json(listed: Sequence[Listed]) -> str:
    items = []
    for item in listed:
        data = annotation_to_json(item.annotation)
        data["anchor"] = {"start": item.anchor.start, "end": item.anchor.end,
                          "status": item.anchor.status}
        items.append(data)
    document = json.dumps({"format": FORMAT, "annotations": items}, ensure_ascii=False)
    return json_controls(document) + "\n"


def to_csv(listed: Sequence[Listed]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for item in listed:
        annotation, where = item.annotation, item.anchor
        for tag in annotation.tags or ("",):
            writer.writerow(tuple(csv_cell(cell) for cell in (
                annotation.id, tag, annotation.document.name, annotation.document.path,
                where.status, _blank(where.start), _blank(where.end),
                annotation.target.exact, annotation.note, annotation.created,
                annotation.modified,
            )))
    return out.getvalue()


def _blank(value: int | None) -> str:
    return "" if value is None else str(value)


def to_w3c(listed: Sequence[Listed]) -> str:
    collection = {
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "label": "Source Reader annotations",
        "total": len(listed),
        "first": {"type": "AnnotationPage", "startIndex": 0,
                  "items": [w3c_annotation(item) for item in listed]},
    }
    return json_controls(json.dumps(collection, ensure_ascii=False, indent=2)) + "\n"


def w3c_annotation(item: Listed) -> dict[str, Any]:
    """One annotation as W3C Web Annotation JSON-LD (standalone: it carries its context)."""
    annotation = item.annotation
    bodies: list[dict[str, str]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in annotation.tags
    ]
    if annotation.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting",
                       "value": annotation.note, "format": "text/plain"})
    data: dict[str, Any] = {
        "@context": W3C_CONTEXT,
        "id": _annotation_iri(annotation.id),
        "type": "Annotation",
        "motivation": _motivation(annotation),
    }
    data.update({key: value for key in ("created", "modified")
                 if (value := getattr(annotation, key))})
    if bodies:
        data["body"] = bodies
    data["target"] = {"source": _source(annotation.document.path),
                      "selector": _selectors(item)}
    return data


def _selectors(item: Listed) -> list[dict[str, Any]]:
    target = item.annotation.target
    selectors: list[dict[str, Any]] = [{"type": "TextQuoteSelector", "exact": target.exact,
                                        "prefix": target.prefix, "suffix": target.suffix}]
    if item.anchor.found:  # an orphan's old offsets would point at other words
        selectors.append({"type": "TextPositionSelector", "start": item.anchor.start,
                          "end": item.anchor.end})
    return selectors


def _motivation(annotation: Annotation) -> str:
    if annotation.tags:
        return "tagging"
    return "commenting" if annotation.note else "highlighting"


def _annotation_iri(annotation_id: str) -> str:
    try:
        return uuid.UUID(annotation_id).urn
    except ValueError:
        return "urn:reader-app:annotation:" + quote(annotation_id, safe="")


def _source(path: str) -> str:
    return Path(path).as_uri() if path and Path(path).is_absolute() else quote(path)


FORMATS: dict[str, Callable[[Sequence[Listed]], str]] = {
    "text": to_text, "json": to_json, "csv": to_csv, "w3c": to_w3c,
}
