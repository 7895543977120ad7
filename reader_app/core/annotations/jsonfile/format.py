"""The annotation file's bytes: parsing them into ``FileContents`` and writing them.

Owns the on-disk layout of ``reader-app.annotations/1``: a header line, one annotation per
line, a closing line — plain JSON that reads and diffs well and that this program re-reads
line by line, reusing the annotations whose line has not changed (so merging with what
another store saved does not re-parse 10,000 annotations). Any other layout of the same JSON
is parsed whole. A file that cannot be parsed raises ``CorruptFileError``; a newer ``format``
is read leniently and flagged. Must not import Qt.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from reader_app.core.annotations.model import (
    FORMAT,
    FORMAT_NAME,
    FORMAT_VERSION,
    Annotation,
    FormatError,
    annotation_from_json,
    annotation_to_json,
)
from reader_app.core.errors import ReaderError

_VERSION_RE = re.compile(re.escape(FORMAT_NAME) + r"/([1-9][0-9]*)")
_LATEST_READ = 10**9  # a longer version number is as newer as any (it was read as corrupt)
_SHOWN_DIGITS = 20  # a longer one is cut in messages: a file may hold a million digits
EncodedCache = dict[str, tuple[Annotation, str]]  # id -> (annotation, its line)
_OPEN, _CLOSE = ', "annotations": [', "]}"


class CorruptFileError(ReaderError):
    """The file exists but is not an annotation file this program can parse."""


@dataclass(frozen=True)
class FileContents:
    annotations: tuple[Annotation, ...]
    version: int = FORMAT_VERSION
    extra: Mapping[str, Any] = field(default_factory=dict)  # other top-level keys, kept
    skipped: int = 0  # annotations of a newer format that this program cannot read
    encoded: EncodedCache = field(default_factory=dict)  # each one's line, when read by line
    written: str = ""  # the version's digits as the file has them (``version`` caps them)

    @property
    def newer(self) -> bool:
        return self.version > FORMAT_VERSION

    @property
    def version_shown(self) -> str:
        """The version for a message: as written, a long number cut and its length told
        (``_LATEST_READ`` stood for any, and was shown as "1000000000")."""
        digits = self.written or str(self.version)
        if len(digits) <= _SHOWN_DIGITS:
            return digits
        return f"{digits[:7]}…({len(digits)} digits)"


def parse(data: bytes, label: str,
          known: Mapping[str, Annotation] | None = None) -> FileContents:
    """The file's contents; ``known`` maps lines this program wrote to their annotations.

    With lines known (a re-read), the file is read line by line, reusing those; else it is
    parsed whole, which is faster for a first read.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorruptFileError(f"{label}: not valid JSON ({_short(exc)})") from None
    text = text.removeprefix("\ufeff")
    if known:
        with contextlib.suppress(_NotRows):
            return _parse_rows(text, label, known)
    return _parse_whole(text, label)


def _parse_whole(text: str, label: str) -> FileContents:
    try:
        top = _DECODER.decode(text)
    except (ValueError, RecursionError) as exc:
        raise CorruptFileError(f"{label}: not valid JSON ({_short(exc)})") from None
    if not isinstance(top, dict):
        raise CorruptFileError(f"{label}: not an annotation file (not a JSON object)")
    version, written = _version(top.get("format"), label)
    items = top.get("annotations", [])
    if not isinstance(items, list):
        raise CorruptFileError(f"{label}: 'annotations' must be a list")
    annotations, skipped = _annotations(items, label, strict=version <= FORMAT_VERSION)
    return FileContents(annotations, version, _extra(top), skipped, written=written)


class _NotRows(Exception):
    """The file is not laid out one annotation per line (it may still be valid JSON)."""


def _parse_rows(text: str, label: str, known: Mapping[str, Annotation]) -> FileContents:
    """The file as ``chunks`` lays it out, line by line; ``_NotRows`` for any other layout.

    Each line is a whole JSON object, so the lines joined as written are the same JSON
    document the whole-file parse would read.
    """
    lines = text.split("\n")
    if len(lines) < 4 or lines[-1] or lines[-2] != _CLOSE or not lines[0].endswith(_OPEN):
        raise _NotRows
    body = lines[1:-2]
    if body[-1].endswith(",") or not all(line.endswith(",") for line in body[:-1]):
        raise _NotRows
    rows = [line[:-1] for line in body[:-1]] + [body[-1]]
    top = _loads(lines[0][: -len(_OPEN)] + "}")
    if not isinstance(top, dict):
        raise _NotRows
    version, written = _version(top.get("format"), label)
    items = [known.get(row) or _loads(row) for row in rows]
    strict = version <= FORMAT_VERSION
    annotations, skipped = _annotations(items, label, strict)
    # strict: nothing was skipped, so the rows are the annotations' lines, in order
    encoded = {a.id: (a, row) for a, row in zip(annotations, rows, strict=True)} if strict else {}
    return FileContents(annotations, version, _extra(top), skipped, encoded, written)


def _loads(line: str) -> Any:
    try:
        return _DECODER.decode(line)
    except (ValueError, RecursionError):
        raise _NotRows from None


def _extra(top: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in top.items() if key not in ("format", "annotations")}


def _version(value: object, label: str) -> tuple[int, str]:
    """The format's version (capped at ``_LATEST_READ``) and its digits as written."""
    match = _VERSION_RE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise CorruptFileError(f"{label}: not an annotation file (format {value!r}, "
                               f"expected {FORMAT!r})")
    digits = match.group(1)
    return (_LATEST_READ if len(digits) > 9 else int(digits)), digits


def _annotations(items: list[Any], label: str,
                 strict: bool) -> tuple[tuple[Annotation, ...], int]:
    """Parse every item (or take it, if already parsed); a newer format's unreadable items
    are skipped and counted."""
    annotations: dict[str, Annotation] = {}
    skipped = 0
    for number, item in enumerate(items, 1):
        try:
            annotation = item if isinstance(item, Annotation) else annotation_from_json(item)
            if annotation.id in annotations:
                raise FormatError(f"id {annotation.id!r} is used twice")
        except FormatError as exc:
            if strict:
                raise CorruptFileError(f"{label}: annotation {number}: {exc}") from None
            skipped += 1
            continue
        annotations[annotation.id] = annotation
    return tuple(annotations.values()), skipped


def chunks(annotations: Iterable[Annotation], extra: Mapping[str, Any],
           cache: EncodedCache | None = None) -> Iterator[str]:
    """The file's text in pieces, each encodable as UTF-8: one annotation per line.

    ``cache`` maps ids to the annotation last encoded and its line; an annotation that is
    still that very object is not encoded again, so saving after one change is quick.
    """
    header = {key: value for key, value in extra.items() if key not in ("format", "annotations")}
    yield _encode({"format": FORMAT, **header})[:-1] + _OPEN  # the header without its }
    fresh = encoded_lines(annotations, cache or {})
    # One join, not a piece per annotation: 10,000 pieces took 30 ms to hand out and write.
    lines = [line for _annotation, line in fresh.values()]
    yield ("\n" + ",\n".join(lines) + "\n" + _CLOSE + "\n") if lines else _CLOSE + "\n"
    if cache is not None:
        cache.clear()
        cache.update(fresh)


def encoded_lines(annotations: Iterable[Annotation], known: EncodedCache) -> EncodedCache:
    """Each annotation's line by id: ``known``'s where it holds that very annotation."""
    fresh: EncodedCache = {}
    for annotation in annotations:
        line = known.get(annotation.id)
        if line is None or line[0] is not annotation:
            line = (annotation, _encode(annotation_to_json(annotation)))
        fresh[annotation.id] = line
    return fresh


# One of each: json.dumps and json.loads make a new one per call when given options.
_ENCODER = json.JSONEncoder(ensure_ascii=False)
_ASCII_ENCODER = json.JSONEncoder()


def _finite(literal: str) -> float:
    """A JSON number as a float; one beyond a float's range (1e999999) is refused: written
    back it would come out ``Infinity``, which is not JSON, and the number would be lost."""
    value = float(literal)
    if math.isinf(value):
        raise ValueError(f"number out of range: {literal[:24]}")
    return value


def _not_json(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(parse_float=_finite, parse_constant=_not_json)


def _encode(value: Mapping[str, Any]) -> str:
    line = _ENCODER.encode(value)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: only an escape can hold it
        return _ASCII_ENCODER.encode(value)
    return line


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 80 else text[:77] + "..."
