"""Where the time of ``reader-app compare L R --format json`` goes, phase by phase, in-process.

Each phase is one function of the engine, timed by wrapping it (``time.perf_counter`` and
``time.process_time``, which a busy machine disturbs less; cProfile would inflate the many
small calls). The collector is off, as in ``reader-app compare``. Best of ``--repeat`` runs
per phase; the documents' content terms are cached after the first run, as in the window.

    python benchmarks/bench_phases.py LEFT RIGHT [--repeat 3]
    python benchmarks/bench_phases.py --real 200000    # the real-prose pair (real_prose.py)
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from reader_app.core.compare import align, compare, engine  # noqa: E402
from reader_app.core.documents import load_document  # noqa: E402
from reader_app.core.formats.compare_json import comparison_json_line  # noqa: E402

# (module, function name as the engine calls it, label), in the order they run.
PHASES = (
    (align, "candidate_pairs", "candidate pairs (trigram index)"),
    (engine, "confirm_links", "verbatim links (word diffs)"),
    (engine, "link_paragraphs", "content links (content_*)"),
    (align, "layout_rows", "rows"),
    (align, "crossing_links", "moved links"),
    (engine, "side_spans", "spans"),
    (engine, "_mirrored", "mirroring (a swapped pair)"),
    (engine, "_made", "links and rows made objects"),
)
Times = dict[str, list[float]]


def _timed(function: Callable[..., Any], label: str, times: Times) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            times[label][-1] += time.perf_counter() - wall
            times[label + " (cpu)"][-1] += time.process_time() - cpu

    return wrapper


def _run(left: Path, right: Path, times: Times) -> None:
    for values in times.values():
        values.append(0.0)
    wall, cpu = time.perf_counter(), time.process_time()
    documents = load_document(left), load_document(right)
    times["load_document x2"][-1] = time.perf_counter() - wall
    times["load_document x2 (cpu)"][-1] = time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    comparison = compare(*documents)
    times["compare() in all"][-1] = time.perf_counter() - wall
    times["compare() in all (cpu)"][-1] = time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    comparison_json_line(comparison)
    times["JSON text"][-1] = time.perf_counter() - wall
    times["JSON text (cpu)"][-1] = time.process_time() - cpu


def measure(left: Path, right: Path, repeat: int) -> Times:
    labels = ["load_document x2", "compare() in all", *(label for *_, label in PHASES),
              "JSON text"]
    times: Times = defaultdict(list)
    for label in labels:
        times[label], times[label + " (cpu)"] = [], []
    for module, name, label in PHASES:
        if hasattr(module, name):  # a phase the engine no longer has is left out
            setattr(module, name, _timed(getattr(module, name), label, times))
    gc.disable()
    for _ in range(repeat):
        _run(left, right, times)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, metavar="LEFT RIGHT")
    parser.add_argument("--real", type=int, metavar="WORDS", help="the real-prose pair")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.real:
            from real_prose import write_real_pair

            left, right = write_real_pair(Path(folder), args.real)
        elif len(args.files) == 2:
            left, right = args.files
        else:
            parser.error("give LEFT and RIGHT, or --real WORDS")
        times = measure(left, right, args.repeat)
    print(f"| phase (best of {args.repeat}) | wall | cpu |\n|---|---|---|")
    for label, values in times.items():
        if not label.endswith(" (cpu)") and values and any(values):
            print(f"| {label} | {min(values) * 1000:.0f} ms | "
                  f"{min(times[label + ' (cpu)']) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
