"""Use cases: what a user does, written once for every front end (the CLI and the GUI).

Each function takes a project and plain arguments, reports progress through a callback and
returns a summary; nothing here imports Qt or click.
"""
