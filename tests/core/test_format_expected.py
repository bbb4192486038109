"""The seed gold exported in every format equals the checked files in tests/data/formats, byte for byte.

Those files were read by eye; after a deliberate change, regenerate them with
``.venv/bin/python tests/data/formats/make_expected.py`` and review the diff.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
EXPECTED = HERE.parent / "data/formats"
_spec = importlib.util.spec_from_file_location("make_expected", EXPECTED / "make_expected.py")
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export")
    make_expected.export_all(out)
    return out


def _all_files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt", make_expected.FORMATS)
def test_export_matches_the_checked_files(fresh, fmt):
    name = make_expected.EXPORT_NAMES[fmt]
    if (EXPECTED / name).is_dir():
        want, got = _all_files(EXPECTED / name), _all_files(fresh / name)
    else:
        want = {name: EXPECTED / name, "manifest": EXPECTED / f"{name}.manifest.json"}
        got = {name: fresh / name, "manifest": fresh / f"{name}.manifest.json"}
    assert sorted(want) == sorted(got)
    for key in want:
        if key.endswith("manifest.json") or key == "manifest":
            a, b = json.loads(want[key].read_text("utf-8")), json.loads(got[key].read_text("utf-8"))
            a.pop("tadqiq_version"), b.pop("tadqiq_version")
            assert a == b, key
        else:
            assert got[key].read_bytes() == want[key].read_bytes(), (
                f"{fmt}: {key} differs from the checked file"
            )


@pytest.mark.parametrize("fmt", make_expected.FORMATS)
def test_manifest_describes_the_export(fresh, fmt):
    name = make_expected.EXPORT_NAMES[fmt]
    folder = (fresh / name).is_dir()
    manifest_path = fresh / name / "manifest.json" if folder else fresh / f"{name}.manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8"))
    assert manifest["format"] == fmt
    assert manifest["schema"] == {"name": "conflict-ar", "version": "1.0"}
    assert manifest["command"] == "make_expected.py"
    assert manifest["counts"]["articles"] == 2
    assert (manifest["tokenizer"] is not None) == (fmt in ("oneie", "oneie-original", "dygiepp", "conll"))
    base = manifest_path.parent
    assert manifest["files"], "no files listed"
    for rel, digest in manifest["files"].items():
        assert hashlib.sha256((base / rel).read_bytes()).hexdigest() == digest
