"""Where ``tags`` writes its output: standard output closed (``>&-``), on a full disk
(``/dev/full``), or a pipe nobody reads. Before: ``tags add`` saved the tag, then failed to
print its id and exited 1 (the file changed by a command that reported failure), and the
error told to "name a file with -o", an option ``tags`` does not have."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest
from conftest import SEED_FILES

SEED = SEED_FILES[2]
QUOTE = "Steve Witkoff"
CLOSED = "closed"  # the standard output a test runs the command with: ``>&-``
FULL = "full"  # ``>/dev/full``


@pytest.fixture
def document(tmp_path: Path) -> Path:
    copy = tmp_path / "report.txt"
    shutil.copyfile(SEED, copy)
    return copy


@pytest.fixture
def annotations(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


def run(stdout: str | IO[bytes] | int, *args: str,
        file_size_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """``reader-app ARGS`` with its standard output ``CLOSED``, ``FULL`` or the stream given
    (stderr captured), the files it writes at most ``file_size_limit`` bytes."""
    command = [sys.executable, "-m", "reader_app", *args]
    if stdout == CLOSED:  # (as the shell closes it: the program starts without one)
        return subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *command],
                              stderr=subprocess.PIPE, text=True, check=False, timeout=120)
    if stdout == FULL:
        with open("/dev/full", "wb") as full:
            return run(full, *args)

    def limit() -> None:
        if file_size_limit is not None:  # (as a full disk would cut the write short)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True,
                          check=False, timeout=120, preexec_fn=limit)


def add(document: Path, annotations: Path, stdout: str | IO[bytes] | int,
        tag: str = "verify") -> subprocess.CompletedProcess[str]:
    return run(stdout, "tags", "add", str(document), "--quote", QUOTE, "--tag", tag,
               "--annotations", str(annotations))


def the_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("reader-app: error: ")
    return line


@pytest.mark.parametrize("tagged_before", [False, True], ids=["new-file", "tagged-file"])
@pytest.mark.parametrize("stdout", [CLOSED, FULL])
def test_tags_add_that_cannot_print_its_id_leaves_the_file_as_it_was(
        document: Path, annotations: Path, stdout: str, tagged_before: bool) -> None:
    if stdout == FULL and not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    if tagged_before:  # (then the same passage: its tags would be added to, not a new one)
        assert add(document, annotations, subprocess.DEVNULL).returncode == 0
    before = annotations.read_bytes() if tagged_before else None
    line = the_error_line(add(document, annotations, stdout, tag="follow-up"))
    if stdout == CLOSED:
        assert line == "reader-app: error: standard output is closed"  # (no "-o" to name)
    else:
        assert line == "reader-app: error: standard output: cannot write (No space left on device)"
    assert (annotations.read_bytes() if annotations.exists() else None) == before


def test_tags_list_with_standard_output_closed_names_no_option_it_lacks(
        annotations: Path) -> None:
    line = the_error_line(run(CLOSED, "tags", "list", "--annotations", str(annotations)))
    assert line == "reader-app: error: standard output is closed"


def test_a_command_with_o_still_advises_it_when_standard_output_is_closed() -> None:
    line = the_error_line(run(CLOSED, "compare", str(SEED_FILES[0]), str(SEED_FILES[1])))
    assert line == "reader-app: error: standard output is closed; name a file with -o"


def test_tags_add_into_a_pipe_nobody_reads_still_saves_the_tag(document: Path,
                                                               annotations: Path) -> None:
    """Output piped into a program that stopped reading (``| head``) is no failure: exit 0,
    and the tag is saved although its id could not be printed first."""
    reading, writing = os.pipe()
    os.close(reading)  # (the reader gone before the id is written: EPIPE, deterministic)
    try:
        result = add(document, annotations, writing)
    finally:
        os.close(writing)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    listed = run(subprocess.PIPE, "tags", "list", "--annotations", str(annotations))
    assert listed.returncode == 0 and QUOTE in listed.stdout and "verify" in listed.stdout


def test_tags_add_that_cannot_write_the_file_prints_no_id(document: Path,
                                                          annotations: Path) -> None:
    """The id is printed only once the new file is written whole: a write cut short prints
    nothing (a script would take the id of a tag never saved) and keeps the old file."""
    first = run(subprocess.PIPE, "tags", "add", str(document), "--quote", QUOTE, "--tag", "a",
                "--note", "n" * 30_000, "--annotations", str(annotations))
    assert first.returncode == 0, first.stderr
    before = annotations.read_bytes()
    result = run(subprocess.PIPE, "tags", "add", str(document), "--quote", "Kremlin", "--tag",
                 "b", "--annotations", str(annotations), file_size_limit=len(before) + 100)
    assert result.stdout == ""
    assert the_error_line(result) == (
        f"reader-app: error: {annotations}: cannot write (File too large)")
    assert annotations.read_bytes() == before
    assert not [p.name for p in annotations.parent.iterdir() if p.suffix == ".tmp"]
