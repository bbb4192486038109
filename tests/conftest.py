"""Shared fixtures. Qt runs offscreen in every test process (set before Qt is imported).

Every test reads the project's own data: the house article (tests/data/house/, written for the
tests, with 32 hand-made gold mentions) and the development sets in tests/data/extract/. The
seed article in ../shared/seed is read only by tests/acceptance/, which says when it did not run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings as _hypothesis_settings

# No time limit per example: hypothesis' default 200 ms deadline is a timed assertion, and it failed
# on a loaded machine (two cores shared by test workers). Speed is measured in bench/, not here.
_hypothesis_settings.register_profile("tadqiq", deadline=None)
_hypothesis_settings.load_profile("tadqiq")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
HOUSE_DIR = REPO / "tests" / "data" / "house"
HOUSE_ID = "house-hama-001"


@pytest.fixture(scope="session")
def house_dir() -> Path:
    """tests/data/house: the house article as a .txt file and as native gold JSONL."""
    return HOUSE_DIR


@pytest.fixture(scope="session")
def house_txt(house_dir: Path) -> Path:
    return house_dir / f"{HOUSE_ID}.txt"


@pytest.fixture(scope="session")
def house_gold_path(house_dir: Path) -> Path:
    return house_dir / f"{HOUSE_ID}.gold.jsonl"


@pytest.fixture(scope="session")
def house_gold(house_gold_path: Path) -> dict:
    """The house article with its 32 gold mentions, as the native JSON object."""
    return json.loads(house_gold_path.read_text(encoding="utf-8").splitlines()[0])


SEED_DIR = REPO.parent / "shared" / "seed"


def pytest_terminal_summary(terminalreporter) -> None:
    """Say in one line whether the seed acceptance tests (tests/acceptance/) could run."""
    if (SEED_DIR / "000_aa59fc9b5caee80f.txt").is_file():
        terminalreporter.write_line(f"seed acceptance tests: run against {SEED_DIR}")
    else:
        terminalreporter.write_line(f"seed acceptance tests: NOT RUN ({SEED_DIR} not found; "
                                    "tests/acceptance/ were skipped)", yellow=True, bold=True)
