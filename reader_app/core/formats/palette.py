"""The highlight colours the window's light theme and the HTML page share (and so the PDF
the window exports from that page): the same wording reads the same colour everywhere a
reader meets it. Okabe-Ito based, safe with the common colour-vision deficiencies. Must not
import Qt (the window makes its colours from these strings).
"""

SHARED_BACKGROUND = "#cfe6f7"  # wording both documents hold: light blue
UNIQUE_BACKGROUND = "#fbd38d"  # wording only this document holds: orange
UNLINKED_BACKGROUND = "#fdf3e1"  # a paragraph with no counterpart at all: pale orange
VARIANT_MARK = "#0072b2"  # the underline of a word the other document words otherwise: blue
DIFFERS_MARK = "#d55e00"  # a figure, date or name the other document states otherwise
# Text, not marks: the page's notes are small type, which needs 4.5:1 on its near-white rows
# (the vermilion above is 3.9:1, the links' bluish green #009e73 3.4:1).
DIFFERS_TEXT = "#a33f00"  # "(differs: 13 ≠ 14)", as the window's bold differing words
LINK_TEXT = "#007a5a"  # "reworded, linked to R2": bluish green, darker
