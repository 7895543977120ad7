"""``differs`` compares two figures only when they state one thing: of one kind, in one
clause, over one scope (``content_figures``). Read by hand on the ECB+ dev set, five in six
pieces were no conflict before these rules (``benchmarks/eval_evidence.py``)."""

from __future__ import annotations

import pytest
from comparison_checks import differs_both_ways, pieces_both_ways

NONE: list[list[tuple[str, str]]] = [[], []]


@pytest.mark.parametrize(("left", "right"), [
    # An age is an attribute of its holder; a span of years counts time.
    ("After more than three years of legal delays, the courthouse killer was sentenced.",
     "The courthouse killer was sentenced; the 37-year-old will serve life."),
    # A rank is no amount; the day of a month is neither.
    ("Cheeks, who was fired March 2 as head coach, was hired by the Sixers.",
     "Cheeks has been hired as the 21st head coach of the Sixers."),
    # A clock time and an hour written plainly.
    ("The suspect gave himself up to police just after 6:00 p.m., the sheriff said.",
     "The suspect gave himself up around 6 p.m., the sheriff said."),
    # A decade and a year in it.
    ("The crime family was founded in the 1930's by Charles Luciano.",
     "The crime family was founded in 1931 by Charles Luciano."),
    # A decimal cut in two in the source ("$2. 6-million").
    ("The thieves made off with a ($2. 6-million) haul of jewels.",
     "The thieves made off with a (£1. 7 million) haul of jewels."),
    # Two people's ages: the noun after the compound is whose.
    ("The driver allegedly hit a 66-year-old woman near a bus stop.",
     "Police pulled the 36-year-old driver over a few blocks from the bus stop."),
    # Next to the same word only: "years" alone is no clause.
    ("After more than three years and a trail of legal delays, Nichols was sentenced.",
     "Nichols was sentenced to life without parole plus 485 years."),
    # A running total against one operation's haul.
    ("In five operations so far the navy has confiscated 14 AK-47 rifles from pirates.",
     "During the operation, the navy confiscated six AK-47 rifles from pirates."),
    ("Three other bombs allegedly exploded near the border town, officials said.",
     "Four bombs were dropped near the border town, officials said."),
    # An approximate figure within a tenth of the exact one.
    ("Government troops bombed the refugee camp in Yida at 2:53 p.m. local time, aid said.",
     "Government troops bombed the refugee camp in Yida at approximately 3:00 pm, aid said."),
    # A bound ("over", "at least") within a tenth of the exact figure.
    ("The running back gained over 350 yards rushing in the win over the Giants, the team said.",
     "The running back gained 352 yards rushing in the win over the Giants, the team said."),
    # A list's figures take the unit after its last: magnitudes, not a count of people.
    ("The tremor shook the region where five people were killed at the weekend, officials said.",
     "The tremor shook the region where 7.6 and 7.5 magnitude quakes struck at the weekend, "
     "officials said."),
    # A person's age between commas after the name, and a count.
    ("Gaetano Lo Presti, one of 99 alleged Mafia members seized on Tuesday, hanged himself "
     "in his Palermo prison cell.",
     "Police in Palermo said Gaetano Lo Presti, 52, hanged himself in his prison cell on "
     "Tuesday, hours after he was seized."),
    # One kickoff in two time zones; one depth in two units (units are not converted).
    ("The wild-card game in Seattle kicks off Saturday at 4:30 p.m. ET, the league said.",
     "The wild-card game in Seattle kicks off Saturday at 1:30 p.m. PST, the league said."),
    ("The quake struck the mountainous district at a depth of 10 kilometers, seismologists said.",
     "The quake struck the mountainous district at a depth of six miles, seismologists said."),
    # Too little else agrees (fewer than four pieces) to say the two report one fact.
    ("The warship was 13 miles from the boat.", "The warship was 150 miles off Aden."),
    # A figure dated to a year the other paragraph never names: another event's toll.
    ("The powerful earthquake in southern Iran killed at least 10 people in several villages.",
     "The 2005 earthquake in southern Iran killed 612 people in several villages."),
    # A surname against a full name (or "Australian" against "Duncan Rait"): another person.
    ("Prosecutors said the victim Julie Ann Brandau was shot in the courtroom on Friday.",
     "Prosecutors said the victim Nichols was shot in the courtroom on Friday."),
])
def test_figures_that_state_different_things_do_not_differ(left: str, right: str) -> None:
    assert differs_both_ways(left, right) == NONE


@pytest.mark.parametrize(("left", "right", "differ"), [
    ("The video shows Jeffs sexually assaulting the 11-year old girl, prosecutors said.",
     "Prosecutors said the video showed Jeffs sexually assaulting a 12-year-old girl.",
     ("11", "12")),
    ("The 7.7-strength quake killed more than 26,000 people in the ancient city of Bam.",
     "The quake in Bam left more than 31,000 people dead in the ancient city.",
     ("26,000", "31,000")),
    # One year's quake on both sides, the year written near one figure only.
    ("The 2003 quake killed more than 26,000 people in the ancient city of Bam, in Iran.",
     "In the ancient city of Bam, in Iran, the 2003 quake of that winter left more than "
     "31,000 people dead.", ("26,000", "31,000")),
    ("The gang was founded in 1931, the year the commission was set up, police said.",
     "The gang was founded in 1930, the year the commission was set up, police said.",
     ("1931", "1930")),
    ("Firefighters battled the blaze in temperatures of minus 17 degrees, the chief said.",
     "Firefighters battled the blaze for eight hours in minus-20 degree temperatures.",
     ("17", "20")),
    # Approximate, but a fifth apart; the same unit; the same zone.
    ("The quake struck Qeshm island, home to 120,000 people, and Bandar Abbas, media said.",
     "The quake struck Qeshm island, home to about 100,000 people, near Bandar Abbas.",
     ("120,000", "100,000")),
    ("The quake struck the mountainous district at a depth of 10 kilometers, seismologists said.",
     "The quake struck the mountainous district at a depth of 12 kilometers, seismologists said.",
     ("10", "12")),
    ("The wild-card game in Seattle kicks off Saturday at 4:30 p.m. ET, the league said.",
     "The wild-card game in Seattle kicks off Saturday at 3:30 p.m. ET, the league said.",
     ("4:30", "3:30")),
    # A bound far from the other figure.
    ("The weekend quake killed at least one person in the remote villages, officials said.",
     "The weekend quake killed five people in the remote villages, officials said.",
     ("one", "five")),
    # Two ages of one person.
    ("Police in Palermo said Gaetano Lo Presti, 52, hanged himself in his prison cell.",
     "Police in Palermo said Gaetano Lo Presti, 53, hanged himself in his prison cell.",
     ("52", "53")),
    # Two names written alike (both full names) in one slot.
    ("Kremlin spokesman Dmitry Peskov told reporters the talks would resume on Monday.",
     "Kremlin spokesman Yuri Ushakov told reporters the talks would resume on Monday.",
     ("Dmitry Peskov", "Yuri Ushakov")),
])
def test_figures_of_one_thing_still_differ(left: str, right: str,
                                           differ: tuple[str, str]) -> None:
    assert differs_both_ways(left, right) == [[differ], [differ[::-1]]]


def variants_both_ways(left: str, right: str) -> list[list[tuple[str, str]]]:
    return pieces_both_ways(left, right, "variant")


def test_figures_of_two_kinds_are_no_variant() -> None:
    """A girl's age ("the 11-year old girl") is not the count of "Eleven other FLDS men":
    as a variant it said the other report agrees on it, and that hid the age that differs
    in the pair the two reports link on ("11-year old" / "12-year-old"), the window not
    marking a figure the other side states too."""
    left = ("The jury heard a recording of Jeffs sexually assaulting the 11-year old girl, "
            "prosecutors said.")
    right = "Eleven other FLDS men were charged with crimes including sexual assault."
    assert ("11", "Eleven") not in variants_both_ways(left, right)[0]
    assert ("Eleven", "11") not in variants_both_ways(left, right)[1]
    # A rank and its number, or another form of one count, stay variants.
    assert ("14th", "14") in variants_both_ways(
        "Klitschko won in the 14th round of the title fight in Mannheim on Saturday.",
        "Klitschko won in round 14 of the title fight in Mannheim on Saturday.")[0]
    assert ("three", "3") in variants_both_ways(
        "Klitschko stopped Rahman in the seventh round after three knockdowns, the referee said.",
        "Klitschko stopped Rahman in the seventh round after 3 knockdowns, the referee said.")[0]


def test_a_record_or_score_is_no_count() -> None:
    """A boxer's record "(52-3, 46 KOs)" counts no belts: its "3" is no variant of "three
    heavyweight title belts", nor does a score differ from a count next to the same word."""
    left = ("Wladimir Klitschko retained three heavyweight title belts by stopping Hasim Rahman "
            "in Mannheim on Saturday.")
    right = ("Wladimir Klitschko (52-3, 46 KOs) stopped Hasim Rahman in Mannheim on Saturday "
             "to retain his heavyweight titles.")
    assert ("three", "3") not in variants_both_ways(left, right)[0]
    assert ("3", "three") not in variants_both_ways(left, right)[1]
    # Two scores of one game still differ.
    assert differs_both_ways(
        "The Orioles beat the Red Sox 5-3 at Fenway Park on Sunday night, the team said.",
        "The Orioles beat the Red Sox 6-3 at Fenway Park on Sunday night, the team said.",
    ) == [[("5", "6")], [("6", "5")]]
