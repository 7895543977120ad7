"""Time the engine on real prose: ECB+ news concatenated (``real_prose.py``), 20k and 200k words.

Generated pairs understate the cost of real prose (real reports share far more paragraphs
on content). Best of ``--repeat`` runs, ``time.perf_counter``:

* ``reader-app compare L R --format json -o /dev/null`` end to end (a subprocess);
* in-process ``load_document`` twice + ``compare()``;
* ``git diff --no-index --word-diff=porcelain L R`` for scale;
* the seeds pair 002/003 in-process (best of 20).

    python benchmarks/bench_real_prose.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from real_prose import write_real_pair  # noqa: E402

from reader_app.core.compare import compare  # noqa: E402
from reader_app.core.documents import load_document  # noqa: E402

SEEDS = (HERE.parent / "seeds" / "002_08bb753c4dc5f10e.txt",
         HERE.parent / "seeds" / "003_4eb9a3ba2242e641.txt")


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def in_process(left: Path, right: Path) -> object:
    return compare(load_document(left), load_document(right))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cli = shutil.which("reader-app") or "reader-app"
    print("| words | CLI json end to end | in-process | git word diff | CLI / git | links |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for words in (20_000, 200_000):
            left, right = write_real_pair(Path(folder), words)
            compare_cli = [cli, "compare", str(left), str(right), "--format", "json",
                           "-o", "/dev/null"]
            git_diff = ["git", "diff", "--no-index", "--word-diff=porcelain", str(left),
                        str(right)]
            end_to_end = best(partial(subprocess.run, compare_cli, check=True), args.repeat)
            inside = best(partial(in_process, left, right), args.repeat)
            git = best(partial(subprocess.run, git_diff, stdout=subprocess.DEVNULL),
                       args.repeat)
            links = len(in_process(left, right).links)  # type: ignore[attr-defined]
            print(f"| {words:,} | {end_to_end:.2f} s | {inside:.2f} s | {git * 1000:.0f} ms | "
                  f"{end_to_end / git:.0f}x | {links:,} |")
    seeds = best(lambda: in_process(*SEEDS), 20)
    print(f"\nSeeds 002/003 in-process: {seeds * 1000:.1f} ms (best of 20)")
    print(f"Machine: {platform.processor() or platform.machine()}, Python "
          f"{platform.python_version()} ({platform.platform()})")


if __name__ == "__main__":
    main()
