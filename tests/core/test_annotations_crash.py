"""The annotation file survives writers killed at any moment and writers running at once."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader_app.core.annotations.jsonfile.file import write_file
from reader_app.core.annotations.model import FORMAT, new_annotation
from reader_app.core.documents import parse_document

# Adds one tagged passage at a time, saving after each, and prints the id once it is saved:
# a printed id is an acknowledged one, which the file must never lose.
WRITER = """
import sys
from pathlib import Path
from reader_app.core.annotations.jsonfile.store import AnnotationStore
from reader_app.core.annotations.model import new_annotation
from reader_app.core.documents import parse_document

path, label, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
document = parse_document("The envoy will travel to Moscow to hold talks. " * 40,
                          path="/news/envoy.txt")
store = AnnotationStore.open(path, lock_timeout=30)
for number in range(count):
    start = (number * 7) % 1800
    annotation = new_annotation(document, start, start + 12, [f"{label}-{number}"])
    store.insert(annotation)
    store.save()
    print(annotation.id, flush=True)
"""
ROUNDS = 6
SEEDED = 1500  # annotations already in the file, so that each write takes a while
SAVE_SECONDS = 0.06  # about how long one save of that many takes (the kill moment's range)


def writer(path: Path, label: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), label, str(count)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def assert_valid_with(path: Path, acknowledged: set[str]) -> set[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    for item in data["annotations"]:
        assert {"id", "document", "target", "tags", "note", "created", "modified"} <= set(item)
    ids = {item["id"] for item in data["annotations"]}
    assert len(ids) == len(data["annotations"])
    missing = acknowledged - ids
    assert not missing, f"{len(missing)} acknowledged annotations lost"
    return ids


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_writer_killed_at_random_moments_loses_nothing_acknowledged(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    document = parse_document("Seed text for the annotations already there. " * 30,
                              path="/news/seed.txt")
    write_file(path, [new_annotation(document, i % 1000, i % 1000 + 20, [f"seed-{i}"])
                      for i in range(SEEDED)])
    seed = random.randrange(2**32)
    chooser = random.Random(seed)
    acknowledged: set[str] = set()
    for round_number in range(ROUNDS):
        process = writer(path, f"round{round_number}", 10_000)
        assert process.stdout is not None
        for _ in range(chooser.randint(1, 8)):
            line = process.stdout.readline().strip()
            assert line, process.stderr.read() if process.stderr else "writer died"
            acknowledged.add(line)
        with contextlib.suppress(subprocess.TimeoutExpired):  # a random moment of its next save
            process.wait(timeout=chooser.uniform(0, SAVE_SECONDS))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        process.stdout.close()
        assert process.stderr is not None
        process.stderr.close()
        ids = assert_valid_with(path, acknowledged)
        assert len(ids) >= SEEDED + len(acknowledged), f"random seed {seed}"
    finish = writer(path, "final", 1)
    output, errors = finish.communicate(timeout=60)
    assert finish.returncode == 0, errors
    assert_valid_with(path, acknowledged | {output.strip()})
    assert not list(tmp_path.glob(".annotations.json.*.tmp")), "a killed writer's leftovers"


def test_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    processes = [writer(path, f"w{i}", 25) for i in range(3)]
    acknowledged: set[str] = set()
    for process in processes:
        output, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors
        acknowledged.update(output.split())
    assert len(acknowledged) == 75
    assert assert_valid_with(path, acknowledged) == acknowledged
