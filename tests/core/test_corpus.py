"""Many documents: the similarity matrix, and loading a library of files and folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from comparison_checks import doc
from conftest import SEED_FILES, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader_app.core.compare import DiffOptions, compare
from reader_app.core.corpus.matrix import pairs_worth_comparing, similarity_matrix
from reader_app.core.documents import Document, load_document
from reader_app.core.errors import ReaderError
from reader_app.core.library import bundled_seeds, document_paths, load_library


@pytest.fixture(scope="module")
def seeds() -> list[Document]:
    return [load_document(path) for path in SEED_FILES]


@pytest.fixture(scope="module")
def seed_matrix(seeds: list[Document]) -> list[list[float]]:
    return similarity_matrix(seeds)


def test_there_are_five_seeds() -> None:
    assert len(SEED_FILES) == 5


def test_matrix_is_square_symmetric_with_unit_diagonal(
    seeds: list[Document], seed_matrix: list[list[float]]
) -> None:
    n = len(seeds)
    assert len(seed_matrix) == n
    assert all(len(row) == n for row in seed_matrix)
    for i in range(n):
        assert seed_matrix[i][i] == 1.0
        for j in range(n):
            assert seed_matrix[i][j] == seed_matrix[j][i]
            assert 0.0 <= seed_matrix[i][j] <= 1.0


def test_matrix_equals_compare_for_every_pair(
    seeds: list[Document], seed_matrix: list[list[float]]
) -> None:
    for i, left in enumerate(seeds):
        for j, right in enumerate(seeds):
            if i != j:
                assert seed_matrix[i][j] == compare(left, right).stats.similarity, (i, j)


def test_related_seeds_are_more_alike_than_zero(seed_matrix: list[list[float]]) -> None:
    assert seed_matrix[0][1] > 0.2
    assert seed_matrix[2][3] > 0.0


def test_unrelated_documents_score_zero_without_being_compared() -> None:
    documents = [
        doc("The central bank raised interest rates by half a point on Tuesday.", "a.txt"),
        doc("A storm closed every road into the mountain village overnight.", "b.txt"),
        doc("The central bank raised interest rates by half a point on Tuesday!", "c.txt"),
    ]
    assert pairs_worth_comparing(documents) == {(0, 2)}
    matrix = similarity_matrix(documents)
    assert matrix[0][1] == matrix[1][2] == 0.0
    assert matrix[0][2] == compare(documents[0], documents[2]).stats.similarity > 0.9


def test_matrix_reports_progress_to_the_end(seeds: list[Document]) -> None:
    seen: list[float] = []
    similarity_matrix(seeds[:3], progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


@pytest.mark.parametrize("count", [0, 1])
def test_matrix_of_few_documents(seeds: list[Document], count: int) -> None:
    assert similarity_matrix(seeds[:count]) == [[1.0] * count for _ in range(count)]


# --- exactness of the pair filter ------------------------------------------------------

# Few words, so random paragraphs share trigrams and runs; case and punctuation variants, so
# the options matter; "Advertisement" is boilerplate, which takes no part in the alignment.
VOCABULARY = ["said", "Said", "the", "talks", "Kremlin", "on", "Monday", "army", "envoy",
              "truce", ",", ".", "“"]
PARAGRAPH = st.one_of(
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=14).map(" ".join),
    st.sampled_from(["Advertisement", "said said said said said", "Talks."]),
)
OPTIONS = st.builds(DiffOptions, st.booleans(), st.booleans())


@st.composite
def corpora(draw: st.DrawFn) -> list[Document]:
    """2-5 documents built from a few shared paragraphs (verbatim or extended), paragraphs
    of their own, and now and then a copy of an earlier document."""
    pool = draw(st.lists(PARAGRAPH, min_size=1, max_size=5))
    texts: list[str] = []
    for _ in range(draw(st.integers(2, 5))):
        if texts and draw(st.integers(0, 5)) == 0:
            texts.append(draw(st.sampled_from(texts)))
            continue
        shared = draw(st.lists(st.sampled_from(pool), max_size=3))
        shared = [f"{p} {draw(PARAGRAPH)}" if draw(st.booleans()) else p for p in shared]
        own = draw(st.lists(PARAGRAPH, max_size=3))
        texts.append("\n\n".join(draw(st.permutations(shared + own))))
    return [doc(text, f"{number}.txt") for number, text in enumerate(texts)]


def brute_force(documents: list[Document], options: DiffOptions) -> list[list[float]]:
    return [[1.0 if i == j else compare(a, b, options).stats.similarity
             for j, b in enumerate(documents)] for i, a in enumerate(documents)]


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), OPTIONS)
def test_filter_and_matrix_agree_with_comparing_every_pair(
    documents: list[Document], options: DiffOptions
) -> None:
    expected = brute_force(documents, options)
    pairs = pairs_worth_comparing(documents)
    n = len(documents)
    assert {(i, j) for i in range(n) for j in range(i + 1, n) if expected[i][j] > 0} <= pairs
    assert similarity_matrix(documents, options) == expected


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Advertisement", "Advertisement"),  # the same text, all boilerplate: 1.0
        ("Talks resumed.", "Talks resumed."),  # the same text, one trigram
        # an identical paragraph of five words but one distinct trigram links as a twin
        ("No, no, no, no, no.\n\nThe envoy left.", "No, no, no, no, no.\n\nRain fell."),
    ],
)
def test_pairs_sharing_fewer_than_two_trigrams_can_still_be_alike(left: str, right: str) -> None:
    documents = [doc(left, "a.txt"), doc(right, "b.txt")]
    assert pairs_worth_comparing(documents) == {(0, 1)}
    assert similarity_matrix(documents)[0][1] == compare(*documents).stats.similarity > 0


def test_set_phrases_in_different_paragraphs_do_not_make_a_pair_worth_comparing() -> None:
    # Every document says "the United States" and "President Vladimir Putin", never in one
    # paragraph, so no paragraph pair shares two trigrams and no link is possible.
    texts = [
        "Floods hit the United States coast.\n\nPresident Vladimir Putin met farmers.",
        "President Vladimir Putin opened a bridge.\n\nBanks in the United States rallied.",
        "Wildfires spread across the United States.\n\nA letter to President Vladimir Putin.",
    ]
    documents = [doc(text, f"{n}.txt") for n, text in enumerate(texts)]
    assert pairs_worth_comparing(documents) == set()
    assert similarity_matrix(documents) == brute_force(documents, DiffOptions())


def test_matrix_judges_a_pair_in_the_order_compare_does() -> None:
    # compare() links these two only when "d d c d c a" is the left side, which it is
    # whichever way round the pair is asked (see compare's canonical order).
    first, second = doc("d d c d c a", "x.txt"), doc("d d c c e c d c e", "y.txt")
    expected = compare(first, second).stats.similarity
    assert expected > 0
    assert similarity_matrix([second, first])[0][1] == expected
    assert similarity_matrix([first, second])[0][1] == expected


# --- loading a library -------------------------------------------------------------------


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a.txt").write_text("Alpha document with some words in it.", encoding="utf-8")
    (folder / "b.md").write_text("Beta document in markdown.", encoding="utf-8")
    (folder / "cp.txt").write_bytes(b"caf\xe9 \x93quoted\x94 text")
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    (folder / "sub").mkdir()
    return folder


def test_folder_skips_unreadable_files_with_a_message(library: Path) -> None:
    documents, problems = load_library([library])
    assert [d.name for d in documents] == ["a.txt", "b.md", "cp.txt"]
    skipped = [p for p in problems if "broken.txt" in p]
    assert len(skipped) == 1
    assert skipped[0].startswith("skipped")
    assert any("cp.txt" in p and "Windows-1252" in p for p in problems)
    assert not any("hidden" in p or "image.png" in p for p in problems)


def test_unreadable_file_named_directly_raises(library: Path) -> None:
    with pytest.raises(ReaderError, match=r"broken\.txt"):
        load_library([library / "a.txt", library / "broken.txt"])


def test_unreadable_file_named_directly_raises_even_beside_its_folder(library: Path) -> None:
    with pytest.raises(ReaderError, match=r"broken\.txt"):
        load_library([library, library / "broken.txt"])


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match=r"nowhere"):
        load_library([tmp_path / "nowhere"])


def test_files_and_folders_mix(library: Path) -> None:
    documents, _ = load_library([SEED_FILES[0], library / "b.md"])
    assert [d.name for d in documents] == [SEED_FILES[0].name, "b.md"]


def test_a_file_named_twice_or_beside_its_folder_is_read_once(library: Path) -> None:
    documents, problems = load_library([library / "a.txt", library, library / "a.txt"])
    assert [d.name for d in documents] == ["a.txt", "b.md", "cp.txt"]
    assert f"{library}: 1 file named before, read once" in problems
    assert f"{library / 'a.txt'}: named before, read once" in problems
    _, twice = load_library([library, library])
    assert f"{library}: 4 files named before, read once" in twice


def test_document_paths_of_a_folder_are_sorted_documents(library: Path) -> None:
    names = [p.name for p in document_paths([library])]
    assert names == ["a.txt", "b.md", "broken.txt", "cp.txt"]


def test_bundled_seeds_are_the_seed_documents() -> None:
    # Installed, they live inside the package; in a checkout, beside it: same bytes either way.
    bundled = {p.name: p.read_bytes() for p in bundled_seeds().glob("*.txt")}
    assert bundled == {p.name: p.read_bytes() for p in SEEDS.glob("*.txt")}
    documents, problems = load_library([bundled_seeds()])
    assert len(documents) == 5
    assert problems == []
