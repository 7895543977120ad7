"""The annotation store and its file: corrupt and newer files, locking, two stores on one file."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import filelock
import pytest
from annotation_files import snapshot

from reader_app.core.annotations.commands import DeleteAnnotations, EditAnnotation
from reader_app.core.annotations.jsonfile import file as annotation_file
from reader_app.core.annotations.jsonfile.file import write_file
from reader_app.core.annotations.jsonfile.format import CorruptFileError
from reader_app.core.annotations.jsonfile.store import (
    ADDED,
    CHANGED,
    REFUSE,
    REMOVED,
    AnnotationStore,
    StoreChange,
)
from reader_app.core.annotations.model import FORMAT, Annotation, new_annotation
from reader_app.core.documents import parse_document
from reader_app.core.errors import ReaderError

DOCUMENT = parse_document("The envoy will travel to Moscow to hold talks on the truce.",
                          path="/news/a.txt")


def tagged(*tags: str, start: int = 4, end: int = 9) -> Annotation:
    return new_annotation(DOCUMENT, start, end, tags)


def ids_in(path: Path) -> set[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    return {item["id"] for item in data["annotations"]}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


def test_save_then_open(path: Path) -> None:
    store = AnnotationStore.open(path)
    assert len(store) == 0 and not path.exists() and store.messages == []
    first, second = tagged("verify"), tagged("wire copy", start=10, end=16)
    store.insert(first)
    store.insert(second)
    assert store.save() is True
    assert snapshot(AnnotationStore.open(path)) == {first.id: first, second.id: second}
    assert store.save() is False  # nothing changed: the file is not rewritten
    assert not list(path.parent.glob("*.tmp"))


def test_a_corrupt_file_is_set_aside_and_reported(path: Path) -> None:
    path.write_bytes(b'{"format": "reader-app.annotations/1", "annotations": [')
    store = AnnotationStore.open(path)
    assert len(store) == 0
    (aside,) = path.parent.glob("annotations.json.corrupt-*")
    assert aside.read_bytes() == b'{"format": "reader-app.annotations/1", "annotations": ['
    assert len(store.messages) == 1 and aside.name in store.messages[0]
    assert "not valid JSON" in store.messages[0]
    store.insert(tagged("after"))
    store.save()
    assert len(ids_in(path)) == 1
    assert aside.exists()


def test_a_corrupt_file_is_refused_and_left_alone(path: Path) -> None:
    path.write_bytes(b"not json at all")
    with pytest.raises(CorruptFileError, match=r"annotations\.json"):
        AnnotationStore.open(path, corrupt=REFUSE)
    assert path.read_bytes() == b"not json at all"
    assert not list(path.parent.glob("*.corrupt-*"))


def test_a_file_corrupted_while_open_is_never_overwritten(path: Path) -> None:
    refusing = AnnotationStore.open(path, corrupt=REFUSE)
    window = AnnotationStore.open(path)
    path.write_bytes(b"{broken")
    refusing.insert(tagged("x"))
    with pytest.raises(CorruptFileError):
        refusing.save()
    assert path.read_bytes() == b"{broken"
    window.insert(tagged("y"))
    window.save()
    (aside,) = path.parent.glob("annotations.json.corrupt-*")
    assert aside.read_bytes() == b"{broken"
    assert ids_in(path) == set(snapshot(window))


def test_a_store_keeps_its_annotations_when_the_file_goes_bad(path: Path) -> None:
    kept = [tagged("one"), tagged("two")]
    write_file(path, kept)
    store = AnnotationStore.open(path)
    told: list[str] = []
    store.message_listeners.append(told.append)
    path.write_bytes(b"\x00\x01 garbage")
    store.refresh()
    assert list(store) == kept
    assert len(told) == 1 and "annotations open here are kept" in told[0]
    store.insert(extra := tagged("three"))
    store.save()
    assert ids_in(path) == {kept[0].id, kept[1].id, extra.id}
    assert len(list(path.parent.glob("annotations.json.corrupt-*"))) == 1


def test_a_store_keeps_its_annotations_when_the_file_is_deleted(path: Path) -> None:
    kept = [tagged("one"), tagged("two")]
    write_file(path, kept)
    store = AnnotationStore.open(path)
    path.unlink()
    store.refresh()
    assert list(store) == kept
    assert store.save() is True
    assert ids_in(path) == {kept[0].id, kept[1].id}


def test_a_newer_format_opens_read_only(path: Path) -> None:
    item = json.loads(json.dumps({"id": "n1", "document": {"name": "a.txt", "path": "/a"},
                                  "target": {"exact": "q", "start": 0, "end": 1},
                                  "tags": ["kept"], "colour": "red"}))
    data = json.dumps({"format": "reader-app.annotations/2", "annotations": [item]}).encode()
    path.write_bytes(data)
    store = AnnotationStore.open(path)
    assert store.read_only and [a.tags for a in store] == [("kept",)]
    assert "newer" in store.messages[0] and "read-only" in store.messages[0]
    with pytest.raises(ReaderError, match="read-only"):
        store.insert(tagged("x"))
    with pytest.raises(ReaderError, match="read-only"):
        store.save()
    assert path.read_bytes() == data


def test_a_file_upgraded_while_open_is_not_overwritten(path: Path) -> None:
    store = AnnotationStore.open(path)
    newer = b'{"format": "reader-app.annotations/3", "annotations": []}'
    path.write_bytes(newer)
    store.insert(tagged("x"))
    with pytest.raises(ReaderError, match="newer"):
        store.save()
    assert path.read_bytes() == newer and store.read_only


def test_a_held_lock_is_an_error_and_nothing_is_written(path: Path) -> None:
    write_file(path, [tagged("before")])
    before = path.read_bytes()
    store = AnnotationStore.open(path, lock_timeout=0.1)
    store.insert(tagged("after"))
    with filelock.FileLock(str(path) + ".lock"), pytest.raises(ReaderError, match="locked"):
        store.save()
    assert path.read_bytes() == before
    store.save()  # the lock released, the save goes through
    assert len(ids_in(path)) == 2


def test_two_stores_both_adding_lose_nothing(path: Path) -> None:
    one, two = AnnotationStore.open(path), AnnotationStore.open(path)
    seen: list[StoreChange] = []
    two.listeners.append(seen.append)
    first, second = tagged("one"), tagged("two")
    one.insert(first)
    one.save()
    two.insert(second)
    two.save()
    assert ids_in(path) == {first.id, second.id}
    assert set(snapshot(two)) == {first.id, second.id}  # took in what the other saved
    assert StoreChange(ADDED, (first.id,)) in seen
    one.refresh()
    assert set(snapshot(one)) == {first.id, second.id}


def test_a_deletion_is_not_resurrected_by_a_stale_store(path: Path) -> None:
    doomed, kept = tagged("doomed"), tagged("kept")
    write_file(path, [doomed, kept])
    one, two = AnnotationStore.open(path), AnnotationStore.open(path)
    DeleteAnnotations((doomed.id,)).apply(one)
    one.save()
    extra = tagged("extra")
    two.insert(extra)
    two.save()  # two still holds `doomed`, unchanged: the deletion stands
    assert ids_in(path) == {kept.id, extra.id}
    assert doomed.id not in two


def test_my_deletion_wins_over_a_stale_copy_in_the_file(path: Path) -> None:
    doomed = tagged("doomed")
    write_file(path, [doomed])
    one, two = AnnotationStore.open(path), AnnotationStore.open(path)
    two.insert(tagged("other"))
    two.save()  # rewrites the file, `doomed` unchanged in it
    DeleteAnnotations((doomed.id,)).apply(one)
    one.save()
    assert doomed.id not in ids_in(path)


def test_edits_on_both_sides_keep_the_later(path: Path) -> None:
    shared = tagged("shared")
    write_file(path, [shared])
    one, two = AnnotationStore.open(path), AnnotationStore.open(path)
    one.replace(dataclasses.replace(shared, tags=("early",), modified="2030-01-01T00:00:00Z"))
    two.replace(dataclasses.replace(shared, note="late", modified="2030-01-01T00:00:05Z"))
    two.save()
    one.save()
    (saved,) = AnnotationStore.open(path)
    assert saved.note == "late" and saved.tags == ("shared",)


def test_an_edit_here_survives_a_deletion_there(path: Path) -> None:
    shared = tagged("shared")
    write_file(path, [shared])
    one, two = AnnotationStore.open(path), AnnotationStore.open(path)
    DeleteAnnotations((shared.id,)).apply(one)
    one.save()
    EditAnnotation(shared.id, tags=["still wanted"]).apply(two)
    two.save()
    assert [a.tags for a in AnnotationStore.open(path)] == [("still wanted",)]


def test_refresh_keeps_unsaved_changes(path: Path) -> None:
    one, two = AnnotationStore.open(path), AnnotationStore.open(path)
    mine, theirs = tagged("mine"), tagged("theirs")
    one.insert(mine)
    two.insert(theirs)
    two.save()
    one.refresh()
    assert set(snapshot(one)) == {mine.id, theirs.id}
    one.save()
    assert ids_in(path) == {mine.id, theirs.id}


def test_listeners_hear_every_change() -> None:
    store = AnnotationStore()
    heard: list[StoreChange] = []
    store.listeners.append(heard.append)
    annotation = tagged("x")
    store.insert(annotation)
    store.replace(dataclasses.replace(annotation, note="n"))
    store.delete(annotation.id)
    assert heard == [StoreChange(ADDED, (annotation.id,)), StoreChange(CHANGED, (annotation.id,)),
                     StoreChange(REMOVED, (annotation.id,))]


def test_filter_by_tag_text_and_document() -> None:
    store = AnnotationStore()
    verify = tagged("Verify", start=4, end=9)
    moscow = tagged("wire copy", start=25, end=31)
    store.insert(verify)
    store.insert(moscow)
    assert store.filter(tag="verify") == [verify]
    assert store.filter(text="MOSCOW") == [moscow]
    assert store.filter(text="wire") == [moscow]
    assert store.filter(document="a.txt") == [verify, moscow]
    assert store.filter(document="/elsewhere/a.txt") == []
    assert store.tags() == ["Verify", "wire copy"]


def test_save_as_moves_to_a_new_file_and_keeps_what_it_holds(tmp_path: Path) -> None:
    store = AnnotationStore.open(tmp_path / "a.json")
    store.insert(tagged("x"))
    store.save()
    write_file(tmp_path / "b.json", [existing := tagged("already there")])
    store.save_as(tmp_path / "b.json")
    assert ids_in(tmp_path / "b.json") == set(snapshot(store)) | {existing.id}
    assert len(ids_in(tmp_path / "a.json")) == 1


def test_misuse_is_reported() -> None:
    store = AnnotationStore()
    annotation = tagged("x")
    store.insert(annotation)
    with pytest.raises(ReaderError):
        store.insert(annotation)
    with pytest.raises(ReaderError):
        store.delete("no-such-id")
    with pytest.raises(ReaderError):
        store.replace(tagged("unknown"))


def test_a_refresh_read_ahead_elsewhere_is_taken_in(path: Path) -> None:
    store, other = AnnotationStore.open(path), AnnotationStore.open(path)
    assert store.read_ahead()() is None  # nothing new
    theirs = tagged("verify")
    other.insert(theirs)
    other.save()
    reading = store.read_ahead()()  # what a worker thread runs
    assert reading is not None and store.get(theirs.id) is None  # nothing taken in yet
    assert store.take_reading(reading)
    assert store.get(theirs.id) == theirs
    assert store.read_ahead()() is None


def test_a_stale_reading_is_dropped_and_nothing_is_lost(path: Path) -> None:
    store, other = AnnotationStore.open(path), AnnotationStore.open(path)
    theirs, mine = tagged("theirs"), tagged("mine", start=10, end=14)
    other.insert(theirs)
    other.save()
    reading = store.read_ahead()()
    store.insert(mine)
    store.save()  # merges the file under its lock: theirs is in already
    assert reading is not None and not store.take_reading(reading)
    assert set(snapshot(store)) == {theirs.id, mine.id} == ids_in(path)


def test_a_corrupt_file_read_ahead_is_left_to_refresh(path: Path) -> None:
    store = AnnotationStore.open(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CorruptFileError):
        store.read_ahead()()
    assert path.exists()  # a worker never sets a file aside; refresh() does, and says so


def test_a_file_too_large_is_refused_and_never_overwritten(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = AnnotationStore.open(path)
    store.insert(tagged("verify"))
    store.save()
    before = path.read_bytes()
    monkeypatch.setattr(annotation_file, "MAX_FILE_BYTES", len(before) - 1)
    with pytest.raises(ReaderError, match="too large"):
        AnnotationStore.open(path)
    stranger = AnnotationStore(path)  # the window's store when the file could not be read
    stranger.insert(tagged("more", start=10, end=14))
    with pytest.raises(ReaderError, match="too large"):
        stranger.save()  # it re-reads the file to merge, and so never overwrites it
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.corrupt-*"))
