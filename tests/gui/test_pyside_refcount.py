"""Regression: PySide6-Essentials 6.12.0 on CPython 3.11 dropped one reference to None per
call of a void Qt method, and a review session aborted with "none_dealloc" after a few
thousand calls. pyproject.toml keeps PySide6 below 6.12 (docs/adr/0004); this test fails
if an installed version brings the bug back."""

from __future__ import annotations

import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    from PySide6.QtCore import QCoreApplication, QObject
    app = QCoreApplication([])
    o = QObject()
    for i in range(200000):
        o.setObjectName("x")
    print("survived")
    """
)


def test_many_void_qt_calls_do_not_kill_the_process():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "survived"
