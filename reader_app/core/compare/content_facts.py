"""Whether two documents report one event: how sure a reworded link must be between them.

Reports of one event by different outlets keep naming its people, places and bodies; two
reports of *similar* events (two earthquakes, two arrests, two coaches fired) share the
topic's words — "earthquake", "magnitude", "struck" — but name other places and people. A
reworded paragraph pair sharing only such words states no common fact (the labelling rule:
the same fact, quote or figures, never only a topic), yet its cosine can clear the bar.

So the bar for a ``rewrite`` link rises as the two documents' names diverge. *Name agreement*
is the share of each document's name mentions that are of names the other document also
holds, averaged over both sides: a mention-weighted measure, so the protagonists named again
and again count for more than a passing name. From ``FULL_AGREEMENT`` up, the judge's own
threshold applies; below, it rises linearly to ``STRICTEST`` for documents sharing no name.
A document naming no one gives no evidence either way: the threshold stays as it is.

The result depends on the two documents only, as every ``compare`` result must (the matrix
holds ``compare(i, j).stats.content``). Must not import Qt.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import compress

from reader_app.core.compare.content_terms import TERM_KEY, Term

# On ECB+, a tenth of the pairs of one event's reports agree less (1 in 100 below 0.2), half
# the pairs of a similar event's reports, 99 in 100 pairs on other topics.
FULL_AGREEMENT = 0.4
STRICTEST = 0.30  # the cosine a reworded link needs between documents sharing no name


def threshold_at(agreement: float | None, base: float) -> float:
    """The cosine a rewrite link must reach between documents of this name agreement."""
    if agreement is None or agreement >= FULL_AGREEMENT:
        return base
    return base + (STRICTEST - base) * (FULL_AGREEMENT - agreement) / FULL_AGREEMENT


def reports_one_event(agreement: float | None) -> bool:
    """Whether two documents name the same people and places as reports of one event do (a
    document naming no one gives no evidence of it)."""
    return agreement is not None and agreement >= FULL_AGREEMENT


def name_agreement(left: Iterable[Sequence[Term]], right: Iterable[Sequence[Term]],
                   names: frozenset[str]) -> float | None:
    """The mean over both sides of the share of name mentions the other side names too;
    None when a side names no one."""
    left_names, right_names = _mentions(left, names), _mentions(right, names)
    left_total, right_total = sum(left_names.values()), sum(right_names.values())
    if not left_total or not right_total:
        return None
    left_shared = sum(n for key, n in left_names.items() if key in right_names)
    right_shared = sum(n for key, n in right_names.items() if key in left_names)
    return (left_shared / left_total + right_shared / right_total) / 2


def _mentions(paragraphs: Iterable[Sequence[Term]], names: frozenset[str]) -> dict[str, float]:
    """How often each name is mentioned (weekdays and months too: the day an event
    happened is one of its particulars, as its place is). A run of names one space apart
    is one mention shared among its words: "U.S. Geological Survey", the source of every
    earthquake report, counts once, not three times (ECB+ 20_5 / 38_4, two quakes)."""
    counts: dict[str, float] = defaultdict(float)
    for paragraph in paragraphs:
        run: list[Term] = []
        # The name terms picked in C loops; only they take a Python step.
        for term in compress(paragraph, map(names.__contains__, map(TERM_KEY, paragraph))):
            if run and term.start - run[-1].end > 1:
                _count_run(counts, run)
                run = []
            run.append(term)
        _count_run(counts, run)
    return counts


def _count_run(counts: dict[str, float], run: list[Term]) -> None:
    for term in run:
        counts[term.key] += 1 / len(run)
