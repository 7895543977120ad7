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
- ``day``: 1 to 31, or an ordinal, right before or after a month ("March 14th", "13 March");
- ``ordinal``: "21st", "11th" anywhere else (a rank, not an amount);
- ``year``: four digits from 1800 to 2100; ``decade``: one ending in 0 followed by "s"
  or "'s" ("the 1930's");
- ``time``: a clock time ("4:30");
- ``count``: any other figure.

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


def figure_kind(text: str, terms: Sequence[Term], at: int) -> str | None:
    """The kind of the figure ``terms[at]`` states (see the module); None when cut off."""
    term = terms[at]
    surface, after = text[term.start:term.end], text[term.end:term.end + 3]
    if _BROKEN_RE.match(after):
        return None
    if after[:1] == "-" and after[1:2].isalpha():
        return "attribute"
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
