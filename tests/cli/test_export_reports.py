"""`tadqiq export` says what a consumer would lose: chrome left out, arguments over the span width."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("chrome_case", HERE.parent / "core/test_format_chrome_and_width.py")
case = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(case)


def _project(run, tmp_path) -> Path:
    article, mentions = case._item()
    record = {**article.to_json(), "events": [m.to_json() for m in mentions]}
    record.pop("regions")  # the importer marks the chrome itself
    src = tmp_path / "kafr.jsonl"
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    project = tmp_path / "p.db"
    assert run("import", project, src, "--gold", "--reviewer", "amal").exit_code == 0
    return project


def test_dygiepp_export_reports_long_arguments_and_chrome(run, tmp_path):
    project = _project(run, tmp_path)
    out = tmp_path / "d.jsonl"
    r = run("export", project, "--format", "dygiepp", "-o", out)
    assert r.exit_code == 0
    assert "chrome_sentences_excluded 3" in r.stdout and "arguments_over_max_span_width 1" in r.stdout
    assert "warning: 1 arguments are longer than 8 tokens (--max-span-width)" in r.stderr
    assert case.LONG in r.stderr and "(9 tokens)" in r.stderr
    manifest = json.loads((tmp_path / "d.jsonl.manifest.json").read_text(encoding="utf-8"))
    assert manifest["dygiepp"]["arguments_over_max_span_width"][0]["text"] == case.LONG
    assert "--max-span-width 8" in manifest["command"]
    r = run("export", project, "--format", "dygiepp", "-o", tmp_path / "e.jsonl", "--max-span-width", "12")
    assert r.exit_code == 0 and "warning" not in r.stderr


def test_a_bad_span_width_is_refused_by_name(run, tmp_path):
    project = _project(run, tmp_path)
    r = run("export", project, "--format", "dygiepp", "-o", tmp_path / "f.jsonl", "--max-span-width", "0")
    assert r.exit_code != 0 and "--max-span-width" in r.stderr
    assert not (tmp_path / "f.jsonl").exists()
