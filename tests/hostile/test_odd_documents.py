"""Odd documents at every headless entry point: empty, whitespace-only, mixed encodings, CRLF
and lone CR line ends, odd file names, a 1 MB line, 50,000 tiny paragraphs, binary files.

Each command either does its work (exit 0, inert output, no traceback) or refuses with the
contract's one error line (exit 1); a folder holding a binary file lists the others and says
which was skipped. The window's start on such a folder is checked through ``screenshot``
(the same library scan and the same panes)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_helpers import assert_inert, assert_ok, assert_one_error_line, environment, run

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_1b580a6550eb9092.txt"

SMALL_CASES: dict[str, Callable[[Path], Path]] = {}


def case(name: str) -> Callable[[Callable[[Path], Path]], Callable[[Path], Path]]:
    def register(make: Callable[[Path], Path]) -> Callable[[Path], Path]:
        SMALL_CASES[name] = make
        return make
    return register


@case("empty")
def _empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


@case("whitespace only")
def _whitespace(folder: Path) -> Path:
    path = folder / "blank.txt"
    path.write_bytes(b" \n\t\n\r\n   \n")
    return path


@case("mixed encodings")
def _mixed(folder: Path) -> Path:
    path = folder / "mixed.txt"  # UTF-8 text with a Windows-1252 byte in the middle
    path.write_bytes("Café society “quoted”.\n\n".encode() + b"Caf\xe9 again.\n")
    return path


@case("CRLF")
def _crlf(folder: Path) -> Path:
    path = folder / "crlf.txt"
    path.write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n"))
    return path


@case("lone CR")
def _lone_cr(folder: Path) -> Path:
    path = folder / "cr.txt"
    path.write_bytes(SEED.read_bytes().replace(b"\n", b"\r"))
    return path


@case("odd file name")
def _odd_name(folder: Path) -> Path:
    path = folder / "-- spaced name; $(rm -rf) 'quoted' \u00e9\u4e2d.txt"
    path.write_bytes(SEED.read_bytes())
    return path


def _commands(path: Path, folder: Path) -> list[tuple[str, ...]]:
    return [("compare", str(path), str(SEED), "--format", "json"),
            ("compare", str(SEED), str(path), "--format", "text"),
            ("matrix", str(folder), "--format", "json"),
            ("passages", str(folder), "--format", "text"),
            ("quotes", str(folder), "--format", "json")]


@pytest.mark.parametrize("name", list(SMALL_CASES))
def test_every_headless_command_takes_an_odd_document(tmp_path: Path, name: str) -> None:
    path = SMALL_CASES[name](tmp_path)
    for command in _commands(path, tmp_path):
        out = assert_ok(run(*command))
        if "json" in command:
            json.loads(out)


@pytest.mark.parametrize("name", ["empty", "lone CR", "odd file name"])
def test_the_window_takes_an_odd_document(tmp_path: Path, name: str) -> None:
    path = SMALL_CASES[name](tmp_path)
    shot = tmp_path / "shot.png"
    result = run("screenshot", str(tmp_path), "--left", str(path), "--right", str(SEED),
                 "-o", str(shot), "--size", "800x600", env=environment(), timeout=120)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 0
    assert b"Traceback" not in result.stderr


def test_a_binary_file_is_one_error_line_and_skipped_in_a_folder(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    assert_one_error_line(run("compare", str(binary), str(SEED)), "photo.txt", "binary")
    for command in (("matrix", str(tmp_path), "--format", "json"),
                    ("passages", str(tmp_path)), ("quotes", str(tmp_path))):
        result = run(*command)
        assert_ok(result)
        assert b"photo.txt" in result.stderr  # which file was left out, and why


def test_a_one_megabyte_line_is_compared(tmp_path: Path) -> None:
    words = SEED.read_text(encoding="utf-8").split()[2:]  # (not 000's "date 2025-04-07")
    line = " ".join(words[i % len(words)] for i in range(170_000))  # about 1 MB, no newline
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    out = assert_ok(run("compare", str(path), str(SEED), "--format", "json", timeout=180))
    assert len(json.loads(out)["left"]["paragraphs"]) == 1


def test_fifty_thousand_tiny_paragraphs_are_compared(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text("\n\n".join(f"Item {n} noted." for n in range(50_000)), encoding="utf-8")
    out = assert_ok(run("compare", str(path), str(SEED), "--format", "json", timeout=180))
    assert len(json.loads(out)["left"]["paragraphs"]) == 50_000


@pytest.mark.parametrize("name", list(SMALL_CASES))
def test_tags_take_an_odd_document(tmp_path: Path, name: str) -> None:
    path = SMALL_CASES[name](tmp_path)
    annotations = tmp_path / "notes.json"
    text = path.read_bytes().decode("utf-8", "replace")
    added = run("tags", "add", str(path), "--quote", "Kremlin", "--tag", "odd",
                "--annotations", str(annotations))
    if "Kremlin" in text:
        assert_ok(added)
        listed = json.loads(assert_ok(run("tags", "list", "--annotations", str(annotations),
                                          "--format", "json")))
        assert [a["tags"] for a in listed["annotations"]] == [["odd"]]
    else:  # nothing to anchor to: the error line (after a decoding warning), no file written
        assert added.returncode == 1 and added.stdout == b""
        lines = assert_inert(added.stderr).splitlines()
        assert lines[-1].startswith("reader-app: error: ") and "Kremlin" in lines[-1]
        assert all(line.startswith("reader-app: warning: ") for line in lines[:-1])
        assert not annotations.exists()
