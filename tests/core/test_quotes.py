"""Quotes across documents: what counts as one, who said it, how wordings are grouped."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SEED_FILES
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.core.corpus.quote_marks import quotations
from reader_app.core.corpus.quotes import Quote, document_quotations, find_quotes
from reader_app.core.documents import Document, load_document, parse_document
from reader_app.core.formats.quotes import quotes_text, quotes_to_json


def doc(text: str, name: str = "a.txt") -> Document:
    return parse_document(text, path=f"/corpus/{name}")


@pytest.fixture(scope="module")
def seed_quotes() -> list[Quote]:
    return find_quotes([load_document(path) for path in SEED_FILES])


def quote_of(quotes: list[Quote], words: str) -> Quote:
    return next(q for q in quotes if any(v.text.startswith(words) for v in q.variants))


def inner(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quotations(text, 0, len(text))]


def test_the_two_translations_of_putins_support_are_one_quote(seed_quotes: list[Quote]) -> None:
    quote = quote_of(seed_quotes, "The idea itself is correct")
    assert {v.text for v in quote.variants} == {
        "The idea itself is correct, and we will certainly support it",
        "The idea itself is correct, and we certainly support it",
    }
    assert quote.documents == 2 and quote.speaker == "Putin"


def test_stop_the_fight_and_cease_hostilities_are_one_quote(seed_quotes: list[Quote]) -> None:
    quote = quote_of(seed_quotes, "We agree with the proposals to cease hostilities")
    assert any(v.text.startswith("We agree with the proposal to stop the fight")
               for v in quote.variants)
    assert {v.path.rsplit("/", 1)[-1][:3] for v in quote.variants} == {"002", "003"}


def test_different_quotes_of_one_speaker_stay_apart(seed_quotes: list[Quote]) -> None:
    idea = quote_of(seed_quotes, "The idea itself is correct")
    for other in ("We support the idea of ending this conflict",
                  "We agree with the proposals to cease hostilities",
                  "Putin does support the idea that a ceasefire is needed"):
        assert quote_of(seed_quotes, other) is not idea


def test_other_translations_of_one_answer_are_grouped(seed_quotes: list[Quote]) -> None:
    zone = quote_of(seed_quotes, "Of course, we need to think about creating a security zone")
    assert any("safe zone alongside the state border" in v.text for v in zone.variants)
    kursk = quote_of(seed_quotes, "Our task in the near future")
    assert any("release the enemy in the Kursk region" in v.text for v in kursk.variants)


def test_sorted_by_documents_and_text_is_the_most_carried_wording(
        seed_quotes: list[Quote]) -> None:
    counts = [q.documents for q in seed_quotes]
    assert counts == sorted(counts, reverse=True)
    documents = [doc('"We will win this war soon," she said.', "a.txt"),
                 doc('"We will win this war soon," she said.', "b.txt"),
                 doc('"We shall win this war soon," she said.', "c.txt")]
    [quote] = find_quotes(documents)
    assert quote.text == "We will win this war soon" and quote.documents == 3


def test_offsets_point_at_the_quoted_text_inside_the_marks(seed_quotes: list[Quote]) -> None:
    texts = {str(path.resolve()): load_document(path).text for path in SEED_FILES}
    for quote in seed_quotes:
        for variant in quote.variants:
            text = texts[variant.path]
            assert text[variant.start : variant.end] == variant.text
            assert text[variant.start - 1] in "\"“„«»' ”\u2018"
    document = doc("Intro. “The idea itself is correct, and we will certainly support it,” "
                   "Putin said.")
    [variant] = document_quotations(document)
    assert document.text[variant.start : variant.end] == (
        "The idea itself is correct, and we will certainly support it")


def test_a_quotation_has_at_least_four_words() -> None:
    assert inner('He called it "a good one" and "a very good one".') == ["a very good one"]
    assert inner("“pissed off” and “cautious optimism” and “there is a problem”") == [
        "there is a problem"]


@pytest.mark.parametrize(("text", "expected"), [
    ("„Wir schaffen das schon bald“, sagte Merkel.", "Wir schaffen das schon bald"),
    ("«Мы поддерживаем эту идею полностью», сказал Путин.", "Мы поддерживаем эту идею полностью"),
    ("»Das ist eine sehr gute Idee«, sagte er.", "Das ist eine sehr gute Idee"),
    ("He said 'we will win this war now' and left.", "we will win this war now"),
    ("\u2018I don\u2019t like it at all,\u2019 she said.", "I don\u2019t like it at all"),
    # CJK corner brackets; no spaces, so two characters count as a word (\uff0c: a comma)
    ("他说\uff1a「我们完全支持这个想法\uff0c并将继续努力。」",
     "我们完全支持这个想法\uff0c并将继续努力。"),
    ("『双方将于下周举行新一轮会谈\uff0c』他补充说。", "双方将于下周举行新一轮会谈"),
    ("He said 『we will certainly support the idea』 today.",
     "we will certainly support the idea"),
    ("彼は「『戦争と平和』という本を必ず読みなさい」と言った。",
     "『戦争と平和』という本を必ず読みなさい"),
    ("外交部表示\uff1a“我们完全支持这个想法。”", "我们完全支持这个想法。"),
])
def test_quote_marks_of_every_style(text: str, expected: str) -> None:
    assert inner(text) == [expected]


def test_a_cjk_quotation_has_at_least_four_words_of_two_characters() -> None:
    # A quoted name or slogan of four characters (two words) is no quotation.
    assert inner("他们称之为「一带一路」倡议\uff0c又称『丝绸之路』。") == []
    assert inner("他说「我们支持这个想法」。") == ["我们支持这个想法"]


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("\u201c", "\u201d"),
                                                  ("'", "'"), ("\u300c", "\u300d")])
def test_a_long_quotation_is_kept_whole(opening: str, closing: str) -> None:
    # A statement quoted whole (over 4,000 characters) was dropped, and its closing '"'
    # opened a false quotation of the sentence after it.
    statement = " ".join(["We will keep working on this together with our partners"] * 100)
    text = (f"{opening}{statement}{closing} Putin told reporters in the Kremlin on Monday. "
            f"{opening}We will win this war soon,{closing} he added.")
    assert len(statement) > 5000
    assert inner(text) == [statement, "We will win this war soon"]
    [long, _] = find_quotes([doc(text)])
    assert long.text == statement and long.speaker == "Putin"


def test_apostrophes_are_not_quote_marks() -> None:
    assert inner("the students' union and the teachers' union met in the '90s") == []
    assert inner("Russia's army and Ukraine's army don't agree on Kyiv's terms") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ('"We will win this war soon," Putin said.', "Putin"),
    ('"We will win this war soon," said Putin, a former KGB officer.', "Putin"),
    ('"We will win this war soon," Kremlin spokesman Dmitry Peskov told reporters.', "Peskov"),
    ('"We will win this war soon," according to Peskov.', "Peskov"),
    ('Putin said: "We will win this war soon."', "Putin"),
    ('Rubio said Trump would wait, adding that "we will know soon enough."', "Rubio"),
    ('"We will win this war soon," said Lt. Gregg Hastings of the state police.', "Hastings"),
    ('"We will win this war soon," said General Manager A.J. Smith in a release.', "Smith"),
    ('"We will win this war soon," said Trend Micro researcher Paul Ferguson.', "Ferguson"),
    ('"We will win this war soon," said Stuart Pimm, Doris Duke Professor of Ecology.', "Pimm"),
    ('After telling People that she did not "need to do any of that", she left.', None),
    ('"We will win this war soon," said a Western diplomat, who asked not to be named.', None),
    ('"We will win this war soon," said a government spokesman, Rabie A. Atti.', "Atti"),
    ('"We will win this war soon," according to the Associated Press.', None),
    ('"We will win this war soon," the Kremlin on Monday said.', None),
    ('"We will win this war soon," he said.', None),
    ('Everyone heard "we will win this war soon" on the radio.', None),
])
def test_the_speaker_is_who_the_sentence_says(text: str, speaker: str | None) -> None:
    [variant] = document_quotations(doc(text))
    assert variant.speaker == speaker


def test_he_said_takes_the_speaker_before_when_nobody_else_stands_between() -> None:
    text = ('"We agree with the proposals to cease hostilities," Putin said.\n\n'
            "Putin said he might call Trump.\n\n"
            '"We support the idea of ending this conflict," he said.\n\n'
            "Trump met Zelensky on Friday.\n\n"
            '"We will see what happens next week," he said.')
    speakers = [v.speaker for v in document_quotations(doc(text))]
    assert speakers == ["Putin", "Putin", None]


def test_seed_speakers(seed_quotes: list[Quote]) -> None:
    assert quote_of(seed_quotes, "These questions are hanging").speaker == "Peskov"
    assert quote_of(seed_quotes, "We're talking to Russia").speaker == "Trump"
    assert quote_of(seed_quotes, "In my opinion, the document").speaker == "Uskov"
    assert quote_of(seed_quotes, "Are we supposed to let them out").speaker == "Putin"


def test_json_and_text_formats(seed_quotes: list[Quote]) -> None:
    payload = json.loads(json.dumps(quotes_to_json(seed_quotes)))
    assert payload["format"] == "reader-app.quotes/1"
    first = payload["quotes"][0]
    assert set(first) >= {"text", "speaker", "variants"}
    assert set(first["variants"][0]) == {"path", "start", "end", "text", "speaker"}
    hostile = [doc('"We will \x1b]0;owned\x07 win this war," she said.')]
    shown = quotes_text(find_quotes(hostile), 1)
    assert "\x1b" not in shown and "\x07" not in shown and "␛" in shown


PIECES = st.sampled_from(['"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "'", "\u2018",
                          "\u2019", " ", "\n", "\n\n", ",", ".", " said Putin", " he said",
                          "We will win", " the war", " now", "don't", "\x1b", "\u0301"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=30).map("".join), min_size=1, max_size=3))
def test_any_text_gives_exact_offsets_and_each_quotation_once(texts: list[str]) -> None:
    documents = [doc(text, f"{n}.txt") for n, text in enumerate(texts)]
    quotes = find_quotes(documents)
    variants = [v for quote in quotes for v in quote.variants]
    assert len(variants) == sum(len(document_quotations(d)) for d in documents)
    by_path = {d.path: d.text for d in documents}
    for variant in variants:
        assert by_path[variant.path][variant.start : variant.end] == variant.text
        assert len(re.findall(r"\w+", variant.text)) >= 4
    counts = [quote.documents for quote in quotes]
    assert counts == sorted(counts, reverse=True)
