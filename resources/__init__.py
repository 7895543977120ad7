"""Package data: the application icon, the desktop entry, the example annotation file."""
