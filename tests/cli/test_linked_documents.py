"""One file under two names — a hard link, as a symbolic link — is one document: read once,
with the warning a file named twice gets. Before: two hard links to one file in a folder were
read twice, ``matrix`` showing the file 100 % "shared" with itself."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SEED_FILES


def hard_link(link: Path, target: Path) -> None:
    os.link(target, link)


def symbolic_link(link: Path, target: Path) -> None:
    link.symlink_to(target.name)


LINKS = pytest.mark.parametrize("make_link", [hard_link, symbolic_link],
                                ids=["hard", "symbolic"])


def matrix(*paths: Path) -> tuple[list[str], list[str]]:
    """The names of the documents ``matrix`` compared, and its warning lines."""
    result = subprocess.run([sys.executable, "-m", "reader_app", "matrix", "--format", "json",
                             *map(str, paths)], capture_output=True, text=True,
                            encoding="utf-8", check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    names = [Path(d["path"]).name for d in json.loads(result.stdout)["documents"]]
    return names, result.stderr.splitlines()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    shutil.copyfile(SEED_FILES[0], news / "a.txt")
    shutil.copyfile(SEED_FILES[1], news / "c.txt")
    return news


@LINKS
def test_two_names_of_one_file_in_a_folder_are_one_document(
        folder: Path, make_link: Callable[[Path, Path], None]) -> None:
    make_link(folder / "b.txt", folder / "a.txt")
    names, warnings = matrix(folder)
    assert names == ["a.txt", "c.txt"]
    assert warnings == [f"reader-app: warning: {folder}: 1 file named before, read once"]


@LINKS
def test_two_names_of_one_file_named_directly_are_one_document(
        folder: Path, make_link: Callable[[Path, Path], None]) -> None:
    make_link(folder / "b.txt", folder / "a.txt")
    names, warnings = matrix(folder / "b.txt", folder / "a.txt", folder / "c.txt")
    assert len(names) == 2 and names[1] == "c.txt"  # (a symbolic link shows its target)
    assert warnings == [f"reader-app: warning: {folder / 'a.txt'}: named before, read once"]


def test_a_copy_is_another_document(folder: Path) -> None:
    shutil.copyfile(folder / "a.txt", folder / "b.txt")  # (same bytes, another file)
    names, warnings = matrix(folder)
    assert names == ["a.txt", "b.txt", "c.txt"] and warnings == []
