"""Concurrent ``tags add`` writers wait their turn, longer than another's read and save takes
but not for ever, and none loses another's tag: the lock is held from a writer's read to its
save. (Before: a 5 s wait, so 8 parallel writers on a 5,000-annotation file timed out, and
writers adding to the same passage lost each other's tags, the later edit winning.)"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import filelock
from conftest import SEED_FILES
from hostile_helpers import assert_ok, run

HELD = 12.0  # seconds the test holds the lock: longer than the old wait of 5 s
WRITERS = 3


def start_writer(tag: str, path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader_app", "tags", "add", str(SEED_FILES[0]), "--quote",
         "the", "--tag", tag, "--annotations", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_writers_wait_for_the_lock_and_keep_each_others_tags(tmp_path: Path) -> None:
    path = tmp_path / "tags.json"
    first = assert_ok(run("tags", "add", str(SEED_FILES[0]), "--quote", "the", "--tag", "a",
                          "--annotations", str(path))).strip()
    lock = filelock.FileLock(str(path) + ".lock", timeout=5)
    with lock:
        writers = [start_writer(f"w{n}", path) for n in range(WRITERS)]
        time.sleep(HELD)
    for writer in writers:
        stdout, stderr = writer.communicate(timeout=120)
        assert writer.returncode == 0, stderr
        assert stdout.decode().strip() == first  # the same passage: its tags added to
    annotations = json.loads(path.read_text("utf-8"))["annotations"]
    assert len(annotations) == 1
    assert sorted(annotations[0]["tags"]) == ["a", *(f"w{n}" for n in range(WRITERS))]
