"""Benchmark the annotation store at scale: 10,000 annotations load, filter and save.

Generates (seeded) documents in a temporary folder and N annotations spread over them, then
times, best of R with ``time.perf_counter``:

* writing a new file, and opening it (read + parse) with ``AnnotationStore.open``;
* filtering by tag, by text (quote, note, tags, name; any case), and listing the tags in use;
* saving after one edit (lock, merge, atomic write), and after another store saved meanwhile
  (the file is then re-read and merged too);
* re-anchoring every annotation against its document: unchanged (exact), after a paragraph
  was inserted at the top of every document (every passage moved), and a sample of passages
  with a word reworded (the fuzzy search);
* ``reader-app tags list --format json`` end to end in a subprocess.

    python benchmarks/bench_annotations.py [--count 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import print_table

from reader_app.core.annotations.anchoring import anchor
from reader_app.core.annotations.commands import EditAnnotation
from reader_app.core.annotations.jsonfile.file import write_file
from reader_app.core.annotations.jsonfile.store import AnnotationStore
from reader_app.core.annotations.listing import anchor_all
from reader_app.core.annotations.model import Annotation, new_annotation
from reader_app.core.documents import Document, load_document

WORDS = ("peace talks Kremlin envoy said truce Moscow Kyiv report week deal army front aide "
         "minister ceasefire principle problem discuss president official statement border "
         "the a of and to in on for with that").split()
TAGS = ("verify", "contradiction", "wire copy", "follow-up", "quote", "number", "source",
        "timeline", "claim", "context")
DOCUMENTS = 50
INSERTED = "An editor's note added on top.\n\n"


def best(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def make_documents(folder: Path, rng: random.Random) -> list[Document]:
    documents = []
    for number in range(DOCUMENTS):
        paragraphs = [" ".join(rng.choices(WORDS, k=rng.randint(40, 90))).capitalize() + "."
                      for _ in range(40)]
        path = folder / f"{number:03d}_report.txt"
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
        documents.append(load_document(path))
    return documents


def make_annotations(documents: list[Document], count: int,
                     rng: random.Random) -> list[Annotation]:
    annotations = []
    for number in range(count):
        document = documents[number % len(documents)]
        start = rng.randrange(0, len(document.text) - 120)
        end = start + rng.randint(8, 100)
        tags = rng.sample(TAGS, rng.randint(1, 3))
        note = f"checked {number}" if number % 4 == 0 else ""
        annotations.append(new_annotation(document, start, end, tags, note))
    return annotations


def run(count: int, repeat: int) -> list[tuple[str, str]]:
    rng = random.Random(0)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        documents = make_documents(folder, rng)
        annotations = make_annotations(documents, count, rng)
        path = folder / "annotations.json"
        rows.append(("write a new file", _ms(best(repeat, lambda: write_file(path, annotations)))))
        rows.append(("file size", f"{path.stat().st_size / 2**20:.1f} MiB"))
        rows.append(("open (read + parse)",
                     _ms(best(repeat, lambda: AnnotationStore.open(path)))))
        store = AnnotationStore.open(path)
        rows += _filters(store, repeat)
        rows += _saves(store, path, rng, repeat)
        rows += _anchoring(store, documents, folder, rng, repeat)
        rows.append(("`reader-app tags list --format json` (end to end)",
                     _ms(best(repeat, lambda: _cli_list(path)))))
    return rows


def _filters(store: AnnotationStore, repeat: int) -> list[tuple[str, str]]:
    return [
        ("filter by tag", _ms(best(repeat, lambda: store.filter(tag="wire copy")))),
        ("filter by text", _ms(best(repeat, lambda: store.filter(text="Ceasefire")))),
        ("filter by tag and text",
         _ms(best(repeat, lambda: store.filter(tag="verify", text="checked 1")))),
        ("tags in use (completion list)", _ms(best(repeat, store.tags))),
    ]


def _saves(store: AnnotationStore, path: Path, rng: random.Random,
           repeat: int) -> list[tuple[str, str]]:
    ids = [annotation.id for annotation in store]

    def edit_and_save() -> None:
        EditAnnotation(rng.choice(ids), note=f"edited {rng.random()}").apply(store)
        store.save()

    other = AnnotationStore.open(path)

    def save_after_another_store() -> None:
        EditAnnotation(rng.choice(ids), tags=["from another window"]).apply(other)
        other.save()
        edit_and_save()

    return [("save after one edit (lock, merge, atomic write)",
             _ms(best(repeat, edit_and_save))),
            ("save after another store saved (re-read, merge, write)",
             _ms(best(repeat, save_after_another_store)))]


def _anchoring(store: AnnotationStore, documents: list[Document], folder: Path,
               rng: random.Random, repeat: int) -> list[tuple[str, str]]:
    annotations = list(store)
    rows = [(f"re-anchor all {len(annotations)}, documents unchanged (exact)",
             _ms(best(repeat, lambda: anchor_all(annotations))))]
    for document in documents:  # every passage moves
        Path(document.path).write_text(INSERTED + document.text, encoding="utf-8")
    elapsed = best(repeat, lambda: anchor_all(annotations))
    found = sum(item.anchor.found for item in anchor_all(annotations))
    rows.append((f"re-anchor all {len(annotations)} after an insertion at the top (moved)",
                 f"{_ms(elapsed)} ({found} found)"))
    sample = rng.sample(annotations, min(500, len(annotations)))
    texts = {d.path: Path(d.path).read_text(encoding="utf-8") for d in documents}
    reworded = [(a, _reword(texts[a.document.path], a)) for a in sample]
    elapsed = best(repeat, lambda: [anchor(a, text) for a, text in reworded])
    found = sum(anchor(a, text).found for a, text in reworded)
    rows.append((f"re-anchor {len(sample)} with a word reworded (fuzzy), per annotation",
                 f"{elapsed / len(sample) * 1000:.2f} ms ({found} of {len(sample)} found)"))
    return rows


def _reword(text: str, annotation: Annotation) -> str:
    target = annotation.target
    middle = len(INSERTED) + (target.start + target.end) // 2
    return text[:middle] + "XQZ" + text[middle + 2 :]


def _cli_list(path: Path) -> None:
    subprocess.run([sys.executable, "-m", "reader_app", "tags", "list", "--annotations",
                    str(path), "--format", "json"], check=True, stdout=subprocess.DEVNULL)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = run(args.count, args.repeat)
    print_table(f"{args.count:,} annotations, {DOCUMENTS} documents",
                f"best of {args.repeat}", rows)


if __name__ == "__main__":
    main()
