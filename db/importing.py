"""Import files into a project: read (on every core) while storing, all in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from tadqiq.core.formats.preannotations import detect_format, preannotation_import_items
from tadqiq.core.importing.item import ImportItem, ImportOptions, ImportProblem
from tadqiq.core.importing.readers import SIDECAR, collect_files, read_sidecar
from tadqiq.core.validate import MentionError
from tadqiq.db.connection import ProjectBusy, ProjectError
from tadqiq.db.import_reading import FileReader, workers_for
from tadqiq.db.project import ImportResult, Project


@dataclass
class FileReport:
    path: Path
    articles: int
    encoding: str
    format: str = "tadqiq"  # or the other tool's format it was read as
    warnings: list[str] = field(default_factory=list)  # what the reader left out without failing


@dataclass
class ImportReport:
    result: ImportResult
    files: list[FileReport] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)  # messages of files skipped with skip_bad


#: Formats of other tools read through core.formats (the rest: .txt, native .jsonl, .csv).
TOOL_FORMATS = ("oneie", "brat", "labelstudio", "prodigy", "dygiepp", "oneie-predictions")


def tool_format(path: Path) -> str | None:
    """The other tool's format a path is in, or None for Tadqiq's own readers."""
    if path.is_dir():
        return "brat" if any(path.glob("*.ann")) else None
    if path.suffix.lower() == ".json":
        return "labelstudio"
    if path.suffix.lower() == ".jsonl" and path.name != SIDECAR and path.is_file():
        fmt = detect_format(path)
        return fmt if fmt in TOOL_FORMATS else None
    return None


def _read_tool(path: Path, fmt: str, project: Project, options: ImportOptions,
               warnings: list[str] | None = None) -> list[ImportItem]:
    """Another tool's file as ImportItems.

    Without ``--origin`` or ``--gold`` a brat folder's ``#`` Tadqiq notes are kept (status, origin,
    reviewer, confidence, link: restoring a Tadqiq export); a mention without a note is a proposal
    of ``import:NAME``. ``--origin X`` makes every mention a proposal of X to review; ``--gold``
    makes every mention gold ("added") of ``--reviewer`` — except a model's predictions (a Label
    Studio task's ``predictions``, read with another origin), which stay proposals.
    """
    origin = options.origin or f"import:{path.name}"
    restore = not options.origin and not options.gold
    items = preannotation_import_items(path, project.schema, origin=origin, fmt=fmt, keep_review=restore,
                                       texts=lambda ext_id: _stored_text(project, ext_id),
                                       warn=None if warnings is None else warnings.append,
                                       label_studio_from=options.label_studio_from)
    if options.gold:
        gold = {"status": "added", "origin": f"reviewer:{options.reviewer}", "reviewer": options.reviewer}
        items = [replace(i, mentions=tuple(replace(m, **gold) if m.origin == origin else m for m in i.mentions))
                 for i in items]  # fmt: skip
    return items


def _stored_text(project: Project, ext_id: str) -> str | None:
    row = project.db.execute("SELECT text FROM articles WHERE ext_id = ?", [ext_id]).fetchone()
    return None if row is None else row[0]


#: progress(articles read so far, articles expected when known): for a progress bar.
Progress = Callable[[int, int | None], None]


class ImportCancelled(Exception):
    """The caller's ``cancelled()`` said stop: the import's transaction was rolled back whole."""


def import_paths(project: Project, paths: list[Path], options: ImportOptions | None = None, *,
                 skip_bad: bool = False, progress: Progress | None = None,
                 fmt: str = "auto", workers: int | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Import files and folders, all or nothing.

    Files are read (in worker processes when there is much to read) while what has been read
    is stored, all in one transaction. Without ``skip_bad`` the first bad file raises
    ImportProblem and the transaction rolls back: nothing is stored. With it, bad files are
    listed in the report and contribute nothing; the good ones are stored together.
    Problems found while storing (a clashing id) abort the whole transaction either way.
    ``cancelled()`` is asked before each article is stored; when it says True, ImportCancelled
    is raised and the transaction rolls back: a cancelled import stores nothing.
    """
    options = options or ImportOptions()
    report = ImportReport(ImportResult())
    tool_items: list[ImportItem] = []
    own: list[Path] = []
    for path in paths:
        kind = fmt if fmt in TOOL_FORMATS else (tool_format(path) if fmt == "auto" else None)
        if kind is None:
            own.append(path)
            continue
        warnings: list[str] = []
        try:
            read = _read_tool(path, kind, project, options, warnings)
        except ImportProblem as exc:
            if not skip_bad:
                raise
            report.bad.append(str(exc))
            continue
        tool_items.extend(read)
        report.files.append(FileReport(path, len(read), "utf-8", kind, warnings))
    files = [p for p in collect_files(own) if p.name != SIDECAR]
    fields, unreadable = _sidecar_fields(files)
    expected = len(tool_items) + sum(1 for p in files if p.suffix.lower() == ".txt")

    def checked(items: Iterator[ImportItem]) -> Iterator[ImportItem]:
        for item in items:
            if cancelled is not None and cancelled():
                raise ImportCancelled("import cancelled: nothing was stored")
            yield item

    def stream(reader: FileReader) -> Iterator[ImportItem]:
        yield from tool_items
        count, stored, held = 0, 0, []  # held: parts of a large file kept until known good (skip_bad)
        for part in reader.read([p for p in files if p not in unreadable], fields):
            if part.problem is not None:
                if not skip_bad:
                    raise part.problem
                report.bad.append(str(part.problem))
                held = []
                continue
            held.extend(part.items)
            if not skip_bad or part.done:
                count += len(held)
                stored += len(held)
                if progress:
                    done = len(tool_items) + stored
                    progress(done, expected if expected >= done else None)
                yield from held
                held = []
            if part.done:
                report.files.append(FileReport(part.path, count, part.encoding))
                count = 0

    for problem in unreadable.values():
        if not skip_bad:
            raise problem
        report.bad.append(str(problem))
    try:
        with FileReader(project.schema, options, workers_for(files) if workers is None else workers,
                        project.db.conn) as reader:
            with project.db.atomic():
                report.result = project.import_items(checked(stream(reader)))
    except ProjectBusy:
        raise
    except (MentionError, ProjectError) as exc:
        raise ImportProblem(str(exc)) from None
    return report


def _sidecar_fields(files: list[Path]) -> tuple[dict[Path, dict | None], dict[Path, ImportProblem]]:
    """Each .txt file's metadata from a metadata.jsonl beside it; files whose sidecar is bad."""
    sidecars: dict[Path, dict | ImportProblem] = {}
    fields: dict[Path, dict | None] = {}
    unreadable: dict[Path, ImportProblem] = {}
    for path in files:
        folder = path.parent
        if folder not in sidecars:
            try:
                sidecars[folder] = read_sidecar(folder / SIDECAR) if (folder / SIDECAR).is_file() else {}
            except ImportProblem as exc:
                sidecars[folder] = exc
        found = sidecars[folder]
        if isinstance(found, ImportProblem):
            if path.suffix.lower() == ".txt":
                unreadable[path] = found
            continue
        fields[path] = found.get(path.stem)
    return fields, unreadable
