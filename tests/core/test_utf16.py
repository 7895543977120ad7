"""UTF-16 without a byte-order mark, in any script, told from binary files and from single-byte
text with a stray NUL byte."""

from __future__ import annotations

import random
import struct

import pytest

from reader_app.core.documents import decode_bytes
from reader_app.core.errors import ReaderError
from reader_app.core.utf16 import unmarked_utf16

TEXTS = {
    "russian": "Президент России заявил в понедельник, что переговоры продолжатся.\n"
               "Вторая строка: 12 пунктов.",
    # "The prime minister said on Monday that the talks will continue."
    "greek": ("\u039f \u03c0\u03c1\u03c9\u03b8\u03c5\u03c0\u03bf\u03c5\u03c1\u03b3\u03cc\u03c2 "
              "\u03b4\u03ae\u03bb\u03c9\u03c3\u03b5 \u03c4\u03b7 \u0394\u03b5\u03c5\u03c4\u03ad"
              "\u03c1\u03b1 \u03cc\u03c4\u03b9 \u03bf\u03b9 \u03c3\u03c5\u03bd\u03bf\u03bc\u03b9"
              "\u03bb\u03af\u03b5\u03c2 \u03b8\u03b1 \u03c3\u03c5\u03bd\u03b5\u03c7\u03b9\u03c3"
              "\u03c4\u03bf\u03cd\u03bd.\n"),
    "chinese": "中国外交部发言人周一表示\uff0c一带一路倡议将继续推进。\n第二段内容在这里。",
    "japanese": "日本政府は月曜日、交渉を再開すると発表した。\u3000これは一つの例です。\n",
    "korean": "대통령은 월요일 회담이 계속될 것이라고 말했다.\n",
    "arabic": "قال الرئيس يوم الاثنين إن المحادثات ستستمر.\n",
    "hindi": "राष्ट्रपति ने सोमवार को कहा कि बातचीत जारी रहेगी।\n",
    # Latin with characters of the form U+XX00 ("Ā", "Ѐ") and many above U+00FF.
    "latin-wide": "Ā note on Ābele, Ѐ and the Łódź office — “quoted” … \u2018again\u2019 €5\n",
    "emoji": "Great news 😀🎉 today!\n",
}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", sorted(TEXTS))
def test_unmarked_utf16_in_any_script_is_decoded(name: str, codec: str) -> None:
    # (was "binary file (contains NUL bytes)" for all but Latin text without U+XX00)
    text, warnings = decode_bytes(TEXTS[name].encode(codec), "w.txt")
    assert text == TEXTS[name].replace("\r\n", "\n")
    assert warnings == (f"w.txt: not UTF-8; decoded as {codec.upper()} (no byte-order mark: "
                        "told by its NUL bytes, every other byte)",)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_long_unmarked_utf16_text_is_read_in_its_byte_order(codec: str) -> None:
    text = "".join(TEXTS.values()) * 400  # beyond the sample weighed
    assert unmarked_utf16(text.encode(codec)) == (text, codec)


_RANDOM = random.Random(7)
NOT_UTF16 = {
    "random": bytes(_RANDOM.randrange(256) for _ in range(4096)),
    "every-byte": bytes(range(256)) * 64,
    "zeros": bytes(1000),
    "int16-samples": b"".join(struct.pack("<h", _RANDOM.randrange(-300, 300))
                              for _ in range(2000)),
    "ascii-stray-nul": b"plain start \x00 a NUL byte and a bit more text here...",
    "long-ascii-stray-nul": b"The minister said on Monday that talks would resume. " * 20
                            + b"\x00\x00",
    "utf8-russian-stray-nul": "Президент России заявил в понедельник, что переговоры "
                              "продолжатся. ".encode() * 10 + b"\x00\x00",
    "cp1252-stray-nul": "Café déjà vu — naïve résumé, the report said. ".encode("cp1252") * 10
                        + b"\x00\x00",
    "nul-padded": b"A short note that a tool padded to its block size.\n" * 4 + bytes(400),
    # Decodes strictly to "Ā戂湩牡y" over and over, no control in it: but no space either.
    "repeated-record": b"\x00\x01\x02binary\x00" * 200,
}


@pytest.mark.parametrize("name", sorted(NOT_UTF16))
def test_binary_and_single_byte_text_with_nuls_are_not_utf16(name: str) -> None:
    data = NOT_UTF16[name]
    assert len(data) % 2 == 0  # (an odd length is never UTF-16)
    assert unmarked_utf16(data) is None
    with pytest.raises(ReaderError, match=r"b\.txt: binary file"):
        decode_bytes(data, "b.txt")
