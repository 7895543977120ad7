"""The content judge's rules: what links two paragraphs that report the same facts in other
words, what never does, and the evidence a link carries."""

from __future__ import annotations

import pytest
from comparison_checks import assert_comparison_valid, differs_both_ways, doc

from reader_app.core.compare import Comparison, DiffOptions, Link, compare
from reader_app.core.compare.content_terms import paragraph_terms


def compared(left: str, right: str) -> Comparison:
    c = compare(doc(left, "a.txt"), doc(right, "b.txt"))
    assert_comparison_valid(c)
    return c


def pieces(c: Comparison, link: Link, kind: str) -> list[tuple[str, str]]:
    return [(c.left.text[e.left_start:e.left_end], c.right.text[e.right_start:e.right_end])
            for e in link.evidence if e.kind == kind]


def differing(left: str, right: str) -> list[tuple[str, str]]:
    """The ``differs`` pieces of the one link between two one-paragraph documents."""
    c = compared(left, right)
    (link,) = c.links
    return pieces(c, link, "differs")


def test_a_shared_name_alone_never_links() -> None:
    c = compared("Russian President Vladimir Putin met farmers in the south of the country.",
                 "Putin later flew to Minsk for a summit with Belarusian leaders.")
    assert c.links == ()


def test_one_shared_word_alone_never_links() -> None:
    c = compared("Prices rose sharply.", "The river rose overnight.")
    assert c.links == ()
    c = compared("The minister resigned on Monday.", "The coach resigned after the defeat.")
    assert c.links == ()


def test_paragraphs_copied_elsewhere_are_not_linked_to_each_others_neighbours() -> None:
    """Each bank-fire paragraph has its copy on the other side; the first one's "hooded
    youths hurled petrol bombs" also stands in the other side's paragraph on the shops."""
    fire = ("Police said two women and one man died at a branch of the Marfin bank which "
            "caught fire after {} broke a window and {} inside.")
    shops = ("Hooded youths hurled petrol bombs at stores and businesses in the {} of the "
             "capital{} Athens{} and demonstrators tried to storm parliament.")
    def report(title: str, fire_by: tuple[str, str], shops_in: tuple[str, str, str],
               other: list[str]) -> str:  # the two paragraphs among four on other matters
        return "\n\n".join([title, fire.format(*fire_by), *other[:2], shops.format(*shops_in),
                             *other[2:]])

    left = report("Riot in Athens", ("hooded youths", "hurled petrol bombs"), ("centre", ",", ","),
                  ["The finance minister defended the austerity package on television.",
                   "Unions called a general strike for Wednesday.",
                   "Tourism bookings have fallen for the third month.",
                   "The stock exchange index lost four percent."])
    right = report("Athens riot", ("rioters", "threw Molotov cocktails"), ("center", "", ""),
                   ["Lawmakers will vote on the spending cuts on Thursday.",
                    "Airports and ferries were idle during the walkout.",
                    "The European Central Bank said it would buy bonds.",
                    "Hotels reported cancellations across the islands."])
    c = compared(left, right)
    assert sorted((k.left, k.right, k.kind) for k in c.links) == [
        (0, 0, "rewrite"), (1, 1, "copy"), (4, 4, "copy")]


def test_a_verbatim_run_of_names_is_no_copy_link() -> None:
    c = compared(
        "Monitors of the Organization for Security and Cooperation in Europe arrived late.",
        "A report by the Organization for Security and Cooperation in Europe was leaked.",
    )
    assert c.links == ()


def test_a_dotted_abbreviation_is_one_name_not_a_run_of_words() -> None:
    c = compared("Observers of the O.S.C.E. visited.", "Critics of the O.S.C.E. spoke.")
    assert c.links == ()


def test_an_abbreviation_with_and_without_dots_is_a_variant() -> None:
    c = compared("The U.S. embassy in Kyiv was closed after the drone strike on Sunday.",
                 "After Sunday's drone strike, the US embassy in Kyiv closed.")
    (link,) = c.links
    assert ("U.S.", "US") in pieces(c, link, "variant")


def test_spelling_variants_of_a_name_are_variants() -> None:
    c = compared("Zelenskiy accepted the thirty-day truce proposal on Tuesday evening.",
                 "On Tuesday evening Zelenskyy accepted a proposed 30-day ceasefire.")
    (link,) = c.links
    assert link.kind == "rewrite"
    variants = pieces(c, link, "variant")
    assert ("Zelenskiy", "Zelenskyy") in variants
    assert ("truce", "ceasefire") in variants


def test_the_same_quote_in_two_translations_is_linked() -> None:
    c = compared(
        "“We agree with the proposal to stop the fight, but the ceasefire should bring "
        "lasting peace and eliminate the root causes of the crisis,” Putin said.",
        "“We agree with the proposals to cease hostilities,” Putin said at the Kremlin on "
        "Thursday. “But this cessation should lead to long-term peace.”",
    )
    assert [k.kind for k in c.links] == ["rewrite"]


def test_same_topic_with_different_facts_is_not_linked() -> None:
    c = compared("Putin visited troops in the Kursk region on Wednesday wearing fatigues.",
                 "Trump said the ceasefire talks in Saudi Arabia had gone very well.")
    assert c.links == ()


def test_a_changed_figure_is_found_as_differs() -> None:
    assert ("30", "25") in differing(
        "At least 30 people were killed in the market bombing on Monday.",
        "The market bombing on Tuesday killed 25 people, officials said.")


def test_weekdays_alone_never_differ() -> None:
    """Each report dates things from the day it was written: one says Putin spoke "on
    Thursday", one written a day later says the Kremlin answered "on Friday"; nothing
    pins both weekdays to one date, so neither contradicts the other."""
    c = compared("Russian President Vladimir Putin said on Thursday he agrees with the US "
                 "proposal for a 30-day ceasefire in Ukraine, with conditions.",
                 "On Friday the Kremlin said President Vladimir Putin agreed with the "
                 "proposal for a thirty-day truce in Ukraine, with conditions.")
    (link,) = c.links
    assert ("Thursday", "Friday") not in pieces(c, link, "differs")
    c = compared("At least 30 people were killed in the market bombing on Monday.",
                 "The market bombing on Tuesday killed 30 people, officials said.")
    (link,) = c.links
    assert pieces(c, link, "differs") == []


def test_weekdays_pinned_to_the_same_date_differ() -> None:
    assert ("Thursday", "Friday") in differing(
        "On Thursday, March 13, Putin said he agrees with the US proposal for a "
        "30-day ceasefire in Ukraine.",
        "Putin said on Friday, 13 March, that Russia agreed with the U.S. proposal "
        "for a thirty-day truce in Ukraine.")


def test_dates_that_conflict_still_differ() -> None:
    assert ("13", "14") in differing(
        "Putin said on March 13 that he agrees with the US proposal for a 30-day "
        "ceasefire in Ukraine.",
        "Putin said on March 14 that Russia agreed with the U.S. proposal for a "
        "thirty-day truce in Ukraine.")
    assert ("2011", "2012") in differing(
        "The earthquake that struck Japan in 2011 killed 15,000 people and "
        "wrecked the Fukushima nuclear plant.",
        "Some 15,000 people died when the earthquake struck Japan in 2012, "
        "wrecking the Fukushima nuclear plant.")
    assert ("March", "April") in differing(
        "Putin said in March that he agrees with the US proposal for a 30-day "
        "ceasefire in Ukraine.",
        "Putin said in April that Russia agreed with the U.S. proposal for a "
        "thirty-day truce in Ukraine.")


def test_an_ordinal_is_its_number() -> None:
    """"the 14th" states the figure 14: it differs from a 13 in the same slot and is a
    variant of a 14 written plainly."""
    left = ("Putin said on March 14th that he agrees with the US proposal for a 30-day "
            "ceasefire in Ukraine.")
    assert ("14th", "13") in differing(
        left, "Putin said on March 13 that Russia agreed with the U.S. proposal for "
        "a thirty-day truce in Ukraine.")
    c = compared(left, "Putin said on 14 March that Russia agreed with the U.S. proposal for "
                 "a thirty-day truce in Ukraine.")
    (link,) = c.links
    assert ("14th", "14") in pieces(c, link, "variant")
    assert pieces(c, link, "differs") == []


def test_may_is_a_month_when_capitalised_and_a_function_word_when_not() -> None:
    """"sentenced on May 3" / "sentenced on June 3" states two dates; "may" the verb is no
    fact at all."""
    assert ("May", "June") in differing(
        "Putin said in May that he agrees with the US proposal for a 30-day "
        "ceasefire in Ukraine.",
        "Putin said in June that Russia agreed with the U.S. proposal for a "
        "thirty-day truce in Ukraine.")
    verb, month = "They may resign.", "They resign in May."
    assert "may" not in {t.key for t in paragraph_terms(verb, 0, len(verb))}
    assert "may" in {t.key for t in paragraph_terms(month, 0, len(month))}


def test_a_dateline_links_nothing() -> None:
    c = compared("March 14, 2013 6:13 am\n\nA quake shook Napa.",
                 "Updated March 14, 2013\n\nFarmers sold apples in Ohio.")
    assert c.links == ()


def test_a_reused_paragraph_is_a_copy_link_with_one_same_piece() -> None:
    shared = "The Kremlin said on Monday that the talks on the ceasefire would go on."
    c = compared(f"{shared}\n\nLeft only text here.", f"Right only words.\n\n{shared}")
    (link,) = c.links
    assert link.kind == "copy"
    assert pieces(c, link, "same") == [(shared, shared)]


def test_stats_count_words_in_linked_paragraphs() -> None:
    c = compared("At least 30 people were killed in the market bombing on Monday.\n\nApples.",
                 "The market bombing on Tuesday killed 25 people, officials said.")
    assert c.stats.similarity < 0.5
    assert c.stats.right_linked == 1.0
    assert 0.9 < c.stats.left_linked < 1.0


def test_another_name_in_the_same_slot_differs() -> None:
    assert ("Dmitry Peskov", "Yuri Ushakov") in differing(
        "Kremlin spokesman Dmitry Peskov said the ceasefire talks would go on.",
        "The ceasefire talks will go on, Kremlin spokesman Yuri Ushakov said.")


def test_a_glued_word_is_no_differing_name() -> None:
    c = compared("Putin agreed to a ceasefire in Ukrainebut set conditions for the truce.",
                 "Putin agreed to a ceasefire in Ukraine but set conditions for the truce.")
    assert all(e.kind != "differs" for k in c.links for e in k.evidence)


def test_the_content_cache_reads_a_text_once_and_is_bounded() -> None:
    from reader_app.core.compare.content_document import _ContentCache

    cache = _ContentCache(max_terms=12)
    texts = [f"Police arrested {n} suspects after the riot in Brooklyn on Monday." for n in
             range(4)]
    first = cache.read(texts[0], [(0, len(texts[0]))])
    assert cache.read(texts[0], [(0, len(texts[0]))]) is first
    for text in texts[1:]:
        cache.read(text, [(0, len(text))])
    assert cache._held <= 12 or len(cache._entries) == 1
    assert cache.read(texts[0], [(0, len(texts[0]))]) is not first  # dropped, read again


def test_reading_a_document_for_terms_can_be_cancelled() -> None:
    from reader_app.core.compare.content_terms import document_terms
    from reader_app.core.errors import Cancelled

    text = "Police arrested two suspects on Monday. " * 40_000
    polls = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) > 3  # stop partway through the text

    with pytest.raises(Cancelled):
        document_terms(text, [(0, len(text))], cancelled)
    assert len(polls) == 4


def test_reading_a_text_a_stretch_at_a_time_finds_the_same_terms(monkeypatch) -> None:
    from pathlib import Path

    from reader_app.core.compare import content_terms
    from reader_app.core.documents import load_document

    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
    document = load_document(seeds[2])
    spans = [(p.start, p.end) for p in document.paragraphs]
    whole = content_terms.document_terms(document.text, spans)
    monkeypatch.setattr(content_terms, "_STRETCH_CHARS", 7)  # cut at nearly every space
    assert content_terms.document_terms(document.text, spans) == whole
    assert sum(len(ts or ()) for ts in whole) > 100


def test_web_addresses_are_no_terms_in_any_paragraph() -> None:
    from reader_app.core.compare.content_terms import document_terms

    paragraphs = ["Read https://news.example.com/quake-kills-30 for more.",
                  "Thirty people were killed.",
                  "Photos at www.Example.org/quake and HTTP://EXAMPLE.NET/x today."]
    text = "\n\n".join(paragraphs)
    spans, at = [], 0
    for paragraph in paragraphs:
        spans.append((at, at + len(paragraph)))
        at += len(paragraph) + 2
    keys = [[t.key for t in ts or ()] for ts in document_terms(text, spans)]
    assert keys == [["read"], ["#30", "peopl", "kill"], ["photo", "today"]]


@pytest.mark.parametrize(("left", "right", "differ"), [
    # "3rd" and "three" are both 3: paired in order, the left's "three hours" took the
    # right's "3rd round", and the 2nd / 3rd round that conflict were never compared.
    ("It was the 2nd round of talks in Riyadh, where the delegations met for three hours on "
     "the ceasefire proposal.",
     "It was the 3rd round of talks in Riyadh, where the delegations met for three hours on "
     "the ceasefire proposal.", ("2nd", "3rd")),
    ("Negotiators held 2 rounds of talks in Riyadh and met for three hours on the ceasefire "
     "proposal.",
     "Negotiators held 3 rounds of talks in Riyadh and met for three hours on the ceasefire "
     "proposal.", ("2", "3")),
    ("Heavy rain on March 13 burst the river's banks, flooding 14 homes in the village of "
     "Kinsale.",
     "Heavy rain on March 14 burst the river's banks, flooding 14 homes in the village of "
     "Kinsale.", ("13", "14")),
])
def test_a_figure_differs_though_the_other_value_is_stated_elsewhere(
        left: str, right: str, differ: tuple[str, str]) -> None:
    """The conflicting figures meet in their slot, whichever side is the left one."""
    assert differs_both_ways(left, right) == [[differ], [differ[::-1]]]


def test_a_figure_repeated_on_both_sides_stays_same_and_pairs_by_slot() -> None:
    left = ("Heavy rain flooded 14 homes in the village of Kinsale on March 14, the river "
            "authority said.")
    right = ("On March 14 heavy rain in the village of Kinsale flooded 14 homes, the river "
             "authority said.")
    c = compared(left, right)
    (link,) = c.links
    assert pieces(c, link, "differs") == []
    fourteens = [(c.left.text[e.left_end:e.left_end + 6],
                  c.right.text[e.right_end:e.right_end + 6])
                 for e in link.evidence if c.left.text[e.left_start:e.left_end] == "14"]
    assert sorted(fourteens) == [(" homes", " homes"), (", the ", " heavy")]
    assert all(e.kind == "same" for e in link.evidence
               if c.left.text[e.left_start:e.left_end] == "14")


def test_a_paragraph_in_capitals_links_as_its_words() -> None:
    """Wire copy and headlines set in capitals: every word read as an abbreviation or a
    name, a verbatim copy was dropped as "names only" (0 links, 0 % similar)."""
    left = ("THE CEASEFIRE TALKS BETWEEN THE TWO DELEGATIONS WOULD RESUME IN RIYADH NEXT "
            "WEEK, OFFICIALS SAID ON MONDAY.")
    c = compared(left, left.replace("MONDAY", "TUESDAY"))
    (link,) = c.links
    assert link.kind == "copy" and c.stats.similarity > 0.8
    lower = compare(doc(left, "a.txt"), doc(left.lower(), "b.txt"), DiffOptions(
        ignore_case=True))
    assert [(k.left, k.right, k.kind) for k in lower.links] == [(0, 0, "copy")]
