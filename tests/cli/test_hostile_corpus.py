"""The hostile inputs kept in tests/data/hostile, through the real commands (docs/security.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tadqiq.db.project import Project

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


def _stored(project: Path) -> dict[str, tuple[str, str]]:
    with Project.open(project, read_only=True) as p:
        assert p.check() == []
        return {r[0]: (r[1], r[2]) for r in p.db.execute("SELECT ext_id, text, title FROM articles")}


@pytest.mark.parametrize("name", ["bidi-overrides.jsonl", "html-markup.jsonl"])
def test_bidi_overrides_and_markup_are_stored_verbatim_as_text(run, tmp_path, name):
    project = tmp_path / "p.tadqiq"
    assert run("import", project, HOSTILE / name).exit_code == 0
    record = json.loads((HOSTILE / name).read_text(encoding="utf-8"))
    assert _stored(project)[record["id"]] == (record["text"], record["title"])


def test_ids_that_are_paths_are_kept_and_a_brat_export_stays_in_its_folder(run, tmp_path):
    project = tmp_path / "p.tadqiq"
    assert run("import", project, HOSTILE / "paths-in-ids.jsonl").exit_code == 0
    ids = [json.loads(line)["id"] for line in (HOSTILE / "paths-in-ids.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(_stored(project)) == sorted(ids)
    out = tmp_path / "deep" / "brat"
    assert run("export", project, "--format", "brat", "--status", "all", "-o", out).exit_code == 0
    inside = {p.resolve() for p in out.rglob("*")}
    everything = {p.resolve() for p in tmp_path.rglob("*") if p.is_file()} - {project.resolve()}
    assert everything <= inside | {p.resolve() for p in tmp_path.glob("p.tadqiq*")} | {out.parent.resolve()}
    assert len([p for p in out.glob("*.txt")]) == len(ids)


@pytest.mark.parametrize("name", ["nul-bytes.txt", "nul-in-json.jsonl"])
def test_nul_bytes_are_refused_naming_the_file(run, tmp_path, name):
    project = tmp_path / "p.tadqiq"
    shutil.copy(HOSTILE / name, tmp_path / name)
    result = run("import", project, tmp_path / name)
    assert result.exit_code != 0
    assert name in result.output and ("binary" in result.output or "control character" in result.output)
    assert not project.exists()  # a first import that failed leaves no project behind
