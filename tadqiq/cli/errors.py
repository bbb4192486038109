"""The last word on any error that reaches the top of ``tadqiq``: one line, never a traceback.

Commands turn the errors a user can cause into their own messages (``output.friendly_errors``);
what gets past them — an operating-system error (no permission, a name too long, a full disk),
text that is not valid Unicode, input nested too deeply, or a bug — ends here as one line naming
the path and the command, with exit status 1 (70 for a bug). ``TADQIQ_DEBUG=1`` re-raises instead,
so a developer sees the traceback.
"""

from __future__ import annotations

import errno
import os
import sqlite3

DEBUG_ENV = "TADQIQ_DEBUG"
#: Exit status of an error that is a bug of Tadqiq's (sysexits' EX_SOFTWARE).
INTERNAL = 70
_SHOWN = 120  # characters of a path shown before it is cut (a 5,000-character name helps nobody)


def debugging() -> bool:
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def short_path(name: object) -> str:
    text = os.fsdecode(name) if isinstance(name, (str, bytes, os.PathLike)) else str(name)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates printable
    if len(text) <= _SHOWN:
        return text
    return f"{text[:_SHOWN // 2]}…{text[-_SHOWN // 4:]} ({len(text)} characters)"


_HINTS = {
    errno.ENAMETOOLONG: "a file name is longer than the file system allows",
    errno.ENOSPC: "the disk is full; nothing was left half-written",
    errno.EACCES: "no permission",
    errno.EPERM: "not permitted",
    errno.EROFS: "the file system is read-only",
}


def os_error_message(exc: OSError, command: str) -> str:
    what = exc.strerror or str(exc)
    hint = _HINTS.get(exc.errno or 0)
    if hint and hint.lower() not in what.lower():
        what = f"{what} ({hint})"
    if exc.filename is not None and os.fsdecode(exc.filename) in what:  # "cannot write OUT: ..." says it already
        return f"{short_path(what)}, while running `{command}`" if len(what) > 2 * _SHOWN else f"{what}, while running `{command}`"
    where = short_path(exc.filename) if exc.filename is not None else "(no file named)"
    if exc.filename2 is not None:
        where += f" -> {short_path(exc.filename2)}"
    return f"{where}: {what}, while running `{command}`"


def unicode_error_message(exc: UnicodeError, command: str) -> str:
    if isinstance(exc, UnicodeEncodeError):
        bad = exc.object[exc.start:exc.end] if isinstance(exc.object, str) else ""
        code = ", ".join(f"U+{ord(c):04X}" for c in bad[:4])
        kind = "a lone surrogate" if bad and all(0xD800 <= ord(c) <= 0xDFFF for c in bad) else "a character"
        return (f"{kind} ({code}) that cannot be stored or printed as UTF-8, at character {exc.start} of a "
                f"{len(exc.object)}-character text (a command-line argument or an input field), while "
                f"running `{command}`; give valid Unicode text")
    encoding = getattr(exc, "encoding", "Unicode")
    reason = getattr(exc, "reason", str(exc))
    return f"text that is not valid {encoding} ({reason}), while running `{command}`"


def other_error_message(exc: BaseException, command: str) -> tuple[str, int]:
    """(message, exit status) for an error no command turned into words."""
    if isinstance(exc, RecursionError):
        return (f"input nested too deeply to read (Python's recursion limit), while running `{command}`", 1)
    if isinstance(exc, MemoryError):
        return (f"out of memory while running `{command}`; nothing was left half-written", 1)
    if isinstance(exc, sqlite3.Error):
        return (f"the project file could not be read or written ({exc}), while running `{command}`", 1)
    return (f"internal error {type(exc).__name__}: {exc} while running `{command}` — a bug of Tadqiq's; "
            f"please report it (set {DEBUG_ENV}=1 to see where it happened)", INTERNAL)
