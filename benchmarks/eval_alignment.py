"""Evaluate the engine's paragraph links against labels made by reading (and ECB+'s own links).

Sets:
- ``seeds`` / ``ecbplus``: ``benchmarks/devset/*.json``, links as phrase pairs (each phrase
  an exact substring of its document; the paragraph holding it is the labelled paragraph,
  whatever the paragraph splitting). A predicted link is right when a labelled phrase pair
  falls in its two paragraphs; a labelled pair is found when its paragraphs are linked.
- ``ecb-events``: ECB+'s sentence-level "mentions the same event" links (coarse): recall over
  all its pairs, precision over predictions between annotated sentences only.
- ``synthetic``: the generated derivations of ``benchmarks/generate.py`` (moves, splits,
  merges, rewording), whose true links are known by construction: ``--synthetic N`` pairs
  (seeds 0..N-1) of ``--synthetic-words`` words each; a predicted link is right when its
  right paragraph derives from its left one (inserted paragraphs derive from none).

Run: ``python benchmarks/eval_alignment.py [--corpus DIR] [--synthetic N] [--verbose]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from generate import make_pair_with_truth  # noqa: E402

from reader_app.core.compare import compare  # noqa: E402
from reader_app.core.documents import Document, load_document, parse_document  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus"


@dataclass
class Tally:
    true_positive: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0
    pairs: int = 0

    def add(self, other: Tally) -> None:
        for name in ("true_positive", "predicted", "found", "gold", "pairs"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


def paragraph_of(document: Document, phrase: str) -> int:
    at = document.text.find(phrase)
    if at < 0:
        raise SystemExit(f"phrase not in {document.path}: {phrase!r}")
    for index, paragraph in enumerate(document.paragraphs):
        if paragraph.start <= at < paragraph.end:
            return index
    raise SystemExit(f"phrase outside paragraphs in {document.path}: {phrase!r}")


def resolve(path: str, corpus: Path) -> Path:
    return ROOT / path if path.startswith("seeds/") else corpus / path


def evaluate_labelled(label_file: Path, corpus: Path, verbose: bool) -> Tally:
    label = json.loads(label_file.read_text("utf-8"))
    left = load_document(resolve(label["left"], corpus))
    right = load_document(resolve(label["right"], corpus))
    gold = {
        (paragraph_of(left, link["left"]), paragraph_of(right, link["right"]))
        for link in label["links"]
    }
    result = compare(left, right)
    predicted = {(link.left, link.right) for link in result.links}
    tally = Tally(len(predicted & gold), len(predicted), len(gold & predicted), len(gold), 1)
    if verbose:
        _show(label_file.stem, left, right, gold, predicted, result)
    return tally


def labelling_group(label_file: Path) -> str:
    """Which batch a labelled pair belongs to: "blind" (labelled after the rules were set,
    never tuned on) or the day it was labelled, so that each batch's figures stay apart."""
    labelled_by = json.loads(label_file.read_text("utf-8")).get("labelled_by", "")
    blind = re.search(r"\bblind\d*", labelled_by)
    if blind:
        return blind.group(0)  # ("blind2": a later batch of blind pairs)
    found = re.search(r"\d{4}-\d{2}-\d{2}", labelled_by)
    return found.group(0) if found else "other"


def _show(name, left, right, gold, predicted, result) -> None:  # type: ignore[no-untyped-def]
    kinds = {(k.left, k.right): getattr(k, "kind", "copy") for k in result.links}
    print(f"== {name}: gold {len(gold)}, predicted {len(predicted)}")
    for pair in sorted(gold | predicted):
        mark = "ok " if pair in gold and pair in predicted else (
            "MISS" if pair in gold else "FALSE")
        if mark == "ok ":
            continue
        a, b = pair
        print(f"  {mark} {a}-{b} {kinds.get(pair, '')}\n     L: {left.paragraph_text(a)[:150]}"
              f"\n     R: {right.paragraph_text(b)[:150]}")


def evaluate_events(corpus: Path, limit: int) -> Tally:
    """ECB+ same-event sentence links, on the first ``limit`` document pairs of each topic."""
    tally = Tally()
    seen: dict[str, int] = {}
    for line in (corpus / "links.jsonl").read_text("utf-8").splitlines():
        entry = json.loads(line)
        key = entry["topic"] + entry["subtopic"]
        if seen.get(key, 0) >= limit:
            continue
        seen[key] = seen.get(key, 0) + 1
        left = load_document(corpus / entry["left"])
        right = load_document(corpus / entry["right"])
        if len(left.paragraphs) != entry_count(corpus / entry["left"]) or len(
            right.paragraphs) != entry_count(corpus / entry["right"]):
            continue  # paragraph splitting differs from the sentence numbering: skip
        gold = {tuple(p) for p in entry["pairs"]}
        annotated = {(a, b) for a in entry["annotated_left"] for b in entry["annotated_right"]}
        predicted = {(k.left, k.right) for k in compare(left, right).links}
        judged = predicted & annotated
        tally.add(Tally(len(judged & gold), len(judged), len(gold & predicted), len(gold), 1))
    return tally


def evaluate_synthetic(pairs: int, words: int, verbose: bool) -> Tally:
    """Generated pairs (seeds ``0 .. pairs - 1``) against their links by construction."""
    tally = Tally()
    for seed in range(pairs):
        left_text, right_text, gold = make_pair_with_truth(words, seed)
        left = parse_document(left_text, path=f"synthetic-{seed}-left.txt")
        right = parse_document(right_text, path=f"synthetic-{seed}-right.txt")
        if len(left.paragraphs) != left_text.count("\n\n") + 1 or len(
            right.paragraphs) != right_text.count("\n\n") + 1:
            raise SystemExit(f"synthetic seed {seed}: paragraph splitting differs from truth")
        result = compare(left, right)
        predicted = {(link.left, link.right) for link in result.links}
        tally.add(Tally(len(predicted & gold), len(predicted), len(gold & predicted),
                        len(gold), 1))
        if verbose:
            _show(f"synthetic seed {seed}", left, right, gold, predicted, result)
    return tally


def entry_count(path: Path) -> int:
    return len(path.read_text("utf-8").rstrip("\n").split("\n\n"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--labels", type=Path, default=HERE / "devset")
    parser.add_argument("--events-per-subtopic", type=int, default=3)
    parser.add_argument("--synthetic", type=int, default=10, metavar="N",
                        help="generated pairs with known links (0 to skip)")
    parser.add_argument("--synthetic-words", type=int, default=2000,
                        help="words in each generated left document")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    totals: dict[str, Tally] = {}
    groups: dict[str, Tally] = {}
    for label_file in sorted(args.labels.glob("*.json")):
        name = label_file.name.split("__")[0]
        tally = evaluate_labelled(label_file, args.corpus, args.verbose)
        totals.setdefault(name, Tally()).add(tally)
        groups.setdefault(f"  {name}/{labelling_group(label_file)}", Tally()).add(tally)
    if len(groups) > len(totals):
        totals.update(sorted(groups.items()))
    if args.events_per_subtopic:
        totals["ecb-events"] = evaluate_events(args.corpus, args.events_per_subtopic)
    if args.synthetic:
        totals["synthetic"] = evaluate_synthetic(args.synthetic, args.synthetic_words,
                                                 args.verbose)
    print(f"{'set':<22} {'doc pairs':>9} {'gold':>6} {'predicted':>9} {'precision':>9} "
          f"{'recall':>7}")
    for name, tally in totals.items():
        print(f"{name:<22} {tally.pairs:>9} {tally.gold:>6} {tally.predicted:>9} "
              f"{tally.precision:>9.3f} {tally.recall:>7.3f}")


if __name__ == "__main__":
    main()
