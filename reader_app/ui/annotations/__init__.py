"""The window's annotation widgets: the controller (the one object that talks to the
``Store``), the file watcher, undo commands, the Annotations table model and panel, the tag
editor, underlines and margin stripes, and the linked-passage bar."""
