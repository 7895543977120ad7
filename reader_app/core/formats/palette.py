"""The highlight colours the window's light theme and the HTML page share (and so the PDF
the window exports from that page): the same wording reads the same colour everywhere a
reader meets it. Okabe-Ito based, safe with the common colour-vision deficiencies. Must not
import Qt (the window makes its colours from these strings).
"""

SHARED_BACKGROUND = "#cfe6f7"  # wording both documents hold: light blue
UNIQUE_BACKGROUND = "#fbd38d"  # wording only this document holds: orange
UNLINKED_BACKGROUND = "#fdf3e1"  # a paragraph with no counterpart at all: pale orange
DIFFERS_MARK = "#d55e00"  # a figure, date or name the other document states otherwise
