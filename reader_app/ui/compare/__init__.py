"""The side-by-side comparison: the view, its two document panes and their formats, the gutter
between them, the overview bar and the row layout that keeps linked paragraphs level."""
