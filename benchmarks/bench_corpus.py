"""Benchmark the corpus overview: which pairs are worth comparing, and the similarity matrix.

Generates (seeded) a corpus of N news-like documents (default 1,000 of about 600 words) about
a handful of stories. Most documents reuse one agency's copy of their story (paragraphs kept
verbatim, reworded or split, in order), every wire of a story quotes the same official
statement, and all of them are sprinkled with the set phrases of the genre ("said in a
statement", "President Vladimir Putin"), so common trigrams are everywhere. Then times, with
``time.perf_counter``:

* writing the files and ``load_library`` on their folder;
* shingling every document (``text_shingles`` of each content paragraph), for reference;
* ``pairs_worth_comparing`` on all N, and how many pairs it returns;
* ``similarity_matrix`` on the first 100, 200 and 500 documents (``--matrix-sizes``), how
  many pairs it compared and how many came out above 0, and an extrapolation to N: the
  seconds per pair worth comparing at the largest size times the pairs found at N;
* the process's peak memory (max RSS).

    python benchmarks/bench_corpus.py [--count 1000] [--matrix-sizes 100,200,500]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import Vocabulary, paragraph, render, reword, split_in_two
from report import print_table

from reader_app.core.compare.align import text_shingles
from reader_app.core.compare.engine import content_paragraphs
from reader_app.core.corpus.matrix import pairs_worth_comparing, similarity_matrix
from reader_app.core.documents import Document
from reader_app.core.library import load_library

STORIES = 6
WIRES_PER_STORY = 3
WIRE_PARAGRAPHS = 12
DOCUMENT_WORDS = 600
COMMON_PHRASES = (
    "the United States", "President Vladimir Putin", "the European Union", "on Tuesday",
    "according to officials", "said in a statement", "the prime minister", "last week",
    "in recent weeks", "at the same time", "one of the", "as well as", "the White House",
    "told reporters on", "the foreign ministry", "a spokesman for the", "for the first time",
    "in the region", "at the end of the", "it was not clear", "the United Nations",
    "on condition of anonymity", "in a statement on", "the Associated Press",
)
Sentences = list[str]
T = TypeVar("T")


def _with_phrases(rng: random.Random, sentences: Sentences) -> Sentences:
    """The paragraph with 0-2 set phrases slipped into its sentences."""
    edited = list(sentences)
    for _ in range(rng.randint(0, 2)):
        at = rng.randrange(len(edited))
        words = edited[at].split()
        words.insert(rng.randrange(1, len(words) + 1), rng.choice(COMMON_PHRASES))
        edited[at] = " ".join(words)
    return edited


def _own_paragraph(rng: random.Random, vocabulary: Vocabulary) -> Sentences:
    return _with_phrases(rng, paragraph(rng, vocabulary))


def make_wires(rng: random.Random, vocabulary: Vocabulary) -> list[list[list[Sentences]]]:
    """Per story, per agency: the wire's paragraphs; each story's wires quote one statement."""
    stories = []
    for _ in range(STORIES):
        statement = paragraph(rng, vocabulary)
        wires = []
        for _ in range(WIRES_PER_STORY):
            wire = [_own_paragraph(rng, vocabulary) for _ in range(WIRE_PARAGRAPHS)]
            wire.insert(rng.randrange(1, 4), statement)
            wires.append(wire)
        stories.append(wires)
    return stories


def _reused(rng: random.Random, vocabulary: Vocabulary, wire: list[Sentences]) -> list[Sentences]:
    """Some of the wire's paragraphs, in order: verbatim, reworded or split."""
    kept = sorted(rng.sample(range(len(wire)), rng.randint(3, 7)))
    out: list[Sentences] = []
    for index in kept:
        roll = rng.random()
        if roll < 0.55:
            out.append(wire[index])
        elif roll < 0.85:
            out.append(reword(rng, vocabulary, wire[index]))
        else:
            out.extend(split_in_two(wire[index]))
    return out


def make_document(rng: random.Random, vocabulary: Vocabulary,
                  stories: list[list[list[Sentences]]]) -> str:
    """One report: 85 % reuse a wire of their story, all add their own paragraphs."""
    wires = rng.choice(stories)
    paragraphs = _reused(rng, vocabulary, rng.choice(wires)) if rng.random() < 0.85 else []
    while sum(len(" ".join(p).split()) for p in paragraphs) < DOCUMENT_WORDS:
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), _own_paragraph(rng, vocabulary))
    if rng.random() < 0.3:
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), ["Advertisement"])
    return render(paragraphs)


def make_corpus(count: int, seed: int = 0) -> list[str]:
    """``count`` document texts; stories and wires are mixed evenly along the list."""
    rng = random.Random(seed)
    vocabulary = Vocabulary(rng)
    stories = make_wires(rng, vocabulary)
    return [make_document(rng, vocabulary, stories) for _ in range(count)]


def timed(action: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def _shingle_all(documents: list[Document]) -> int:
    return sum(len(text_shingles(text)) for d in documents for text in content_paragraphs(d))


def _load(texts: list[str], folder: Path) -> list[Document]:
    for number, text in enumerate(texts):
        (folder / f"{number:04d}.txt").write_text(text, encoding="utf-8")
    documents, _ = load_library([folder])
    return documents


def run(count: int, matrix_sizes: list[int], seed: int) -> list[tuple[str, str]]:
    texts = make_corpus(count, seed)
    with tempfile.TemporaryDirectory() as temporary:
        documents, load_seconds = timed(lambda: _load(texts, Path(temporary)))
    words = sum(p.words for d in documents for p in d.paragraphs)
    _, shingle_seconds = timed(lambda: _shingle_all(documents))
    pairs, pair_seconds = timed(lambda: pairs_worth_comparing(documents))
    all_pairs = count * (count - 1) // 2
    rows = [
        (f"write + `load_library` ({count} files, {words:,} words)", _s(load_seconds)),
        ("shingle every content paragraph (`text_shingles`)", _s(shingle_seconds)),
        (f"`pairs_worth_comparing` ({count})", _s(pair_seconds)),
        ("pairs worth comparing / all pairs", f"{len(pairs):,} / {all_pairs:,}"),
    ]
    per_pair = 0.0
    for size in [s for s in matrix_sizes if s <= count]:
        subset = documents[:size]
        matrix, seconds = timed(lambda subset=subset: similarity_matrix(subset))
        compared = len(pairs_worth_comparing(subset))
        nonzero = sum(v > 0 for i, row in enumerate(matrix) for v in row[i + 1 :])
        per_pair = seconds / max(compared, 1)
        rows.append((f"`similarity_matrix` ({size}): compared pairs, similarity > 0",
                     f"{_s(seconds)}: {compared:,} compared, {nonzero:,} > 0"))
    if per_pair:
        rows.append((f"`similarity_matrix` ({count}), extrapolated from the largest",
                     f"≈ {_s(pair_seconds + per_pair * len(pairs))} "
                     f"({per_pair * 1000:.2f} ms per compared pair)"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    rows.append(("peak memory of the process (max RSS)", f"{peak:.0f} MiB"))
    return rows


def _s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--matrix-sizes", default="100,200,500",
                        help="comma-separated corpus sizes to time the full matrix on")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    sizes = [int(size) for size in args.matrix_sizes.split(",") if size]
    rows = run(args.count, sizes, args.seed)
    print_table(f"corpus of {args.count:,} documents (seed {args.seed})", "time", rows)


if __name__ == "__main__":
    main()
