"""The PySide6 workstation: windows, Qt models, widgets, undo commands, settings."""
