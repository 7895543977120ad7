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


def _documents(corpus: Path) -> tuple[list[str], list[str]]:
    with (corpus / "index.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    seen: dict[tuple[str, str], int] = {}
    even, odd = [], []
    for row in rows:
        key = (row["topic"], row["subtopic"])
        number = seen.get(key, 0)
        seen[key] = number + 1
        text = (corpus / row["path"]).read_text("utf-8").strip()
        (even if number % 2 == 0 else odd).append(text)
    return even, odd


def _side(own: list[str], other: list[str], words: int) -> str:
    chosen, count = [], 0
    for text in own + other:
        if count >= words:
            break
        chosen.append(text)
        count += len(text.split())
    return "\n\n".join(chosen) + "\n"


def write_real_pair(out: Path, words: int, corpus: Path = DEFAULT_CORPUS) -> tuple[Path, Path]:
    even, odd = _documents(corpus)
    out.mkdir(parents=True, exist_ok=True)
    left, right = out / f"real_{words}_left.txt", out / f"real_{words}_right.txt"
    left.write_text(_side(even, odd, words), "utf-8")
    right.write_text(_side(odd, even, words), "utf-8")
    return left, right


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    print(*write_real_pair(args.out, args.words, args.corpus))
