"""Where ``-o`` may not write, and what a command says when it cannot: found by an audit of
the headless commands with hostile input (7 December). Before: ``screenshot -o`` replaced
the document it showed with its PNG, every ``-o`` the annotation file (exit 0, every tag
lost); the PNG was saved straight onto
its path (a full disk left half a PNG, a named pipe waited for ever); ``-o`` naming a loop
of symbolic links replaced the link; a name too long, a closed standard output and a NUL in
an annotation's document path were tracebacks."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from conftest import SEED_FILES
from hostile_helpers import assert_ok, assert_one_error_line, environment, run, run_python

LEFT, RIGHT = (str(path) for path in SEED_FILES[:2])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_screenshot_never_replaces_the_document_it_shows(tmp_path: Path) -> None:
    shown = tmp_path / "a.txt"
    shown.write_bytes(SEED_FILES[0].read_bytes())
    before = digest(shown)
    result = run("screenshot", "--left", str(shown), "--right", RIGHT, "-o", str(shown),
                 env=environment(READER_APP_ANNOTATIONS=str(tmp_path / "tags.json")))
    assert_one_error_line(result, "a.txt: is one of the documents shown; not overwritten")
    assert digest(shown) == before


@pytest.mark.parametrize("command", [
    ("screenshot", "--left", LEFT, "--right", RIGHT), ("compare", LEFT, RIGHT),
    ("matrix", LEFT, RIGHT), ("quotes", LEFT, RIGHT)])
def test_no_command_replaces_the_annotation_file(tmp_path: Path,
                                                 command: tuple[str, ...]) -> None:
    tags = tmp_path / "tags.json"
    env = environment(READER_APP_ANNOTATIONS=str(tags))
    assert_ok(run("tags", "add", LEFT, "--quote", "Kremlin", "--tag", "x", env=env))
    before = digest(tags)
    result = run(*command, "-o", str(tags), env=env)
    assert_one_error_line(result, "tags.json: is the annotation file (where the tags are "
                                  "kept); not overwritten")
    assert digest(tags) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_screenshot_into_a_pipe_no_one_reads_is_an_error_not_a_wait(tmp_path: Path) -> None:
    pipe = tmp_path / "shot.fifo"
    os.mkfifo(pipe)
    result = run("screenshot", "--left", LEFT, "--right", RIGHT, "-o", str(pipe),
                 env=environment(READER_APP_ANNOTATIONS=str(tmp_path / "tags.json")),
                 timeout=60)
    assert_one_error_line(result, "a named pipe no program reads")


def test_o_naming_a_loop_of_links_is_refused_and_the_links_kept(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.symlink_to(second)
    second.symlink_to(first)
    result = run("compare", LEFT, RIGHT, "-o", str(first))
    assert_one_error_line(result, "a loop of symbolic links; not written")
    assert first.is_symlink() and os.readlink(first) == str(second)


def test_o_naming_a_file_whose_name_is_too_long_is_the_error_line(tmp_path: Path) -> None:
    result = run("compare", LEFT, RIGHT, "-o", str(tmp_path / ("x" * 300)))
    assert_one_error_line(result, "cannot write (File name too long)")


def test_a_closed_standard_output_is_the_error_line() -> None:
    script = ("import os, sys, runpy; os.close(1); sys.stdout = None; "
              f"sys.argv = ['reader-app', 'compare', {LEFT!r}, {RIGHT!r}]; "
              "runpy.run_module('reader_app', run_name='__main__')")
    result = run_python("-c", script)
    assert_one_error_line(result, "standard output is closed")


def test_a_nul_in_an_annotation_s_document_path_lists_without_a_traceback(
        tmp_path: Path) -> None:
    tags = tmp_path / "tags.json"
    env = environment(READER_APP_ANNOTATIONS=str(tags))
    assert_ok(run("tags", "add", LEFT, "--quote", "Kremlin", "--tag", "x", env=env))
    data = json.loads(tags.read_text("utf-8"))
    data["annotations"][0]["document"]["path"] = "/tmp/a\u0000b"
    tags.write_text(json.dumps(data), "utf-8")
    listed = assert_ok(run("tags", "list", env=env))
    assert "orphaned" in listed and "Kremlin" in listed  # (its file cannot be, nor be read)
