"""Time the engine on real prose: ECB+ news concatenated (``real_prose.py``), 20k and 200k words.

Generated pairs understate the cost of real prose (real reports share far more paragraphs
on content). Best of ``--repeat`` runs, with ``bench_compare``'s timers:

* ``reader-app compare L R --format json -o /dev/null`` end to end (a subprocess);
* in-process ``load_document`` twice + ``compare()``;
* ``git diff --no-index --word-diff=porcelain L R`` for scale;
* the seeds pair 002/003 in-process (best of 20).

    python benchmarks/bench_real_prose.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_compare import time_cli, time_git, time_in_process  # noqa: E402
from real_prose import write_real_pair  # noqa: E402

from reader_app.core.compare import compare  # noqa: E402
from reader_app.core.documents import load_document  # noqa: E402

SEEDS = (HERE.parent / "seeds" / "002_08bb753c4dc5f10e.txt",
         HERE.parent / "seeds" / "003_4eb9a3ba2242e641.txt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| words | CLI json end to end | in-process | git word diff | CLI / git | links |")
    print("|---|---|---|---|---|---|")
    growth = []
    with tempfile.TemporaryDirectory() as folder:
        for words in (20_000, 200_000):
            left, right = write_real_pair(Path(folder), words)
            end_to_end = time_cli(left, right, "json", args.repeat)
            inside = time_in_process(left, right, args.repeat)
            git = time_git(left, right, args.repeat)
            links = len(compare(load_document(left), load_document(right)).links)
            growth.append(end_to_end)
            print(f"| {words:,} | {end_to_end:.2f} s | {inside:.2f} s | {git * 1000:.0f} ms | "
                  f"{end_to_end / git:.0f}x | {links:,} |")
    print(f"\nGrowth 20k -> 200k (end to end): {growth[1] / growth[0]:.1f}x")
    seeds = time_in_process(*SEEDS, repeat=20)
    print(f"Seeds 002/003 in-process: {seeds * 1000:.1f} ms (best of 20)")
    print(f"Machine: {platform.processor() or platform.machine()}, Python "
          f"{platform.python_version()} ({platform.platform()})")


if __name__ == "__main__":
    main()
