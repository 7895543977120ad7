"""The headless command line, run as users run it: ``python -m reader_app`` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from hashlib import sha256
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED_FILES, SEEDS

from reader_app import __version__
from reader_app.core.compare import compare
from reader_app.core.documents import load_document
from reader_app.core.formats.compare_json import comparison_to_json

LEFT, RIGHT = str(SEED_FILES[0]), str(SEED_FILES[1])
CONTRACT_KEYS = {"format", "left", "right", "links", "rows", "spans", "stats"}


def run(*args: str, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader_app", *args],
        capture_output=True, env=env, cwd=cwd, timeout=120, check=False,
    )


def assert_one_error_line(result: subprocess.CompletedProcess[bytes], *names: str) -> str:
    assert result.returncode == 1
    assert result.stdout == b""
    stderr = result.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("reader-app: error: ")
    for name in names:
        assert name in lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def expected_json() -> dict[str, object]:
    data = comparison_to_json(compare(load_document(LEFT), load_document(RIGHT)))
    return json.loads(json.dumps(data))


# --- compare -----------------------------------------------------------------------------


def test_compare_json_is_the_engine_result(expected_json: dict[str, object]) -> None:
    result = run("compare", LEFT, RIGHT, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.decode("utf-8"))
    assert CONTRACT_KEYS <= data.keys()
    assert data["format"] == "reader-app.compare/1"
    assert data == expected_json


def test_compare_text_is_the_default_format() -> None:
    result = run("compare", LEFT, RIGHT)
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    assert "[-" in out and "{+" in out
    assert "Kupyansk" in out
    assert result.stdout == run("compare", LEFT, RIGHT, "--format", "text").stdout


def test_compare_html_is_one_page() -> None:
    result = run("compare", LEFT, RIGHT, "--format", "html")
    assert result.returncode == 0
    page = result.stdout.decode("utf-8")
    assert page.lower().startswith("<!doctype html>")
    assert page.count("</html>") == 1
    assert "Kremlin Says Putin Still Supports Ukraine Truce" in page


def test_compare_ansi_has_colours() -> None:
    result = run("compare", LEFT, RIGHT, "--format", "ansi")
    assert result.returncode == 0
    assert b"\x1b[" in result.stdout
    assert b"Kupyansk" in result.stdout


def test_compare_text_shows_figures_whole_and_no_variant_of_case(tmp_path: Path) -> None:
    """The Turkmen election reports (ECB+ 11_1ecb / 11_11ecb / 11_9ecb), cut down: "6:00" /
    "4:00" is changed as a whole (never "4" changed, ":00" shared), and "Voters" / "voters"
    is counted the same word, as the window counts it."""
    (tmp_path / "a.txt").write_text(
        "Voters in Turkmenistan began to cast their ballots on Sunday in the country's "
        "fourth parliamentary election.\n\nVoting will close at 6:00 p.m. local time "
        "(1,300 voters per booth) on Sunday in the capital, officials said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "The government of Turkmenistan said 90 per cent of eligible voters had participated "
        "in parliamentary elections Sunday, despite boycotts from opposition groups.\n\n"
        "Some 2.44 million people cast their ballots as of 4:00 p.m. local time (1,100 "
        "voters per booth) on Sunday in the capital, officials said.\n", encoding="utf-8")
    result = run("compare", "a.txt", "b.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "{+Some 2.44 million people cast their ballots as of 4:00+} p.m. local time " \
           "({+1,100+} voters" in out
    assert "L1 ≈ R1  reworded (4 same, 1 variant)" in out


def unique_texts(data: dict[str, Any]) -> list[str]:
    text = data["left"]["text"]
    return [text[s["start"] : s["end"]] for s in data["spans"]["left"] if s["kind"] == "unique"]


@pytest.mark.parametrize(
    ("flags", "unique"),
    [
        ([], ["The Central Bank", ",", "."]),
        (["--ignore-case"], [",", "."]),
        (["--ignore-punctuation"], ["The Central Bank"]),
        (["--ignore-case", "--ignore-punctuation"], []),
    ],
)
def test_compare_options_reach_the_engine(tmp_path: Path, flags: list[str],
                                          unique: list[str]) -> None:
    left = tmp_path / "l.txt"
    right = tmp_path / "r.txt"
    left.write_text("The Central Bank raised rates today, officials said in a statement.\n")
    right.write_text("the central bank raised rates today officials said in a statement\n")
    result = run("compare", str(left), str(right), "--format", "json", *flags)
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert unique_texts(data) == unique
    assert data["options"] == {"ignore_case": "--ignore-case" in flags,
                               "ignore_punctuation": "--ignore-punctuation" in flags}


def test_compare_output_file(tmp_path: Path, expected_json: dict[str, object]) -> None:
    target = tmp_path / "out.json"
    result = run("compare", LEFT, RIGHT, "--format", "json", "-o", str(target))
    assert result.returncode == 0
    assert result.stdout == b""
    assert json.loads(target.read_text(encoding="utf-8")) == expected_json


def test_compare_stdout_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    left = tmp_path / "é.txt"
    left.write_text("Café “quoted” — naïve words here in a row.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env.update(LANG="C", LC_ALL="C")
    for fmt in ("text", "json"):
        result = run("compare", str(left), str(left), "--format", fmt, env=env)
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode("utf-8")
        assert "Café “quoted” — naïve" in out


def test_warnings_go_to_stderr_not_stdout(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(b"caf\xe9 \x93quoted\x94 and several more words here")
    result = run("compare", str(legacy), str(legacy), "--format", "json")
    assert result.returncode == 0
    assert b"reader-app: warning:" in result.stderr
    assert b"legacy.txt" in result.stderr
    assert json.loads(result.stdout)["left"]["text"].startswith("café “quoted”")


# --- errors ------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert_one_error_line(run("compare", LEFT, str(tmp_path / "missing.txt")), "missing.txt")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "somefolder"
    folder.mkdir()
    assert_one_error_line(run("compare", str(folder), RIGHT), "somefolder")


def test_binary_file(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    assert_one_error_line(run("compare", LEFT, str(binary)), "photo.txt")


@pytest.mark.parametrize("where", ["no-such-dir/out.txt", "."])
def test_unwritable_output(tmp_path: Path, where: str) -> None:
    target = tmp_path / where
    result = run("compare", LEFT, RIGHT, "-o", str(target))
    assert_one_error_line(result, str(target.parent if where == "." else target.name))


@pytest.mark.parametrize(
    "args",
    [["compare", LEFT], ["compare", LEFT, RIGHT, "--format", "pdf"], ["matrix", "--bogus"],
     ["--no-such-option"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert b"usage:" in result.stderr
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(("given", "missing"), [("--left", "--right"), ("--right", "--left")])
def test_screenshot_takes_left_and_right_together(tmp_path: Path, given: str,
                                                  missing: str) -> None:
    """The contract's "[--left DOC --right DOC]": --left alone was shown beside whichever
    document came first, exit 0."""
    shot = tmp_path / "shot.png"
    result = run("screenshot", str(SEEDS), given, LEFT, "-o", str(shot))
    assert result.returncode == 2
    assert result.stdout == b""
    lines = result.stderr.decode("utf-8").splitlines()
    assert lines[0].startswith("usage: reader-app screenshot ")
    assert lines[-1] == (f"reader-app screenshot: error: argument {given}: needs {missing} "
                         "too (--left DOC --right DOC)")
    assert not shot.exists()


@pytest.mark.parametrize("args", [["--version"], ["compare", "--help"], ["--help"]])
def test_version_and_help(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 0
    if args == ["--version"]:
        assert result.stdout.decode().strip() == f"reader-app {__version__}"
    else:
        assert b"usage:" in result.stdout


# --- matrix ------------------------------------------------------------------------------


def test_matrix_json_on_the_seeds_folder() -> None:
    result = run("matrix", str(SEEDS), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == "reader-app.matrix/1"
    assert [Path(d["path"]).name for d in data["documents"]] == [p.name for p in SEED_FILES]
    assert all(isinstance(d["title"], str) and d["title"] for d in data["documents"])
    matrix = data["similarity"]
    assert [matrix[i][i] for i in range(5)] == [1.0] * 5
    assert all(matrix[i][j] == matrix[j][i] for i in range(5) for j in range(5))
    expected = compare(load_document(SEED_FILES[0]), load_document(SEED_FILES[1]))
    assert matrix[0][1] == expected.stats.similarity


def test_matrix_defaults_to_the_bundled_seeds(tmp_path: Path) -> None:
    result = run("matrix", cwd=tmp_path)
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    assert all(p.name in out for p in SEED_FILES)
    assert "100%" in out


def test_matrix_skips_a_bad_file_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Some words in a good document here.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    result = run("matrix", str(tmp_path), "--format", "json")
    assert result.returncode == 0
    assert [Path(d["path"]).name for d in json.loads(result.stdout)["documents"]] == ["good.txt"]
    assert b"bad.txt" in result.stderr


def test_matrix_of_an_empty_folder(tmp_path: Path) -> None:
    result = run("matrix", str(tmp_path), "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {
        "format": "reader-app.matrix/1", "documents": [], "similarity": [], "content": [],
        "clusters": [],
    }
    # the empty result is said, not left blank (a mistyped folder looked like no stories)
    assert result.stderr.decode().strip() == (
        f"reader-app: warning: {tmp_path}: no documents in this folder "
        "(.htm, .html, .markdown, .md, .text, .txt, one level deep)")


# --- staying headless and deterministic --------------------------------------------------


def test_headless_compare_does_not_import_qt() -> None:
    code = (
        "import os, sys\n"
        "from reader_app.cli import main\n"
        f"status = main(['compare', {LEFT!r}, {RIGHT!r}, '--format', 'json', '-o', os.devnull])\n"
        "assert status == 0, status\n"
        "assert 'reader_app.core.compare.engine' in sys.modules\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()


# What a tiny ``compare`` must not pay for: the annotation store and what only it needs.
NOT_FOR_COMPARE = ("reader_app.core.annotations.jsonfile.store",
                   "reader_app.core.annotations.model", "filelock", "platformdirs", "uuid",
                   "csv", "PySide6")


@pytest.mark.parametrize("fmt", ["text", "json"])  # html and ansi need pygments' registry
def test_compare_imports_no_annotation_code(fmt: str) -> None:
    code = (
        "import os, sys\n"
        "from reader_app.cli import main\n"
        f"status = main(['compare', {LEFT!r}, {RIGHT!r}, '--format', {fmt!r}, '-o', "
        "os.devnull])\n"
        "assert status == 0, status\n"
        f"loaded = [m for m in sys.modules if m.startswith({NOT_FOR_COMPARE!r})]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()


def test_the_tags_list_formats_are_the_ones_the_parser_offers() -> None:
    from reader_app.cli.tags import LIST_FORMATS
    from reader_app.core.formats.annotations import FORMATS

    assert tuple(FORMATS) == LIST_FORMATS


def test_compare_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    words = [f"w{i:02d}" for i in range(40)]
    runs = [" ".join(words[i : i + 5]) for i in range(0, 40, 5)]
    right = "\n\n".join(f"Lead{i} in{i} {run} tail{i} end{i}." for i, run in enumerate(runs))
    left = " ".join(runs) + "."
    while sha256(left.encode()).hexdigest() >= sha256(right.encode()).hexdigest():
        left += " "  # the merged paragraph's side first in compare's canonical order
    (tmp_path / "left.txt").write_text(left, encoding="utf-8")
    (tmp_path / "right.txt").write_text(right, encoding="utf-8")
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = run("compare", str(tmp_path / "left.txt"), str(tmp_path / "right.txt"),
                     "--format", "json", env=env)
        assert result.returncode == 0
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_compare_never_writes_over_a_document_it_compares(tmp_path: Path) -> None:
    # "-o" naming one of the two documents (a slip of the shell's completion) overwrote it
    # with the comparison, silently: the document is lost. It is refused, the file as it was.
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_bytes(SEED_FILES[0].read_bytes())
    right.write_bytes(SEED_FILES[1].read_bytes())
    before = right.read_bytes()
    (tmp_path / "link.txt").symlink_to(right)
    for target in (right, tmp_path / "link.txt"):
        line = assert_one_error_line(run("compare", str(left), str(right), "-o", str(target)),
                                     str(target))
        assert "one of the documents compared" in line
        assert right.read_bytes() == before


@pytest.mark.parametrize("command", ["passages", "matrix", "quotes"])
def test_corpus_commands_never_write_over_a_document_they_read(
        tmp_path: Path, command: str) -> None:
    # "passages folder -o folder/report.txt" replaced that report with the list of passages.
    folder = tmp_path / "news"
    folder.mkdir()
    for seed in SEED_FILES[:3]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    target = folder / SEED_FILES[1].name
    before = target.read_bytes()
    line = assert_one_error_line(run(command, str(folder), "-o", str(target)), str(target))
    assert "one of the documents read; not overwritten" in line
    assert target.read_bytes() == before
