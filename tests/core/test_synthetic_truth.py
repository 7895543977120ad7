"""The generated benchmark pair's true paragraph links (benchmarks/generate.py) are consistent
with the texts as ``parse_document`` splits them."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from reader_app.core.documents import parse_document

GENERATE = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


def _generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_generate", GENERATE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_truth_links_agree_with_the_parsed_paragraphs() -> None:
    generate = _generate()
    left_text, right_text, links = generate.make_pair_with_truth(500, seed=5)
    assert (left_text, right_text) == generate.make_pair(500, seed=5)
    left, right = parse_document(left_text), parse_document(right_text)
    lefts = [left.paragraph_text(i) for i in range(len(left.paragraphs))]
    rights = [right.paragraph_text(i) for i in range(len(right.paragraphs))]
    assert len(lefts) == left_text.count("\n\n") + 1
    assert len(rights) == right_text.count("\n\n") + 1
    assert links
    for a, b in links:
        assert 0 <= a < len(lefts) and 0 <= b < len(rights)
    origins: dict[int, list[int]] = {}
    for a, b in sorted(links):
        origins.setdefault(b, []).append(a)
    for b, text in enumerate(rights):
        identical = [a for a, other in enumerate(lefts) if other == text]
        for a in identical:  # kept or moved unchanged: linked to its left paragraph
            assert (a, b) in links
        sources = origins.get(b, [])
        assert len(sources) <= 2
        if len(sources) == 2:  # a merge of two neighbours
            first, second = sources
            assert second == first + 1
            assert text == lefts[first] + " " + lefts[second]
    derived: dict[int, list[int]] = {}
    for a, b in sorted(links):
        derived.setdefault(a, []).append(b)
    splits = [parts for parts in derived.values() if len(parts) == 2]
    for first, second in splits:  # a split's halves stay neighbours
        assert second == first + 1
    # seed 5 exercises a merge and a split (and a rewording) among its ~10 paragraphs
    assert splits and any(len(sources) == 2 for sources in origins.values())
    assert sum(1 for b in range(len(rights)) if b in origins) > len(rights) // 2
