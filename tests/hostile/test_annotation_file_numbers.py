"""Numbers an annotation file could not hold once written back: ``1e999999`` (read as an
infinite float) and the literals ``NaN`` / ``Infinity`` (which Python reads, though they are
not JSON). Before, such an extra key was kept and written back as ``Infinity``: the number
lost and the file no longer JSON. Now the file reads as corrupt, with the usual care: the
command line refuses it and leaves it as it is; the window sets it aside and says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader_app.core.annotations.jsonfile.format import CorruptFileError
from reader_app.core.annotations.jsonfile.store import REFUSE, AnnotationStore
from reader_app.core.annotations.model import new_annotation
from reader_app.core.documents import parse_document

HEAD = '{"format": "reader-app.annotations/1", "annotations": [], "extra": '


@pytest.mark.parametrize("number", ["1e999999", "-1E+400", "NaN", "Infinity", "-Infinity"])
def test_a_number_no_float_holds_makes_the_file_corrupt(tmp_path: Path, number: str) -> None:
    path = tmp_path / "annotations.json"
    path.write_text(HEAD + number + "}\n", encoding="utf-8")
    with pytest.raises(CorruptFileError, match="not valid JSON"):
        AnnotationStore.open(path, corrupt=REFUSE)
    assert path.read_text(encoding="utf-8") == HEAD + number + "}\n"


def test_the_window_sets_it_aside_and_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_text(HEAD + "1e999999}\n", encoding="utf-8")
    store = AnnotationStore.open(path)
    (aside,) = tmp_path.glob("annotations.json.corrupt-*")
    assert aside.read_text(encoding="utf-8") == HEAD + "1e999999}\n"
    assert len(store.messages) == 1 and "out of range" in store.messages[0]


def test_large_finite_numbers_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_text(HEAD + "1e308}\n", encoding="utf-8")
    store = AnnotationStore.open(path, corrupt=REFUSE)
    assert store.messages == []
    store.insert(new_annotation(parse_document("The envoy will travel.", "/a.txt"), 4, 9,
                                ("verify",)))
    assert store.save()
    assert json.loads(path.read_text(encoding="utf-8"))["extra"] == 1e308
