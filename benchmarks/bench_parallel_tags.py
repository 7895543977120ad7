"""Concurrent writers on one big annotation file: ROUNDS x WRITERS ``reader-app tags add``
processes, WRITERS at a time, on a file of COUNT annotations; reports how many failed (a lock
time-out, say), how long one took (median, worst) and whether every acknowledged tag is in the
file at the end.

    python benchmarks/bench_parallel_tags.py [--count 5000] [--writers 8] [--rounds 25]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from reader_app.core.annotations.jsonfile.file import write_file
from reader_app.core.annotations.model import new_annotation
from reader_app.core.documents import load_document
from reader_app.core.library import bundled_seeds


def make_file(path: Path, count: int) -> Path:
    """A file of ``count`` annotations on the first seed; returns that seed."""
    seed = sorted(bundled_seeds().glob("*.txt"))[0]
    document = load_document(seed)
    annotations = [new_annotation(document, 0, 10 + i % 50, [f"t{i % 97}"]) for i in range(count)]
    write_file(path, annotations)
    return seed


def writer(number: int, path: Path, seed: Path) -> tuple[int, float, str]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "reader_app", "tags", "add", str(seed), "--quote", "the",
         "--occurrence", str(1 + number % 5), "--tag", f"w{number}", "--annotations", str(path)],
        capture_output=True, text=True, check=False)
    return result.returncode, time.perf_counter() - start, result.stderr.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "annotations.json"
        seed = make_file(path, args.count)
        print(f"{args.count} annotations, {path.stat().st_size / 2**20:.1f} MiB; "
              f"{args.rounds * args.writers} writers, {args.writers} at a time")
        total = args.rounds * args.writers
        with ThreadPoolExecutor(args.writers) as pool:
            results = list(pool.map(lambda n: writer(n, path, seed), range(total)))
        failed = [(n, err) for n, (code, _, err) in enumerate(results) if code != 0]
        times = [seconds for _, seconds, _ in results]
        tags = {tag for a in json.loads(path.read_text("utf-8"))["annotations"]
                for tag in a["tags"]}
        acknowledged = {f"w{n}" for n, (code, _, _) in enumerate(results) if code == 0}
    print(f"failed: {len(failed)} of {total}")
    for number, error in failed[:5]:
        print(f"  writer {number}: {error}")
    print(f"one writer: median {statistics.median(times):.2f} s, worst {max(times):.2f} s")
    print(f"acknowledged tags missing from the file: {len(acknowledged - tags)}")


if __name__ == "__main__":
    main()
