"""The main window and its parts: menus, remembered settings, status bar, find bar, and the
window's side of the annotations. The parts get what they need passed in; none imports
``main_window``."""
