"""Documents made of long runs (spaces, a page's tags blanked to spaces, one line repeated)
are read and searched in time proportional to their size: a run of 100,000 spaces took 38 s
to load (the title's date pattern searched from each of its places) and two 500 KB files of
one repeated line 18 s in ``passages``.

Not a timing test: each case takes a few hundredths of a second; the bound is there so that
a return of the quadratic cost fails (minutes) instead of hanging the suite."""

from __future__ import annotations

import threading
from collections.abc import Callable

from reader_app.core.corpus.passages import Passage, shared_passages
from reader_app.core.documents import parse_document

HANG = 30.0  # seconds: a hundred times what each case takes


def finishes(work: Callable[[], object]) -> bool:
    done = threading.Event()

    def run() -> None:
        work()
        done.set()

    threading.Thread(target=run, daemon=True).start()
    return done.wait(HANG)


def test_a_long_run_of_spaces_is_read_at_once() -> None:
    text = "This is the first sentence here." + " " * 300_000 + "And the end.\n"
    assert finishes(lambda: parse_document(text, "spaces.txt"))
    title = parse_document(text, "spaces.txt").metadata.title
    assert title is not None and title.startswith("This is the first")


def test_a_page_of_tags_only_is_read_at_once() -> None:
    page = "<html><body>" + "<p>" * 60_000 + "</body></html>"
    assert finishes(lambda: parse_document(page, "tags.html"))


def test_passages_of_one_line_repeated_are_found_at_once() -> None:
    line = "Follow us on social media for the latest updates. "
    documents = [parse_document(line * 10_000, "a.txt"), parse_document(line * 10_000, "b.txt")]
    found: list[Passage] = []
    assert finishes(lambda: found.extend(shared_passages(documents)))
    longest = found[0]
    assert longest.words == 90_000 and {o.path for o in longest.occurrences} == {"a.txt", "b.txt"}


def test_passages_of_thousands_of_quotes_are_found_at_once() -> None:
    """15,000 short quotes shared by two documents, in opposite orders: each passage was
    checked against every kept passage of the same documents (30,000 quotes: over 120 s)."""
    import random

    rng = random.Random(0)
    vocabulary = [f"w{i}" for i in range(3000)]
    quotes = [f"\u201c{' '.join(rng.choice(vocabulary) for _ in range(rng.randint(6, 10)))},"
              f"\u201d Putin said." for _ in range(15_000)]
    left = parse_document(" ".join(quotes), "a.txt")
    right = parse_document(" ".join(reversed(quotes)), "b.txt")
    found: list[list[Passage]] = []
    assert finishes(lambda: found.append(shared_passages([left, right])))
    assert len(found[0]) >= 10_000
