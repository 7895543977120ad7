"""Who a quotation is attributed to, when its sentence says so: a last name, else ``None``.

Read in the quotation's own sentence, outside quote marks: after the quotation first
(“…,” Putin said / said Putin / Kremlin spokesman Dmitry Peskov told reporters / according
to Peskov), else before it (Putin said: “…” / Peskov emphasized that “…”; a participle with no
subject of its own, "adding that", hands over to the verb before it). The speaker is the last
capitalised word of the name ("Dmitry Peskov" and "Peskov" are one speaker). A pronoun ("he
said") takes the speaker of the quotation before it in the same document when that one is at
most three paragraphs back and no sentence between them opens with another name; otherwise it
stays ``None``. Must not import Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader_app.core.compare.content_terms import stopwords
from reader_app.core.corpus.quote_marks import QuoteSpan

PRONOUN = "\x00pronoun"  # a quotation attributed to "he" or "she", resolved in context
CONTEXT = 400  # characters read before and after a quotation for its attribution
_VERBS = frozenset(
    "said says say told tells tell added adds stressed emphasized emphasised noted stated "
    "declared warned insisted explained asked replied wrote tweeted posted announced "
    "continued argued questioned called confirmed claimed recalled remarked acknowledged "
    "admitted urged concluded suggested".split()
)
_PARTICIPLES = frozenset("adding saying telling calling stressing noting asking".split())
_BETWEEN_SUBJECT_AND_VERB = frozenset(
    "has had have also later then again once earlier previously repeatedly further".split()
)
# Capitalised words that are a title or an institution, never a person's last name.
_TITLES = frozenset(
    "the of spokesman spokeswoman spokesperson president minister secretary adviser advisor "
    "aide chief press foreign prime deputy general senior state presidential kremlin police "
    "office center centre department ministry agency commission council committee court "
    "government news times post journal reporter magazine paper network association "
    "institute university company group".split()
)
_NOT_NAMES = frozenset(
    "the a an he she it we i they you this that these those but and or if mr mrs ms dr sir "
    "president minister monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december".split()
)
_PRONOUNS = frozenset({"he", "she"})
# Words ending in a full stop that end no sentence: "said Lt. Gregg Hastings", "Dist. Atty.".
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr lt col gen sgt capt cmdr adm maj rep sen gov atty dist prof rev st jr sr "
    "det insp supt cpl pvt no vs".split()
)
_STOPS_A_NAME = frozenset("of in at on for from with who which that to by as and or".split())
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019.-]*|[,;:!?()\u2014\u2013]")
_SENTENCE_END_RE = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)]*\s")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+[A-Z]?\.?")


@dataclass(frozen=True, slots=True)
class Attribution:
    span: QuoteSpan
    paragraph: int
    speaker: str | None  # a last name, ``PRONOUN`` or None


def attribute(text: str, start: int, end: int, spans: Sequence[QuoteSpan]) -> list[str | None]:
    """For each quotation of the paragraph ``text[start:end]``: a last name, ``PRONOUN`` when
    "he" or "she" said it, or None."""
    found: list[str | None] = []
    for number, span in enumerate(spans):
        stop = spans[number + 1].open_at if number + 1 < len(spans) else end
        stop = min(stop, span.close_end + CONTEXT)
        ends_sentence = text[span.start : span.end].endswith(".")
        tail = [] if ends_sentence else _sentence_after(text[span.close_end : stop])
        begin = max(start, span.open_at - CONTEXT)
        earlier = number
        while earlier > 0 and spans[earlier - 1].close_end > begin:
            earlier -= 1
        pieces = _outside(text, begin, span.open_at, spans[earlier:number])
        found.append(_after(tail) or _before(_WORD_RE.findall(_last_sentence(pieces))))
    return found


def resolve_pronouns(text: str, attributions: Sequence[Attribution]) -> list[str | None]:
    """The speakers of one document's quotations, in order, "he said" resolved in context."""
    speakers: list[str | None] = []
    last: int | None = None  # the latest quotation with a speaker
    for number, attribution in enumerate(attributions):
        speaker = attribution.speaker
        if speaker == PRONOUN:
            speaker = None if last is None else _antecedent(text, attributions, last, number,
                                                            speakers[last])
        if speaker is not None:
            last = number
        speakers.append(speaker)
    return speakers


def _antecedent(text: str, attributions: Sequence[Attribution], last: int, current: int,
                speaker: str | None) -> str | None:
    """``speaker`` (of quotation ``last``) when quotation ``current``'s "he" can only be them:
    at most three paragraphs on, and no sentence after theirs, outside quotes, opens with another
    name ("Putin said he might call Trump." lets "he" be Putin; "Trump met Putin." does not)."""
    if speaker is None or attributions[current].paragraph - attributions[last].paragraph > 3:
        return None
    if current - last > 12 or (attributions[current].span.open_at
                               - attributions[last].span.close_end > 10 * CONTEXT):
        return None  # too far for "he" to be sure
    spans = [a.span for a in attributions[last + 1 : current]]
    pieces = _outside(text, attributions[last].span.close_end,
                      attributions[current].span.open_at, spans)
    between = " ".join(pieces)
    starts = [end.end() for end in _sentence_ends(between)] or [0]
    for begin, end in zip(starts, [*starts[1:], len(between)], strict=True):
        words = _WORD_RE.findall(between[begin:end])
        first = _as_name(words[0]) if words else None
        if first is not None and first != speaker and first.casefold() not in stopwords():
            return None
    return speaker


def _sentence_ends(text: str) -> list[re.Match[str]]:
    """The ends of the sentences of ``text`` (a full stop after a title, "Lt.", or after
    initials, "A.J.", ends none), each from its mark to the next sentence."""
    ends = []
    for match in _SENTENCE_END_RE.finditer(text):
        before = text[: match.start() + 1].rsplit(None, 1)[-1]
        word = before.rstrip(".").lstrip("(")
        if text[match.start()] == "." and (word.casefold() in _ABBREVIATIONS
                                           or _INITIALS_RE.fullmatch(before)):
            continue
        ends.append(match)
    return ends


def _sentence_after(tail: str) -> list[str]:
    ends = _sentence_ends(tail + " ")
    return _WORD_RE.findall(tail[: ends[0].start() if ends else len(tail)])


def _outside(text: str, begin: int, at: int, spans: Sequence[QuoteSpan]) -> list[str]:
    """The pieces of ``text[begin:at]`` outside the quotations ``spans``; a quotation ending
    its own sentence ("… now.” He said …") ends a piece with a full stop."""
    pieces, cursor = [], begin
    for span in spans:
        if span.close_end <= cursor:
            continue
        pieces.append(text[cursor : max(cursor, span.open_at)])
        if text[span.start : span.end].endswith((".", "?", "!")):
            pieces.append(". ")
        cursor = span.close_end
    pieces.append(text[cursor:at])
    return pieces


def _last_sentence(pieces: list[str]) -> str:
    joined = " ".join(pieces)
    ends = _sentence_ends(joined)
    return joined[ends[-1].end() :] if ends else joined


def _after(words: list[str]) -> str | None:
    """“…,” Putin said / said Putin / he added / according to Peskov (within a few words)."""
    while words and not words[0][:1].isalpha():
        words = words[1:]  # '"…", said Putin'
    words = words[:10]
    for index, word in enumerate(words):
        folded = word.casefold()
        if folded in _VERBS or (folded == "according" and words[index + 1 : index + 2] == ["to"]):
            if index == 0 or folded == "according":
                return _name_run(words[index + (2 if folded == "according" else 1) :])
            return _subject(words[:index])
    return None


def _before(words: list[str]) -> str | None:
    """Putin said: “…” / he said he hopes “…” / Rubio said that … adding that “…”."""
    for index in range(len(words) - 1, -1, -1):
        folded = words[index].casefold()
        if folded == "according" and words[index + 1 : index + 2] == ["to"]:
            if (name := _name_run(words[index + 2 :])) is not None:
                return name
        elif folded in _VERBS or folded in _PARTICIPLES:
            subject = _subject(words[:index])
            if subject is not None:
                return subject
    return None


def _subject(words: list[str]) -> str | None:
    """The name or pronoun right before a verb ("Peskov", "Mr Trump has"), else None."""
    index = len(words) - 1
    while index >= 0 and words[index].casefold() in _BETWEEN_SUBJECT_AND_VERB:
        index -= 1
    if index < 0:
        return None
    word = words[index]
    if word.casefold() in _PRONOUNS:
        return PRONOUN
    return _as_name(word)


def _name_run(words: list[str]) -> str | None:
    """The last name of the name after a verb: "Putin, a former …" / "Kremlin spokesman
    Dmitry Peskov on Monday" / "Trend Micro researcher Paul Ferguson": the last word before
    punctuation or a word such as "of" or "who", when it is a name ("the Associated Press",
    "a Western diplomat" are none)."""
    if words[:1] and words[0].casefold() in ("a", "an"):  # "said a spokesman, Rabie Atti"
        return _name_run(words[words.index(",") + 1 :]) if "," in words[:8] else None
    run = []
    for word in words[:8]:
        if not word[:1].isalpha() or word.casefold() in _STOPS_A_NAME:
            break
        run.append(word)
    while run and _INITIALS_RE.fullmatch(run[-1]):
        run.pop()
    return _as_name(run[-1]) if run else None


def _as_name(word: str) -> str | None:
    bare = re.sub(r"['\u2019]s$", "", word).strip(".")
    folded = bare.casefold()
    if not bare[:1].isupper() or bare.isupper() or _INITIALS_RE.fullmatch(word):
        return None
    if folded in _NOT_NAMES or folded in _TITLES or folded in stopwords():
        return None
    return bare
