"""Importing articles (and the events that come with them) into a project, all or nothing.

What ``tadqiq import`` does, for every front end: the options are checked against each other,
the files are read and stored in one transaction (db/importing.py), and a project file the
import created is removed again when the import fails, so a failed first import leaves no
empty project behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from tadqiq.core.importing.item import ImportOptions
from tadqiq.db.connection import remove_project_files
from tadqiq.db.importing import TOOL_FORMATS, FileReport, ImportCancelled, ImportReport, Progress, import_paths
from tadqiq.db.project import Project

__all__ = ["TOOL_FORMATS", "FileReport", "ImportCancelled", "ImportOptions", "ImportOptionsError", "ImportReport",
           "check_options", "import_files", "import_into"]


class ImportOptionsError(ValueError):
    """Options that contradict each other. ``reason`` names the rule broken, so each front end
    can word it in its own terms (flags, form fields):

    - ``"gold-without-reviewer"``: gold labels need the reviewer they belong to;
    - ``"gold-with-origin"``: mentions are either gold labels or proposals of an origin.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_options(options: ImportOptions) -> None:
    if options.gold and not options.reviewer:
        raise ImportOptionsError("gold-without-reviewer")
    if options.gold and options.origin:
        raise ImportOptionsError("gold-with-origin")


def import_files(project: Project, paths: Sequence[Path], options: ImportOptions | None = None, *,
                 skip_bad: bool = False, fmt: str = "auto", progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Import files and folders into an open project, all or nothing (see db/importing.py);
    with ``skip_bad`` the bad files are listed in the report and the good ones stored.
    ``cancelled()`` True stops it with ImportCancelled, nothing stored."""
    options = options or ImportOptions()
    check_options(options)
    return import_paths(project, list(paths), options, skip_bad=skip_bad, progress=progress, fmt=fmt,
                        cancelled=cancelled)


def import_into(path: Path, paths: Sequence[Path], options: ImportOptions | None = None, *,
                schema: str | Path | None = None, skip_bad: bool = False, fmt: str = "auto",
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Import into the project file ``path``, creating it (with ``schema``) when it does not
    exist; a file created here is removed again if the import fails or is cancelled."""
    options = options or ImportOptions()
    check_options(options)
    existed = path.exists()
    try:
        with Project.open(path, schema=schema) as project:
            return import_files(project, paths, options, skip_bad=skip_bad, fmt=fmt, progress=progress,
                                cancelled=cancelled)
    except BaseException:
        if not existed:
            remove_project_files(path)
        raise
