"""The command line's way into the GUI; Qt is imported only when this is called."""

from __future__ import annotations

from pathlib import Path


def launch(project: str | Path, reviewer: str | None = None, *, article: int | str | None = None,
           settings_file: str | Path | None = None) -> int:
    """Open the review window on ``project`` and return the exit code when it closes.

    ``reviewer`` sets (and remembers) the reviewer name without asking; ``article`` opens
    that article (row id or external id) instead of the first one to review;
    ``settings_file`` uses an INI file instead of the user's settings (scripted sessions).
    """
    from tadqiq.gui.app import run

    return run(project, reviewer, article=article, settings_file=settings_file)
