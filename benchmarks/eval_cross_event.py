"""How many links of the long real pair join reports of different events: false by construction.

``real_prose.py``'s 200k-word pair concatenates ECB+ reports, each of one ECB+ sub-topic (one
event: "the 2012 Aceh quake", not "earthquakes"). A link between paragraphs of two different
sub-topics joins two events, so it is false whatever the wording; between two sub-topics of
one topic ("a quake in Aceh" / "a quake in Iran") it is the *similar event* the labelled dev
set's false links are mostly about. A link within one sub-topic may still be false (the same
event, other facts): this counts false links, never true ones — a precision bound thousands of
links strong, beside the few hundred labelled by reading (``eval_alignment.py``).

    python benchmarks/eval_cross_event.py [--words 200000] [--show copy|rewrite] [--seed N]
"""

from __future__ import annotations

import argparse
import random
import sys
from bisect import bisect_right
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from real_prose import real_pair  # noqa: E402

from reader_app.core.compare import Comparison, Link, compare  # noqa: E402
from reader_app.core.documents import Document, parse_document  # noqa: E402

KINDS = ("copy", "rewrite")
WHERE = ("same event", "same topic, other event", "other topic")


def _event(document: Document, starts: list[int], events: list[str], paragraph: int) -> str:
    return events[bisect_right(starts, document.paragraphs[paragraph].start) - 1]


def _where(left_event: str, right_event: str) -> str:
    if left_event == right_event:
        return WHERE[0]
    return WHERE[1] if left_event.split("/")[0] == right_event.split("/")[0] else WHERE[2]


def _show(comparison: Comparison, links: list[Link], seed: int) -> None:
    random.seed(seed)
    for link in random.sample(links, min(25, len(links))):
        shared = [(comparison.left.text[e.left_start:e.left_end], e.kind)
                  for e in link.evidence]
        print(f"--- {link.kind} {link.similarity:.2f} {shared}\n"
              f"  L: {comparison.left.paragraph_text(link.left)[:160]}\n"
              f"  R: {comparison.right.paragraph_text(link.right)[:160]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--show", choices=KINDS, help="print 25 links across topics")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    (left_text, left_starts, left_events), (right_text, right_starts, right_events) = (
        real_pair(args.words))
    left = parse_document(left_text, path="real-left.txt")
    right = parse_document(right_text, path="real-right.txt")
    comparison = compare(left, right)
    tally: Counter[tuple[str, str]] = Counter()
    across: list[Link] = []
    for link in comparison.links:
        where = _where(_event(left, left_starts, left_events, link.left),
                       _event(right, right_starts, right_events, link.right))
        tally[(link.kind, where)] += 1
        across += [link] if where == WHERE[2] and link.kind == args.show else []
    print("| kind | links | " + " | ".join(WHERE) + " | across events |")
    print("|---|---|---|---|---|---|")
    for kind in KINDS:
        total = sum(tally[(kind, where)] for where in WHERE)
        share = 1 - tally[(kind, WHERE[0])] / total if total else 0.0
        print(f"| {kind} | {total} | " + " | ".join(str(tally[(kind, w)]) for w in WHERE)
              + f" | {share:.1%} |")
    if args.show:
        _show(comparison, across, args.seed)


if __name__ == "__main__":
    main()
