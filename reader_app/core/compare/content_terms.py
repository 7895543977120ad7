"""The terms a paragraph's content is compared by: stems, numbers, names, abbreviations.

A paragraph becomes a list of ``Term``s, each with its offsets in the document text and a
``key`` that two wordings of the same thing share: a Snowball stem ("reported" / "reports"),
a number's value ("170,000" / "170000", "three" / "3", "30-day" / "30 days"), a dotted
abbreviation as one token ("U.S." / "US", "O.S.C.E."). Function words and reporting verbs
("the", "said") are dropped: they carry no fact; so are web addresses. Synonyms that news
reports swap freely share a key (``data/synonyms.txt``). Names (capitalised words not opening
a sentence) are flagged, because a shared name alone never makes a link (quotations, text
between quote marks, are found by ``core/corpus/quote_marks``). Must not import Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

import Stemmer

from reader_app.core.errors import Cancelled

# A dotted abbreviation (U.S., O.S.C.E., p.m.), a word (with a letter: "G7" too), or a
# number with separators ("170,000", "4:59").
_TERM_RE = re.compile(
    r"(?P<abbr>\b(?:[^\W\d_]\.){2,})"
    r"|(?P<word>\w*[^\W\d_]\w*(?:['\u2019][^\W\d_]+)?)"
    r"|(?P<num>\d+(?:[.,:]\d+)*)"
)
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SENTENCE_ENDS = frozenset(".!?:")
_SKIPPED_BEFORE_WORD = frozenset(" \t\"'()\u201c\u201d\u2018\u2019\u00ab\u00bb-\u2013\u2014")
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
     "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000",
     "million": "1000000", "billion": "1000000000", "dozen": "12"}
_DATELINE_WORDS = (
    "jan feb mar apr jun jul aug sep sept oct nov dec am pm gmt edt est utc bst cet pst pdt "
    "updated published posted last"
).split()
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november "
    "december".split()
)


class Term(NamedTuple):
    """One content term (a named tuple: a long document makes hundreds of thousands)."""

    start: int
    end: int
    key: str
    kind: str  # "word", "name", "capital" (opening a sentence), "number", "abbr"


@cache
def stopwords() -> frozenset[str]:
    text = resources.files("reader_app.core.data").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def date_words() -> frozenset[str]:
    """Keys of the words a dateline is made of (months, weekdays, time zones, "updated")."""
    words = [*MONTHS, *WEEKDAYS, *_DATELINE_WORDS]
    return frozenset(_stemmer().stemWords(words))


@cache
def calendar_keys() -> frozenset[str]:
    """Keys of weekday and month names."""
    return frozenset(_stemmer().stemWords([*MONTHS, *WEEKDAYS]))


@cache
def synonym_groups() -> dict[str, str]:
    """Stem -> the stem of its group's first word, for words outlets swap for one another."""
    text = resources.files("reader_app.core.data").joinpath("synonyms.txt").read_text("utf-8")
    groups: dict[str, str] = {}
    for line in text.splitlines():
        words = line.split()
        if not words or line.startswith("#"):
            continue
        stems = _stemmer().stemWords([w.casefold() for w in words])
        for stem in stems:
            groups.setdefault(stem, stems[0])
    return groups


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def paragraph_terms(text: str, start: int, end: int) -> list[Term]:
    """The content terms of ``text[start:end]``, in order, with document offsets."""
    found = document_terms(text, [(start, end)])[0]
    return found if found is not None else []


def document_terms(text: str, spans: Sequence[tuple[int, int] | None],
                   cancelled: Callable[[], bool] = lambda: False) -> list[list[Term] | None]:
    """The terms of each paragraph span (sorted, not overlapping; ``None`` takes no part).

    One pass of the term pattern over the whole text: per paragraph, its setting-up cost
    was most of the time for news (paragraphs of a sentence or two)."""
    result: list[list[Term] | None] = [None if span is None else [] for span in spans]
    present = [(span, result[i]) for i, span in enumerate(spans) if span is not None]
    if not present:
        return result
    addresses = iter([m.span() for m in _URL_RE.finditer(text, present[0][0][0],
                                                            present[-1][0][1])])
    address = next(addresses, None)
    paragraphs = iter(present)
    (p_start, p_end), terms = next(paragraphs)
    classify = _classify  # the loop runs once per word of the document: kept tight
    for number, match in enumerate(_TERM_RE.finditer(text, p_start, present[-1][0][1])):
        if not number & 0x3FFF and cancelled():  # every 16,384 words: a long read stops
            raise Cancelled
        found = classify(match.group(), match.lastgroup or "word")
        if found is None:
            continue
        at = match.start()
        while at >= p_end:
            (p_start, p_end), terms = next(paragraphs, ((len(text) + 1, len(text) + 1), []))
        while address is not None and address[1] <= at:
            address = next(addresses, None)
        if at < p_start or (address is not None and address[0] <= at):
            continue  # between paragraphs; or a web address, which names a page, no fact
        key, kind = found
        if kind == "word" and text[at].isupper():
            # At a sentence's opening a capital proves nothing: "Police" or "Russian".
            kind = "capital" if _opens_sentence(text, p_start, at) else "name"
        terms.append(Term(at, match.end(), key, kind))  # type: ignore[union-attr]
    return result


@lru_cache(maxsize=65536)
def _classify(surface: str, group: str) -> tuple[str, str] | None:
    """(key, kind) of a word as written, wherever it stands; None for a function word.

    Cached: news prose repeats its words, and stemming one at a time is the costly part."""
    if group == "abbr":
        return surface.replace(".", "").casefold(), "abbr"
    if group == "num":
        return _number_key(surface), "number"
    folded = surface.casefold().replace("\u2019", "'")
    if folded.endswith("'s"):
        folded = folded[:-2]
    if folded in _NUMBER_WORDS:
        return "#" + _NUMBER_WORDS[folded], "number"
    if surface.isupper() and len(surface) >= 2:
        return folded, "abbr"  # "US" keys like "U.S." (and is not the pronoun)
    if folded in stopwords() or len(folded) < 2:
        return None
    stem = _stemmer().stemWord(folded)
    return synonym_groups().get(stem, stem), "word"


def _opens_sentence(text: str, paragraph_start: int, at: int) -> bool:
    """Whether the word at ``at`` is the first of its sentence (its capital proves nothing)."""
    i = at - 1
    while i >= paragraph_start and text[i] in _SKIPPED_BEFORE_WORD:
        i -= 1
    return i < paragraph_start or text[i] in _SENTENCE_ENDS


def _number_key(surface: str) -> str:
    """"170,000" and "170000" alike; "4:59" and "1.5" kept as they are written."""
    if re.fullmatch(r"\d{1,3}(,\d{3})+", surface):
        surface = surface.replace(",", "")
    return "#" + surface.lstrip("0") if surface.strip("0") else "#0"
