"""Standard output that cannot take the output — a full disk (``/dev/full``), a device that
refuses writes — is the contract's one error line and exit 1, for every headless command.
(Before: an ``OSError: [Errno 28] No space left on device`` traceback.) A reader that closed
the pipe early (``| head``) is still no error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_FILES
from hostile_helpers import MEMORY_LIMIT, assert_inert, environment

pytestmark = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")

LEFT, RIGHT = (str(path) for path in SEED_FILES[:2])


def _run_into_full_disk(*args: str) -> subprocess.CompletedProcess[bytes]:
    """``reader-app ARGS`` with its standard output on ``/dev/full``."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    with open("/dev/full", "wb") as full:
        return subprocess.run([sys.executable, "-m", "reader_app", *args], stdout=full,
                              stderr=subprocess.PIPE, env=environment(), timeout=120,
                              check=False, preexec_fn=limit)


@pytest.mark.parametrize("args", [
    ("compare", LEFT, RIGHT, "--format", "json"),
    ("compare", LEFT, RIGHT),
    ("matrix", LEFT, RIGHT),
    ("passages", LEFT, RIGHT),
    ("quotes", LEFT, RIGHT, "--format", "json"),
], ids=("compare-json", "compare-text", "matrix", "passages", "quotes-json"))
def test_a_full_standard_output_is_the_error_line(args: tuple[str, ...]) -> None:
    result = _run_into_full_disk(*args)
    stderr = assert_inert(result.stderr)
    assert "Traceback" not in stderr
    assert stderr.splitlines() == [
        "reader-app: error: standard output: cannot write (No space left on device)"]
    assert result.returncode == 1


def test_tags_list_into_a_full_disk_is_the_error_line(tmp_path: Path) -> None:
    annotations = tmp_path / "annotations.json"
    result = _run_into_full_disk("tags", "list", "--annotations", str(annotations))
    assert result.returncode == 1
    assert assert_inert(result.stderr).splitlines() == [
        "reader-app: error: standard output: cannot write (No space left on device)"]


def test_a_failed_write_of_o_keeps_the_old_file_and_leaves_no_part(tmp_path: Path) -> None:
    """``-o`` onto a file is written whole or not at all: a write cut short (here a file
    size limit, as a full disk would) keeps the old file and leaves no part of the new one
    (before: the old content gone, 100 KB of truncated output in its place)."""
    import resource

    kept = tmp_path / "out.json"
    kept.write_text("the old output\n")

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    result = subprocess.run([sys.executable, "-m", "reader_app", "compare", LEFT, RIGHT,
                             "--format", "json", "-o", str(kept)], capture_output=True,
                            env=environment(), timeout=120, check=False,
                            preexec_fn=small_files)
    assert result.returncode == 1
    assert assert_inert(result.stderr).splitlines() == [
        f"reader-app: error: {kept}: cannot write (File too large)"]
    assert kept.read_text() == "the old output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_o_through_a_link_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    target, link = tmp_path / "target.json", tmp_path / "link.json"
    target.write_text("old")
    link.symlink_to(target)
    result = subprocess.run([sys.executable, "-m", "reader_app", "compare", LEFT, RIGHT,
                             "--format", "json", "-o", str(link)], capture_output=True,
                            env=environment(), timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert target.read_text().startswith('{"format": "reader-app.compare/1"')


def test_o_to_a_named_pipe_no_program_reads_is_the_error_line(tmp_path: Path) -> None:
    """The open waited for a reader for ever: the command hung."""
    import os
    import threading
    import time

    from hostile_helpers import assert_one_error_line, run

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = run("compare", LEFT, RIGHT, "-o", str(pipe), env=environment(), timeout=30)
    assert_one_error_line(result, f"reader-app: error: {pipe}: cannot write: a named pipe")
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_bytes()))
    reader.start()  # (with a reader, the comparison goes through the pipe)
    time.sleep(0.2)  # (its open is waiting for a writer now)
    result = run("compare", LEFT, RIGHT, "-o", str(pipe), env=environment(), timeout=30)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert read and read[0].startswith(b"Blaming the lack of progress")
