"""Putting a finished export in place of the previous one so that, at every instant, the target
is the complete old export or the complete new one.

An export is written into a staging folder beside its target (``.NAME.partial-PID-XXXX``, so
the rename never crosses a file system). Then:

- a folder export: on Linux, one ``renameat2(RENAME_EXCHANGE)`` swaps the staging folder and the
  target in one step (the old export is then in the staging folder's place and deleted); where
  the platform or file system has no exchange (macOS, Windows, old kernels, some network file
  systems), the best fallback is two renames: the old folder to ``.NAME.old-PID-XXXX``, the new one
  to NAME. Between those two renames — microseconds — NAME does not exist, but the old export
  is whole in ``.NAME.old-*`` and is put back if the second rename fails.
- a file export (data file + ``.manifest.json``): each file goes in by one ``rename`` over the
  old one (``os.replace``; exchanged on Linux, so a failure of the second puts the first back).
  Each file is at every instant complete old or complete new; the manifest, which holds the
  sha256 of the data file, goes in last.

A killed export leaves its staging folder (and, in the fallback, at most one ``.old-*``);
:func:`clean_leftovers` removes those of processes that are gone, at the next export of the same
target.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _load_renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2  # glibc 2.28+
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


_renameat2 = _load_renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap the names ``a`` and ``b`` (both must exist) in one atomic step; False where the
    platform or file system cannot (then nothing was changed)."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # no exchange here: the caller falls back
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def _tag() -> str:
    return f"{os.getpid()}-"


def staging_folder(out: Path) -> Path:
    """A new hidden folder beside ``out`` to write the export into (``out.parent`` must exist)."""
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-{_tag()}", dir=out.parent))


_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?:partial|old)-(?:(?P<pid>\d+)-)?[A-Za-z0-9_]+$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def leftovers(out: Path) -> list[Path]:
    """Staging and set-aside folders/files of earlier exports of ``out`` whose process is gone
    (names without a process id come from older versions: gone too)."""
    found = []
    try:
        entries = list(out.parent.iterdir())
    except OSError:
        return []
    for entry in entries:
        m = _LEFTOVER.match(entry.name)
        if m is None or m.group("name") != out.name:
            continue
        pid = int(m.group("pid")) if m.group("pid") else None
        if pid is not None and (pid == os.getpid() or _alive(pid)):
            continue  # an export running now (this one or another process's)
        found.append(entry)
    return sorted(found)


def clean_leftovers(out: Path) -> list[Path]:
    """Remove :func:`leftovers` of ``out``; return what was removed."""
    removed = []
    for entry in leftovers(out):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()
        if not entry.exists():
            removed.append(entry)
    return removed


def swap_folder(new: Path, out: Path) -> None:
    """Put the folder ``new`` at ``out``, replacing a previous one there (see the module doc)."""
    if not out.exists():
        os.rename(new, out)
        return
    if exchange(new, out):
        shutil.rmtree(new, ignore_errors=True)  # the old export, now under the staging name
        return
    old = out.parent / f".{out.name}.old-{_tag()}{new.name.rsplit('-', 1)[-1]}"
    os.replace(out, old)
    try:
        os.replace(new, out)
    except BaseException:
        os.replace(old, out)  # the previous export back where it was
        raise
    shutil.rmtree(old, ignore_errors=True)


def swap_files(pairs: list[tuple[Path, Path]]) -> None:
    """Move each new file onto its destination with one rename each, all or none: if a later
    one fails, the earlier ones get their old file back (exchanged, or from a hard link kept
    in the new file's folder where there is no exchange)."""
    for _new, dest in pairs:
        if dest.is_dir():
            raise FileExistsError(errno.EISDIR, "a folder is in the way of a file of the export", str(dest))
    done: list[tuple[Path, Path, str]] = []  # (new path now holding the old file, dest, how)
    try:
        for new, dest in pairs:
            if dest.exists() and exchange(new, dest):
                done.append((new, dest, "exchanged"))
                continue
            kept = new.with_name(new.name + ".previous")
            had_old = dest.exists()
            if had_old:
                try:
                    os.link(dest, kept)  # the old file stays reachable until all are in
                except OSError:  # a file system without hard links
                    shutil.copy2(dest, kept)
            os.replace(new, dest)
            done.append((kept, dest, "linked" if had_old else "new"))
    except BaseException:
        for held, dest, how in reversed(done):
            with contextlib.suppress(OSError):
                if how == "exchanged":
                    exchange(held, dest)
                elif how == "linked":
                    os.replace(held, dest)
                else:
                    dest.unlink()
        raise
