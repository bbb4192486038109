"""app.export: one export job for the CLI and the window — checked, run, cancelled, summarised."""

from __future__ import annotations

import json

import pytest

from tadqiq.app.export import ExportCancelled, ExportJob, check_job, run_export
from tadqiq.app.importing import ImportOptions, import_into
from tadqiq.core.formats.common import FormatError


@pytest.fixture
def gold_project(tmp_path, house_gold_path):
    path = tmp_path / "p.tadqiq"
    import_into(path, [house_gold_path], ImportOptions(gold=True, reviewer="huda"))
    return path


def test_run_export_writes_the_gold_and_says_what_it_wrote(gold_project, tmp_path, house_gold):
    job = ExportJob(gold_project, "jsonl", tmp_path / "out.jsonl")
    seen = []
    summary = run_export(job, total=seen.append, progress=lambda n: seen.append(("step", n)))
    assert seen[0] == 1  # one article, told before the first is written
    assert (summary.articles, summary.mentions, summary.format) == (1, 32, "jsonl")
    (row,) = [json.loads(line) for line in job.out.read_text(encoding="utf-8").splitlines()]
    assert row["text"] == house_gold["text"] and len(row["events"]) == 32
    manifest = json.loads(job.manifest_path.read_text(encoding="utf-8"))
    assert manifest["command"] == job.command() and "--status gold" in job.command()


def test_a_split_export_counts_each_part(gold_project, tmp_path):
    job = ExportJob(gold_project, "jsonl", tmp_path / "parts", split="80/10/10", seed=3)
    summary = run_export(job)
    assert job.writes_folder and summary.manifest == tmp_path / "parts" / "manifest.json"
    assert sum(part["articles"] for part in summary.splits.values()) == 1
    assert sum(part["mentions"] for part in summary.splits.values()) == 32


def test_a_cancel_leaves_the_previous_export_in_place(gold_project, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("the previous export\n", encoding="utf-8")
    with pytest.raises(ExportCancelled):
        run_export(ExportJob(gold_project, "jsonl", out), cancelled=lambda: True)
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "p.tadqiq"]


def test_check_job_refuses_outputs_the_format_cannot_write(gold_project, tmp_path):
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    with pytest.raises(FormatError, match="unknown format 'xml'"):
        check_job(ExportJob(gold_project, "xml", tmp_path / "x"))
    with pytest.raises(FormatError, match="is a folder; jsonl writes a file"):
        check_job(ExportJob(gold_project, "jsonl", tmp_path / "a-folder"))
    with pytest.raises(FormatError, match="is a file; brat writes a folder"):
        check_job(ExportJob(gold_project, "brat", tmp_path / "a-file"))
    with pytest.raises(FormatError, match="is a file, not a folder"):
        check_job(ExportJob(gold_project, "jsonl", tmp_path / "a-file" / "out.jsonl"))
    check_job(ExportJob(gold_project, "jsonl", tmp_path / "new" / "out.jsonl"))  # a folder still to make is fine


def test_an_unknown_type_fails_before_anything_is_written(gold_project, tmp_path):
    out = tmp_path / "out.jsonl"
    with pytest.raises(FormatError):
        run_export(ExportJob(gold_project, "jsonl", out, types=("Conflict.Nothing",)))
    assert not out.exists()
