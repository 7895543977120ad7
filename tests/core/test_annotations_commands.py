"""Annotation commands: apply then revert leaves the store as it was; redo repeats apply."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_files import snapshot
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.core.annotations.anchoring import anchor
from reader_app.core.annotations.commands import (
    AddAnnotations,
    Batch,
    Command,
    DeleteAnnotations,
    EditAnnotation,
    ReattachAnnotation,
    RetagAnnotation,
    SetTagColour,
)
from reader_app.core.annotations.jsonfile.store import AnnotationStore, StoreChange
from reader_app.core.annotations.model import EXACT, ORPHANED, DocumentRef, Target, new_annotation
from reader_app.core.documents import parse_document
from reader_app.core.errors import ReaderError

TEXT = ("Kremlin says Putin still supports the truce. The envoy will travel to Moscow. "
        "Talks go on in principle, the aide said, though the front is quiet.")
DOCUMENT = parse_document(TEXT, path="/news/kremlin.txt")
OTHER = parse_document("Another report: talks go on, in principle.", path="/news/other.txt")

_span = st.integers(0, len(TEXT) - 1).flatmap(
    lambda start: st.tuples(st.just(start), st.integers(start + 1, min(len(TEXT), start + 40))))
_tags = st.lists(st.sampled_from(["verify", "wire copy", "contradiction", "follow-up", "é"]),
                 max_size=3)
_annotation = st.builds(lambda span, tags, note: new_annotation(DOCUMENT, *span, tags, note),
                        _span, _tags, st.text(max_size=10))


_colour = st.none() | st.sampled_from(["#d55e00", "#0072B2", "#123456"])


def _command(data: st.DataObject, store: AnnotationStore, depth: int = 0) -> Command:
    ids = sorted(snapshot(store))
    kinds = ["add", "colour"] + (["delete", "edit", "reattach", "retag"] if ids else [])
    kind = data.draw(st.sampled_from(kinds + (["batch"] if depth == 0 and ids else [])),
                     label="kind")
    if kind == "colour":
        return SetTagColour(data.draw(st.sampled_from(["verify", "Verify", "é"])),
                            data.draw(_colour))
    if kind == "batch":  # several steps as one, as editing several rows at once makes
        return Batch(tuple(_command(data, store, depth + 1)
                           for _ in range(data.draw(st.integers(1, 3)))))
    if kind == "add":
        return AddAnnotations(tuple(data.draw(st.lists(
            _annotation, min_size=1, max_size=2, unique_by=lambda a: a.id))))
    if kind == "delete":
        chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
        return DeleteAnnotations(tuple(chosen))
    annotation_id = data.draw(st.sampled_from(ids), label="id")
    if kind == "edit":
        return EditAnnotation(annotation_id, tags=data.draw(st.none() | _tags),
                              note=data.draw(st.none() | st.text(max_size=10)))
    if kind == "retag":
        return RetagAnnotation(annotation_id, add=tuple(data.draw(_tags)),
                               remove=tuple(data.draw(_tags)),
                               note=data.draw(st.none() | st.text(max_size=10)))
    start, end = data.draw(_span)
    return ReattachAnnotation(annotation_id, document=DocumentRef.of(DOCUMENT),
                              target=Target.in_text(TEXT, start, end))


@settings(max_examples=150)
@given(st.lists(_annotation, max_size=5, unique_by=lambda a: a.id), st.data())
def test_apply_then_revert_leaves_the_store_equal(initial: list, data: st.DataObject) -> None:
    store = AnnotationStore()
    for annotation in initial:
        store.insert(annotation)
    mirror = snapshot(store)  # kept up to date from the listener calls alone
    store.listeners.append(lambda change: _follow(mirror, store, change))
    history: list[tuple[Command, tuple]] = []
    for _ in range(data.draw(st.integers(1, 6), label="commands")):
        command, before = _command(data, store), _state(store)
        try:
            with store.batched():
                command.apply(store)
        except ReaderError:  # a batch naming an annotation an earlier step deleted
            assert _state(store) == before  # undone, as if never applied
            continue
        after = _state(store)
        command.revert(store)
        assert _state(store) == before
        command.apply(store)  # redo gives what the first apply gave
        assert _state(store) == after
        assert mirror == after[0]
        history.append((command, before))
    for command, before in reversed(history):
        command.revert(store)
        assert _state(store) == before
    assert snapshot(store) == {a.id: a for a in initial}
    assert [annotation.id for annotation in store] == [a.id for a in initial]
    assert store.tag_colours() == {}
    assert mirror == snapshot(store)


def _state(store: AnnotationStore) -> tuple[dict, dict, list[str]]:
    """The annotations, the colours and the order (an undone delete put its rows last)."""
    return snapshot(store), store.tag_colours(), [annotation.id for annotation in store]


def _follow(mirror: dict, store: AnnotationStore, change: StoreChange) -> None:
    for annotation_id in change.ids:
        annotation = store.get(annotation_id)
        if annotation is None:  # after a batch, an id told as changed may be gone already
            mirror.pop(annotation_id, None)
        else:
            mirror[annotation_id] = annotation


def test_edit_changes_tags_note_and_modified() -> None:
    store = AnnotationStore()
    annotation = new_annotation(DOCUMENT, 0, 7, ["verify"], now="2020-01-01T00:00:00Z")
    store.insert(annotation)
    command = EditAnnotation(annotation.id, tags=["verify", " follow-up "], note="ask the desk")
    command.apply(store)
    edited = store.get(annotation.id)
    assert edited is not None
    assert (edited.tags, edited.note) == (("verify", "follow-up"), "ask the desk")
    assert edited.modified > annotation.modified and edited.created == annotation.created
    command.revert(store)
    assert store.get(annotation.id) == annotation


def test_reattach_an_orphan_to_a_new_selection(tmp_path: Path) -> None:
    annotation = new_annotation(DOCUMENT, TEXT.index("the truce"),
                                TEXT.index("the truce") + 9, ["verify"])
    rewritten = parse_document(TEXT.replace("still supports the truce", "backs a pause"),
                               path=DOCUMENT.path)
    assert anchor(annotation, rewritten.text).status == ORPHANED
    store = AnnotationStore.open(tmp_path / "a.json")
    store.insert(annotation)
    start = rewritten.text.index("a pause")
    command = ReattachAnnotation(annotation.id, document=DocumentRef.of(rewritten),
                                 target=Target.in_text(rewritten.text, start, start + 7))
    command.apply(store)
    store.save()
    (saved,) = AnnotationStore.open(tmp_path / "a.json")
    assert saved.id == annotation.id and saved.tags == ("verify",)
    assert anchor(saved, rewritten.text).status == EXACT
    assert saved.document.sha256 == rewritten.sha256


def test_adding_to_another_source_in_one_command() -> None:
    store = AnnotationStore()
    here = new_annotation(DOCUMENT, 0, 7, ["wire copy"])
    there = new_annotation(OTHER, 0, 7, ["wire copy"])
    command = AddAnnotations((here, there))
    assert command.label == "Add 2 tags"
    command.apply(store)
    assert len(store) == 2
    command.revert(store)
    assert len(store) == 0


def test_commands_on_missing_annotations_fail_cleanly() -> None:
    store = AnnotationStore()
    with pytest.raises(ReaderError):
        DeleteAnnotations(("nope",)).apply(store)
    with pytest.raises(ReaderError):
        EditAnnotation("nope", tags=["x"]).apply(store)
    assert len(store) == 0
