"""Why two linked paragraphs were linked: the corresponding pieces, and where they disagree.

For a linked pair, each term key both paragraphs hold pairs its occurrences in order: the
same characters make a ``same`` piece, another form of the same thing (an inflection, a
spelling variant of a name, "U.S." / "US", "three" / "3") a ``variant``. Then the figures and
dates left over are compared slot by slot: a number on each side next to the same word ("30
killed" / "25 killed", "March 13" / "March 14", "in 2011" / "in 2012"), or a month on each
side, is ``differs`` — the fact-checker's question.

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
from itertools import compress, pairwise
from operator import itemgetter
from typing import Literal, NamedTuple

from rapidfuzz import fuzz

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
    left_keys, right_keys = list(map(TERM_KEY, left_terms)), list(map(TERM_KEY, right_terms))
    shared = set(left_keys).intersection(right_keys)
    by_key: dict[str, list[int]] = {}
    for j in compress(range(len(right_keys)), map(shared.__contains__, right_keys)):
        by_key.setdefault(right_keys[j], []).append(j)
    used: set[int] = set()
    pieces: list[Evidence] = []
    for i in compress(range(len(left_keys)), map(shared.__contains__, left_keys)):
        term = left_terms[i]
        partners = by_key[term.key]  # the k-th occurrence pairs with the k-th, or the last
        j = partners.pop(0) if len(partners) > 1 else partners[0]
        used.add(j)
        partner = right_terms[j]
        same = _surface(left_text, term, ignore_case) == _surface(right_text, partner,
                                                                     ignore_case)
        pieces.append(Evidence(term.start, term.end, partner.start, partner.end,
                               "same" if same else "variant"))
    free_left = [i for i, key in enumerate(left_keys) if key not in shared]
    free_right = [j for j in range(len(right_terms)) if j not in used]
    pieces.extend(_differing(left_text, left_terms, free_left, right_text, right_terms,
                             free_right))
    return tuple(sorted(pieces, key=BY_STARTS))


BY_STARTS = itemgetter(0, 2)  # an Evidence's order: by left start, then right start


def _surface(text: str, term: Term, ignore_case: bool) -> str:
    surface = text[term.start : term.end]
    return surface.casefold() if ignore_case else surface


def _differing(
    left_text: str,
    left_terms: tuple[Term, ...],
    left_free: list[int],
    right_text: str,
    right_terms: tuple[Term, ...],
    right_free: list[int],
) -> list[Evidence]:
    """Figures next to the same word, weekdays or months, and names after the same word
    ("spokesman Dmitry Peskov" / "spokesman Yuri Ushakov") that differ between sides."""
    left_slots = _slotted(left_text, left_terms, left_free)
    if not left_slots:
        return []
    right_slots = _slotted(right_text, right_terms, right_free)
    if not right_slots:
        return []
    by_slot = {slot: term for term, slots in right_slots for slot in slots}
    pieces = []
    taken: set[int] = set()
    for term, slots in left_slots:
        for slot in slots:
            partner = by_slot.get(slot)
            if partner is not None and slot[0] == "name" and _alike(
                    left_text[term.start:term.end], right_text[partner.start:partner.end]):
                continue  # a misspelling or a glued word ("Ukrainebut"), not another name
            if partner is not None and partner.start not in taken:
                taken.add(partner.start)
                pieces.append(Evidence(term.start, term.end, partner.start, partner.end,
                                       "differs"))
                break
    return pieces


def _slotted(text: str, terms: tuple[Term, ...],
             free: list[int]) -> list[tuple[Term, list[tuple[str, str]]]]:
    """The unmatched figures, dates and names (by index) with their slots; most terms are
    none of these: skipped."""
    calendar = calendar_keys()
    free_set: set[int] | None = None
    dates: list[tuple[str, str]] | None = None  # the paragraph's, for its weekdays
    found = []
    for i in free:
        term = terms[i]
        word = text[term.start : term.end].casefold() if term.key in calendar else ""
        if word in WEEKDAYS:  # (slotted by the dates it is pinned to: maybe none)
            dates = _calendar_dates(text, terms) if dates is None else dates
            found.append((term, dates))
        elif word in MONTHS:
            found.append((term, [("month", "")]))
        elif term.kind == "number":
            found.append((term, _number_slots(terms, i)))
        elif term.kind == "name":
            free_set = set(free) if free_set is None else free_set
            run = _name_run(text, terms, i, free_set)
            if run is not None:
                found.append(run)
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


def _number_slots(terms: tuple[Term, ...], at: int) -> list[tuple[str, str]]:
    """What a figure stands for: the word after it, or the word before it."""
    slots = []
    if at + 1 < len(terms) and terms[at + 1].kind != "number":
        slots.append(("before", terms[at + 1].key))
    if at > 0 and terms[at - 1].kind != "number":
        slots.append(("after", terms[at - 1].key))
    return slots


def _name_run(text: str, terms: tuple[Term, ...], at: int,
              free: set[int]) -> tuple[Term, list[tuple[str, str]]] | None:
    """The unmatched name starting at ``at`` (its following name words joined: "Dmitry
    Peskov"), slotted by the plain word right before it; None without one."""
    if at == 0 or terms[at - 1].kind != "word" or not _adjacent_name(text, terms, at - 1):
        return None  # a name is slotted only right after its word ("spokesman Peskov")
    end = at
    while end + 1 < len(terms) and terms[end + 1].kind == "name" and (
            end + 1 in free) and _adjacent_name(text, terms, end):
        end += 1
    first, last = terms[at], terms[end]
    return Term(first.start, last.end, first.key, "name"), [("name", terms[at - 1].key)]


def _adjacent_name(text: str, terms: tuple[Term, ...], at: int) -> bool:
    """Whether the term after ``at`` follows it with only a space between (one name)."""
    return at + 1 < len(terms) and text[terms[at].end : terms[at + 1].start] == " "


def _alike(left: str, right: str) -> bool:
    left, right = left.casefold(), right.casefold()
    return left.startswith(right) or right.startswith(left) or fuzz.ratio(
        left, right) >= ALIKE_RATIO
