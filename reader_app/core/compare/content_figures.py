"""What kind of figure a number states, read from how it is written: two figures are
compared (``differs``) only when they are of one kind.

Read by hand, five in six of the ``differs`` pieces on the ECB+ dev set were no conflict
(``benchmarks/eval_evidence.py``), and a good part of those compared figures of different
kinds that happened to sit next to the same word: "three years of delays" / "the
37-year-old", "one or two jurors" / "a 10-juror majority", "March 2" / "the 21st head
coach", "after 6:00 p.m." / "around 6 p.m.", "the 1930's" / "in 1931". So a figure's kind
is part of its slot:

- ``attribute``: glued by a hyphen to the word after it ("37-year-old", "a seven-year
  deal", "an 8.6-magnitude quake"): it qualifies the noun that follows, it counts nothing;
- ``age``: 1 to 120 between commas right after a name ("Lo Presti, 52, said"), news's way
  of giving a person's age;
- ``day``: 1 to 31, or an ordinal, right before or after a month ("March 14th", "13 March");
- ``ordinal``: "21st", "11th" anywhere else (a rank, not an amount);
- ``year``: four digits from 1800 to 2100; ``decade``: one ending in 0 followed by "s"
  or "'s" ("the 1930's");
- ``time``: a clock time ("4:30");
- ``score``: joined by a hyphen to another figure ("won 5-3", a boxer's record "52-3",
  "45-7-2"): one of a set of figures, not an amount of what the words around it name;
- ``count``: any other figure.

Two figures of one kind in one slot may still state one value, and are then not compared:
an approximate or bounded figure within a tenth of the other ("home to about 100,000" is
no conflict with "home to 96,000"; with "120,000" it is; "over 350 yards" none with "352
yards", "at least one" one with "five"), two clock times in different zones ("4:30
p.m. ET" / "1:30 p.m. PST"), two figures of different units or things, the word right after
each ("10 kilometers" / "six miles": units are not converted; "30 people" / "25 civilians":
maybe two counts of one toll, maybe one count and part of it). Nor are two figures when one
is dated to a year the other's paragraph never names ("the 2005 quake killed 612"): another
event's figure.

A figure cut from its neighbours as written ("$2. 6-million", "41/2 months": a decimal
or a fraction split in the source) has no kind: it is compared with nothing. No Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader_app.core.compare.content_terms import Term
from reader_app.core.datelines import MONTHS

_BROKEN_RE = re.compile(r"\.\s\d|/\d")  # right after a figure: the rest of it, cut off
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
_YEAR_RE = re.compile(r"1[89]\d{2}|20\d{2}|2100")
_PLURAL_RE = re.compile(r"['\u2019]?s\b")  # "the 1930s", "the 1930's"
_SCORE_RE = re.compile(r"-\d")  # after a figure, or (reversed) before it: "5-3", "52-3"


def figure_kind(text: str, terms: Sequence[Term], at: int) -> str | None:
    """The kind of the figure ``terms[at]`` states (see the module); None when cut off."""
    term = terms[at]
    surface, after = text[term.start:term.end], text[term.end:term.end + 3]
    if _BROKEN_RE.match(after):
        return None
    if after[:1] == "-" and after[1:2].isalpha():
        return "attribute"
    before = text[max(0, term.start - 2):term.start]  # (a slice: never a scan of the text)
    if _SCORE_RE.match(after) or _SCORE_RE.match(before[::-1]):
        return "score"
    if _is_age(text, terms, at, after):
        return "age"
    ordinal = _ORDINAL_RE.fullmatch(surface) is not None
    day = ordinal or (surface.isdigit() and 1 <= int(surface) <= 31)
    if day and _next_to_a_month(text, terms, at):
        return "day"
    if ordinal:
        return "ordinal"
    if ":" in surface:
        return "time"
    if _YEAR_RE.fullmatch(surface):
        return "decade" if surface.endswith("0") and _PLURAL_RE.match(after) else "year"
    return "count"


def _is_age(text: str, terms: Sequence[Term], at: int, after: str) -> bool:
    """Whether a figure is a person's age as news writes it, between commas right after the
    name ("Gaetano Lo Presti, 52, hanged himself"): no count of what the words near it name
    ("one of 99 alleged members")."""
    term = terms[at]
    return (at > 0 and terms[at - 1].kind == "name" and after[:1] in (",", ")")
            and text[terms[at - 1].end:term.start] in (", ", " (")
            and term.key[1:].isdigit() and 1 <= int(term.key[1:]) <= MAX_AGE)


MAX_AGE = 120


def figure_scope(text: str, term: Term) -> bool:
    """Whether the sentence of a figure counts a running total or the rest of a whole ("a
    total of 14 rifles", "in five operations so far", "three other bombs"): such a figure
    and a plain count ("during the operation, six rifles") are two facts, not a conflict."""
    low, high = max(0, term.start - _SENTENCE_CHARS), term.end + _SENTENCE_CHARS
    start = max(text.rfind(end, low, term.start) for end in _SENTENCE_ENDS) + 1
    stops = [at for end in _SENTENCE_ENDS if (at := text.find(end, term.end, high)) >= 0]
    return _SCOPE_RE.search(text, max(start, low), min(stops, default=high)) is not None


_SENTENCE_ENDS = (". ", "! ", "? ", "\n")
_SENTENCE_CHARS = 400  # looked at around a figure at most (a search to the text's end, where
# a "? " never came, cost a fifth of a long pair's comparison)
_SCOPE_RE = re.compile(r"\b(?:a total of|in total|totall?ing|so far|to date|in all|altogether|"
                       r"overall|combined|cumulative|other|others)\b", re.IGNORECASE)


def _next_to_a_month(text: str, terms: Sequence[Term], at: int) -> bool:
    return any(0 <= n < len(terms) and text[terms[n].start:terms[n].end].casefold() in MONTHS
               for n in (at - 1, at + 1))


def attribute_slot(text: str, terms: Sequence[Term], at: int) -> tuple[str, str]:
    """The slot of an ``attribute`` figure: its compound's unit and the noun it qualifies,
    the word after the compound ("a 66-year-old woman" / "the 36-year-old driver": two
    people's ages, no conflict; "an 11-year old girl" / "a 12-year-old girl": one)."""
    end = at + 1
    while end + 1 < len(terms) and text[terms[end].end:terms[end + 1].start] == "-":
        end += 1  # (the compound's words: "-year-old")
    holder = end + 1
    if holder < len(terms) and terms[holder].key == "old":  # ("an 11-year old girl")
        holder += 1
    unit = terms[at + 1].key if at + 1 < len(terms) else ""
    return "attribute", f"{unit} {terms[holder].key if holder < len(terms) else ''}"


def may_agree(left_text: str, left_terms: Sequence[Term], i: int,
              right_text: str, right_terms: Sequence[Term], j: int) -> bool:
    """Whether two figures of one slot may state one value written otherwise (see the
    module): approximately, in another time zone, or in another unit."""
    left, right = left_terms[i], right_terms[j]
    if _approximate(left_text, left) or _approximate(right_text, right):
        a, b = _value(left.key), _value(right.key)
        if a is not None and b is not None and abs(a - b) <= APPROXIMATE * max(a, b):
            return True
    left_unit, right_unit = (_unit(left_text, left_terms, i),
                             _unit(right_text, right_terms, j))
    return left_unit is not None and right_unit is not None and left_unit != right_unit


def dated_apart(left_text: str, left_terms: Sequence[Term], i: int,
                right_text: str, right_terms: Sequence[Term], j: int) -> bool:
    """Whether one figure is dated to a year the other's paragraph never names ("10 people
    were killed" / "the 2005 quake in Zarand killed 612"): a figure of another year is
    another event's, not a conflict. ("the 2003 quake killed 26,000" / "31,000 died in Bam"
    in a paragraph on the 2003 quake is one.)"""
    return bool(_years_near(left_text, left_terms, i) - _years(right_text, right_terms, j)
                or _years_near(right_text, right_terms, j) - _years(left_text, left_terms, i))


YEAR_REACH = 5  # terms on each side of a figure where a year dates it


def _years_near(text: str, terms: Sequence[Term], at: int) -> set[str]:
    """The years written within ``YEAR_REACH`` terms of figure ``terms[at]``."""
    return _years(text, terms, at, range(max(0, at - YEAR_REACH),
                                         min(len(terms), at + YEAR_REACH + 1)))


def _years(text: str, terms: Sequence[Term], at: int, among: range | None = None) -> set[str]:
    """The years among ``terms`` (all of them unless ``among``), figure ``at`` itself not."""
    return {terms[k].key for k in (range(len(terms)) if among is None else among) if k != at
            and terms[k].kind == "number" and figure_kind(text, terms, k) == "year"}


APPROXIMATE = 0.1  # "about 3:00 pm" is no conflict with "2:53 p.m."
_APPROXIMATE_RE = re.compile(r"\b(?:about|around|approximately|roughly|nearly|almost|some|"
                             r"an estimated|estimated|close to|circa|approx\.?|"
                             r"over|more than|at least|upwards of|as many as|"  # bounds
                             r"fewer than|less than|under|up to)\s+\$?$",
                             re.IGNORECASE)
_ZONES = frozenset("et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest eet "
                   "eest ist jst aest aedt msk local".split())
_UNIT_GAP_RE = re.compile(r"[\s-]{1,2}")
_LIST_GAPS = frozenset({" and ", " or ", " to "})


def _approximate(text: str, term: Term) -> bool:
    return _APPROXIMATE_RE.search(text, max(0, term.start - 20), term.start) is not None


def _value(key: str) -> float | None:
    """A figure key's value ("#170000", "#2.5"; a clock time "#4:30" in minutes)."""
    figure = key[1:]
    hours, colon, minutes = figure.partition(":")
    try:
        return float(hours) * 60 + float(minutes) if colon else float(figure)
    except ValueError:
        return None


def _unit(text: str, terms: Sequence[Term], at: int) -> str | None:
    """What a figure counts or is measured in, the word right after it ("10 kilometers",
    "30 people"; a clock time's zone: "4:30 p.m. ET"), or None."""
    following = at + 1
    while following < len(terms) and terms[following].kind == "number" and text[
            terms[following - 1].end:terms[following].start] in _LIST_GAPS:
        following += 1  # a list's figures share the unit after its last ("7.6 and 7.5
        # magnitude quakes", "20 or 30 people")
    if following < len(terms) and terms[following].key in ("pm", "am"):
        following += 1  # a clock time's zone comes after its "p.m."
    if following >= len(terms) or not _UNIT_GAP_RE.fullmatch(
            text[terms[following - 1].end:terms[following].start]):
        return None
    key = terms[following].key
    if ":" in terms[at].key:
        return key if key in _ZONES else None
    return key
