"""Annotations: the tagged-passage model and its JSON form (``reader-app.annotations/1``).

Owns the frozen dataclasses ``Annotation``, ``DocumentRef``, ``Target`` and ``Anchor``, the
file format's name and version, timestamps, and the conversion of one annotation to and from
its JSON object. Keys this program does not know are kept (the ``extra`` of an
``Annotation``, of its ``DocumentRef`` and of its ``Target``), so a file written by a later
``/1`` program loses nothing when this one saves it.

Where the rest lives: finding a target in changed text in ``anchoring``; the ``Store``
protocol in ``store``, its JSON file (reading, atomic writes, locking, merging) in
``jsonfile``; undoable changes in ``commands``; the ``tags list`` formats in
``reader_app.core.formats.annotations``. Must not import Qt.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from reader_app.core.errors import ReaderError

if TYPE_CHECKING:
    from reader_app.core.documents import Document

FORMAT_NAME = "reader-app.annotations"
FORMAT_VERSION = 1
FORMAT = f"{FORMAT_NAME}/{FORMAT_VERSION}"
CONTEXT_CHARS = 32  # of prefix and of suffix kept with each quote

EXACT, FUZZY, ORPHANED = "exact", "fuzzy", "orphaned"
_KNOWN_KEYS = frozenset({"id", "document", "target", "tags", "note", "created", "modified"})
_DOCUMENT_KEYS = frozenset({"name", "path", "sha256"})
_TARGET_KEYS = frozenset({"exact", "prefix", "suffix", "start", "end"})
_EPOCH = datetime.min.replace(tzinfo=UTC)
_NO_EXTRA: Mapping[str, Any] = MappingProxyType({})


class FormatError(ValueError):
    """A JSON value that is not what the annotation format says; the message names the field."""


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """Which document an annotation belongs to, as it was when the passage was tagged."""

    name: str
    path: str
    sha256: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)  # keys not known here

    @classmethod
    def of(cls, document: Document) -> DocumentRef:
        return cls(document.name, document.path, document.sha256)


@dataclass(frozen=True, slots=True)
class Target:
    """The tagged passage: its quote, up to 32 characters either side, and its offsets."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)  # keys not known here

    @classmethod
    def in_text(cls, text: str, start: int, end: int) -> Target:
        if not 0 <= start < end <= len(text):
            raise ReaderError(f"cannot tag characters {start}-{end}: the text has {len(text)}")
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
            start=start,
            end=end,
        )


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a target stands in a document's current text; ``None`` offsets when orphaned."""

    start: int | None
    end: int | None
    status: str  # EXACT, FUZZY or ORPHANED

    @property
    def found(self) -> bool:
        return self.status != ORPHANED


ORPHAN = Anchor(None, None, ORPHANED)


@dataclass(frozen=True)
class Annotation:
    id: str
    document: DocumentRef
    target: Target
    tags: tuple[str, ...] = ()
    note: str = ""
    created: str = ""
    modified: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)


def utc_now() -> str:
    """Now, as the file writes times: ISO 8601 in UTC, to the second, ``Z``-suffixed."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: str) -> datetime:
    """A stored time as an aware datetime; unreadable or missing times sort first."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return _EPOCH
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped of surrounding whitespace, empty ones dropped, first occurrence kept."""
    stripped = (" ".join(tag.split()) for tag in tags)
    return tuple(dict.fromkeys(tag for tag in stripped if tag))


def new_annotation(
    document: Document,
    start: int,
    end: int,
    tags: Iterable[str],
    note: str = "",
    now: str | None = None,
) -> Annotation:
    """A fresh annotation of ``document.text[start:end]`` with a new random id."""
    moment = now or utc_now()
    return Annotation(
        id=str(uuid.uuid4()),
        document=DocumentRef.of(document),
        target=Target.in_text(document.text, start, end),
        tags=normalise_tags(tags),
        note=note,
        created=moment,
        modified=moment,
    )


def annotation_to_json(annotation: Annotation) -> dict[str, Any]:
    doc, target = annotation.document, annotation.target
    data: dict[str, Any] = dict(annotation.extra)
    data.update(
        id=annotation.id,
        document={**doc.extra, "name": doc.name, "path": doc.path, "sha256": doc.sha256},
        target={**target.extra, "exact": target.exact, "prefix": target.prefix,
                "suffix": target.suffix, "start": target.start, "end": target.end},
        tags=list(annotation.tags),
        note=annotation.note,
        created=annotation.created,
        modified=annotation.modified,
    )
    return data


def annotation_from_json(data: object) -> Annotation:
    """Parse one annotation object; ``FormatError`` names the first field that is wrong."""
    annotation = _unchecked(data)  # the common case, fast: 10,000 of these load at once
    if annotation is not None and _well_formed(annotation, data):
        return annotation
    return _checked(data)


def _unchecked(data: Any) -> Annotation | None:
    try:
        document, target = data["document"], data["target"]
        return Annotation(
            data["id"],
            DocumentRef(document.get("name", ""), document["path"], document.get("sha256", ""),
                        _unknown(document, _DOCUMENT_KEYS)),
            Target(target["exact"], target.get("prefix", ""), target.get("suffix", ""),
                   target["start"], target["end"], _unknown(target, _TARGET_KEYS)),
            tuple(data.get("tags", ())),
            data.get("note", ""),
            data.get("created", ""),
            data.get("modified", ""),
            _unknown(data, _KNOWN_KEYS),
        )
    except (KeyError, TypeError, AttributeError):
        return None


def _well_formed(annotation: Annotation, data: Any) -> bool:
    document, target = annotation.document, annotation.target
    try:  # str.join refuses anything but strings, at C speed
        "".join((annotation.id, document.name, document.path, document.sha256, target.exact,
                 target.prefix, target.suffix, annotation.note, annotation.created,
                 annotation.modified, *annotation.tags))
    except TypeError:
        return False
    # `type(...) is int` also refuses booleans, which JSON's true/false would otherwise pass
    return (bool(annotation.id) and type(target.start) is int and type(target.end) is int
            and 0 <= target.start <= target.end and type(data.get("tags", [])) is list)


def _checked(data: object) -> Annotation:
    obj = _object(data, "annotation")
    annotation_id = _field(obj, "id", str)
    if not annotation_id:
        raise FormatError("'id' is empty")
    document = _object(obj.get("document"), "document")
    target = _object(obj.get("target"), "target")
    start, end = _field(target, "start", int), _field(target, "end", int)
    if not 0 <= start <= end:
        raise FormatError(f"'target' offsets {start}-{end} are not 0 <= start <= end")
    tags = _field(obj, "tags", list, [])
    if not all(isinstance(tag, str) for tag in tags):
        raise FormatError("'tags' must be a list of strings")
    return Annotation(
        id=annotation_id,
        document=DocumentRef(_field(document, "name", str, ""), _field(document, "path", str),
                             _field(document, "sha256", str, ""),
                             _unknown(document, _DOCUMENT_KEYS)),
        target=Target(_field(target, "exact", str), _field(target, "prefix", str, ""),
                      _field(target, "suffix", str, ""), start, end,
                      _unknown(target, _TARGET_KEYS)),
        tags=tuple(tags),
        note=_field(obj, "note", str, ""),
        created=_field(obj, "created", str, ""),
        modified=_field(obj, "modified", str, ""),
        extra=_unknown(obj, _KNOWN_KEYS),
    )


def _unknown(obj: Mapping[str, Any], known: frozenset[str]) -> Mapping[str, Any]:
    """The keys of ``obj`` this program does not know, to be written back as they came."""
    if known.issuperset(obj):
        return _NO_EXTRA
    return {key: value for key, value in obj.items() if key not in known}


def _object(value: object, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FormatError(f"'{name}' must be an object")
    return value


_REQUIRED: Any = object()


def _field(obj: dict[str, Any], key: str, kind: type, default: Any = _REQUIRED) -> Any:
    value = obj.get(key, default)
    if value is _REQUIRED:
        raise FormatError(f"'{key}' is missing")
    # bool is an int subclass; an offset of `true` is still a broken file
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise FormatError(f"'{key}' must be {_KIND_NAMES.get(kind, kind.__name__)}")
    return value


_KIND_NAMES = {str: "a string", int: "an integer", list: "a list"}
