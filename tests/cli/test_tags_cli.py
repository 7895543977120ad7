"""``reader-app tags list`` and ``tags add``, run as users run them, in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import filelock
import pytest
from conftest import SEED_FILES

from reader_app.cli import main
from reader_app.core.annotations.jsonfile import file as annotation_file
from reader_app.core.annotations.model import FORMAT

SEED = SEED_FILES[2]
QUOTE = "Steve Witkoff"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader_app", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120, check=False)


def assert_one_error_line(result: subprocess.CompletedProcess[str], *names: str) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader-app: error: ")
    for name in names:
        assert name in lines[0]


@pytest.fixture
def document(tmp_path: Path) -> Path:
    copy = tmp_path / "report.txt"
    shutil.copyfile(SEED, copy)
    return copy


@pytest.fixture
def annotations(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


def add(document: Path, annotations: Path, *extra: str) -> str:
    result = run("tags", "add", str(document), "--quote", QUOTE, "--tag", "verify",
                 "--tag", "wire copy", "--note", "check the date", "--annotations",
                 str(annotations), *extra)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def listing(annotations: Path, fmt: str) -> str:
    result = run("tags", "list", "--annotations", str(annotations), "--format", fmt)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_add_then_list_in_every_format(document: Path, annotations: Path) -> None:
    annotation_id = add(document, annotations)
    text = document.read_text(encoding="utf-8")
    start = text.index(QUOTE)
    data = json.loads(listing(annotations, "json"))
    assert data["format"] == FORMAT
    (item,) = data["annotations"]
    assert item["id"] == annotation_id
    assert item["tags"] == ["verify", "wire copy"] and item["note"] == "check the date"
    assert item["target"]["exact"] == QUOTE and item["target"]["start"] == start
    assert item["target"]["prefix"] == text[start - 32 : start]
    assert item["document"]["path"] == str(document.resolve())
    assert item["anchor"] == {"start": start, "end": start + len(QUOTE), "status": "exact"}
    stored = json.loads(annotations.read_text(encoding="utf-8"))
    assert "anchor" not in stored["annotations"][0]
    assert {**stored["annotations"][0], "anchor": item["anchor"]} == item

    rows = list(csv.DictReader(io.StringIO(listing(annotations, "csv"))))
    assert [row["tag"] for row in rows] == ["verify", "wire copy"]
    assert {row["id"] for row in rows} == {annotation_id}
    assert rows[0]["status"] == "exact" and rows[0]["start"] == str(start)

    out = listing(annotations, "text")
    assert "verify" in out and QUOTE in out and "exact" in out and "report.txt" in out


def test_w3c_web_annotation(document: Path, annotations: Path) -> None:
    annotation_id = add(document, annotations)
    start = document.read_text(encoding="utf-8").index(QUOTE)
    data = json.loads(listing(annotations, "w3c"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 1
    (item,) = data["first"]["items"]
    assert item["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert item["type"] == "Annotation" and item["id"] == f"urn:uuid:{annotation_id}"
    assert [(b["type"], b["purpose"], b["value"]) for b in item["body"]] == [
        ("TextualBody", "tagging", "verify"), ("TextualBody", "tagging", "wire copy"),
        ("TextualBody", "commenting", "check the date")]
    assert item["target"]["source"] == document.resolve().as_uri()
    quote_selector, position_selector = item["target"]["selector"]
    assert quote_selector["type"] == "TextQuoteSelector" and quote_selector["exact"] == QUOTE
    assert len(quote_selector["prefix"]) == len(quote_selector["suffix"]) == 32
    assert position_selector == {"type": "TextPositionSelector", "start": start,
                                 "end": start + len(QUOTE)}


def test_edited_and_missing_documents(document: Path, annotations: Path) -> None:
    add(document, annotations)
    other = document.with_name("other.txt")
    shutil.copyfile(SEED, other)
    result = run("tags", "add", str(other), "--quote", "Kremlin", "--occurrence", "2",
                 "--tag", "gone", "--annotations", str(annotations))
    assert result.returncode == 0, result.stderr
    text = document.read_text(encoding="utf-8")
    document.write_text("A new opening paragraph.\n\n" + text.replace(QUOTE, "Steven Witkoff"),
                        encoding="utf-8")
    other.unlink()
    items = json.loads(listing(annotations, "json"))["annotations"]
    moved, orphan = items
    assert moved["anchor"]["status"] == "fuzzy"
    new_text = document.read_text(encoding="utf-8")
    assert new_text[moved["anchor"]["start"] : moved["anchor"]["end"]] == "Steven Witkoff"
    assert orphan["anchor"] == {"start": None, "end": None, "status": "orphaned"}
    assert orphan["tags"] == ["gone"]
    assert "orphaned" in listing(annotations, "text")
    w3c_item = json.loads(listing(annotations, "w3c"))["first"]["items"][1]
    assert [s["type"] for s in w3c_item["target"]["selector"]] == ["TextQuoteSelector"]


def test_tagging_the_same_passage_again_adds_to_its_tags(document: Path,
                                                          annotations: Path) -> None:
    first = add(document, annotations)
    result = run("tags", "add", str(document), "--quote", QUOTE, "--tag", "follow-up",
                 "--tag", "verify", "--annotations", str(annotations))
    assert result.stdout.strip() == first
    (item,) = json.loads(annotations.read_text(encoding="utf-8"))["annotations"]
    assert item["tags"] == ["verify", "wire copy", "follow-up"]


def test_a_second_note_on_a_tagged_passage_is_added_to_the_first_not_put_in_its_place(
        document: Path, annotations: Path) -> None:
    """The second ``--note`` replaced the first without a word: what was written is lost."""
    first = add(document, annotations)  # "check the date"
    result = run("tags", "add", str(document), "--quote", QUOTE, "--tag", "follow-up",
                 "--note", "ask the agency", "--annotations", str(annotations))
    assert result.returncode == 0 and result.stdout.strip() == first
    assert result.stderr.startswith("reader-app: warning: the passage was tagged already")
    assert len(result.stderr.splitlines()) == 1
    again = run("tags", "add", str(document), "--quote", QUOTE, "--tag", "x",
                "--note", "ask the agency", "--annotations", str(annotations))
    assert again.stderr == ""  # (the same note again: nothing to add, nothing to say)
    (item,) = json.loads(annotations.read_text(encoding="utf-8"))["annotations"]
    assert item["note"] == "check the date\nask the agency"
    # A note written inside one of its lines is a note of its own ("date" was dropped).
    inside = run("tags", "add", str(document), "--quote", QUOTE, "--tag", "x",
                 "--note", "date", "--annotations", str(annotations))
    assert inside.stderr.startswith("reader-app: warning: the passage was tagged already")
    (item,) = json.loads(annotations.read_text(encoding="utf-8"))["annotations"]
    assert item["note"] == "check the date\nask the agency\ndate"


def test_the_environment_variable_names_the_file(document: Path, tmp_path: Path) -> None:
    env = {**os.environ, "READER_APP_ANNOTATIONS": str(tmp_path / "from-env.json")}
    result = run("tags", "add", str(document), "--quote", QUOTE, "--tag", "x", env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "from-env.json").exists()
    assert QUOTE in run("tags", "list", env=env).stdout


def test_the_environment_variable_set_empty_counts_as_unset(document: Path,
                                                            tmp_path: Path) -> None:
    """The POSIX convention (README): ``READER_APP_ANNOTATIONS=`` is the default file, not
    a file named "" (nor a usage error, which the window could not start past)."""
    data = tmp_path / "data"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(data),
           "READER_APP_ANNOTATIONS": ""}
    result = run("tags", "add", str(document), "--quote", QUOTE, "--tag", "x", env=env)
    assert result.returncode == 0, result.stderr
    default = data / "reader-app" / "annotations.json"
    assert QUOTE in default.read_text(encoding="utf-8")
    listed = run("tags", "list", env=env).stdout
    env.pop("READER_APP_ANNOTATIONS")
    assert QUOTE in listed and listed == run("tags", "list", env=env).stdout


@pytest.mark.parametrize(("args", "names"), [
    (["--quote", "no such words here"], ["report.txt", "does not occur"]),
    (["--quote", "Kremlin", "--occurrence", "99"], ["report.txt", "not 99 times"]),
])
def test_a_quote_that_does_not_occur(document: Path, annotations: Path, args: list[str],
                                     names: list[str]) -> None:
    add(document, annotations)
    before = annotations.read_bytes()
    result = run("tags", "add", str(document), *args, "--tag", "x",
                 "--annotations", str(annotations))
    assert_one_error_line(result, *names)
    assert annotations.read_bytes() == before


def test_a_missing_document(tmp_path: Path, annotations: Path) -> None:
    result = run("tags", "add", str(tmp_path / "gone.txt"), "--quote", "x", "--tag", "x",
                 "--annotations", str(annotations))
    assert_one_error_line(result, "gone.txt")
    assert not annotations.exists()


@pytest.mark.parametrize("content", [b"{not json", b'{"format": "other/1"}'])
def test_a_corrupt_file_is_refused_and_left_as_it_was(document: Path, annotations: Path,
                                                       content: bytes) -> None:
    annotations.write_bytes(content)
    result = run("tags", "add", str(document), "--quote", QUOTE, "--tag", "x",
                 "--annotations", str(annotations))
    assert_one_error_line(result, "annotations.json")
    assert annotations.read_bytes() == content
    assert sorted(p.name for p in annotations.parent.iterdir()) == [
        "annotations.json", "report.txt"]
    assert_one_error_line(run("tags", "list", "--annotations", str(annotations)),
                          "annotations.json")
    assert annotations.read_bytes() == content


@pytest.mark.parametrize(("version", "shown"), [
    ("2", "2"), ("999999999999", "999999999999"),  # (a long one was read as corrupt)
    ("1" + "0" * 28, "1000000…(29 digits)"),  # (both were told as ".../1000000000")
    ("9" * 100_000, "9999999…(100000 digits)")], ids=["2", "12-digits", "29-digits", "huge"])
def test_a_newer_format_is_listed_but_not_written(document: Path, annotations: Path,
                                                  version: str, shown: str) -> None:
    add(document, annotations)
    data = json.loads(annotations.read_text(encoding="utf-8"))
    data["format"] = f"reader-app.annotations/{version}"
    annotations.write_text(json.dumps(data), encoding="utf-8")
    before = annotations.read_bytes()
    result = run("tags", "add", str(document), "--quote", "Kremlin", "--tag", "x",
                 "--annotations", str(annotations))
    told = f"its format reader-app.annotations/{shown} is newer than this program's"
    assert_one_error_line(result, "annotations.json", told)
    assert annotations.read_bytes() == before
    listed = run("tags", "list", "--annotations", str(annotations), "--format", "json")
    assert listed.returncode == 0
    assert len(json.loads(listed.stdout)["annotations"]) == 1
    assert listed.stderr.startswith("reader-app: warning: ") and "read-only" in listed.stderr
    assert told in listed.stderr
    assert annotations.read_bytes() == before


def test_a_locked_file_is_an_error(document: Path, annotations: Path,
                                   monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(annotation_file, "COMMAND_LOCK_TIMEOUT_SECONDS", 0.1)  # (60 s)
    with filelock.FileLock(str(annotations) + ".lock"):
        status = main(["tags", "add", str(document), "--quote", QUOTE, "--tag", "x",
                       "--annotations", str(annotations)])
    assert status == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("reader-app: error: ") and "locked" in line
    assert not annotations.exists()


def test_listing_no_file_is_empty(annotations: Path) -> None:
    assert json.loads(listing(annotations, "json")) == {"format": FORMAT, "annotations": []}
    assert listing(annotations, "text").startswith("0 annotations")
    assert not annotations.exists()


@pytest.mark.parametrize("args", [
    ["tags"],
    ["tags", "add", "doc.txt", "--quote", "x"],  # no --tag
    ["tags", "add", "doc.txt", "--tag", "x"],  # no --quote
    ["tags", "add", "doc.txt", "--quote", "x", "--tag", "  "],
    ["tags", "add", "doc.txt", "--quote", " \n ", "--tag", "t"],  # tagged a blank, as “”
    ["tags", "add", "doc.txt", "--quote", "x", "--tag", "t", "--occurrence", "0"],
    ["tags", "list", "--format", "xml"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2 and result.stdout == ""
    assert "usage:" in result.stderr and "Traceback" not in result.stderr


def test_tags_commands_do_not_import_qt(document: Path, annotations: Path) -> None:
    code = (
        "import os, sys\n"
        "from reader_app.cli import main\n"
        f"args = ['--annotations', {str(annotations)!r}]\n"
        f"assert main(['tags', 'add', {str(document)!r}, '--quote', {QUOTE!r},"
        " '--tag', 'x', *args]) == 0\n"
        "for fmt in ('text', 'json', 'csv', 'w3c'):\n"
        "    assert main(['tags', 'list', '--format', fmt, *args]) == 0\n"
        "assert 'reader_app.core.annotations.jsonfile.store' in sys.modules\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()


def test_list_filters_by_tag_document_and_words(
        document: Path, annotations: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    first = add(document, annotations)  # tags "verify", "wire copy"; note "check the date"
    other = tmp_path / "other.txt"
    shutil.copyfile(SEED_FILES[1], other)
    quote = other.read_text(encoding="utf-8").split()[0]
    second = run("tags", "add", str(other), "--quote", quote, "--tag", "Contradiction",
                 "--annotations", str(annotations)).stdout.strip()

    def ids(*filters: str) -> list[str]:  # in-process: one subprocess start is enough above
        assert main(["tags", "list", "--annotations", str(annotations), "--format", "json",
                     *filters]) == 0
        return [a["id"] for a in json.loads(capsys.readouterr().out)["annotations"]]

    assert ids() == [first, second]
    assert ids("--tag", "contradiction") == [second]
    assert ids("--document", "report.txt") == [first]
    monkeypatch.chdir(tmp_path)  # a relative path, neither the name nor the path recorded
    assert ids("--document", "./nowhere/../other.txt") == [second]
    assert ids("--document", "report.txt", "--document", "other.txt") == [first, second]
    assert ids("--text", "THE DATE") == [first]
    assert ids("--tag", "verify", "--text", "nothing like this") == []


def test_an_empty_annotations_path_is_a_usage_error(document: Path, tmp_path: Path) -> None:
    # "--annotations $FILE" with FILE unset wrote the default file in the user data folder.
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    env.pop("READER_APP_ANNOTATIONS", None)
    for command in (("tags", "list"), ("tags", "add", str(document), "--quote", QUOTE,
                                       "--tag", "x")):
        result = run(*command, "--annotations", "", env=env)
        assert result.returncode == 2
        assert "argument --annotations: an empty path names no file" in result.stderr
    assert not home.exists()  # no file written anywhere


def test_a_moved_files_tag_is_anchored_in_the_document_named(
        document: Path, annotations: Path, tmp_path: Path) -> None:
    # Listed as owned by the new path, its anchor was looked for at the old one: orphaned.
    add(document, annotations)
    moved = tmp_path / "renamed.txt"
    document.rename(moved)
    result = run("tags", "list", "--annotations", str(annotations), "--document", str(moved),
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    [item] = json.loads(result.stdout)["annotations"]
    anchor = item["anchor"]
    assert anchor["status"] == "exact"
    assert moved.read_text(encoding="utf-8")[anchor["start"]:anchor["end"]] == QUOTE
