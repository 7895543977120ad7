"""Which annotations a reader asks for: by tag, by words, by document.

Owns ``AnnotationQuery`` (the one predicate the store's ``filter``, the panel's filter and
scripts share) and ``parse_query``, the filter box's syntax: plain words match the quote,
note, tags and document name (any case); ``tag:NAME`` or ``#NAME`` matches one tag (any case).
Must not import Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader_app.core.annotations.model import Annotation

TAG_PREFIXES = ("tag:", "#")


@dataclass(frozen=True, slots=True)
class AnnotationQuery:
    """``None`` (or empty) parts match everything; ``documents`` holds paths or names."""

    tag: str | None = None
    text: str | None = None
    documents: frozenset[str] | None = None

    @property
    def everything(self) -> bool:
        return not self.tag and not self.text and self.documents is None

    def matches(self, annotation: Annotation) -> bool:
        if self.tag:
            wanted = self.tag.casefold()
            if all(tag.casefold() != wanted for tag in annotation.tags):
                return False
        ref = annotation.document
        if self.documents is not None and not (
                ref.path in self.documents or ref.name in self.documents):
            return False
        return not self.text or self.text.casefold() in haystack(annotation)

    def select(self, annotations: Iterable[Annotation]) -> list[Annotation]:
        if self.everything:
            return list(annotations)
        return [annotation for annotation in annotations if self.matches(annotation)]


def parse_query(typed: str, documents: frozenset[str] | None = None) -> AnnotationQuery:
    """The query of what the reader typed into the filter box."""
    text = typed.strip()
    for prefix in TAG_PREFIXES:
        if text.startswith(prefix):
            return AnnotationQuery(tag=text[len(prefix):].strip() or None, documents=documents)
    return AnnotationQuery(text=text or None, documents=documents)


def haystack(annotation: Annotation) -> str:
    """What plain words are looked for in: quote, note, document name and tags."""
    parts = (annotation.target.exact, annotation.note, annotation.document.name,
             *annotation.tags)
    return "\n".join(parts).casefold()
