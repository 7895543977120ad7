"""Crash figures for the annotation file: ``reader-app tags add`` writers killed with SIGKILL at
any moment of their life, then concurrent writers for a while; reports the tags acknowledged
(the writer printed the new annotation's id) against the tags found in the file.

1. ROUNDS rounds: one ``tags add`` (a different passage or tag each time) is killed after a
   delay drawn uniformly over [0, median lifetime x 1.2] (the lifetime is measured first on a
   few unkilled runs), so that some finish; after each round the file must parse and hold
   every tag acknowledged so far.
2. WRITERS writers, each starting ``tags add`` processes back to back for SECONDS, then every
   acknowledged tag must be in the file.

The file starts with COUNT annotations (as in ``bench_parallel_tags.py``) so that a save takes
a while and kills land in it. Prints a Markdown table.

    python benchmarks/bench_crash_tags.py [--rounds 200] [--seconds 60] [--writers 8]
        [--count 5000] [--seed 0]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench_parallel_tags import make_file

from reader_app.core.annotations.jsonfile.file import read_file
from reader_app.core.errors import ReaderError

MEASURED_RUNS = 5  # unkilled runs that give the median lifetime
Ack = tuple[str, str]  # (annotation id, tag): a tag acknowledged on that annotation


@dataclass
class Tally:
    """What the runs acknowledged and how the writers ended."""

    acknowledged: list[Ack] = field(default_factory=list)
    finished: int = 0
    killed: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    seconds: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, code: int, output: str, errors: str, tag: str, seconds: float) -> None:
        with self.lock:
            self.seconds.append(seconds)
            if output.strip():
                self.acknowledged.append((output.strip(), tag))
            if code == -signal.SIGKILL:
                self.killed += 1
                return
            if code == 0:
                self.finished += 1
            else:
                self.failures[summary(errors)] += 1


def summary(errors: str) -> str:
    """A failure's last line with paths and numbers blanked, so that like failures count as
    one."""
    lines = errors.strip().splitlines() or ["(nothing on stderr)"]
    return re.sub(r"\d+(\.\d+)?", "N", re.sub(r"/\S+", "FILE", lines[-1]))[:120]


def passages(seed: Path) -> list[tuple[str, int]]:
    """(quote, occurrence) for every occurrence of every word of ``seed``, shuffled."""
    text = seed.read_text("utf-8")
    words = sorted(set(re.findall(r"[A-Za-z]{3,}", text)))
    found = [(word, number) for word in words for number in range(1, text.count(word) + 1)]
    random.shuffle(found)
    return found


def command(seed: Path, path: Path, passage: tuple[str, int], tag: str) -> list[str]:
    quote, occurrence = passage
    return [sys.executable, "-m", "reader_app", "tags", "add", str(seed), "--quote", quote,
            "--occurrence", str(occurrence), "--tag", tag, "--annotations", str(path)]


def run(arguments: list[str], tag: str, tally: Tally, kill_after: float | None = None) -> None:
    """Run one writer, SIGKILLed after ``kill_after`` seconds if still running."""
    start = time.perf_counter()
    process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=kill_after)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    output, errors = process.communicate()
    tally.record(process.returncode, output, errors, tag, time.perf_counter() - start)


def lost(path: Path, acknowledged: list[Ack]) -> tuple[list[Ack], int] | None:
    """The acknowledged tags missing from the file and its annotation count; ``None`` if the
    file cannot be read (missing or corrupt)."""
    try:
        contents, _ = read_file(path)
    except ReaderError:
        return None
    if contents is None:
        return None
    tags = {annotation.id: set(annotation.tags) for annotation in contents.annotations}
    missing = [(i, tag) for i, tag in acknowledged if tag not in tags.get(i, ())]
    return missing, len(contents.annotations)


def kill_rounds(args: argparse.Namespace, seed: Path, path: Path) -> dict[str, object]:
    """Part 1: the measured runs, then ``args.rounds`` writers killed at random moments."""
    chosen, chooser = passages(seed), random.Random(args.seed)
    before = {annotation.id for annotation in read_file(path)[0].annotations}
    measured = Tally()
    for number in range(MEASURED_RUNS):
        run(command(seed, path, chosen[number], f"m{number}"), f"m{number}", measured)
    lifetime = statistics.median(measured.seconds)
    tally, counts, lost_ever, seen = Tally(), Counter[str](), set[Ack](), set[str]()
    tally.acknowledged = list(measured.acknowledged)
    started = time.perf_counter()
    for number in range(args.rounds):
        passage = chosen[(MEASURED_RUNS + number) % len(chosen)]
        tag = f"t{number}"
        run(command(seed, path, passage, tag), tag, tally, chooser.uniform(0, lifetime * 1.2))
        lost_ever.update(check_round(path, tally, number, counts, seen))
    return {"lifetime": lifetime, "tally": tally, "counts": counts, "lost": len(lost_ever),
            "seconds": time.perf_counter() - started,
            "saved_unacknowledged": saved_unacknowledged(path, tally, before)}


def check_round(path: Path, tally: Tally, number: int, counts: Counter[str],
                seen: set[str]) -> list[Ack]:
    """After round ``number``: the acknowledged tags lost; counts an unreadable file and a
    kill in the middle of a write (a temporary file not ``seen`` before: a save removes the
    ones left)."""
    temporaries = {str(name) for name in path.parent.glob(f".{path.name}.*.tmp")}
    counts["mid-write"] += len(temporaries - seen)
    seen.update(temporaries)
    checked = lost(path, tally.acknowledged)
    if checked is None:
        counts["unreadable"] += 1
        print(f"round {number}: the file cannot be read", file=sys.stderr)
        return []
    if checked[0]:
        print(f"round {number}: acknowledged but lost: {checked[0]}", file=sys.stderr)
    return checked[0]


def saved_unacknowledged(path: Path, tally: Tally, before: set[str]) -> int:
    """Round tags in the file whose writer was killed before it printed the id (``before``:
    the ids of the annotations the file started with, whose tags look alike)."""
    contents, _ = read_file(path)
    assert contents is not None
    saved = {tag for annotation in contents.annotations if annotation.id not in before
             for tag in annotation.tags if re.fullmatch(r"t\d+", tag)}
    return len(saved - {tag for _, tag in tally.acknowledged})


def concurrent(args: argparse.Namespace, seed: Path, path: Path) -> dict[str, object]:
    """Part 2: ``args.writers`` writers starting ``tags add`` back to back for
    ``args.seconds``."""
    chosen, tally = passages(seed), Tally()
    deadline = time.perf_counter() + args.seconds

    def loop(writer: int) -> None:
        number = 0
        while time.perf_counter() < deadline:
            tag = f"c{writer}-{number}"
            passage = chosen[(writer * 7919 + number) % len(chosen)]
            run(command(seed, path, passage, tag), tag, tally)
            number += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=loop, args=(n,)) for n in range(args.writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    checked = lost(path, tally.acknowledged)
    return {"tally": tally, "seconds": time.perf_counter() - started,
            "lost": None if checked is None else len(checked[0]),
            "annotations": None if checked is None else checked[1],
            "size": path.stat().st_size}


def leftovers(path: Path) -> tuple[int, int]:
    """Temporary files a killed writer left (until the next save removes them) and files set
    aside as corrupt."""
    folder = path.parent
    return (len(list(folder.glob(f".{path.name}.*.tmp"))),
            len(list(folder.glob(f"{path.name}.corrupt-*"))))


def crash_rows(args: argparse.Namespace, crash: dict[str, object]) -> list[str]:
    tally = crash["tally"]
    assert isinstance(tally, Tally)
    failed = sum(tally.failures.values())
    return [
        f"| kill -9 rounds | {args.rounds} in {crash['seconds']:.0f} s |",
        f"| writer lifetime, median of {MEASURED_RUNS} unkilled | {crash['lifetime']:.2f} s "
        f"(kill delay uniform over 0 to {float(crash['lifetime']) * 1.2:.2f} s) |",
        f"| writers finished / killed / failed | {tally.finished} / {tally.killed} / {failed} |",
        f"| tags acknowledged (and the {MEASURED_RUNS} measured runs') | "
        f"{len(tally.acknowledged) - MEASURED_RUNS} (+{MEASURED_RUNS}) |",
        f"| killed in the middle of writing the file (its temporary left) | "
        f"{crash['counts']['mid-write']} |",
        f"| saved but killed before the id was printed | {crash['saved_unacknowledged']} |",
        f"| rounds with the file unreadable | **{crash['counts']['unreadable']}** |",
        f"| acknowledged tags lost | **{crash['lost']}** |",
    ]


def concurrent_rows(args: argparse.Namespace, results: dict[str, object]) -> list[str]:
    tally = results["tally"]
    assert isinstance(tally, Tally)
    found = None if results["lost"] is None else len(tally.acknowledged) - int(results["lost"])
    times = tally.seconds or [0.0]
    rows = [
        f"| concurrent writers | {args.writers} for {args.seconds:g} s "
        f"(ended after {results['seconds']:.0f} s) |",
        f"| writes acknowledged / found / lost | {len(tally.acknowledged)} / {found} / "
        f"**{results['lost']}** |",
        f"| writes failed (exit ≠ 0) | {sum(tally.failures.values())} |",
        f"| one write, median / worst | {statistics.median(times):.2f} s / "
        f"{max(times):.2f} s |",
        f"| final file | {results['annotations']} annotations, "
        f"{int(results['size']) / 2**20:.2f} MiB |",
    ]
    rows += [f"| failed {count} times: | {message.replace('|', '/')} |"
             for message, count in tally.failures.most_common(5)]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0, help="the kill delays' random seed")
    args = parser.parse_args()
    random.seed(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "annotations.json"
        seed = make_file(path, args.count)
        crash = kill_rounds(args, seed, path)
        results = concurrent(args, seed, path)
        temporaries, set_aside = leftovers(path)
    print(f"{platform.node()}: {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{datetime.now(UTC):%Y-%m-%d}; {args.count} annotations in the file at the start\n")
    print("| | |\n|---|---|")
    print("\n".join(crash_rows(args, crash) + concurrent_rows(args, results)))
    print(f"| temporary files left at the end | {temporaries} |")
    print(f"| files set aside as corrupt | **{set_aside}** |")


if __name__ == "__main__":
    main()
