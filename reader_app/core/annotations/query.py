"""Which annotations a reader asks for: by tag, by words, by document.

Owns ``AnnotationQuery`` (the one predicate the store's ``filter``, the panel's filter and
scripts share) and ``parse_query``, the filter box's syntax: plain words match the quote,
note, tags, document name and title (any case, each word somewhere, in any order; "words in
double quotes" as they stand); ``tag:NAME`` or ``#NAME`` matches one tag
(any case), and words after it narrow that down: ``tag:verify putin`` is the passages tagged
"verify" that mention Putin, unless a tag is called "verify putin" itself (tags may hold
spaces: ``tag:"Quote check" putin`` says where such a name ends). Must not import Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader_app.core.annotations.model import Annotation

TAG_PREFIXES = ("tag:", "#")
_QUOTED_TAG = re.compile(r'"([^"]*)"\s*(.*)', re.S)
_TERM = re.compile(r'"([^"]*)"?|(\S+)')  # a phrase in double quotes, else a word
TitleOf = Callable[[str], str | None]  # a document's title from its path (None: not known)


@dataclass(frozen=True, slots=True)
class AnnotationQuery:
    """``None`` (or empty) parts match everything; ``documents`` holds paths or names;
    ``tag_phrase``: a tag that also matches alone (the tag and the words read as one name)."""

    tag: str | None = None
    text: str | None = None
    documents: frozenset[str] | None = None
    tag_phrase: str | None = None

    @property
    def everything(self) -> bool:
        return not self.tag and not self.text and self.documents is None

    def matches(self, annotation: Annotation, title_of: TitleOf | None = None) -> bool:
        ref = annotation.document
        if self.documents is not None and not (
                ref.path in self.documents or ref.name in self.documents):
            return False
        if self.tag_phrase and _tagged(annotation, self.tag_phrase):
            return True
        if self.tag and not _tagged(annotation, self.tag):
            return False
        if not self.text:
            return True
        title = title_of(ref.path) if title_of is not None else None
        found = haystack(annotation, title or "")
        return all(term in found for term in search_terms(self.text))

    def select(self, annotations: Iterable[Annotation],
               title_of: TitleOf | None = None) -> list[Annotation]:
        if self.everything:
            return list(annotations)
        return [annotation for annotation in annotations if self.matches(annotation, title_of)]


def search_terms(text: str) -> list[str]:
    """What each must be found (any case): the words of ``text``, and its phrases in double
    quotes whole ("Peskov reporters" finds "Peskov told reporters"; '"told reporters"' only
    that)."""
    return [(match[1] if match[1] is not None else match[2]).casefold()
            for match in _TERM.finditer(text) if match[1] or match[2]]


def _tagged(annotation: Annotation, tag: str) -> bool:
    wanted = tag.casefold()
    return any(own.casefold() == wanted for own in annotation.tags)


def parse_query(typed: str, documents: frozenset[str] | None = None) -> AnnotationQuery:
    """The query of what the reader typed into the filter box."""
    text = typed.strip()
    for prefix in TAG_PREFIXES:
        if text.startswith(prefix):
            return _tag_query(text[len(prefix):].strip(), documents)
    return AnnotationQuery(text=text or None, documents=documents)


def _tag_query(rest: str, documents: frozenset[str] | None) -> AnnotationQuery:
    """``NAME``, ``NAME words`` or ``"NAME WITH SPACES" words`` after "tag:"."""
    quoted = _QUOTED_TAG.fullmatch(rest)
    if quoted:
        return AnnotationQuery(tag=quoted[1].strip() or None, text=quoted[2].strip() or None,
                               documents=documents)
    name, _, words = rest.partition(" ")
    if not words.strip():
        return AnnotationQuery(tag=name or None, documents=documents)
    return AnnotationQuery(tag=name, text=words.strip(), documents=documents, tag_phrase=rest)


def haystack(annotation: Annotation, title: str = "") -> str:
    """What plain words are looked for in: quote, note, document name and title, tags."""
    parts = (annotation.target.exact, annotation.note, annotation.document.name, title,
             *annotation.tags)
    return "\n".join(parts).casefold()
