"""Guard against a PySide6 6.12 reference-count bug on CPython < 3.12.

Measured in this environment (PySide6-Essentials 6.12.0, CPython 3.11): every call of a
Qt method that returns ``void`` (``QTextCursor.setPosition``, ``QUndoStack.undo``,
``QObject.setObjectName`` ...) drops one reference to ``None`` instead of none, and some
paths do the same to ``True``/``False``. On 3.12+ those objects are immortal (PEP 683) so
nothing happens; on 3.11 the count reaches zero after a few thousand calls and the process
aborts with "Fatal Python error: none_dealloc" -- in the middle of a review session.

The guard does what 3.12 does: it gives the three singletons a reference count so large
that no session can use it up (2**60). It never decrements anything, so it is harmless
if the bug is fixed, and it is a no-op on 3.12+. tests/gui/test_refcount_guard.py proves
both the bug and the guard; remove this module when PySide6 is fixed or 3.11 is dropped.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 60


def install() -> bool:
    """Make None, True and False effectively immortal; True if anything was changed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    changed = False
    for obj in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field
        if count.value < _BOOST // 2:
            count.value += _BOOST
            changed = True
    return changed


install()
