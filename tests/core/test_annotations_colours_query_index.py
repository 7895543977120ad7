"""Tag colours in the file, the filter's query, the index by document, batched changes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from reader_app.core.annotations.colours import TAG_COLOURS_KEY, chosen_colours, with_edits
from reader_app.core.annotations.commands import DeleteAnnotations, ReattachAnnotation
from reader_app.core.annotations.index import AnnotationIndex
from reader_app.core.annotations.jsonfile.store import (
    ADDED,
    CHANGED,
    COLOURS,
    REMOVED,
    AnnotationStore,
    StoreChange,
)
from reader_app.core.annotations.model import DocumentRef, Target, new_annotation
from reader_app.core.annotations.query import AnnotationQuery, parse_query
from reader_app.core.documents import parse_document
from reader_app.core.errors import ReaderError

A = parse_document("The envoy will travel to Moscow to hold talks on the truce.",
                   path="/news/a.txt")
B = parse_document("Moscow says the envoy is welcome; talks are planned.", path="/news/b.txt")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


# -- colours ---------------------------------------------------------------------------------

def test_a_chosen_colour_is_saved_and_read_back(path: Path) -> None:
    store = AnnotationStore.open(path)
    store.insert(new_annotation(A, 4, 9, ["Verify"]))
    store.set_tag_colour("Verify", "#D55E00")
    store.save()
    assert json.loads(path.read_text())[TAG_COLOURS_KEY] == {"verify": "#d55e00"}
    assert AnnotationStore.open(path).tag_colours() == {"verify": "#d55e00"}


def test_colours_chosen_in_two_stores_are_both_kept(path: Path) -> None:
    first, second = AnnotationStore.open(path), AnnotationStore.open(path)
    first.set_tag_colour("verify", "#111111")
    first.save()
    second.set_tag_colour("wire copy", "#222222")
    second.insert(new_annotation(A, 4, 9, ["wire copy"]))
    second.save()
    expected = {"verify": "#111111", "wire copy": "#222222"}
    assert second.tag_colours() == expected
    first.refresh()
    assert first.tag_colours() == expected
    assert AnnotationStore.open(path).tag_colours() == expected


def test_a_colour_taken_back_is_gone_from_the_file(path: Path) -> None:
    store = AnnotationStore.open(path)
    store.set_tag_colour("verify", "#111111")
    store.save()
    store.set_tag_colour("VERIFY", None)
    store.save()
    assert TAG_COLOURS_KEY not in json.loads(path.read_text())


def test_save_as_takes_the_colours_along(path: Path, tmp_path: Path) -> None:
    store = AnnotationStore.open(path)
    store.set_tag_colour("verify", "#111111")
    store.save()
    store.save_as(tmp_path / "copy.json")
    assert AnnotationStore.open(tmp_path / "copy.json").tag_colours() == {"verify": "#111111"}


def test_listeners_hear_colour_changes_made_elsewhere(path: Path) -> None:
    store = AnnotationStore.open(path)
    heard: list[StoreChange] = []
    store.listeners.append(heard.append)
    other = AnnotationStore.open(path)
    other.set_tag_colour("verify", "#111111")
    other.save()
    store.refresh()
    assert heard == [StoreChange(COLOURS, ())]


@pytest.mark.parametrize("colour", ["red", "#12345", "#1234567", "#gggggg", ""])
def test_a_bad_colour_is_refused(colour: str) -> None:
    with pytest.raises(ReaderError, match="not a colour"):
        AnnotationStore().set_tag_colour("verify", colour)


def test_hostile_colours_in_a_file_are_ignored() -> None:
    extra = {TAG_COLOURS_KEY: {"verify": "#111111", "Upper": "#222222", "x": "red",
                               "y": 5, "": "#333333", "z" * 500: "#444444"}}
    assert chosen_colours(extra) == {"verify": "#111111"}
    assert chosen_colours({TAG_COLOURS_KEY: ["#111111"]}) == {}
    assert with_edits(extra, {"verify": None}).get(TAG_COLOURS_KEY) is None


# -- the query ---------------------------------------------------------------------------------

def test_the_filter_box_syntax() -> None:
    assert parse_query("  tag: Verify ") == AnnotationQuery(tag="Verify")
    assert parse_query("#wire") == AnnotationQuery(tag="wire")
    assert parse_query(" putin ") == AnnotationQuery(text="putin")
    assert parse_query("").everything
    assert parse_query("tag:").everything


def test_a_query_matches_tag_words_and_documents() -> None:
    on_a = new_annotation(A, 4, 9, ["Verify"], "call the envoy")
    on_b = new_annotation(B, 0, 6, ["wire copy"])
    both = [on_a, on_b]
    assert AnnotationQuery(tag="verify").select(both) == [on_a]
    assert AnnotationQuery(text="ENVOY").select(both) == [on_a]  # the note
    assert AnnotationQuery(text="b.txt").select(both) == [on_b]  # the document's name
    assert AnnotationQuery(documents=frozenset({"/news/b.txt"})).select(both) == [on_b]
    assert AnnotationQuery(documents=frozenset()).select(both) == []
    assert AnnotationQuery(text="copy", documents=frozenset({"a.txt"})).select(both) == []


def test_words_after_a_tag_narrow_it_down_unless_they_name_a_tag() -> None:
    verify_envoy = new_annotation(A, 4, 9, ["verify"])  # "envoy"
    verify_talks = new_annotation(B, 0, 6, ["verify"])  # "Moscow"
    wire_copy = new_annotation(B, 0, 6, ["wire copy"])
    every = [verify_envoy, verify_talks, wire_copy]
    assert parse_query("tag:verify envoy").select(every) == [verify_envoy]
    assert parse_query("#verify moscow").select(every) == [verify_talks]
    assert parse_query("tag:wire copy").select(every) == [wire_copy]  # a name with a space
    assert parse_query('tag:"wire copy" moscow').select(every) == [wire_copy]
    assert parse_query('tag:"wire copy" envoy').select(every) == []


def test_each_word_is_looked_for_anywhere_a_quoted_phrase_as_it_stands() -> None:
    said = new_annotation(A, 4, 59, ["verify"])  # "envoy will travel to Moscow to hold …"
    other = new_annotation(B, 0, 6, ["verify"])  # "Moscow"
    assert AnnotationQuery(text="truce envoy").select([said, other]) == [said]  # any order
    assert AnnotationQuery(text="Moscow").select([said, other]) == [said, other]
    assert AnnotationQuery(text='"hold talks"').select([said, other]) == [said]
    assert AnnotationQuery(text='"talks hold"').select([said, other]) == []
    assert parse_query("tag:verify truce envoy").select([said, other]) == [said]


def test_words_are_looked_for_in_the_documents_titles() -> None:
    on_a, on_b = new_annotation(A, 4, 9, ["x"]), new_annotation(B, 0, 6, ["y"])
    titles = {A.path: "Envoy heads to Moscow", B.path: "Kremlin welcomes talks"}
    assert AnnotationQuery(text="kremlin").select([on_a, on_b], titles.get) == [on_b]
    assert AnnotationQuery(text="kremlin").select([on_a, on_b]) == []  # no titles known


# -- the index -------------------------------------------------------------------------------

def test_the_index_follows_adds_moves_and_deletions() -> None:
    store, index = AnnotationStore(), AnnotationIndex()
    touched: list[set[str]] = []
    store.listeners.append(lambda change: touched.append(index.update(change, store)))
    first, second = new_annotation(A, 4, 9, ["x"]), new_annotation(A, 10, 14, ["y"])
    store.insert(first)
    store.insert(second)
    assert index.on_path(A.path) == {first.id, second.id}
    assert index.with_sha256(A.sha256) == {first.id, second.id}
    ReattachAnnotation(first.id, document=DocumentRef.of(B),
                       target=Target.in_text(B.text, 0, 6)).apply(store)
    assert touched[-1] == {A.path, B.path}
    assert index.on_path(A.path) == {second.id}
    assert index.on_path(B.path) == {first.id}
    store.delete(second.id)
    assert touched[-1] == {A.path}
    assert index.paths() == {B.path}
    assert index.path_of(second.id) is None
    fresh = AnnotationIndex()
    fresh.rebuild(store)
    assert fresh.paths() == index.paths()


# -- batched changes -------------------------------------------------------------------------

def test_a_batch_tells_listeners_once_per_run_of_one_kind() -> None:
    store = AnnotationStore()
    added = [new_annotation(A, i, i + 3, ["x"]) for i in range(5)]
    heard: list[StoreChange] = []
    store.listeners.append(heard.append)
    with store.batched():
        for annotation in added:
            store.insert(annotation)
        assert heard == []  # nothing until the batch ends
        store.replace(dataclasses.replace(added[0], note="n"))
        DeleteAnnotations((added[1].id, added[2].id)).apply(store)
    assert heard == [StoreChange(ADDED, tuple(a.id for a in added)),
                     StoreChange(CHANGED, (added[0].id,)),
                     StoreChange(REMOVED, (added[1].id, added[2].id))]


def test_a_failing_batch_still_tells_what_happened() -> None:
    store = AnnotationStore()
    heard: list[StoreChange] = []
    store.listeners.append(heard.append)
    annotation = new_annotation(A, 4, 9, ["x"])
    with pytest.raises(ReaderError), store.batched():
        store.insert(annotation)
        store.delete("missing")
    assert heard == [StoreChange(ADDED, (annotation.id,))]
