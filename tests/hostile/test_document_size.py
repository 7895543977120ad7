"""Documents above the stated size (``MAX_FILE_BYTES``, 2 MiB: about 350,000 words) are
refused at once with the one error line that states the limit, by every entry point, instead
of taking minutes and gigabytes (a 40 MB pair took 3.6 minutes and 3.4 GB to ``compare``);
one inside a folder is skipped with a warning; one at the limit is read; ``passages`` of two
long files of reused copy ends in seconds."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_FILES
from hostile_helpers import assert_inert, assert_one_error_line, environment, run

from reader_app.core.documents import MAX_FILE_BYTES, load_document

LIMIT = "too large for a document (the limit is 2 MiB, about 350,000 words)"
QUICK = 30  # seconds: refusing takes well under one


@pytest.fixture
def big(tmp_path: Path) -> Path:
    path = tmp_path / "big.txt"
    line = b"Words of a very long report, line after line.\n"
    path.write_bytes((line * (MAX_FILE_BYTES // len(line) + 1))[: MAX_FILE_BYTES + 1])
    return path


def test_the_limit_is_two_mebibytes() -> None:
    assert MAX_FILE_BYTES == 2 * 2**20


@pytest.mark.parametrize("command", [
    ["compare", "big.txt", str(SEED_FILES[0])],
    ["compare", str(SEED_FILES[0]), "big.txt", "--format", "json"],
    ["matrix", "big.txt", str(SEED_FILES[0])],
    ["passages", str(SEED_FILES[0]), "big.txt"],
    ["tags", "add", "big.txt", "--quote", "Words", "--tag", "x", "--annotations", "t.json"],
    ["screenshot", str(SEED_FILES[0]), "--left", "big.txt", "--right", str(SEED_FILES[1]),
     "-o", "shot.png", "--annotations", "t.json"],
], ids=["compare-left", "compare-right", "matrix", "passages", "tags-add", "screenshot"])
def test_a_document_over_the_limit_is_refused(command: list[str], big: Path) -> None:
    result = run(*command, cwd=big.parent, env=environment(), timeout=QUICK)
    assert_one_error_line(result, f"big.txt: {LIMIT}")


def test_one_in_a_folder_is_skipped_with_a_warning(big: Path) -> None:
    (big.parent / "small.txt").write_bytes(SEED_FILES[0].read_bytes())
    result = run("matrix", ".", cwd=big.parent, timeout=QUICK)
    assert result.returncode == 0, result.stderr
    assert assert_inert(result.stderr).splitlines() == [
        f"reader-app: warning: skipped big.txt: {LIMIT}"]


def test_a_document_at_the_limit_is_read(big: Path) -> None:
    with big.open("r+b") as stream:
        stream.truncate(MAX_FILE_BYTES)
    assert len(load_document(big).text) == MAX_FILE_BYTES


def _reused_copy(path: Path, size: int, seed: int) -> Path:
    """``size`` bytes of the seeds' paragraphs drawn again and again, a word or so changed:
    a long file of reused agency copy, where thousands of passages recur thousands of times."""
    import random

    draw = random.Random(seed)
    paragraphs = [p for f in SEED_FILES for p in f.read_text(encoding="utf-8").split("\n\n")
                  if p.strip()]
    out: list[str] = []
    while sum(map(len, out)) + 2 * len(out) < size:
        words = draw.choice(paragraphs).split()
        if len(words) > 3 and draw.random() < 0.5:
            words[draw.randrange(len(words))] = draw.choice(["alpha", "Kyiv", "39", "beta"])
        out.append(" ".join(words) + f" {len(out)}")
    path.write_text("\n\n".join(out)[:size], encoding="utf-8")
    return path


def test_passages_of_two_long_files_of_reused_copy_end(tmp_path: Path) -> None:
    # Each passage was checked against every longer one, occurrence by occurrence: two such
    # 1.5 MB files took minutes (1 MB: 47 s). Indexed, they take seconds.
    left = _reused_copy(tmp_path / "left.txt", 1_500_000, 1)
    right = _reused_copy(tmp_path / "right.txt", 1_500_000, 2)
    result = run("passages", str(left), str(right), "--format", "json", timeout=60)
    assert result.returncode == 0, result.stderr
    assert b'"occurrences"' in result.stdout
