"""The annotation model and file: JSON round trip, the contract's shape, parse errors."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from annotation_files import serialise
from hypothesis import given
from hypothesis import strategies as st

from reader_app.core.annotations.jsonfile.file import read_file, write_file
from reader_app.core.annotations.jsonfile.format import CorruptFileError, parse
from reader_app.core.annotations.jsonfile.location import resolve_path
from reader_app.core.annotations.model import (
    FORMAT,
    Annotation,
    DocumentRef,
    Target,
    new_annotation,
    normalise_tags,
)
from reader_app.core.documents import parse_document
from reader_app.core.errors import ReaderError

TEXT = "Kremlin says Putin still supports a truce.\nThe talks — “in principle” — go on. 😀 end"


def make(start: int = 0, end: int = 7, tags: tuple[str, ...] = ("verify",),
         note: str = "") -> Annotation:
    document = parse_document(TEXT, path="/docs/001_kremlin.txt")
    return new_annotation(document, start, end, tags, note, now="2026-11-22T10:00:00Z")


def test_new_annotation_has_the_contract_target() -> None:
    long_text = "x" * 50 + "QUOTE" + "y" * 50
    annotation = new_annotation(parse_document(long_text, path="/d.txt"), 50, 55, ["a"])
    assert annotation.target == Target("QUOTE", "x" * 32, "y" * 32, 50, 55)
    assert annotation.document.sha256 == parse_document(long_text).sha256
    assert annotation.document.name == "d.txt"
    assert annotation.created == annotation.modified
    assert annotation.created.endswith("Z") and "T" in annotation.created


def test_target_context_is_shorter_at_the_edges() -> None:
    target = Target.in_text("abcdef", 1, 3)
    assert (target.prefix, target.exact, target.suffix) == ("a", "bc", "def")


@pytest.mark.parametrize("span", [(3, 3), (-1, 2), (0, 999), (5, 2)])
def test_target_outside_the_text_is_an_error(span: tuple[int, int]) -> None:
    with pytest.raises(ReaderError):
        Target.in_text("abcdef", *span)


@pytest.mark.parametrize(("tags", "expected"), [
    (["a", "b"], ("a", "b")),
    ([" follow-up ", "follow-up", ""], ("follow-up",)),
    (["wire  copy", "\twire copy"], ("wire copy",)),
    ([], ()),
])
def test_tags_are_normalised(tags: list[str], expected: tuple[str, ...]) -> None:
    assert normalise_tags(tags) == expected


def test_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    annotations = [make(), make(8, 12, ("a", "b"), "note\nwith “quotes”"), make(80, 81, ())]
    write_file(path, annotations)
    contents, _ = read_file(path)
    assert contents is not None
    assert list(contents.annotations) == annotations
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    assert set(data) == {"format", "annotations"}
    assert set(data["annotations"][0]) == {"id", "document", "target", "tags", "note",
                                           "created", "modified"}
    assert set(data["annotations"][0]["document"]) == {"name", "path", "sha256"}
    assert set(data["annotations"][0]["target"]) == {"exact", "prefix", "suffix", "start", "end"}


def test_unknown_fields_survive_a_round_trip() -> None:
    data = {"format": FORMAT, "owner": "desk", "annotations": [
        {"id": "x1", "document": {"name": "a.txt", "path": "/a.txt", "sha256": "00"},
         "target": {"exact": "q", "prefix": "", "suffix": "", "start": 0, "end": 1},
         "tags": ["t"], "note": "", "created": "", "modified": "", "colour": "#ff0000"}]}
    contents = parse(json.dumps(data).encode(), "f")
    again = json.loads(serialise(contents.annotations, contents.extra))
    assert again == data


def test_unknown_fields_of_document_and_target_survive_a_round_trip() -> None:
    # A later /1 program's keys inside "document" and "target" were dropped at the next save.
    data = {"format": FORMAT, "annotations": [
        {"id": "x1", "document": {"name": "a.txt", "path": "/a.txt", "sha256": "00",
                                  "url": "https://example.org/a"},
         "target": {"exact": "q", "prefix": "", "suffix": "", "start": 0, "end": 1,
                    "selector": {"type": "XPathSelector", "value": "/p[1]"}},
         "tags": ["t"], "note": "", "created": "", "modified": ""}]}
    contents = parse(json.dumps(data).encode(), "f")
    again = json.loads(serialise(contents.annotations, contents.extra))
    assert again == data


def test_a_re_attached_target_keeps_none_of_the_old_target_s_keys() -> None:
    data = {"format": FORMAT, "annotations": [
        {"id": "x1", "document": {"name": "a.txt", "path": "/a.txt", "old": 1},
         "target": {"exact": "q", "start": 0, "end": 1, "selector": "old place"}}]}
    (annotation,) = parse(json.dumps(data).encode(), "f").annotations
    moved = dataclasses.replace(annotation, document=DocumentRef("b.txt", "/b.txt"),
                                target=Target("q", "", "", 5, 6))
    (written,) = json.loads(serialise([moved], {}))["annotations"]
    assert set(written["document"]) == {"name", "path", "sha256"}
    assert set(written["target"]) == {"exact", "prefix", "suffix", "start", "end"}


def test_missing_optional_fields_take_defaults() -> None:
    data = {"format": FORMAT, "annotations": [
        {"id": "x1", "document": {"path": "/a.txt"}, "target": {"exact": "q", "start": 0,
                                                                "end": 1}}]}
    (annotation,) = parse(json.dumps(data).encode(), "f").annotations
    assert annotation == Annotation("x1", DocumentRef("", "/a.txt"), Target("q", "", "", 0, 1))


@pytest.mark.parametrize(("data", "message"), [
    (b"", "not valid JSON"),
    (b"{\"format\": \"reader-app.annotations/1\", \"annotations\": [", "not valid JSON"),
    (b"\xff\xfe garbage", "not valid JSON"),
    (b"[]", "not a JSON object"),
    (b'{"format": "something-else/1", "annotations": []}', "format"),
    (b'{"annotations": []}', "format"),
    (b'{"format": "reader-app.annotations/0", "annotations": []}', "format"),
    (b'{"format": "reader-app.annotations/1", "annotations": {}}', "must be a list"),
    (b'{"format": "reader-app.annotations/1", "annotations": [{"id": "a"}]}', "annotation 1"),
    (b'{"format": "reader-app.annotations/1", "annotations": [{"id": "a", "document": '
     b'{"path": "/p"}, "target": {"exact": "q", "start": true, "end": 1}}]}', "'start'"),
    (b'{"format": "reader-app.annotations/1", "annotations": [{"id": "a", "document": '
     b'{"path": "/p"}, "target": {"exact": "q", "start": 5, "end": 1}}]}', "offsets"),
])
def test_unparsable_files_are_corrupt(data: bytes, message: str) -> None:
    with pytest.raises(CorruptFileError, match=message):
        parse(data, "annotations.json")


def test_duplicate_ids_are_corrupt() -> None:
    item = json.loads(serialise([make()], {}))["annotations"][0]
    data = json.dumps({"format": FORMAT, "annotations": [item, item]}).encode()
    with pytest.raises(CorruptFileError, match="used twice"):
        parse(data, "annotations.json")


def test_a_newer_format_is_read_leniently() -> None:
    good = json.loads(serialise([make()], {}))["annotations"][0]
    data = {"format": "reader-app.annotations/2", "annotations": [good, {"id": 7}]}
    contents = parse(json.dumps(data).encode(), "f")
    assert contents.newer and contents.version == 2
    assert [a.id for a in contents.annotations] == [good["id"]] and contents.skipped == 1


def test_a_bom_is_accepted() -> None:
    data = b"\xef\xbb\xbf" + serialise([make()], {})
    assert len(parse(data, "f").annotations) == 1


def test_a_lone_surrogate_is_written_as_an_escape(tmp_path: Path) -> None:
    annotation = make(note="broken \udc80 note")
    write_file(tmp_path / "a.json", [annotation])
    contents, _ = read_file(tmp_path / "a.json")
    assert contents is not None and contents.annotations == (annotation,)


def test_the_file_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("READER_APP_ANNOTATIONS", raising=False)
    default = resolve_path(None)
    assert default.name == "annotations.json" and "reader-app" in str(default)
    monkeypatch.setenv("READER_APP_ANNOTATIONS", str(tmp_path / "env.json"))
    assert resolve_path(None) == tmp_path / "env.json"
    assert resolve_path(str(tmp_path / "option.json")) == tmp_path / "option.json"
    monkeypatch.setenv("READER_APP_ANNOTATIONS", "")
    assert resolve_path(None) == default


_texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
_annotations = st.builds(
    Annotation,
    id=st.uuids().map(str),
    document=st.builds(DocumentRef, _texts, _texts, st.text("0123456789abcdef", max_size=64)),
    target=st.builds(Target, _texts, _texts, _texts, st.integers(0, 10**6),
                     st.integers(0, 10**6)).filter(lambda t: t.start <= t.end),
    tags=st.lists(_texts.filter(str.strip), max_size=4).map(tuple),
    note=_texts,
    created=st.just("2026-11-22T10:00:00Z"),
    modified=st.just("2026-11-22T10:00:01Z"),
)


@given(st.lists(_annotations, max_size=8, unique_by=lambda a: a.id))
def test_any_annotations_round_trip(annotations: list[Annotation]) -> None:
    data = serialise(annotations, {"owner": "desk"})
    contents = parse(data, "f")
    assert list(contents.annotations) == annotations and contents.extra == {"owner": "desk"}
    # read line by line (as a re-read is), and laid out by another program: the same
    by_line = parse(data, "f", known={"not a line of this file": make()})
    assert dataclasses.replace(by_line, encoded={}) == contents
    lines = [line.removesuffix(",") for line in data.decode().split("\n")[1:-2]]
    assert [line for _, line in by_line.encoded.values()] == lines
    pretty = json.dumps(json.loads(data), indent=2).encode()
    assert parse(pretty, "f", known={"x": make()}) == contents


def test_a_re_read_reuses_the_annotations_whose_line_is_unchanged() -> None:
    first, second = make(), make(8, 12, ("b",))
    contents = parse(serialise([first, second], {}), "f", known={"x": make()})
    known = {line: annotation for annotation, line in contents.encoded.values()}
    edited = dataclasses.replace(second, note="edited elsewhere")
    again = parse(serialise([first, edited, third := make(20, 25)], {}), "f", known)
    assert again.annotations == (first, edited, third)
    assert again.annotations[0] is contents.annotations[0]
    assert again.annotations[1] is not contents.annotations[1]


@pytest.mark.parametrize("layout", [
    b'{"format": "reader-app.annotations/1", "annotations": [\n{"id": "a", "document": {"path":'
    b' "/p"}, "target": {"exact": "q", "start": 0, "end": 1}}, {"id": "b", "document": {"path":'
    b' "/p"}, "target": {"exact": "q", "start": 0, "end": 1}}\n]}\n',  # two on one line
    b'{"format": "reader-app.annotations/1", "annotations": [\n\n]}\n',  # a blank line
    b'{"annotations": [], "format": "reader-app.annotations/1", "annotations": [\n'
    b'{"id": "a", "document": {"path": "/p"}, "target": {"exact": "q", "start": 0, "end": 1}}'
    b'\n]}\n',  # a repeated key: JSON's last one wins
])
def test_other_layouts_parse_whole(layout: bytes) -> None:
    expected = json.loads(layout)["annotations"]
    contents = parse(layout, "f", known={"x": make()})
    assert [a.id for a in contents.annotations] == [a["id"] for a in expected]
