"""A realistic long pair from real news: ECB+ documents concatenated (see ../shared/corpora).

Left takes the even-numbered documents of each ECB+ sub-topic, right the odd-numbered ones
(other outlets' reports of the same events), in corpus order; each side is then topped up
with the other side's first documents (reused copy) until it holds ``words`` words.

    python benchmarks/real_prose.py OUT_DIR [--words 200000] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/corpora/ecbplus"


Report = tuple[str, str]  # a report's text and its ECB+ sub-topic ("1/1ecb": one event)


def _documents(corpus: Path) -> tuple[list[Report], list[Report]]:
    with (corpus / "index.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    seen: dict[tuple[str, str], int] = {}
    even, odd = [], []
    for row in rows:
        key = (row["topic"], row["subtopic"])
        number = seen.get(key, 0)
        seen[key] = number + 1
        text = (corpus / row["path"]).read_text("utf-8").strip()
        (even if number % 2 == 0 else odd).append((text, f"{row['topic']}/{row['subtopic']}"))
    return even, odd


def _side(own: list[Report], other: list[Report], words: int) -> tuple[str, list[int], list[str]]:
    """One side's text, and where each of its reports starts and which event it reports."""
    chosen, count = [], 0
    for report in own + other:
        if count >= words:
            break
        chosen.append(report)
        count += len(report[0].split())
    starts, at = [], 0
    for text, _ in chosen:
        starts.append(at)
        at += len(text) + 2
    return "\n\n".join(text for text, _ in chosen) + "\n", starts, [e for _, e in chosen]


def real_pair(words: int, corpus: Path = DEFAULT_CORPUS) -> tuple[
        tuple[str, list[int], list[str]], tuple[str, list[int], list[str]]]:
    """Both sides as ``_side`` makes them: text, reports' starts, reports' sub-topics."""
    even, odd = _documents(corpus)
    return _side(even, odd, words), _side(odd, even, words)


def write_real_pair(out: Path, words: int, corpus: Path = DEFAULT_CORPUS) -> tuple[Path, Path]:
    (left_text, _, _), (right_text, _, _) = real_pair(words, corpus)
    out.mkdir(parents=True, exist_ok=True)
    left, right = out / f"real_{words}_left.txt", out / f"real_{words}_right.txt"
    left.write_text(left_text, "utf-8")
    right.write_text(right_text, "utf-8")
    return left, right


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    print(*write_real_pair(args.out, args.words, args.corpus))
