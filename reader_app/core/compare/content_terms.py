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
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate, compress
from operator import itemgetter
from typing import NamedTuple

import Stemmer

from reader_app.core.datelines import DATELINE_WORDS, MONTHS, WEEKDAYS
from reader_app.core.errors import Cancelled
from reader_app.core.text import COMBINING_MARK, NUMBER

# A dotted abbreviation (U.S., O.S.C.E., p.m.), a word (with a letter: "G7" too), or a
# number with separators ("170,000", "4:59"; ``NUMBER``, one token of the word diff too).
# The lookahead fails at once where no word starts, which halves the time of a scan. A word
# (a run of word characters holding a letter) is found from its first letter on, not by
# backtracking from its end: the same words, a tenth faster. A word holds the combining marks
# after its letters (``COMBINING_MARK``: "e" + U+0301), so that no piece of evidence ends
# between a letter and its accent.
_TERM_RE = re.compile(
    r"((?=\w)(?:\b(?:[^\W\d_]\.){2,}"
    rf"|[\d_]*[^\W\d_]\w*(?:{COMBINING_MARK}+\w*)*"
    rf"(?:['\u2019][^\W\d_]+(?:{COMBINING_MARK}+[^\W\d_]*)*)?"
    rf"|{NUMBER}))"
)
_LETTER_RE = re.compile(r"[^\W\d_]")
_ORDINAL_RE = re.compile(r"(\d+)(?:st|nd|rd|th)")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SENTENCE_ENDS = frozenset(".!?:")
_SKIPPED_BEFORE_WORD = " \t\"'()\u201c\u201d\u2018\u2019\u00ab\u00bb-\u2013\u2014"
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
     "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000",
     "million": "1000000", "billion": "1000000000", "dozen": "12"}


class Term(NamedTuple):
    """One content term (a named tuple: a long document makes hundreds of thousands)."""

    start: int
    end: int
    key: str
    kind: str  # "word", "name", "capital" (opening a sentence), "number", "abbr"


TERM_KEY = itemgetter(2)  # a Term's key, for map() (a C loop)
# Makes a Term of a tuple in C: a NamedTuple's own __new__ is a Python function, and a long
# document has a hundred thousand terms.
_NEW_TUPLE = tuple.__new__


@cache
def stopwords() -> frozenset[str]:
    text = resources.files("reader_app.core.data").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def date_words() -> frozenset[str]:
    """Keys of the words a dateline is made of (months, weekdays, time zones, "updated")."""
    words = [*MONTHS, *WEEKDAYS, *DATELINE_WORDS]
    return frozenset(_stemmer().stemWords(words))


@cache
def calendar_keys() -> frozenset[str]:
    """Keys of weekday and month names."""
    return frozenset(_stemmer().stemWords([*MONTHS, *WEEKDAYS]))


@cache
def synonym_groups() -> tuple[dict[str, str], dict[str, str]]:
    """For words outlets swap for one another: (each word of a group as listed -> the group's
    key, the stem of the group's first word; that stem -> the key, so that every form of the
    first word joins the group).

    The other words join as listed, not by their stems: a stem is shared by words of other
    meanings ("officers" and "office" are both "offic", "residence" and "residents" both
    "resid", "lasting" and "last" both "last"), which made "an office party" a variant of
    "police" (7 of the 13 false ``variant`` pieces read on the ECB+ dev set)."""
    text = resources.files("reader_app.core.data").joinpath("synonyms.txt").read_text("utf-8")
    groups = [[word.casefold() for word in line.split()] for line in text.splitlines()
              if line.strip() and not line.startswith("#")]
    keys = [_stemmer().stemWord(words[0]) for words in groups]
    heads = {key: key for key in keys}
    listed: dict[str, str] = {}  # (a word as listed wins over another's inflection: "fired")
    made: dict[str, str] = {}
    for words, key in zip(groups, keys, strict=True):
        for word in words:
            listed.setdefault(word, key)
            for form in _inflected(word)[1:]:
                made.setdefault(form, key)
    return made | listed, heads


def _inflected(word: str) -> list[str]:
    """``word`` and the forms English inflection makes of it by adding an ending ("die":
    "dies", "died", "dying"; "stop": "stopping"; "support": "supports"): only adding, so
    that no other word is reached ("officers" never becomes "office")."""
    forms = [word, word + "s", word + "es", word + "ed", word + "ing"]
    if word.endswith("e"):
        forms += [word + "d", word[:-1] + "ing"]
    if word.endswith("ie"):
        forms.append(word[:-2] + "ying")
    if word.endswith("y"):
        forms += [word[:-1] + "ies", word[:-1] + "ied"]
    if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and (
            word[-3] not in "aeiou"):
        forms += [word + word[-1] + "ed", word + word[-1] + "ing"]  # "stopped", "stopping"
    return forms


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

    The words are found, measured and classified by C loops over the whole stretch
    (``re.split``, ``accumulate``, a dictionary of classified surfaces); Python steps only
    through the content terms, building each one: per word, the setting-up was most of the
    time for long documents."""
    present: list[tuple[tuple[int, int], list[Term]]] = [
        (span, []) for span in spans if span is not None]
    found_terms = iter([terms for _, terms in present])
    result = [None if span is None else next(found_terms) for span in spans]
    if not present:
        return result
    base, stop = present[0][0][0], present[-1][0][1]
    found = _words(text, base, stop, cancelled)
    starts = found.starts
    for (p_start, p_end), terms in present:
        first, last = bisect_left(starts, p_start), bisect_left(starts, p_end)
        if last - first >= CAPITALS_WORDS and text[p_start:p_end].isupper():
            found.read_as_written_small(first, last)
        for low in range(first, last, _POLL_WORDS):
            if cancelled():  # a long read stops, between paragraphs or within a long one
                raise Cancelled
            terms.extend(found.terms(text, p_start, first, low, min(last, low + _POLL_WORDS)))
    _drop_addresses(found.addresses, present)
    return result


_POLL_WORDS = 16_384
# A paragraph of at least this many words, all in capitals (wire copy, a headline set so),
# is read as if written small: its capitals say nothing of names and abbreviations, and read
# as them, a verbatim copy of it was dropped as sharing "names only".
CAPITALS_WORDS = 4
_STRETCH_CHARS = 32_768  # read at a time: a C call holds the interpreter lock throughout
_SPACE_RE = re.compile(r"\s")


def _words(text: str, base: int, stop: int, cancelled: Callable[[], bool]) -> _Words:
    """The words of ``text[base:stop]``, read a stretch at a time, each stretch cut at a
    space (no word holds one): one call over a long document's whole text held the
    interpreter lock for a tenth of a second, stalling the window meanwhile."""
    words: list[str] = []
    starts: list[int] = []
    classes: list[tuple[str, str] | None] = []
    addresses: list[tuple[int, int]] = []
    while base < stop:
        space = _SPACE_RE.search(text, min(base + _STRETCH_CHARS, stop), stop)
        end = space.start() if space else stop
        if cancelled():
            raise Cancelled
        stretch_text = text[base:end]
        stretch = _TERM_RE.split(stretch_text)  # separator, word, separator, word, ...
        starts += list(accumulate(map(len, stretch), initial=base))[1:-1:2]  # words' starts
        del stretch[::2]
        words += stretch
        classes += map(_SURFACES.__getitem__, stretch)
        # Addresses are rare: two plain searches in C rule most stretches out, where the
        # address pattern took 7 % of reading a long document.
        if "://" in stretch_text or "www." in stretch_text.lower():
            addresses += [m.span() for m in _URL_RE.finditer(text, base, end)]
        base = end
    return _Words(words, starts, classes, addresses)


class _Words(NamedTuple):
    """The words of a stretch of text: as written, where each starts, and how each reads."""

    surfaces: list[str]
    starts: list[int]
    classes: list[tuple[str, str] | None]
    addresses: list[tuple[int, int]]  # web addresses' spans

    def read_as_written_small(self, low: int, high: int) -> None:
        """Classify words ``low`` to ``high`` as if written in small letters."""
        self.classes[low:high] = [_SURFACES[word.lower()] for word in self.surfaces[low:high]]

    def terms(self, text: str, p_start: int, first: int, low: int, high: int) -> Iterator[Term]:
        """The terms among words ``low`` to ``high`` of the paragraph whose first is ``first``."""
        words, starts, classes, _ = self
        for i in compress(range(low, high), classes[low:high]):
            key, kind = classes[i]  # type: ignore[misc]
            at = starts[i]
            if kind == "?":
                # At a sentence's opening a capital proves nothing: "Police" or "Russian".
                before = text[starts[i - 1] + len(words[i - 1]) if i > first else p_start : at]
                before = before.rstrip(_SKIPPED_BEFORE_WORD) or (
                    words[i - 1][-1] if i > first else "")
                kind = "capital" if not before or before[-1] in _SENTENCE_ENDS else "name"
            yield _NEW_TUPLE(Term, (at, at + len(words[i]), key, kind))


def _drop_addresses(addresses: list[tuple[int, int]],
                    present: list[tuple[tuple[int, int], list[Term]]]) -> None:
    """Remove the terms of web addresses: an address names a page, no fact."""
    if not addresses:
        return
    starts = [start for start, _ in addresses]  # sorted, and so are their ends

    def in_address(at: int) -> bool:
        last = bisect_right(starts, at) - 1  # the last address starting at or before
        return last >= 0 and at < addresses[last][1]

    for _, terms in present:
        before_end = bisect_left(starts, terms[-1].end) if terms else 0
        if before_end and addresses[before_end - 1][1] > terms[0].start:
            terms[:] = [t for t in terms if not in_address(t.start)]


class _Surfaces(dict[str, tuple[str, str] | None]):
    """Each word as written -> (key, kind), or None for a function word; kind "?" is a
    capitalised word, a name unless it opens its sentence. Bounded: cleared when full."""

    def __missing__(self, surface: str) -> tuple[str, str] | None:
        if len(self) >= 262_144:
            self.clear()
        group = "abbr" if surface[-1] == "." else "word" if _LETTER_RE.search(surface) else "num"
        found = _classify(surface, group)
        if found is not None and found[1] == "word" and surface[0].isupper():
            found = (found[0], "?")
        self[surface] = found
        return found


_SURFACES = _Surfaces()


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
    ordinal = _ORDINAL_RE.fullmatch(folded)
    if ordinal:  # "14th" states the figure 14 ("March 14th" / "14 March")
        return _number_key(ordinal[1]), "number"
    if surface.isupper() and len(surface) >= 2:
        return folded, "abbr"  # "US" keys like "U.S." (and is not the pronoun)
    if folded == "may" and surface[0].isupper():
        return folded, "word"  # the month ("on May 3", "in May"); "may" the verb is none
    if folded in stopwords() or len(folded) < 2:
        return None
    stem = _stemmer().stemWord(folded)
    forms, heads = synonym_groups()
    return forms.get(folded) or heads.get(stem, stem), "word"


def _number_key(surface: str) -> str:
    """"170,000" and "170000" alike; "4:59" and "1.5" kept as they are written."""
    if re.fullmatch(r"\d{1,3}(,\d{3})+", surface):
        surface = surface.replace(",", "")
    return "#" + surface.lstrip("0") if surface.strip("0") else "#0"
