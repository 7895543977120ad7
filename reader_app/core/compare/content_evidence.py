"""Why two linked paragraphs were linked: the corresponding pieces, and where they disagree.

For a linked pair, each term key both paragraphs hold pairs its occurrences: the same
characters make a ``same`` piece, another form of the same thing (an inflection, a spelling
variant of a name, "U.S." / "US", "three" / "3") a ``variant``. Then the figures and dates
left over are compared slot by slot: a number on each side next to the same word ("30
killed" / "25 killed", "March 13" / "March 14", "in 2011" / "in 2012"), or a month on each
side, is ``differs`` — the fact-checker's question, asked only of a pair that agrees on
enough else (``AGREEING_PIECES``) to be sure the two report one fact, and never of two
figures that may state one value written otherwise (``content_figures.may_agree``).

A key held once on each side pairs those two. A figure, date or name held more than once
pairs by slot first (``content_pairing``): with an occurrence next to the same word, then
the rest in order. Else the other side's value, stated elsewhere in the paragraph ("the 3rd
round … for three hours": "3rd" and "three" are both 3), would take the partner in the slot
where the figures conflict, and the conflict would go unseen. Other words never differ, and
pair in order (the k-th with the k-th, or the other side's last).

A weekday is another matter: it names a day relative to when its report was written ("on
Thursday": this week's), and reports of one story are written on different days and each
dates its own part of it (the day a statement was made, the day a later reaction came). So
"Thursday" in one paragraph and "Wednesday" in the other contradict nothing by themselves;
two weekdays are compared only when both paragraphs pin them to the same calendar date (each
states a same month and day: "Thursday, March 13" / "Friday, March 13"). Then, and only then,
a different weekday is ``differs``. Must not import Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress, pairwise
from operator import itemgetter
from typing import Literal, NamedTuple

from rapidfuzz import fuzz

from reader_app.core.compare.content_figures import (
    attribute_slot,
    dated_apart,
    figure_kind,
    figure_scope,
    may_agree,
)
from reader_app.core.compare.content_pairing import Pairs, pair_occurrences
from reader_app.core.compare.content_terms import TERM_KEY, Term, calendar_keys
from reader_app.core.datelines import MONTHS, WEEKDAYS

EvidenceKind = Literal["same", "variant", "differs"]
ALIKE_RATIO = 70  # two names this alike (rapidfuzz ratio) are one name written twice
_DAY_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?", re.IGNORECASE)


class Evidence(NamedTuple):
    """A piece of evidence: offsets into the left and right texts, and its kind (a named
    tuple, immutable like the rest of a Comparison, and cheap to make by the ten thousand)."""

    left_start: int
    left_end: int
    right_start: int
    right_end: int
    kind: EvidenceKind

    def mirrored(self) -> Evidence:
        return Evidence(self.right_start, self.right_end, self.left_start, self.left_end,
                        self.kind)


def pair_evidence(
    left_text: str,
    left_terms: tuple[Term, ...],
    right_text: str,
    right_terms: tuple[Term, ...],
    ignore_case: bool = False,
) -> tuple[Evidence, ...]:
    """The evidence pieces of one linked pair, sorted by left start."""
    return _pieces(_read(left_text, left_terms, ignore_case),
                   _read(right_text, right_terms, ignore_case))


class PairsEvidence:
    """The evidence of many pairs between two texts: a paragraph stands in several links,
    so what the pieces are found by (keys, surfaces, slotted terms, the calendar dates its
    weekdays are pinned to) is read once each."""

    def __init__(self, left_text: str, right_text: str, ignore_case: bool) -> None:
        self._texts = (left_text, right_text)
        self._ignore_case = ignore_case
        self._read: tuple[dict[int, _Read], dict[int, _Read]] = ({}, {})

    def of(self, left: int, left_terms: tuple[Term, ...], right: int,
           right_terms: tuple[Term, ...]) -> tuple[Evidence, ...]:
        """The pieces of paragraphs ``left`` and ``right`` (with these terms), sorted."""
        return _pieces(self._side(0, left, left_terms), self._side(1, right, right_terms))

    def _side(self, side: int, paragraph: int, terms: tuple[Term, ...]) -> _Read:
        found = self._read[side].get(paragraph)
        if found is None:
            found = _read(self._texts[side], terms, self._ignore_case)
            self._read[side][paragraph] = found
        return found


class _Read(NamedTuple):
    """A paragraph's terms as the evidence needs them."""

    text: str
    terms: tuple[Term, ...]
    keys: list[str]
    surfaces: list[str]  # as written (casefolded when case is ignored)
    slotted: list[tuple[int, str]]  # figures, names, "weekday"s and "month"s, by index
    dates: list[tuple[str, str]]  # the slots of its weekdays (when it has one)


def _read(text: str, terms: tuple[Term, ...], ignore_case: bool) -> _Read:
    """What the pieces of any link of this paragraph are found by."""
    surfaces = [text[t.start : t.end] for t in terms]
    calendar = calendar_keys()
    slotted = []
    for i, term in enumerate(terms):
        word = surfaces[i].casefold() if term.key in calendar else ""
        if word in WEEKDAYS or word in MONTHS:
            slotted.append((i, "weekday" if word in WEEKDAYS else "month"))
        elif term.kind in ("number", "name"):
            slotted.append((i, ""))
    weekdays = any(what == "weekday" for _, what in slotted)
    dates = _calendar_dates(text, terms) if weekdays else []
    if ignore_case:
        surfaces = [surface.casefold() for surface in surfaces]
    return _Read(text, terms, list(map(TERM_KEY, terms)), surfaces, slotted, dates)


def _pieces(left: _Read, right: _Read) -> tuple[Evidence, ...]:
    """The pieces of one linked pair, sorted by left start."""
    left_keys, right_keys = left.keys, right.keys
    shared = set(left_keys).intersection(right_keys)
    mine = list(compress(range(len(left_keys)), map(shared.__contains__, left_keys)))
    theirs = list(compress(range(len(right_keys)), map(shared.__contains__, right_keys)))
    by_key: dict[str, list[int]] = {}
    for j in theirs:
        by_key.setdefault(right_keys[j], []).append(j)
    chosen = None  # most pairs: no shared key repeats, nothing to choose
    if len(mine) > len(shared) or len(theirs) > len(shared):
        chosen = _by_slot(left, right, shared, by_key)
    pieces, used = ([], set()) if chosen is None else _chosen_pieces(left, right, chosen)
    skip = _NO_KEYS if chosen is None else chosen.keys
    left_terms, right_terms = left.terms, right.terms
    left_surfaces, right_surfaces = left.surfaces, right.surfaces
    for i in mine:
        if left_keys[i] in skip:
            continue  # (paired by slot)
        partners = by_key[left_keys[i]]  # the k-th occurrence pairs with the k-th, or the last
        j = partners.pop(0) if len(partners) > 1 else partners[0]
        used.add(j)
        term, partner = left_terms[i], right_terms[j]
        same = left_surfaces[i] == right_surfaces[j]
        if not same and term.kind == "number" and _other_kinds(left, i, right, j):
            continue  # "the 11-year old girl" / "Eleven other men": one value, two facts
        pieces.append(_NEW_TUPLE(Evidence, (term.start, term.end, partner.start, partner.end,
                                            "same" if same else "variant")))
    pieces += _conflicts(left, right, shared, used, chosen, len(pieces) >= AGREEING_PIECES)
    return tuple(sorted(pieces, key=BY_STARTS))


def _conflicts(left: _Read, right: _Read, shared: set[str], used: set[int],
               chosen: _Chosen | None, agreeing: bool) -> list[Evidence]:
    """The ``differs`` pieces of the terms left unpaired (none unless ``agreeing``: a
    conflict is told only where enough else agrees to be sure both report one fact), and
    the left occurrences beyond the right's count that differ from nothing."""
    left_keys, left_terms = left.keys, left.terms
    if chosen is None or not chosen.beyond:
        return _differing(left, lambda i: left_keys[i] not in shared,
                          right, lambda j: j not in used) if agreeing else []
    beyond = {i for i, _ in chosen.beyond}
    differing = _differing(left, lambda i: left_keys[i] not in shared or i in beyond,
                           right, lambda j: j not in used) if agreeing else []
    # An occurrence beyond the other side's count that differs from nothing there is a
    # repeated mention: it pairs with the other side's last one, as in order.
    return differing + [_piece(left, i, right, j) for i, j in chosen.beyond if not any(
        e.left_start <= left_terms[i].start < e.left_end for e in differing)]


def _other_kinds(left: _Read, i: int, right: _Read, j: int) -> bool:
    """Whether two figures of one value written otherwise state two kinds of thing (an age
    and a count, a score and a count: ``content_figures``), so that neither is the other in
    another form — a variant there told the reader, and the window's marks, that the other
    side agrees. A rank, a day or a year is still its number ("14th" / "14")."""
    kinds = {figure_kind(left.text, left.terms, i), figure_kind(right.text, right.terms, j)}
    return len(kinds) > 1 and not kinds.isdisjoint(_KINDS_APART)


_KINDS_APART = frozenset({"attribute", "score"})  # qualify or tally: never an amount


def _chosen_pieces(left: _Read, right: _Read,
                   chosen: _Chosen) -> tuple[list[Evidence], set[int]]:
    """The pieces of the occurrences paired by slot, and the right ones they pair."""
    return ([_piece(left, i, right, j) for i, j in chosen.pairs],
            {j for _, j in chosen.pairs})


_NO_KEYS: frozenset[str] = frozenset()


class _Chosen(NamedTuple):
    """The keys paired by slot, their pairs, and their left occurrences beyond the right's
    count (each with the right's last occurrence of its key)."""

    keys: frozenset[str]
    pairs: Pairs
    beyond: Pairs


def _by_slot(left: _Read, right: _Read, shared: set[str],
             by_key: dict[str, list[int]]) -> _Chosen | None:
    """The shared keys of figures, dates and names held more than once on a side, paired
    slot first (``content_pairing``); None without one. Other keys can never differ, and
    pair in order."""
    left_keys = left.keys
    left_slotted = set(map(itemgetter(0), left.slotted))
    right_slotted = set(map(itemgetter(0), right.slotted))
    keys = []
    for key in shared.intersection(map(left_keys.__getitem__, left_slotted)).union(
            shared.intersection(map(right.keys.__getitem__, right_slotted))):
        if len(by_key[key]) > 1 or left_keys.count(key) > 1:
            keys.append(key)
    if not keys:
        return None
    chosen = _Chosen(frozenset(keys), [], [])
    for key in keys:
        mine = list(compress(range(len(left_keys)), map(key.__eq__, left_keys)))
        partners = by_key[key]
        found, beyond = pair_occurrences(left.terms, mine, left_slotted,
                                         right.terms, partners, right_slotted)
        chosen.pairs.extend(found)
        chosen.beyond.extend((i, partners[-1]) for i in beyond)
    return chosen


def _piece(left: _Read, i: int, right: _Read, j: int) -> Evidence:
    """The ``same`` or ``variant`` piece of left term ``i`` and right term ``j``."""
    term, partner = left.terms[i], right.terms[j]
    kind: EvidenceKind = "same" if left.surfaces[i] == right.surfaces[j] else "variant"
    return Evidence(term.start, term.end, partner.start, partner.end, kind)


BY_STARTS = itemgetter(0, 2)  # an Evidence's order: by left start, then right start
_NEW_TUPLE = tuple.__new__  # an Evidence made in C (a NamedTuple's __new__ is Python)
Free = Callable[[int], bool]  # whether a paragraph's term (by index) is unmatched


def _differing(left: _Read, left_free: Free, right: _Read, right_free: Free) -> list[Evidence]:
    """Figures next to the same word, weekdays or months, and names after the same word
    ("spokesman Dmitry Peskov" / "spokesman Yuri Ushakov") that differ between sides."""
    left_slots = _slotted(left, left_free)
    if not left_slots:
        return []
    right_slots = _slotted(right, right_free)
    if not right_slots:
        return []
    left_text, right_text = left.text, right.text
    by_slot = {slot: (j, term) for j, term, slots in right_slots for slot in slots}
    pieces = []
    taken: set[int] = set()
    for i, term, slots in left_slots:
        for slot in slots:
            j, partner = by_slot.get(slot, (-1, None))
            if partner is not None and slot[0] == "name" and not _other_name(
                    left_text[term.start:term.end], right_text[partner.start:partner.end]):
                continue  # one name written twice ("Ukrainebut"), or a surname and a full name
            if partner is not None and term.kind == "number" and not (_anchored(
                    left, i, right, j, slot[1]) and figure_scope(
                    left_text, term) == figure_scope(right_text, partner)):
                continue  # (not one clause's figure, or a total against a part of it)
            if partner is not None and term.kind == "number" and (may_agree(
                    left_text, left.terms, i, right_text, right.terms, j) or dated_apart(
                    left_text, left.terms, i, right_text, right.terms, j)):
                continue  # (maybe one value: approximately, another time zone or unit;
                # or two years' figures)
            if partner is not None and partner.start not in taken:
                taken.add(partner.start)
                pieces.append(Evidence(term.start, term.end, partner.start, partner.end,
                                       "differs"))
                break
    return pieces


# A pair's figures are compared only when it shares this many ``same`` / ``variant`` pieces:
# read on the ECB+ dev set, no true conflict stood in a pair sharing fewer, and 6 of the 37
# false ones did (two paragraphs sharing "miles" and a place report two distances).
AGREEING_PIECES = 4
ANCHOR_TERMS = 4  # on each side of a figure: the words its clause is read by


def _anchored(left: _Read, i: int, right: _Read, j: int, slot: str) -> bool:
    """Whether two figures in one slot stand in one clause: they also share a word near
    them beyond the slot's own, no figure ("three years of legal delays" / "485 years."
    share only "years"). (Names near them tell little: "13 miles east of Cloverdale" /
    "four miles southwest of Cobb" are two places, "26,000 people in Bam" / "31,000 in
    Kerman province" one toll: requiring a same name lost 3 of 18 true conflicts.)"""
    return not (_near(left, i) & _near(right, j)).issubset({slot})


def _near(read: _Read, at: int) -> set[str]:
    """The keys of the words (no figures) within ``ANCHOR_TERMS`` of term ``at``."""
    return {t.key for t in read.terms[max(0, at - ANCHOR_TERMS):at + ANCHOR_TERMS + 1]
            if not t.key.startswith("#")}


def _slotted(read: _Read, free: Free) -> list[tuple[int, Term, list[tuple[str, str]]]]:
    """The unmatched figures, dates and names with their slots (the paragraph's others,
    most of its terms, were left out once, when it was read)."""
    terms = read.terms
    found = []
    for i, what in read.slotted:
        if not free(i):
            continue
        term = terms[i]
        if what == "weekday":  # (slotted by the dates it is pinned to: maybe none)
            found.append((i, term, read.dates))
        elif what == "month":
            found.append((i, term, [("month", "")]))
        elif term.kind == "number":
            kind = figure_kind(read.text, terms, i)
            if kind == "attribute":
                found.append((i, term, [attribute_slot(read.text, terms, i)]))
            elif kind is not None:
                found.append((i, term, _number_slots(terms, i, kind)))
        else:
            run = _name_run(read.text, terms, i, free)
            if run is not None:
                found.append((i, *run))
    return found


def _calendar_dates(text: str, terms: tuple[Term, ...]) -> list[tuple[str, str]]:
    """The weekday slots of a paragraph: one per calendar date it states, a month next to a
    day of the month ("March 13", "13 March", "13th March"); none in most paragraphs."""
    dates: list[tuple[str, str]] = []
    for first, second in pairwise(terms):
        gap = text[first.end : second.start]
        if gap.strip() or len(gap) > 2:
            continue  # not one date's two words
        month = next((t.key for t in (first, second)
                      if text[t.start : t.end].casefold() in MONTHS), None)
        day = next((d for t in (first, second) if (d := _day_of_month(text, t))), None)
        if month is not None and day is not None and ("weekday", f"{month} {day}") not in dates:
            dates.append(("weekday", f"{month} {day}"))
    return dates


def _day_of_month(text: str, term: Term) -> str | None:
    """The day a term states, "13" or "13th" (1 to 31); None for any other term."""
    found = _DAY_RE.fullmatch(text[term.start : term.end])
    return found[1].lstrip("0") if found and 1 <= int(found[1]) <= 31 else None


def _number_slots(terms: tuple[Term, ...], at: int, kind: str) -> list[tuple[str, str]]:
    """What a figure of ``kind`` (``content_figures``) stands for: the word after it, or the
    word before it."""
    slots = []
    if at + 1 < len(terms) and terms[at + 1].kind != "number":
        slots.append((f"{kind} before", terms[at + 1].key))
    if at > 0 and terms[at - 1].kind != "number":
        slots.append((f"{kind} after", terms[at - 1].key))
    return slots


def _name_run(text: str, terms: tuple[Term, ...], at: int,
              free: Free) -> tuple[Term, list[tuple[str, str]]] | None:
    """The unmatched name starting at ``at`` (its following name words joined: "Dmitry
    Peskov"), slotted by the plain word right before it; None without one."""
    if at == 0 or terms[at - 1].kind != "word" or not _adjacent_name(text, terms, at - 1):
        return None  # a name is slotted only right after its word ("spokesman Peskov")
    end = at
    while end + 1 < len(terms) and terms[end + 1].kind == "name" and (
            free(end + 1)) and _adjacent_name(text, terms, end):
        end += 1
    first, last = terms[at], terms[end]
    return Term(first.start, last.end, first.key, "name"), [("name", terms[at - 1].key)]


def _adjacent_name(text: str, terms: tuple[Term, ...], at: int) -> bool:
    """Whether the term after ``at`` follows it with only a space between (one name)."""
    return at + 1 < len(terms) and text[terms[at].end : terms[at + 1].start] == " "


def _other_name(left: str, right: str) -> bool:
    """Whether two names in one slot name two people or things: written in as many words
    (a surname against a full name, "Australian" against "Duncan Rait", was another
    person or an adjective in every such piece read on the dev set) and not alike (a
    misspelling or a glued word, "Ukrainebut", is one name)."""
    if len(left.split()) != len(right.split()):
        return False
    left, right = left.casefold(), right.casefold()
    return not (left.startswith(right) or right.startswith(left) or fuzz.ratio(
        left, right) >= ALIKE_RATIO)
