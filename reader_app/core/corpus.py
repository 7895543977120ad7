"""Many documents at once: loading a library, the similarity matrix.

The matrix holds, for every pair, exactly ``compare(i, j).stats.similarity``. A pair whose
documents share fewer word trigrams than any link needs cannot have a link, so its similarity
is 0.0 without comparing; an inverted index finds the pairs worth comparing. Must not
import Qt.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reader_app.core.align import MIN_SHARED_SHINGLES, Shingle, text_shingles
from reader_app.core.compare import DEFAULT_OPTIONS, DiffOptions, compare, content_paragraphs
from reader_app.core.documents import Document, load_document
from reader_app.core.errors import ReaderError
from reader_app.core.library import document_paths


def load_library(paths: Iterable[str | Path]) -> tuple[list[Document], list[str]]:
    """Documents of the named files and folders, and a message per file that was skipped.

    A file named directly must load (else ``ReaderError``); one found in a folder that
    cannot be read is skipped with the reason, so one bad file does not hide the rest.
    """
    paths = list(paths)
    named = {Path(p).resolve() for p in paths if not Path(p).is_dir()}
    documents: list[Document] = []
    problems: list[str] = []
    for path in document_paths(paths):
        try:
            document = load_document(path)
        except ReaderError as error:
            if path.resolve() in named:
                raise
            problems.append(f"skipped {error}")
            continue
        documents.append(document)
        problems.extend(document.warnings)
    return documents, problems


def _document_shingles(document: Document) -> set[Shingle]:
    found: set[Shingle] = set()
    for text in content_paragraphs(document):
        found |= text_shingles(text)
    return found


def pairs_worth_comparing(documents: Sequence[Document]) -> set[tuple[int, int]]:
    """Pairs (i < j) that share enough trigrams for a link to be possible."""
    postings: dict[Shingle, list[int]] = defaultdict(list)
    for index, document in enumerate(documents):
        for shingle in _document_shingles(document):
            postings[shingle].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        for a, i in enumerate(holders):
            for j in holders[a + 1 :]:
                shared[(i, j)] += 1
    return {pair for pair, count in shared.items() if count >= MIN_SHARED_SHINGLES}


def similarity_matrix(
    documents: Sequence[Document],
    options: DiffOptions = DEFAULT_OPTIONS,
    progress: Callable[[float], None] = lambda fraction: None,
) -> list[list[float]]:
    """``similarity[i][j]`` = ``compare(i, j).stats.similarity``; 1.0 on the diagonal."""
    n = len(documents)
    matrix = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    pairs = sorted(pairs_worth_comparing(documents))
    for done, (i, j) in enumerate(pairs):
        value = compare(documents[i], documents[j], options).stats.similarity
        matrix[i][j] = matrix[j][i] = value
        progress((done + 1) / len(pairs))
    return matrix
