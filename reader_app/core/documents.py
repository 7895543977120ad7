"""Documents: reading files, decoding, paragraph splitting, boilerplate flags, metadata.

Owns the ``Document`` and ``Paragraph`` dataclasses every other module works on. A document's
``text`` is the decoded file with line endings normalised to ``\\n``; every offset anywhere in
the program indexes that string. Must not import Qt.
"""

from __future__ import annotations

import codecs
import hashlib
import math
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from reader_app.core.errors import ReaderError
from reader_app.core.html_text import (
    chrome_spans,
    is_page,
    masked,
    page_paragraphs,
    page_title,
)
from reader_app.core.metadata import LEADING_DATE_RE, Metadata, extract_metadata
from reader_app.core.text import WORD_RE, visible_controls, word_counts
from reader_app.core.utf16 import unmarked_utf16

# The largest document read: about 350,000 words of English. A pair of that size compares in
# about 8 s of CPU and 230 MB (the window, which also draws them, in 500 MB), measured on a
# busy two-core machine; 4 MiB took 18 s, and 40 MB 3.6 minutes and 3.4 GB.
MAX_FILE_BYTES = 2 * 2**20
# And the most paragraphs: the work and memory of a comparison grow with them, not only with
# the bytes (a million one-letter lines, 2 MB, took 1.8 GB and 17 s a pair; six in a folder
# 3.6 GB). Reports of 200,000 words hold some 10,000; a pair of 50,000 short lines compares in
# 2.4 s and 170 MB.
MAX_PARAGRAPHS = 50_000
# Hard-wrapped text: lines inside blank-line separated blocks mostly end mid-sentence at a
# typical wrapping column; then a paragraph is a block, else each line is one.
WRAP_COLUMN = 100
MIN_WRAP_COLUMN = 25  # the least average length of wrapped lines
_SENTENCE_END = frozenset('.!?:;"\u201d\u2019)')
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    boilerplate: bool = False
    words: int = 0  # how many words (``\w+``) it holds


@dataclass(frozen=True)
class Document:
    """A decoded document: its text, paragraphs (offsets into the text) and metadata."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    metadata: Metadata
    path: str = ""
    name: str = ""
    sha256: str = ""
    warnings: tuple[str, ...] = field(default=())
    page: bool = False  # an HTML page (``core.html_text``): its tags are not its words

    @property
    def title(self) -> str:
        return self.metadata.title or self.name

    @property
    def shown_title(self) -> str:
        """The title as a one-line label shows it: its control characters as visible signs
        (a title in JSON stays exact)."""
        return visible_controls(self.title, one_line=True)

    @cached_property
    def for_analysis(self) -> Document:
        """The document as the engine and the corpus read it: itself, or for a page the
        same with its tags blanked (offsets, paragraphs and identity unchanged), so that
        ``href`` and ``<b>`` are never shared wording."""
        return replace(self, text=masked(self.text), page=False) if self.page else self

    def paragraph_at(self, offset: int) -> int:
        """The index of the last paragraph starting at or before ``offset`` (0 before the
        first); the paragraphs' starts are found once per document, not once per call."""
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_text(self, index: int) -> str:
        p = self.paragraphs[index]
        return self.text[p.start : p.end]


def load_document(path: str | os.PathLike[str]) -> Document:
    """Read, decode and parse the file at ``path``; ``ReaderError`` says why it cannot."""
    data = _read_bytes(Path(path))
    text, warnings = decode_bytes(data, str(path))
    return parse_document(text, path=str(Path(path).resolve()), warnings=warnings)


def ensure_readable(path: str | os.PathLike[str]) -> None:
    """``ReaderError`` (saying what ``load_document`` would say) unless the file at ``path``
    can be read: a folder, a pipe, a name too long or a folder on the way that cannot be
    entered, before the window is asked to show it."""
    _read_bytes(Path(path))


def parse_document(text: str, path: str = "", warnings: tuple[str, ...] = ()) -> Document:
    """Build a ``Document`` from already decoded text (line endings are normalised here)."""
    text = normalise_newlines(text)
    page = is_page(path, text)
    words_text = masked(text) if page else text  # (a page's words: not its tags')
    ranges, fields = _fields_apart(text, _furniture_apart(
        text, (page_paragraphs(text) if page else None) or split_paragraphs(text)))
    if len(ranges) > MAX_PARAGRAPHS:
        raise ReaderError(f"{path or 'the text'}: too many paragraphs for a document "
                          f"({len(ranges):,}; the limit is {MAX_PARAGRAPHS:,}): a list or a "
                          "log, not a report")
    chrome = chrome_spans(text) if page else []
    paragraphs = tuple(
        Paragraph(start, end, start in fields or is_boilerplate(text[start:end])
                  or _within(chrome, start), words)
        for (start, end), words in zip(ranges, word_counts(words_text, ranges), strict=True)
    )
    return Document(
        text=text,
        paragraphs=paragraphs,
        metadata=extract_metadata(
            words_text,
            [(p.start, p.end) for p in paragraphs if not p.boilerplate or p.start in fields],
            word_count=sum(p.words for p in paragraphs),
            title=page_title(text) if page else None,
        ),
        path=path,
        name=Path(path).name if path else "",
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        warnings=warnings,
        page=page,
    )


def _within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset ``at`` lies inside one of ``spans`` (sorted, not overlapping)."""
    found = bisect_right(spans, (at, math.inf)) - 1  # the last one starting at or before
    return found >= 0 and spans[found][0] <= at < spans[found][1]


def _read_bytes(path: Path) -> bytes:
    try:  # (asking what the path is can fail too: a name too long, a folder not entered)
        if path.is_dir():
            raise ReaderError(f"{path}: is a folder, not a document")
        if path.exists() and not path.is_file():  # a device or a pipe could read forever
            raise ReaderError(f"{path}: not a regular file")
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise ReaderError(f"{path}: too large for a document (the limit is "
                              f"{MAX_FILE_BYTES // 2**20} MiB, about 350,000 words)")
        return data
    except FileNotFoundError:
        raise ReaderError(f"{path}: no such file") from None
    except PermissionError:
        raise ReaderError(f"{path}: permission denied") from None
    except OSError as exc:
        raise ReaderError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except ValueError:  # a NUL in the name (an annotation file's document path, say)
        raise ReaderError(f"{path}: no file can be named so (a NUL character)") from None


def decode_bytes(data: bytes, label: str = "document") -> tuple[str, tuple[str, ...]]:
    """Decode file bytes to text; returns the text and warnings about the decoding."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16's
        return _marked_decoded(data, "utf-32", label)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _marked_decoded(data, "utf-16", label)
    if b"\x00" in data:
        unmarked = _unmarked_utf16(data, label)
        if unmarked is None:
            raise ReaderError(f"{label}: binary file (contains NUL bytes), not a text document")
        return unmarked
    try:
        return _check_not_binary(data.decode("utf-8"), label), ()
    except UnicodeDecodeError:
        pass
    mended = _mostly_utf8(data)
    if mended is not None:
        text, bad = mended
        sequences = "sequence" if bad == 1 else "sequences"
        return _check_not_binary(text, label), (
            f"{label}: not valid UTF-8; {bad} invalid {sequences} replaced with \ufffd",)
    for encoding, name in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _check_not_binary(text, label), (f"{label}: not valid UTF-8; decoded as {name}",)
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _marked_decoded(data: bytes, encoding: str, label: str) -> tuple[str, tuple[str, ...]]:
    """A file its byte-order mark says is UTF-16 or UTF-32: decoded so, with the warning every
    other encoding than UTF-8 gets (and how many sequences could not be decoded)."""
    text = data.decode(encoding, "replace")
    bad = text.count("\ufffd") - data.decode(encoding, "ignore").count("\ufffd")
    warning = f"{label}: not UTF-8; decoded as {encoding.upper()} (its byte-order mark)"
    if bad:
        warning += f"; {bad} invalid sequence{'s' if bad != 1 else ''} replaced with \ufffd"
    return _check_not_binary(text, label), (warning,)


def _unmarked_utf16(data: bytes, label: str) -> tuple[str, tuple[str, ...]] | None:
    """A UTF-16 file without a byte-order mark (as some Windows programs save), in any script
    (``core.utf16`` tells it from a binary file by where its NUL and other control bytes
    fall); decoded so, with a warning. ``None`` for other bytes with NULs in them."""
    found = unmarked_utf16(data)
    if found is None:
        return None
    text, encoding = found
    return _check_not_binary(text, label), (
        f"{label}: not UTF-8; decoded as {encoding.upper()} (no byte-order mark: "
        "told by its NUL bytes, every other byte)",)


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """``data`` as UTF-8, its invalid sequences replaced, and how many there were, when it is
    UTF-8 but for a few stray bytes (at least twice as many valid non-ASCII characters as
    invalid sequences); ``None`` when it is another encoding. (Read as Windows-1252, one
    stray byte made every "“" of a UTF-8 report "â€œ".)"""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad
    return (text, bad) if valid >= 2 * bad else None


def _check_not_binary(text: str, label: str) -> str:
    sample = text[:65536]
    if sample and len(_CONTROL_RE.findall(sample)) > max(8, len(sample) // 100):
        raise ReaderError(f"{label}: binary file (control characters), not a text document")
    return text


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, stripped of surrounding whitespace, in order.

    Handles both conventions found in saved articles: one paragraph per line, and paragraphs
    separated by blank lines (possibly hard-wrapped over several lines).
    """
    blocks = _blocks_of_lines(text)
    lines = [line for block in blocks for line in block]
    if _is_hard_wrapped(blocks, text):
        return [(block[0][0], block[-1][1]) for block in blocks]
    return lines


def _blocks_of_lines(text: str) -> list[list[tuple[int, int]]]:
    blocks: list[list[tuple[int, int]]] = [[]]
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            blocks[-1].append((start, start + len(stripped)))
        elif blocks[-1]:
            blocks.append([])
        position += len(raw) + 1
    return [block for block in blocks if block]


def _is_hard_wrapped(blocks: list[list[tuple[int, int]]], text: str) -> bool:
    """Blank-line separated blocks whose lines break mid-sentence at a wrapping column."""
    lines = [line for block in blocks for line in block]
    inner = [line for block in blocks if len(block) > 1 for line in block[:-1]]
    if not inner or len(inner) * 3 < len(lines):
        return False
    if sum(end - start for start, end in inner) < MIN_WRAP_COLUMN * len(inner):
        return False  # short lines: a list or a header, one item per line
    wrapped = sum(
        1
        for start, end in inner
        if end - start <= WRAP_COLUMN and text[end - 1] not in _SENTENCE_END
    )
    return wrapped * 10 >= len(inner) * 6


_SENTENCE_GAP_RE = re.compile(r"[.!?\"\u201d\u2019)]\s+")
# "Advertisement", "Read more", "Share this article"; a closing quote mark or "…" alone, a
# paragraph of no word, is the sentence's own.
FURNITURE_TAIL_WORDS = 3


def _furniture_apart(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each paragraph, but one that ends in page furniture glued after its last sentence
    ("… certain sanctions. Advertisement") is two: the furniture becomes a paragraph of its
    own, flagged as boilerplate, where it was counted as the report's own wording."""
    found: list[tuple[int, int]] = []
    for start, end in ranges:
        window = max(start, end - 64)
        gap = next((gap for gap in _SENTENCE_GAP_RE.finditer(text, window, end)
                    if 0 < len(WORD_RE.findall(text, gap.end(), end)) <= FURNITURE_TAIL_WORDS
                    and is_boilerplate(text[gap.end():end])), None)
        if gap is None:
            found.append((start, end))
        else:  # (the sentence ends with the mark the gap starts with)
            found += [(start, gap.start() + 1), (gap.end(), end)]
    return found


def _fields_apart(text: str, ranges: list[tuple[int, int]]
                  ) -> tuple[list[tuple[int, int]], set[int]]:
    """Each paragraph, but one that starts with a date field glued before its first sentence
    (a scraper's "date 2025-04-07 Blaming the lack of progress …") is two: the field, a
    paragraph of its own, is boilerplate (where its words counted as the report's), and the
    metadata still reads it. Also returned: where the fields (alone or split off) start."""
    found: list[tuple[int, int]] = []
    fields: set[int] = set()
    for start, end in ranges:
        field = LEADING_DATE_RE.match(text, start, end)
        if field is not None:
            fields.add(start)
        if field is None or field.end() == end:  # (a field alone: boilerplate as it is)
            found.append((start, end))
        else:
            found += [(start, field.end(1)), (field.end(), end)]
    return found, fields


@cache
def _boilerplate_patterns() -> re.Pattern[str]:
    source = resources.files("reader_app.core.data").joinpath("boilerplate.txt")
    lines = source.read_text(encoding="utf-8").splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def is_boilerplate(paragraph: str) -> bool:
    """True for page furniture such as "Advertisement" or "Also Read | …" (see the data list)."""
    stripped = paragraph.strip()
    if len(stripped) > 300 or not WORD_RE.search(stripped):
        return len(stripped) <= 300 and bool(stripped)
    return _boilerplate_patterns().fullmatch(stripped) is not None
