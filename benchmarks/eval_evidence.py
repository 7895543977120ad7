"""How right the ``differs`` and ``variant`` evidence is, against pieces labelled by reading.

``benchmarks/devset_evidence/evidence_labels.jsonl``: every ``differs`` piece the engine
marked (and a random sample of 100 ``variant`` pieces) in the first 3 document pairs of each
ECB+ sub-topic and the seed pairs, as of 2 December 2026, each labelled TRUE (the two
reports state a different value for the same thing; for a variant, the same thing written
otherwise), FALSE (with the reason and a category of cause) or UNCLEAR, by reading both
paragraphs. Run again, the engine's pieces in the same pairs are matched to the labels by
their offsets: of the labelled pieces, how many TRUE and FALSE ones it still marks, and how
many pieces it marks that were never labelled (new ones, to read).

    python benchmarks/eval_evidence.py [--corpus DIR] [--show false|true|new]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from reader_app.core.compare import compare  # noqa: E402
from reader_app.core.documents import load_document  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus"
LABELS = HERE / "devset_evidence" / "evidence_labels.jsonl"
Key = tuple[int, int, int, int]


def _resolve(path: str, corpus: Path) -> Path:
    return ROOT / path if path.startswith("seeds/") else corpus / path


def _marked(left: Path, right: Path) -> dict[str, set[Key]]:
    """Every evidence piece of the pair's links, by kind, as offsets."""
    result = compare(load_document(left), load_document(right))
    found: dict[str, set[Key]] = defaultdict(set)
    for link in result.links:
        for e in link.evidence:
            found[e.kind].add((e.left_start, e.left_end, e.right_start, e.right_end))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", choices=["false", "true", "lost", "new"],
                        help="print the FALSE / TRUE labels still marked, the TRUE ones no "
                             "longer marked, or the new pieces")
    args = parser.parse_args()
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines()]
    by_pair: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for label in labels:
        by_pair[(label["left_path"], label["right_path"])].append(label)
    kept: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    new: list[str] = []
    for (left, right), pair_labels in sorted(by_pair.items()):
        marked = _marked(_resolve(left, args.corpus), _resolve(right, args.corpus))
        labelled = set()
        for label in pair_labels:
            key = (label["left_start"], label["left_end"], label["right_start"],
                   label["right_end"])
            labelled.add(key)
            total[(label["kind"], label["label"])] += 1
            still = key in marked[label["kind"]]
            kept[(label["kind"], label["label"])] += still
            lost = not still and label["label"] == "TRUE"
            if (still and args.show == label["label"].lower()) or (lost and args.show == "lost"):
                print(f"{label['id']} {label['left_str']!r} / {label['right_str']!r}: "
                      f"{label['reason']}")
        new += [f"{left} {right} {key}" for key in marked["differs"] - labelled]
    _report(kept, total, len(new))
    if args.show == "new":
        print(*new, sep="\n")


def _report(kept: Counter[tuple[str, str]], total: Counter[tuple[str, str]],
            new: int) -> None:
    print("| kind | labelled TRUE still marked | labelled FALSE still marked | precision |")
    print("|---|---|---|---|")
    for kind in ("differs", "variant"):
        true, false = kept[(kind, "TRUE")], kept[(kind, "FALSE")]
        precision = true / (true + false) if true + false else 1.0
        print(f"| {kind} | {true} of {total[(kind, 'TRUE')]} | {false} of "
              f"{total[(kind, 'FALSE')]} | {precision:.2f} |")
    print(f"differs pieces marked that were never labelled (new): {new}")


if __name__ == "__main__":
    main()
