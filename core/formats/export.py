"""Run one export: pick the writer, write the files, split if asked, and write the manifest.

``export()`` is what the command line and the GUI call. It takes articles with their mentions
(any iterable, consumed once, so a database cursor streams straight through) and writes either
one file/folder or, with splits, one per split inside the output folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import OFFSETS, FormatError, Item, sha256_file
from tadqiq.core.formats.swap import clean_leftovers, staging_folder, swap_files, swap_folder
from tadqiq.core.formats.tokens import TOKENIZER, TOKENIZER_DOC
from tadqiq.core.model import GOLD_STATUSES, Mention
from tadqiq.core.schema import EventSchema
from tadqiq.core.version import __version__


def _writers() -> dict[str, tuple[Callable[..., dict[str, Any]], str, bool, str | None, str]]:
    """name -> (writer, file suffix, writes a folder, offset convention, one-line description)."""
    from tadqiq.core.formats.acled import write_acled_csv
    from tadqiq.core.formats.brat import write_brat
    from tadqiq.core.formats.conll import write_conll
    from tadqiq.core.formats.dygiepp import write_dygiepp
    from tadqiq.core.formats.native import write_native
    from tadqiq.core.formats.oneie import write_oneie
    from tadqiq.core.formats.oneie_original import write_oneie_original

    return {
        "jsonl": (write_native, ".jsonl", False, OFFSETS, "native JSONL, one article per line"),
        "oneie": (
            write_oneie,
            ".jsonl",
            False,
            "token indices end exclusive, relative to the window; start_char/end_char are code points "
            "relative to the window text",
            "OneIE/TextEE JSONL, one sentence window per line",
        ),
        "oneie-original": (
            write_oneie_original,
            ".jsonl",
            False,
            "token indices end exclusive, relative to the window; pieces/token_lens per token",
            "JSONL for the original OneIE loader (oneie/data.py): the oneie windows plus sent_id, pieces, "
            "token_lens, relation_mentions and the entities' mention_type",
        ),
        "dygiepp": (
            write_dygiepp,
            ".jsonl",
            False,
            "token indices document-level, end inclusive",
            "DyGIE++ JSONL, one document per line",
        ),
        "brat": (
            write_brat,
            "",
            True,
            "character offsets in Unicode code points into DOC.txt (UTF-8), end exclusive; \\n counts one",
            "brat standoff: DOC.txt + DOC.ann per article, annotation.conf",
        ),
        "conll": (
            write_conll,
            ".conll",
            False,
            None,
            "CoNLL BIO, one token per line, blank line between sentences",
        ),
        "acled-csv": (write_acled_csv, ".csv", False, None, "ACLED-like CSV, one row per real-world event"),
    }


FORMATS = ("jsonl", "oneie", "oneie-original", "dygiepp", "brat", "conll", "acled-csv")
TOKEN_FORMATS = frozenset({"oneie", "oneie-original", "dygiepp", "conll"})
#: Formats whose every mention is a positive example (no status): rejected mentions never go there.
NO_STATUS_FORMATS = frozenset({"oneie", "oneie-original", "dygiepp", "conll", "acled-csv"})


class _DropRejected:
    """Pass items through without their rejected mentions, counting what was left out."""

    def __init__(self, items: Iterable[Item]):
        self.items = items
        self.dropped = 0

    def __iter__(self):
        for article, mentions in self.items:
            kept = [m for m in mentions if m.status != "rejected"]
            self.dropped += len(mentions) - len(kept)
            yield article, kept
SPLIT_NAMES = ("train", "dev", "test")


def parse_split(spec: str) -> tuple[int, ...]:
    """'80/10/10' -> (80, 10, 10); two or three non-negative parts that sum to 100."""
    try:
        parts = tuple(int(p) for p in spec.split("/"))
    except ValueError:
        raise FormatError(f"split {spec!r}: expected numbers like 80/10/10") from None
    if len(parts) not in (2, 3) or any(p < 0 for p in parts) or sum(parts) != 100:
        raise FormatError(f"split {spec!r}: expected two or three parts that sum to 100, like 80/10/10")
    return parts


def assign_splits(ids: Sequence[str], ratios: Sequence[int], seed: int) -> dict[str, str]:
    """Article id -> split name: a seeded shuffle of the sorted ids, cut by the ratios (exact sizes)."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    n = len(order)
    out: dict[str, str] = {}
    cut = 0
    acc = 0
    for name, ratio in zip(SPLIT_NAMES, ratios, strict=False):
        acc += ratio
        nxt = round(n * acc / 100)
        for ext_id in order[cut:nxt]:
            out[ext_id] = name
        cut = nxt
    return out


def export(
    fmt: str,
    items: Iterable[Item] | Mapping[str, Iterable[Item]],
    schema: EventSchema,
    out: str | Path,
    *,
    command: str = "",
    created: str | None = "now",
    progress: Callable[[int], None] | None = None,
    extra: Mapping[str, Any] | None = None,
    options: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Write ``items`` in format ``fmt`` to ``out`` and a manifest beside it; return the manifest.

    ``options``: keyword arguments of the format's writer (``max_span_width`` for dygiepp); a
    writer's ``report`` (arguments over the span width ...) goes into the manifest.

    ``items`` may be a mapping split name -> items; then ``out`` is a folder holding one file
    (or folder, for brat) per split. A file export's manifest is ``OUT.manifest.json``; a folder
    export's is ``OUT/manifest.json``. ``created=None`` leaves the time out (reproducible files).
    """
    writers = _writers()
    if fmt not in writers:
        raise FormatError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    writer, suffix, is_folder, offsets, doc = writers[fmt]
    out = Path(out)
    if isinstance(items, Mapping) or is_folder:
        return _export_folder(fmt, items, schema, out, command=command, created=created, progress=progress,
                              extra=extra, options=options)
    if out.is_dir():
        raise FormatError(f"{out} is a folder; {fmt} writes a file: give a file name")
    manifest_path = out.with_name(out.name + ".manifest.json")
    with _staged(out) as staging:
        target, staged_manifest = staging / out.name, staging / manifest_path.name
        try:
            result = _write(writer, fmt, items, schema, target, progress, options)
            manifest = _manifest(fmt, schema, result["counts"], result["files"], staging, staged_manifest,
                                 command, created, {**(extra or {}), **result.get("report", {})})
        except FormatError as exc:  # name the real target, not the staging folder
            raise FormatError(str(exc).replace(str(target), str(out)).replace(str(staging), str(out.parent))) from None
        try:
            swap_files([(target, out), (staged_manifest, manifest_path)])  # the manifest last
        except FileExistsError as exc:
            raise FormatError(f"{exc.filename} is a folder; the export needs that name for a file") from None
    return manifest


@contextmanager
def _staged(out: Path) -> Iterator[Path]:
    """A hidden staging folder beside ``out`` for an export to be written into and then moved
    into place. Parent folders it had to create, and the staging folder, are removed again
    when the export fails or is cancelled: a failed export leaves nothing behind."""
    missing = []
    parent = out.parent
    while not parent.exists():
        missing.append(parent)
        parent = parent.parent
    if not parent.is_dir():
        raise FormatError(f"cannot write {out}: {parent} is a file, not a folder")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(out)  # staging folders of killed exports of this target
        staging = staging_folder(out)
    except OSError as exc:
        for folder in missing:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise OSError(exc.errno, f"cannot write {out}: {exc.strerror}", str(out)) from None
    done = False
    try:
        yield staging
        done = True
    except OSError as exc:  # name the real target, not the hidden staging folder
        if exc.filename is not None and str(staging) in str(exc.filename):
            raise OSError(exc.errno, f"cannot write {out}: {exc.strerror}", str(out)) from None
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if not done:
            for folder in missing:  # innermost first; only if still empty
                try:
                    folder.rmdir()
                except OSError:
                    break


def previous_export(folder: Path) -> bool:
    """Whether ``folder`` holds a Tadqiq export (its manifest.json), which a new export may replace."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(manifest, dict) and {"format", "files", "tadqiq_version"} <= set(manifest)


def check_output_folder(out: Path) -> None:
    """Refuse a folder output that is a file, or a non-empty folder that is not a previous export."""
    if out.exists() and not out.is_dir():
        raise FormatError(f"{out} is a file; this export writes a folder")
    if out.is_dir() and any(out.iterdir()) and not previous_export(out):
        raise FormatError(
            f"{out}: the folder is not empty and holds no previous Tadqiq export (manifest.json); "
            "give a new or empty folder (a previous export there would be replaced whole)"
        )


def _export_folder(
    fmt: str,
    items: Iterable[Item] | Mapping[str, Iterable[Item]],
    schema: EventSchema,
    out: Path,
    *,
    command: str,
    created: str | None,
    progress: Callable[[int], None] | None,
    extra: Mapping[str, Any] | None,
    options: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Write a folder export into a staging folder beside ``out``, then swap it in whole.

    A previous export in ``out`` is replaced, never merged (no stale documents beside the new
    ones); an error leaves ``out`` as it was."""
    writer, suffix, is_folder, _, _ = _writers()[fmt]
    check_output_folder(out)
    with _staged(out) as staging:
        try:
            files: list[Path | str] = []
            ids: dict[str, str] = {}  # file -> article id where a file name could not be the id
            report: dict[str, Any] = {}
            if isinstance(items, Mapping):
                counts: dict[str, Any] = {}
                for name, split_items in items.items():
                    target = staging / name if is_folder else staging / f"{name}{suffix}"
                    result = _write(writer, fmt, split_items, schema, target, progress, options)
                    files.extend(result["files"])
                    counts[name] = result["counts"]
                    ids.update({f"{name}/{k}": v for k, v in result.get("ids", {}).items()})
                    _merge_report(report, result.get("report", {}))
                total: dict[str, Any] = {}
                for c in counts.values():
                    for k, v in c.items():
                        if isinstance(v, int):
                            total[k] = total.get(k, 0) + v
                counts = {"total": total, **counts}
            else:
                result = _write(writer, fmt, items, schema, staging, progress, options)
                files.extend(result["files"])
                counts = result["counts"]
                ids.update(result.get("ids", {}))
                _merge_report(report, result.get("report", {}))
            if ids:
                extra = {**(extra or {}), "ids": dict(sorted(ids.items()))}
            manifest = _manifest(fmt, schema, counts, files, staging, staging / "manifest.json", command, created,
                                 {**(extra or {}), **report})
        except FormatError as exc:  # name the real target, not the staging folder
            raise FormatError(str(exc).replace(str(staging), str(out))) from None
        swap_folder(staging, out)  # one exchange: old or new export at every instant (swap.py)
    return manifest


def _manifest(
    fmt: str,
    schema: EventSchema,
    counts: dict[str, Any],
    files: Sequence[Path | str],
    base: Path,
    manifest_path: Path,
    command: str,
    created: str | None,
    extra: Mapping[str, Any] | None,
) -> dict[str, Any]:
    _, _, _, offsets, doc = _writers()[fmt]
    manifest: dict[str, Any] = {
        "format": fmt,
        "description": doc,
        "schema": {"name": schema.name, "version": schema.version},
        "tokenizer": {"name": TOKENIZER, "rule": TOKENIZER_DOC} if fmt in TOKEN_FORMATS else None,
        "offsets": offsets,
        "counts": counts,
        "command": command,
        "tadqiq_version": __version__,
    }
    if fmt in NO_STATUS_FORMATS:
        total_counts = counts.get("total", counts)
        manifest["excluded"] = {
            "rejected": total_counts.get("rejected_excluded", 0),
            "why": f"{fmt} has no review status, so every mention written is a positive example; "
            "rejected mentions are never written",
        }
    if created is not None:
        manifest["created"] = datetime.now(UTC).isoformat(timespec="seconds") if created == "now" else created
    if extra:
        manifest.update(extra)
    root = os.fspath(base) + os.sep
    names = sorted(_relative(os.fspath(p), root, base) for p in files)
    manifest["files"] = {name: sha256_file(base / name) for name in names}
    with open(manifest_path, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=2)  # written in pieces, not one string
        fh.write("\n")
    return manifest


def _relative(path: str, root: str, base: Path) -> str:
    """``path`` relative to ``base`` (``root`` is base + separator) in / form; a folder export
    lists hundreds of thousands of files, so no Path object is made where a prefix does."""
    if path.startswith(root):
        return path[len(root):].replace(os.sep, "/")
    return Path(path).relative_to(base).as_posix()


def _merge_report(into: dict[str, Any], report: Mapping[str, Any]) -> None:
    """Fold one split's writer report into the export's: lists are joined, the rest kept."""
    for key, value in report.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            for k, v in value.items():
                into[key][k] = into[key].get(k, []) + v if isinstance(v, list) else v
        else:
            into[key] = value


def _write(
    writer: Callable[..., dict[str, Any]],
    fmt: str,
    items: Iterable[Item],
    schema: EventSchema,
    target: Path,
    progress: Callable[[int], None] | None,
    options: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    if fmt not in NO_STATUS_FORMATS:
        return writer(items, schema, target, progress=progress, **(options or {}))
    kept = _DropRejected(items)
    result = writer(kept, schema, target, progress=progress, **(options or {}))
    result["counts"]["rejected_excluded"] = kept.dropped
    return result


def select_mentions(
    mentions: Iterable[Mention],
    status: str = "gold",
    *,
    reviewer: str | None = None,
    types: Sequence[str] | None = None,
    schema: EventSchema | None = None,
) -> list[Mention]:
    """The mentions an export takes: ``gold`` (confirmed, corrected, added) or ``all``; by reviewer, by type."""
    if status not in ("gold", "all"):
        raise FormatError(f"status {status!r}: use gold or all")
    if types and schema is not None:
        unknown = [t for t in types if t not in schema.types]
        if unknown:
            raise FormatError(
                f"unknown event type {', '.join(unknown)} (schema {schema.name}: {', '.join(schema.types)})"
            )
    wanted = set(types) if types else None
    return [
        m
        for m in mentions
        if (status == "all" or m.status in GOLD_STATUSES)
        and (reviewer is None or m.reviewer == reviewer)
        and (wanted is None or m.type in wanted)
    ]
