"""Data lists used by the core (boilerplate patterns)."""
