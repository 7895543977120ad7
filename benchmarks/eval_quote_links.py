"""Would quotations compared as units add links? Measured on the dev set, not part of the engine.

For each labelled pair, the ``quotes`` command's grouping (``find_quotes`` on the two
documents) pairs a quotation of one with the same quote in the other; the paragraphs holding
them are a quote link. Printed: how many quote links there are, how many are labelled, and how
many the engine does not already make (what the rule would add).

    python benchmarks/eval_quote_links.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from eval_alignment import DEFAULT_CORPUS, paragraph_of, resolve  # noqa: E402

from reader_app.core.compare import compare  # noqa: E402
from reader_app.core.corpus.quotes import find_quotes  # noqa: E402
from reader_app.core.documents import Document, load_document  # noqa: E402


def quote_links(left: Document, right: Document) -> set[tuple[int, int]]:
    def paragraph(document: Document, at: int) -> int:
        return next(i for i, p in enumerate(document.paragraphs) if p.start <= at < p.end)

    links = set()
    for quote in find_quotes([left, right]):
        for a in (v for v in quote.variants if v.path == left.path):
            for b in (v for v in quote.variants if v.path == right.path):
                links.add((paragraph(left, a.start), paragraph(right, b.start)))
    return links


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    print("| set | quote links | labelled | not made by the engine | of those labelled |")
    print("|---|---|---|---|---|")
    totals: dict[str, list[int]] = {}
    for label_file in sorted((HERE / "devset").glob("*.json")):
        label = json.loads(label_file.read_text("utf-8"))
        left = load_document(resolve(label["left"], args.corpus))
        right = load_document(resolve(label["right"], args.corpus))
        gold = {(paragraph_of(left, k["left"]), paragraph_of(right, k["right"]))
                for k in label["links"]}
        made = {(k.left, k.right) for k in compare(left, right).links}
        found = quote_links(left, right)
        tally = totals.setdefault(label_file.stem.split("__")[0], [0, 0, 0, 0])
        for n, count in enumerate((len(found), len(found & gold), len(found - made),
                                   len((found - made) & gold))):
            tally[n] += count
    for name, (found, labelled, new, new_labelled) in sorted(totals.items()):
        print(f"| {name} | {found} | {labelled} | {new} | {new_labelled} |")


if __name__ == "__main__":
    main()
