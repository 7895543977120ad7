"""The library dock: the Qt model of the documents opened, and the panel that lists them."""
