"""Export jobs: a project's labels out in an export format, the same for ``tadqiq export`` and
File → Export….

:func:`run_export` opens its own :class:`Project` on the job's file, so the GUI can run it in a
worker thread (an SQLite connection is used only in the thread that made it). Nothing
half-written is left behind: ``core.formats.export.export`` stages the whole export beside the
target and moves it into place only when complete; on an error or a cancel (raised from the
progress callback) the target is untouched.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import FormatError
from tadqiq.core.formats.export import FORMATS, assign_splits, check_output_folder, export, parse_split, select_mentions
from tadqiq.db.export_queries import export_articles, export_items, mention_reviewers
from tadqiq.db.project import Project
from tadqiq.extract.place_units import admin1_of_places

__all__ = ["FORMATS", "ExportCancelled", "ExportJob", "ExportSummary", "check_job", "run_export"]


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class ExportJob:
    """One export, as ``tadqiq export`` takes it."""

    project: Path
    fmt: str
    out: Path
    status: str = "gold"
    reviewer: str | None = None
    types: tuple[str, ...] | None = None  # None: every type
    split: str | None = None  # "80/10/10"
    seed: int = 0
    max_span_width: int = 8  # dygiepp: arguments longer than this (in tokens) are reported
    pieces_vocab: Path | None = None  # oneie-original: the model's WordPiece vocab.txt
    pieces_uncased: bool = False  # oneie-original: an uncased model (lower case, marks stripped)

    @property
    def writes_folder(self) -> bool:
        return self.fmt == "brat" or bool(self.split)

    @property
    def manifest_path(self) -> Path:
        return self.out / "manifest.json" if self.writes_folder else self.out.with_name(self.out.name + ".manifest.json")

    def command(self) -> str:
        """The equivalent command line (recorded in the manifest)."""
        parts = ["tadqiq", "export", str(self.project), "--format", self.fmt, "-o", str(self.out),
                 "--status", self.status]
        if self.reviewer:
            parts += ["--reviewer", self.reviewer]
        if self.split:
            parts += ["--split", self.split, "--seed", str(self.seed)]
        if self.types:
            parts += ["--types", ",".join(self.types)]
        if self.fmt == "dygiepp":
            parts += ["--max-span-width", str(self.max_span_width)]
        if self.fmt == "oneie-original" and self.pieces_vocab is not None:
            parts += ["--pieces-vocab", str(self.pieces_vocab)] + (["--pieces-uncased"] if self.pieces_uncased else [])
        return shlex.join(parts)


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote (the manifest's counts); ``splits`` per split name, ``extras`` the
    other non-zero counts (rejected mentions left out ...)."""

    format: str
    out: Path
    manifest: Path
    articles: int
    mentions: int
    files: int
    splits: dict[str, dict[str, Any]] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)
    #: reviewers named on the project's mentions, when the job picks one (to say who there is)
    reviewers: tuple[str, ...] = ()
    #: dygiepp: the arguments longer than the job's max_span_width (document, event, role, text, width)
    long_arguments: tuple[dict[str, Any], ...] = ()


def check_job(job: ExportJob) -> None:
    """Refuse an output the format cannot write, naming the format, before anything is read.

    The GUI asks this first; ``tadqiq export`` leaves these cases to the writer's own messages."""
    if job.fmt not in FORMATS:
        raise FormatError(f"unknown format {job.fmt!r}; choose one of {', '.join(FORMATS)}")
    out = job.out
    if job.writes_folder and out.exists() and not out.is_dir():
        raise FormatError(f"{out} is a file; {job.fmt}{' with a split' if job.split else ''} writes a folder")
    if not job.writes_folder and out.is_dir():
        raise FormatError(f"{out} is a folder; {job.fmt} writes a file: give a file name")
    if job.writes_folder:
        check_output_folder(out)
    place = out.parent
    while not place.exists():
        place = place.parent
    if not place.is_dir():
        raise FormatError(f"cannot write {out}: {place} is a file, not a folder")


def run_export(
    job: ExportJob,
    *,
    total: Callable[[int], None] | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportSummary:
    """Run ``job`` on a connection of the calling thread and say what it wrote.

    ``total`` is told the number of articles before the first is written, ``progress`` each one
    written; ``cancelled`` is asked before each article (True raises :class:`ExportCancelled`).
    Raises FormatError, ProjectError or OSError on failure; in every failing case the target is
    left as it was.
    """

    def step(n: int) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled
        if progress is not None:
            progress(n)

    types = list(job.types) if job.types else None
    with Project.open(job.project, create=False, read_only=True) as project:
        select_mentions([], job.status, types=types, schema=project.schema)  # unknown types fail here
        articles = export_articles(project, job.status, job.reviewer)
        if total is not None:
            total(len(articles))
        step(0)
        items: Any
        if job.split:
            ratios = parse_split(job.split)
            which = assign_splits([ext for _, ext in articles], ratios, job.seed)
            items = {
                name: export_items(project, [i for i, ext in articles if which[ext] == name], job.status,
                                   job.reviewer, types)
                for name in ["train", "dev", "test"][: len(ratios)]
            }
        else:
            items = export_items(project, [i for i, _ in articles], job.status, job.reviewer, types)
        extra = {"selection": {"status": job.status, "reviewer": job.reviewer, "types": types,
                               "split": job.split, "seed": job.seed if job.split else None,
                               "project": str(job.project)}}
        options: dict[str, Any] | None = None
        if job.fmt == "dygiepp":
            options = {"max_span_width": job.max_span_width}
        elif job.fmt == "oneie-original":
            options = {"pieces_vocab": job.pieces_vocab, "pieces_uncased": job.pieces_uncased}
        elif job.fmt == "acled-csv":
            options = {"admin1_of": admin1_of_places()}  # the first-level unit of each gazetteer town
        manifest = export(job.fmt, items, project.schema, job.out, command=job.command(), progress=step,
                          extra=extra, options=options)
        reviewers = tuple(mention_reviewers(project)) if job.reviewer else ()
    counts = manifest["counts"]
    totals = counts.get("total", counts)
    return ExportSummary(
        format=job.fmt,
        out=job.out,
        manifest=job.manifest_path,
        articles=totals.get("articles", 0),
        mentions=totals.get("mentions", 0),
        files=len(manifest["files"]),
        splits={k: v for k, v in counts.items() if k in ("train", "dev", "test")},
        extras={k: v for k, v in totals.items() if k not in ("articles", "mentions") and v},
        reviewers=reviewers,
        long_arguments=tuple(manifest.get("dygiepp", {}).get("arguments_over_max_span_width", ())),
    )
