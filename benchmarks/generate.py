"""Deterministic generator of long, realistic document pairs for benchmarking the comparison.

The left document is news-like prose: paragraphs of 20-120 words separated by blank lines,
sentences with capitals, commas, numbers and quotations, drawn from a Zipf-like vocabulary of
real English function words (very frequent) and ~30,000 synthetic content words built from
syllables. The right document is the left one edited the way a second report of the same
event would be: about 10% of paragraphs reworded (20-40% of their words replaced, inserted or
deleted), 5% moved, 5% deleted, 5% new paragraphs inserted, 3% split in two and 3% merged
with the next one. Everything comes from one seeded ``random.Random``.

    python benchmarks/generate.py --words 200000 --out DIR   # writes DIR/left.txt, right.txt
"""

from __future__ import annotations

import argparse
import itertools
import random
from pathlib import Path

FUNCTION_WORDS = (
    "the of and to a in that is was he for it with as his on be at by i this had not are but "
    "from or have an they which one you were her all she there would their we him been has "
    "when who will more no if out so said what up its about into than them can only other new "
    "some could time these two may then do first any my now such like our over man me even "
    "most made after also did many before must through back years where much your way well "
    "down should because each just those people how too little state good very make world "
    "still own see men work long get here between both life being under never day same "
    "another know while last might us great old year off come since against go came right "
    "used take three"
).split()
ONSETS = ("", "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
          "br", "ch", "cl", "dr", "gr", "pl", "pr", "sh", "st", "th", "tr")
NUCLEI = ("a", "e", "i", "o", "u") * 3 + ("ai", "ea", "ee", "io", "ou", "y")
CODAS = ("",) * 6 + ("n", "r", "s", "t", "l", "m", "nd", "ng", "rt", "st", "ck")
CONTENT_WORDS = 30_000
# Zipf-Mandelbrot over one ranked list (function words first): p(rank) ~ 1 / (rank + 1).
# It gives "the" about 5% of running words and function words together about half.
ZIPF_EXPONENT = 1.0
ZIPF_OFFSET = 1.0
NAME_SHARE = 0.04  # share of the vocabulary that are names (always capitalised)
SAYING = ("said", "told reporters", "added", "wrote", "said on Monday", "told the agency")
ENDINGS = (".",) * 14 + ("?", "!")


class Vocabulary:
    """Zipf-like word sampler: function words and synthetic content words, by rank."""

    def __init__(self, rng: random.Random, size: int = CONTENT_WORDS) -> None:
        content = _content_words(rng, size)
        names = rng.sample(range(200, size), int(size * NAME_SHARE))
        for index in names:
            content[index] = content[index].capitalize()
        self.names = [content[i] for i in names]
        self.ranked = list(FUNCTION_WORDS) + content
        self._cumulative = list(itertools.accumulate(
            1.0 / (rank + ZIPF_OFFSET) ** ZIPF_EXPONENT for rank in range(1, len(self.ranked) + 1)
        ))

    def words(self, rng: random.Random, count: int) -> list[str]:
        """``count`` running words drawn by rank."""
        return rng.choices(self.ranked, cum_weights=self._cumulative, k=count)


def _content_words(rng: random.Random, size: int) -> list[str]:
    """``size`` distinct pronounceable words of 1-4 syllables, shorter ones ranked first."""
    seen: set[str] = set(FUNCTION_WORDS)
    words: list[str] = []
    while len(words) < size:
        syllables = rng.choices((1, 2, 3, 4), weights=(4, 6, 3, 1))[0]
        word = "".join(
            rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS) for _ in range(syllables)
        )
        if len(word) > 2 and word not in seen:
            seen.add(word)
            words.append(word)
    # Frequent words are short in every language; the random draw order breaks the ties.
    return sorted(words, key=lambda word: len(word) + rng.random() * 6)


def sentence(rng: random.Random, vocabulary: Vocabulary) -> str:
    """One sentence: capitalised, with commas, sometimes a number, sometimes a quotation."""
    words = vocabulary.words(rng, rng.randint(6, 28))
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), str(rng.choice((rng.randint(2, 99),
                                                                  rng.randint(1990, 2025)))))
    for position in {rng.randrange(1, len(words) - 1) for _ in range(len(words) // 9)}:
        words[position] += ","
    body = " ".join(words).rstrip(",")
    body = body[0].upper() + body[1:]
    if rng.random() < 0.15:
        return f'"{body}," {rng.choice(vocabulary.names)} {rng.choice(SAYING)}.'
    return body + rng.choice(ENDINGS)


def paragraph(rng: random.Random, vocabulary: Vocabulary) -> list[str]:
    """Sentences of one paragraph of 20-120 words."""
    target = rng.randint(20, 120)
    sentences: list[str] = []
    count = 0
    while count < target:
        text = sentence(rng, vocabulary)
        words = text.split()
        if count + len(words) > target and count >= 20:
            break
        if count + len(words) > 120:
            text = " ".join(words[: 120 - count]).strip(',.?!"') + "."
            words = text.split()
        sentences.append(text)
        count += len(words)
    return sentences


def reword(rng: random.Random, vocabulary: Vocabulary, sentences: list[str]) -> list[str]:
    """Replace, insert or delete 20-40% of the paragraph's words."""
    rate = rng.uniform(0.2, 0.4)
    edited = []
    for text in sentences:
        words = text.split()
        out: list[str] = []
        for word in words:
            if rng.random() >= rate:
                out.append(word)
                continue
            action = rng.random()
            core = word.strip(',.?!"')
            new = vocabulary.words(rng, 1)[0]
            if action < 0.5 and core:  # replace, keeping the punctuation around the word
                out.append(word.replace(core, new, 1))
            elif action < 0.75:  # insert
                out.extend((new, word))
            elif out and core == word:  # delete (only plain words, so punctuation survives)
                continue
            else:
                out.append(word)
        if out:
            edited.append(" ".join(out))
    return edited or sentences


def split_in_two(sentences: list[str]) -> list[list[str]]:
    """Split at a sentence boundary, or in the middle of a one-sentence paragraph."""
    if len(sentences) > 1:
        middle = len(sentences) // 2
        return [sentences[:middle], sentences[middle:]]
    words = sentences[0].split()
    middle = len(words) // 2
    first = " ".join(words[:middle]).rstrip(",") + "."
    rest = " ".join(words[middle:])
    return [[first], [rest[0].upper() + rest[1:]]]


def edit(rng: random.Random, vocabulary: Vocabulary,
         left: list[list[str]]) -> list[list[str]]:
    """The right document's paragraphs: the left ones reworded, moved, deleted, split, ..."""
    return [sentences for sentences, _ in edit_with_origins(rng, vocabulary, left)]


def edit_with_origins(rng: random.Random, vocabulary: Vocabulary,
                      left: list[list[str]]) -> list[tuple[list[str], tuple[int, ...]]]:
    """``edit``'s right paragraphs, each with the indices of the left ones it derives from.

    Kept, moved and reworded paragraphs and each half of a split one come from one left
    paragraph, a merged one from two, an inserted new one from none. Draws exactly what
    ``edit`` draws, in the same order, so the texts are the same.
    """
    right: list[tuple[list[str], tuple[int, ...]]] = []
    moved: list[tuple[list[str], tuple[int, ...]]] = []
    index = 0
    while index < len(left):
        current = left[index]
        roll = rng.random()
        if roll < 0.10:
            right.append((reword(rng, vocabulary, current), (index,)))
        elif roll < 0.15:
            moved.append((current, (index,)))
        elif roll < 0.20:
            pass  # deleted
        elif roll < 0.23:
            right.extend((part, (index,)) for part in split_in_two(current))
        elif roll < 0.26 and index + 1 < len(left):
            right.append((current + left[index + 1], (index, index + 1)))
            index += 1
        else:
            right.append((current, (index,)))
        index += 1
    for item in moved:
        right.insert(rng.randrange(len(right) + 1), item)
    for _ in range(round(len(left) * 0.05)):
        right.insert(rng.randrange(len(right) + 1), (paragraph(rng, vocabulary), ()))
    return right


def render(paragraphs: list[list[str]]) -> str:
    """One paragraph per line, paragraphs separated by blank lines."""
    return "\n\n".join(" ".join(sentences) for sentences in paragraphs) + "\n"


def make_pair(words: int, seed: int = 0) -> tuple[str, str]:
    """A (left, right) pair of texts; the left one has about ``words`` words."""
    left_text, right_text, _ = make_pair_with_truth(words, seed)
    return left_text, right_text


def make_pair_with_truth(words: int, seed: int = 0) -> tuple[str, str, set[tuple[int, int]]]:
    """``make_pair``'s texts and their true paragraph links by construction.

    A link ``(l, r)`` says right paragraph ``r`` derives from left paragraph ``l`` (kept,
    moved, reworded, half of a split, or a merge holding it); inserted new paragraphs have
    none. Indices are paragraphs as ``reader_app.core.documents.parse_document`` splits the
    texts: one paragraph per line, in order.
    """
    rng = random.Random(seed)
    vocabulary = Vocabulary(rng)
    left: list[list[str]] = []
    count = 0
    while count < words:
        sentences = paragraph(rng, vocabulary)
        left.append(sentences)
        count += sum(len(s.split()) for s in sentences)
    right = edit_with_origins(rng, vocabulary, left)
    links = {(origin, index) for index, (_, origins) in enumerate(right) for origin in origins}
    return render(left), render([sentences for sentences, _ in right]), links


def write_pair(words: int, seed: int, out: Path) -> tuple[Path, Path]:
    """Write ``out/left.txt`` and ``out/right.txt``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    left_text, right_text = make_pair(words, seed)
    left_path, right_path = out / "left.txt", out / "right.txt"
    left_path.write_text(left_text, encoding="utf-8")
    right_path.write_text(right_text, encoding="utf-8")
    return left_path, right_path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000, help="words in the left document")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True, help="folder for left.txt, right.txt")
    args = parser.parse_args(argv)
    left_path, right_path = write_pair(args.words, args.seed, args.out)
    print(f"wrote {left_path} and {right_path}")


if __name__ == "__main__":
    main()
