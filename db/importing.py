"""Import files into a project: read and check everything first, then store in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.importing.item import ImportItem, ImportOptions, ImportProblem
from core.importing.readers import SIDECAR, collect_files, read_file, read_sidecar
from core.validate import MentionError
from db.connection import ProjectError
from db.project import ImportResult, Project


@dataclass
class FileReport:
    path: Path
    articles: int
    encoding: str


@dataclass
class ImportReport:
    result: ImportResult
    files: list[FileReport] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)  # messages of files skipped with skip_bad


def import_paths(project: Project, paths: list[Path], options: ImportOptions | None = None, *,
                 skip_bad: bool = False, progress: Callable[[Path], None] | None = None) -> ImportReport:
    """Import files and folders, all or nothing.

    Without ``skip_bad`` the first bad file raises ImportProblem and nothing is stored.
    With it, bad files are listed in the report and the good ones are stored together.
    Problems found while storing (a clashing id) abort the whole transaction either way.
    """
    options = options or ImportOptions()
    items: list[ImportItem] = []
    files: list[FileReport] = []
    bad: list[str] = []
    sidecars: dict[Path, dict] = {}
    for path in collect_files(paths):
        try:
            if path.name == SIDECAR:
                continue
            folder = path.parent
            if folder not in sidecars:
                sidecars[folder] = read_sidecar(folder / SIDECAR) if (folder / SIDECAR).is_file() else {}
            read, encoding = read_file(path, project.schema, options, sidecars[folder])
        except ImportProblem as exc:
            if not skip_bad:
                raise
            bad.append(str(exc))
            continue
        finally:
            if progress:
                progress(path)
        items.extend(read)
        files.append(FileReport(path, len(read), encoding))
    try:
        result = project.import_items(items)
    except (MentionError, ProjectError) as exc:
        raise ImportProblem(str(exc)) from None
    return ImportReport(result, files, bad)
