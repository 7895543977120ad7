"""Control sequences in a document's text, its title, its file name, a tag or a note never
reach the terminal raw: every text output shows them as visible signs (``␛``, ``\\x9b``),
the ANSI format keeps only its own colours, CSV defuses formulas, JSON stays exact."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hostile_helpers import (
    BEL,
    CSI,
    ESC,
    HOSTILE,
    SGR,
    assert_inert,
    assert_ok,
    assert_one_error_line,
    run,
)

BODY = "Some shared words stand here in both of the reports, word for word."


@pytest.fixture
def hostile_text(tmp_path: Path) -> Path:
    """A document whose title and paragraphs carry terminal control sequences."""
    path = tmp_path / "text.txt"
    # Few enough control characters not to be taken for a binary file.
    path.write_text(f"Title {ESC}]52;c;ZXZpbA=={BEL}\n\n{BODY} {ESC}[2J {CSI}31m and more.\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def hostile_names(tmp_path: Path) -> list[Path]:
    """Two plain documents in a folder, one with control sequences in its file name."""
    folder = tmp_path / "folder"
    folder.mkdir()
    named = folder / f"a{ESC}]0;pwned{BEL}{CSI}2J.txt"
    named.write_text(f"A report\n\n{BODY}\n", encoding="utf-8")
    plain = folder / "b.txt"
    plain.write_text(f"Another report\n\n{BODY} More.\n", encoding="utf-8")
    return [named, plain]


@pytest.mark.parametrize("fmt", ["text", "ansi"])
def test_compare_shows_controls_in_the_text(hostile_text: Path, fmt: str) -> None:
    result = run("compare", str(hostile_text), str(hostile_text), "--format", fmt)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    if fmt == "ansi":
        assert SGR.search(out), "the ANSI format lost its colours"
        out = SGR.sub("", out)
    assert_inert(out.encode("utf-8"))
    assert "Title ␛]52;c;ZXZpbA==␇" in out
    assert "word for word. ␛[2J \\x9b31m and more." in out


def test_compare_html_shows_controls_in_the_text(hostile_text: Path) -> None:
    out = assert_ok(run("compare", str(hostile_text), str(hostile_text), "--format", "html"))
    assert "Title ␛]52;c;ZXZpbA==␇" in out
    assert "␛[2J \\x9b31m" in out


def test_compare_shows_controls_in_file_names(hostile_names: list[Path]) -> None:
    named, plain = hostile_names
    out = assert_ok(run("compare", str(named), str(plain)))
    assert "left:  " + str(named.parent) + "/a␛]0;pwned␇\\x9b2J.txt" in out


def test_compare_json_stays_exact_and_inert(hostile_text: Path) -> None:
    result = run("compare", str(hostile_text), str(hostile_text), "--format", "json")
    data = json.loads(assert_ok(result))
    assert data["left"]["text"] == hostile_text.read_text(encoding="utf-8")
    assert data["left"]["title"] == f"Title {ESC}]52;c;ZXZpbA=={BEL}"


def test_matrix_shows_controls_in_names_and_titles(hostile_names: list[Path],
                                                   hostile_text: Path) -> None:
    out = assert_ok(run("matrix", str(hostile_names[0].parent), str(hostile_text)))
    assert "  a␛]0;pwned␇\\x9b2J.txt  " in out
    assert "text.txt  Title ␛]52;c;ZXZpbA==␇" in out


def test_matrix_json_stays_exact_and_inert(hostile_names: list[Path]) -> None:
    result = run("matrix", str(hostile_names[0].parent), "--format", "json")
    paths = [d["path"] for d in json.loads(assert_ok(result))["documents"]]
    assert str(hostile_names[0]) in paths


def test_passages_show_controls_in_names_and_text(hostile_names: list[Path],
                                                  hostile_text: Path) -> None:
    named = hostile_names[0]
    copy = hostile_text.with_name("copy.txt")
    copy.write_bytes(hostile_text.read_bytes())
    out = assert_ok(run("passages", str(named.parent), str(hostile_text), str(copy),
                        "--min-words", "3"))
    assert "a␛]0;pwned␇\\x9b2J.txt" in out
    assert "␛[2J \\x9b31m" in out


def test_passages_json_stays_exact_and_inert(hostile_text: Path) -> None:
    copy = hostile_text.with_name("copy.txt")
    copy.write_bytes(hostile_text.read_bytes())
    result = run("passages", str(hostile_text), str(copy), "--min-words", "3",
                 "--format", "json")
    texts = [p["text"] for p in json.loads(assert_ok(result))["passages"]]
    assert any(f"{ESC}[2J {CSI}31m" in text for text in texts)


@pytest.fixture
def hostile_annotations(tmp_path: Path, hostile_names: list[Path]) -> Path:
    """An annotation file whose tag, note and document name carry control sequences."""
    store = tmp_path / "annotations.json"
    result = run("tags", "add", str(hostile_names[0]), "--quote", "shared words",
                 "--tag", f"x{ESC}[2Jy", "--tag", "=HYPERLINK(\"http://evil\")",
                 "--note", f"note {HOSTILE}", "--annotations", str(store))
    assert result.returncode == 0, result.stderr
    return store


def test_tags_list_text_shows_controls(hostile_annotations: Path) -> None:
    out = assert_ok(run("tags", "list", "--annotations", str(hostile_annotations)))
    assert "a␛]0;pwned␇\\x9b2J.txt:" in out
    assert "x␛[2Jy" in out
    assert "note: note ␛]52;c;ZXZpbA==␇" in out


def test_tags_list_csv_shows_controls_and_defuses_formulas(
        hostile_annotations: Path) -> None:
    result = run("tags", "list", "--annotations", str(hostile_annotations), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(assert_inert(result.stdout, csv=True))))
    assert sorted(row["tag"] for row in rows) == ["'=HYPERLINK(\"http://evil\")", "x␛[2Jy"]
    assert {row["document"] for row in rows} == {"a␛]0;pwned␇\\x9b2J.txt"}
    assert rows[0]["note"].startswith("note ␛]52;c;ZXZpbA==␇")


@pytest.mark.parametrize("fmt", ["json", "w3c"])
def test_tags_list_json_stays_exact_and_inert(hostile_annotations: Path, fmt: str) -> None:
    result = run("tags", "list", "--annotations", str(hostile_annotations), "--format", fmt)
    out = assert_ok(result)
    if fmt == "json":
        [annotation] = json.loads(out)["annotations"]
        assert annotation["note"] == f"note {HOSTILE}"
        assert f"x{ESC}[2Jy" in annotation["tags"]
    else:
        bodies = json.loads(out)["first"]["items"][0]["body"]
        assert {"type": "TextualBody", "purpose": "commenting", "value": f"note {HOSTILE}",
                "format": "text/plain"} in bodies


def test_an_error_naming_a_hostile_path_is_one_inert_line(tmp_path: Path,
                                                          hostile_text: Path) -> None:
    missing = tmp_path / f"gone{ESC}[2J\n{CSI}.txt"
    line = assert_one_error_line(run("compare", str(missing), str(hostile_text)))
    assert "gone␛[2J␊\\x9b.txt" in line


def test_a_warning_naming_a_hostile_file_is_inert(hostile_names: list[Path]) -> None:
    binary = hostile_names[0].with_name(f"bin{ESC}]0;x{BEL}.txt")
    binary.write_bytes(b"\x00\x01binary")
    result = run("matrix", str(binary.parent))
    assert result.returncode == 0, result.stderr
    stderr = assert_inert(result.stderr)
    assert "bin␛]0;x␇.txt" in stderr


def test_a_usage_error_quoting_a_hostile_argument_is_inert(hostile_text: Path) -> None:
    result = run("compare", str(hostile_text), str(hostile_text), f"x{ESC}]0;t{BEL}")
    assert result.returncode == 2  # argparse's status for a usage error
    assert result.stdout == b""
    last = assert_inert(result.stderr).splitlines()[-1]
    assert last == "reader-app: error: unrecognized arguments: x␛]0;t␇"


RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"  # the "Trojan Source" reorderings


def test_bidi_reorderings_in_text_and_names_are_shown_not_obeyed(tmp_path: Path) -> None:
    """A right-to-left override in a file name ("song\u202e3pm.txt" shows as
    "songtxt.mp3") or in a paragraph would reorder what a terminal shows after it."""
    named = tmp_path / f"song{RLO}3pm.txt"
    named.write_text(f"A report\n\n{BODY} The sum is {LRI}100{PDI} {RLO}dlrow.\n", "utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(f"Another report\n\n{BODY}\n", encoding="utf-8")
    for args in (("compare", str(named), str(plain)), ("matrix", str(tmp_path))):
        out = assert_ok(run(*args))
        assert RLO not in out and LRI not in out and PDI not in out
        assert "song\\u202e3pm.txt" in out
    shown = assert_ok(run("compare", str(named), str(plain)))
    assert "The sum is \\u2066100\\u2069 \\u202edlrow." in shown
    data = json.loads(assert_ok(run("compare", str(named), str(plain), "--format", "json")))
    assert data["left"]["text"] == named.read_text("utf-8")  # JSON stays exact


def test_compare_text_escapes_the_marks_a_document_holds(tmp_path: Path) -> None:
    """A document's own "[-…-]" printed raw read as a deletion (the format's own mark)."""
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(f"A report\n\n{BODY} It [-was-] {{+not+}} so, on Monday.\n", "utf-8")
    right.write_text(f"A report\n\n{BODY} It [-was-] {{+not+}} so, on Tuesday.\n", "utf-8")
    out = assert_ok(run("compare", str(left), str(right)))
    assert f"< {BODY} It" in out  # ordinary text as it is
    assert "It \\[-was\\-] \\{+not\\+} so, on [-Monday-]." in out
    assert "It \\[-was\\-] \\{+not\\+} so, on {+Tuesday+}." in out


@pytest.mark.parametrize("fmt", ["text", "ansi"])
def test_compare_shows_carriage_returns_and_backspaces(tmp_path: Path, fmt: str) -> None:
    """A CR or a backspace (which overwrite what the line showed) and DEL, in a file name or
    a paragraph (a lone CR in the text is a line end, so a paragraph holds none)."""
    named = tmp_path / "over\rwritten\b.txt"
    named.write_text(f"A report\n\n{BODY} Fake\b\b\b\breal \x7f.\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(f"Another report\n\n{BODY}\n", encoding="utf-8")
    result = run("compare", str(named), str(plain), "--format", fmt)
    assert result.returncode == 0, result.stderr
    shown = assert_inert(SGR.sub("", result.stdout.decode("utf-8")).encode("utf-8"))
    assert "over␍written␈.txt" in shown
    assert "Fake␈␈␈␈real ␡." in shown


def test_tags_list_csv_defuses_a_formula_after_a_line_break(hostile_names: list[Path],
                                                            tmp_path: Path) -> None:
    """A note "\\n=1+1" was written as it is: a spreadsheet trims the line break and runs it."""
    store = tmp_path / "formula.json"
    assert_ok(run("tags", "add", str(hostile_names[1]), "--quote", "shared words", "--tag", "x",
                  "--note", "\n=1+1", "--annotations", str(store)))
    result = run("tags", "list", "--annotations", str(store), "--format", "csv")
    assert result.returncode == 0, result.stderr
    [row] = csv.DictReader(io.StringIO(assert_inert(result.stdout, csv=True)))
    assert row["note"] == "'\n=1+1"
