"""The words a dateline is made of: weekdays, months and their short forms, times of day,
time zones, "Updated", "Posted". One list for the metadata reader (a dateline is never a
document's title) and the content judge (a dateline states no fact).
"""

from __future__ import annotations

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november "
    "december".split()
)
DATELINE_WORDS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec am pm gmt edt est cst cdt mst mdt utc "
    "bst cet cest pst pdt ist aest updated published posted last modified".split()
)


def is_dateline(words: list[str]) -> bool:
    """Whether a line of these words (as ``WORD_RE`` finds them) is only a date and time:
    "Updated: November 11, 2011 20:09 IST", "Posted Mon 4 Mar 2013 10:41 GMT"."""
    folded = [word.casefold() for word in words]
    return any(word.isdigit() for word in folded) and all(
        word.isdigit() or word in DATELINE_WORDS or word in MONTHS or word in WEEKDAYS
        or word in ("on", "at") for word in folded)
