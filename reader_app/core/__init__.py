"""The engine of Source Reader: documents, alignment, word diff, comparison, rendering.

Nothing in this package imports Qt; it takes plain text in and gives frozen dataclasses of
offsets out, so the window, the command line and the exporters all render one result.
"""
