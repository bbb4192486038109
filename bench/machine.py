"""Machine description and docs/benchmarks.md section updates shared by the benchmarks."""

from __future__ import annotations

import os
import platform
import re
from datetime import date
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def machine_line() -> str:
    cpu = cpu_model()
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    return (f"Measured {date.today().isoformat()} on {cpu}, {os.cpu_count()} cores{mem}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}.")


def load_average() -> str:
    """The 1, 5 and 15 minute load averages now ("3.9 / 4.0 / 2.4"), or "unknown" where the OS has none:
    how many processes wanted the cores while a figure was taken."""
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except (OSError, AttributeError):
        return "unknown"


def replace_section(path: Path, name: str, body: str) -> None:
    """Replace the text between <!-- NAME:start --> and <!-- NAME:end --> (appending if absent)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{start}\n{body}\n{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + f"\n\n## {name}\n\n{block}\n"
    path.write_text(text, encoding="utf-8")


def prepend_run(path: Path, name: str, body: str, title: str | None = None) -> None:
    """Put BODY at the top of the section between <!-- NAME:start --> and <!-- NAME:end -->, the
    earlier runs kept below it under "Earlier runs:" (the section, titled TITLE, appended if absent)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if start not in text:
        text = text.rstrip("\n") + f"\n\n## {title or name}\n\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    old, tail = rest.split(end, 1)
    earlier = old.strip().replace("\n\nEarlier runs:\n\n", "\n\n")
    kept = f"\n\nEarlier runs:\n\n{earlier}" if earlier else ""
    path.write_text(f"{head}{start}\n{body}{kept}\n{end}{tail}", encoding="utf-8")
