"""Benchmark the comparison engine and the command line against git and difflib.

For each size (default 20k and 200k words) a generated pair (``generate.make_pair``) is written
to a temporary folder and timed, best of N with ``time.perf_counter``:

* ``reader-app compare L R --format json -o /dev/null``, end to end in a subprocess;
* the same with ``--format text``;
* in-process: ``load_document`` of both files plus ``compare()``, no output;
* ``git diff --no-index --word-diff=porcelain L R`` (exit code 1 just means "differences");
* ``difflib.SequenceMatcher(None, left_words, right_words, autojunk=False).get_opcodes()``
  in a subprocess with a timeout (timed inside it, so without the interpreter's start-up).

The bundled seeds pair is also timed in-process (best of 20). Prints a Markdown table with the
growth from the smallest to the largest size, the ratio of the CLI to git, and the machine.

    python benchmarks/bench_compare.py [--sizes 20k,200k] [--repeat 3] [--markdown FILE]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_pair

REPO = Path(__file__).resolve().parent.parent
SEEDS = (REPO / "seeds" / "000_1b580a6550eb9092.txt", REPO / "seeds" / "001_7c9e3db63597865e.txt")
ROWS = (
    ("cli_json", "`reader-app compare --format json -o /dev/null` (end to end)"),
    ("cli_text", "`reader-app compare --format text -o /dev/null` (end to end)"),
    ("inproc", "in-process `load_document` twice + `compare()`"),
    ("git", "`git diff --no-index --word-diff=porcelain`"),
    ("difflib", "`difflib.SequenceMatcher(autojunk=False).get_opcodes()` on words"),
)
DIFFLIB_SCRIPT = """
import difflib, sys, time
start = time.perf_counter()
left = open(sys.argv[1], encoding="utf-8").read().split()
right = open(sys.argv[2], encoding="utf-8").read().split()
difflib.SequenceMatcher(None, left, right, autojunk=False).get_opcodes()
print(time.perf_counter() - start)
"""


class Timeout(Exception):
    """A measured run took longer than its limit."""


class Unavailable(Exception):
    """A measured command cannot run here (missing tool, failing command)."""


# A cell: seconds, or a string explaining why there is no number ("> 60 s (timeout)").
Cell = float | str
Results = dict[str, dict[int, Cell]]


def best_of(run: Callable[[], float], repeat: int) -> float:
    """The smallest of ``repeat`` durations returned by ``run``."""
    return min(run() for _ in range(max(1, repeat)))


def run_command(command: Sequence[str], ok_codes: tuple[int, ...] = (0,),
                timeout: float | None = None) -> float:
    """Wall time of one subprocess run, output discarded."""
    start = time.perf_counter()
    try:
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              timeout=timeout, check=False)
    except FileNotFoundError as exc:
        raise Unavailable(f"n/a ({command[0]} not found)") from exc
    except subprocess.TimeoutExpired as exc:
        raise Timeout from exc
    elapsed = time.perf_counter() - start
    if done.returncode not in ok_codes:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise Unavailable(f"n/a (exit {done.returncode}: {message[-1] if message else ''})")
    return elapsed


def cli_prefix() -> list[str]:
    """How to start the command line: the installed script, else ``python -m reader_app``."""
    script = shutil.which("reader-app")
    return [script] if script else [sys.executable, "-m", "reader_app"]


def time_cli(left: Path, right: Path, fmt: str, repeat: int) -> float:
    command = [*cli_prefix(), "compare", str(left), str(right), "--format", fmt, "-o", os.devnull]
    return best_of(lambda: run_command(command), repeat)


def time_git(left: Path, right: Path, repeat: int) -> float:
    command = ["git", "diff", "--no-index", "--word-diff=porcelain", str(left), str(right)]
    return best_of(lambda: run_command(command, ok_codes=(0, 1)), repeat)


def time_in_process(left: Path, right: Path, repeat: int) -> float:
    from reader_app.core.compare import compare
    from reader_app.core.documents import load_document

    def run() -> float:
        start = time.perf_counter()
        compare(load_document(left), load_document(right))
        return time.perf_counter() - start

    return best_of(run, repeat)


def time_difflib(left: Path, right: Path, repeat: int, timeout: float) -> float:
    """Best time measured inside the subprocess; the first run over ``timeout`` ends it."""
    command = [sys.executable, "-c", DIFFLIB_SCRIPT, str(left), str(right)]
    times: list[float] = []
    for _ in range(max(1, repeat)):
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                  check=True)
        except subprocess.TimeoutExpired as exc:
            if not times:
                raise Timeout from exc
            break
        times.append(float(done.stdout.strip()))
    return min(times)


def measure(name: str, left: Path, right: Path, repeat: int, timeout: float) -> Cell:
    """One cell of the table; failures and timeouts become explanatory strings."""
    try:
        if name in ("cli_json", "cli_text"):
            return time_cli(left, right, name.removeprefix("cli_"), repeat)
        if name == "inproc":
            return time_in_process(left, right, repeat)
        if name == "git":
            return time_git(left, right, repeat)
        return time_difflib(left, right, repeat, timeout)
    except Timeout:
        return f"> {timeout:g} s (timeout)"
    except Unavailable as exc:
        return str(exc)


def measure_size(words: int, seed: int, repeat: int, timeout: float,
                 results: Results) -> str:
    """Generate the pair for ``words`` and fill its column; returns a line about the input."""
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as folder:
        left, right = write_pair(words, seed, Path(folder))
        for name, _ in ROWS:
            log(f"{label(words)}: {name} ...")
            results.setdefault(name, {})[words] = measure(name, left, right, repeat, timeout)
        return describe_input(words, left, right)


def describe_input(words: int, left: Path, right: Path) -> str:
    from reader_app.core.documents import load_document
    from reader_app.core.text import count_words

    sides = []
    for path in (left, right):
        document = load_document(path)
        count = count_words(document.text)
        sides.append(f"{count:,} words, {len(document.paragraphs):,} paragraphs, "
                     f"{path.stat().st_size / 1e6:.2f} MB")
    return f"{label(words)}: left {sides[0]}; right {sides[1]}"


def time_seeds(repeat: int) -> str:
    if not all(path.exists() for path in SEEDS):
        return "Seeds pair: n/a (seed files not found)"
    seconds = time_in_process(*SEEDS, repeat)
    return (f"Seeds pair ({SEEDS[0].name} vs {SEEDS[1].name}), in-process load + compare: "
            f"{format_seconds(seconds)} (best of {repeat})")


def label(words: int) -> str:
    return f"{words // 1000}k" if words % 1000 == 0 else str(words)


def format_seconds(value: Cell) -> str:
    if isinstance(value, str):
        return value
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def growth(small: Cell, large: Cell, timeout: float) -> str:
    if isinstance(small, float) and isinstance(large, float):
        return f"{large / small:.1f}x"
    if isinstance(small, float) and large.endswith("(timeout)"):
        return f"> {timeout / small:.0f}x"
    return "n/a"


def table(results: Results, sizes: list[int], timeout: float) -> list[str]:
    """The Markdown table: one row per measurement, one column per size, plus the growth."""
    header = ["Measurement", *(f"{label(size)} words" for size in sizes)]
    if len(sizes) > 1:
        header.append(f"growth {label(sizes[-1])}/{label(sizes[0])}")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, title in ROWS:
        cells = [format_seconds(results[name][size]) for size in sizes]
        if len(sizes) > 1:
            cells.append(growth(results[name][sizes[0]], results[name][sizes[-1]], timeout))
        lines.append("| " + " | ".join([title, *cells]) + " |")
    return lines


def cli_to_git(results: Results, size: int) -> str:
    json_time, git_time = results["cli_json"][size], results["git"][size]
    if isinstance(json_time, float) and isinstance(git_time, float):
        ratio = f"{json_time / git_time:.0f}x"
    else:
        ratio = "n/a"
    return f"End-to-end json / git word diff at {label(size)}: {ratio}"


def machine() -> str:
    model = platform.processor()
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        names = [line.split(":", 1)[1].strip() for line in lscpu.splitlines()
                 if line.startswith("Model name")]
        model = names[0] if names else model
    except OSError:
        pass
    return (f"Machine: {model or 'unknown CPU'}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()} ({platform.platform()})")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_sizes(text: str) -> list[int]:
    """``"20k,200k"`` -> ``[20000, 200000]``, sorted."""
    sizes = []
    for part in text.split(","):
        part = part.strip().lower()
        sizes.append(int(float(part[:-1]) * 1000) if part.endswith("k") else int(part))
    return sorted(sizes)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[20_000, 200_000],
                        help="comma-separated word counts, e.g. 20k,200k (the default)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N for every size")
    parser.add_argument("--seeds-repeat", type=int, default=20, help="best of N for the seeds")
    parser.add_argument("--timeout", type=float, default=60.0, help="difflib limit, seconds")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    results: Results = {}
    inputs = [measure_size(size, args.seed, args.repeat, args.timeout, results)
              for size in args.sizes]
    log("seeds pair ...")
    lines = [
        *table(results, args.sizes, args.timeout),
        "",
        f"Best of {args.repeat}. Inputs (generated, seed {args.seed}):",
        *(f"- {line}" for line in inputs),
        "",
        f"- {cli_to_git(results, args.sizes[-1])}",
        f"- {time_seeds(args.seeds_repeat)}",
        f"- CLI started as: `{' '.join(cli_prefix())}`",
        f"- {machine()}",
    ]
    report = "\n".join(lines)
    print(report)
    if args.markdown:
        args.markdown.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
