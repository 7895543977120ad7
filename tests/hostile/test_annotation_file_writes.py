"""Writing the annotation file respects what the user made of it: a symbolic link is written
through (its target replaced, the link kept, the lock next to the target), also when the
link is named by ``$READER_APP_ANNOTATIONS``; a read-only file is refused by ``tags add`` with
the one error line and left byte for byte as it was. (Before, the link was replaced by a
regular file, its target going stale, and a read-only file was silently rewritten.)"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from conftest import SEED_FILES
from hostile_helpers import assert_ok, assert_one_error_line, environment, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links: POSIX")


def add(tag: str, *options: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = run("tags", "add", str(SEED_FILES[0]), "--quote", "the", "--tag", tag, *options,
                 cwd=cwd, env=env)
    return assert_ok(result).strip()


def tags_in(path: Path) -> list[list[str]]:
    return [a["tags"] for a in json.loads(path.read_text("utf-8"))["annotations"]]


@pytest.mark.parametrize("through", ["option", "environment"])
def test_a_linked_file_is_written_through(through: str, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "tags.json"
    add("first", "--annotations", str(target), cwd=tmp_path)
    link = tmp_path / "link.json"
    link.symlink_to(Path("real") / "tags.json")
    if through == "option":
        add("second", "--annotations", "link.json", cwd=tmp_path)
    else:
        add("second", cwd=tmp_path, env=environment(READER_APP_ANNOTATIONS=str(link)))
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "tags.json")
    assert tags_in(target) == [["first", "second"]]
    assert not (tmp_path / "link.json.lock").exists()  # one lock, next to the target
    assert sorted(p.name for p in target.parent.iterdir()) == ["tags.json", "tags.json.lock"]


def test_a_dangling_link_is_written_at_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to("made.json")
    add("first", "--annotations", "link.json", cwd=tmp_path)
    assert link.is_symlink()
    assert tags_in(tmp_path / "made.json") == [["first"]]


def test_a_read_only_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "tags.json"
    add("first", "--annotations", "tags.json", cwd=tmp_path)
    path.chmod(0o444)
    before, stamp = path.read_bytes(), path.stat().st_mtime_ns
    result = run("tags", "add", str(SEED_FILES[1]), "--quote", "the", "--tag", "second",
                 "--annotations", "tags.json", cwd=tmp_path)
    line = assert_one_error_line(result)
    assert line == "reader-app: error: tags.json: read-only (no write permission); not changed"
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
