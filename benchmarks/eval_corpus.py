"""Does the content matrix find each ECB+ document's story? Nearest neighbour by ``content``
against plain TF-IDF cosine (the same documents, the same run).

For each document, its nearest neighbour (highest off-diagonal value; ties: first) should be
a document of its own ECB+ sub-topic (the same event reported by another outlet). The
documents grouped by ``stories`` are scored by pairs: of the pairs put in one group, how many
are of one sub-topic (precision), and of one sub-topic's pairs, how many share a group.

    python benchmarks/eval_corpus.py [--corpus DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reader_app.core.corpus.stories import content_matrix, stories  # noqa: E402
from reader_app.core.documents import load_document  # noqa: E402
from reader_app.core.text import WORD_RE  # noqa: E402

DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "ecbplus"


def tfidf_matrix(texts: list[str]) -> list[list[float]]:
    bags = [Counter(WORD_RE.findall(t.casefold())) for t in texts]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(texts)
    vectors = []
    for bag in bags:
        vector = {w: c * math.log(n / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({w: v / norm for w, v in vector.items()})
    return [[sum(v * b.get(w, 0.0) for w, v in a.items()) for b in vectors] for a in vectors]


def story_pairs(groups: list[list[int]], story: list[str]) -> tuple[float, float]:
    """Pairwise precision and recall of the ``stories`` groups against the sub-topics."""
    together = sum(len(g) * (len(g) - 1) // 2 for g in groups)
    right = sum(n * (n - 1) // 2 for g in groups for n in Counter(story[i] for i in g).values())
    gold = sum(n * (n - 1) // 2 for n in Counter(story).values())
    return (right / together if together else 1.0), (right / gold if gold else 1.0)


def hit_rate(matrix: list[list[float]], story: list[str]) -> float:
    hits = 0
    for i, row in enumerate(matrix):
        best = max((value, -j) for j, value in enumerate(row) if j != i)
        hits += story[-best[1]] == story[i]
    return hits / len(matrix)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="first N documents only")
    args = parser.parse_args()
    with (args.corpus / "index.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    if args.limit:
        rows = rows[: args.limit]
    documents = [load_document(args.corpus / row["path"]) for row in rows]
    story = [row["topic"] + row["subtopic"] for row in rows]
    start = time.perf_counter()
    content = content_matrix(documents)
    took = time.perf_counter() - start
    tfidf = tfidf_matrix([d.text for d in documents])
    print(f"{len(documents)} documents, {len(set(story))} sub-topics")
    print(f"nearest neighbour in its own sub-topic: content {hit_rate(content, story):.1%} "
          f"({took:.0f} s), TF-IDF cosine {hit_rate(tfidf, story):.1%}")
    groups = stories(content)
    precision, recall = story_pairs(groups, story)
    print(f"stories: {len(groups)} groups; pairs of one sub-topic grouped together: "
          f"precision {precision:.3f}, recall {recall:.3f}")


if __name__ == "__main__":
    main()
