"""File → Export… on the real window and a real project file: the export runs in a worker thread."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from tadqiq.db.project import Project
from tadqiq.gui.export_dialog import ExportDialog, ExportJob, ExportWorker
from tadqiq.gui.main_window import MainWindow
from tadqiq.gui.settings import Settings

HOUSE = "house-hama-001"


@pytest.fixture
def window(qtbot, tmp_path, house_project_path):
    project = Project.open(house_project_path)
    settings = Settings(QSettings(str(tmp_path / "tadqiq.ini"), QSettings.Format.IniFormat))
    w = MainWindow(project, settings, reviewer="mariam", article=HOUSE)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    project.close()


def open_export(qtbot, window) -> ExportDialog:
    """File → Export… as a user picks it from the menu bar."""
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "File")
    action = next(a for a in file_menu.actions() if a.objectName() == "action_export")
    assert action.text() == "Export…"
    action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def run(qtbot, dialog, outcome="done"):
    with qtbot.waitSignal(dialog.finished_export, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [outcome], dialog.result_label.text()
    assert not dialog.running


def files_under(path: Path) -> set[str]:
    return {p.relative_to(path).as_posix() for p in path.rglob("*")}


def test_jsonl_export_of_the_reviewed_house_article_from_the_file_menu(qtbot, window, tmp_path, house_gold):
    qtbot.keyClick(window.article_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # accept all, done
    dialog = open_export(qtbot, window)
    assert dialog.fmt == "jsonl" and dialog.gold_radio.isChecked()
    out = tmp_path / "out" / "house.jsonl"
    dialog.set_output(out)
    assert dialog.progress.value() == 0
    run(qtbot, dialog)

    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1  # demo-2 has no gold labels
    article = json.loads(lines[0])
    assert article["id"] == HOUSE and article["text"] == house_gold["text"]
    assert len(article["events"]) == 32
    key = lambda e: (e["trigger"]["start"], e["type"])  # noqa: E731
    got = sorted(article["events"], key=key)
    want = sorted(house_gold["events"], key=key)
    assert [(e["type"], e["trigger"]["text"]) for e in got] == [(e["type"], e["trigger"]["text"]) for e in want]
    assert {e["status"] for e in got} == {"confirmed"} and {e["reviewer"] for e in got} == {"mariam"}

    manifest_path = out.with_name("house.jsonl.manifest.json")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert manifest["format"] == "jsonl" and manifest["counts"] == {"articles": 1, "mentions": 32}
    assert list(manifest["files"]) == ["house.jsonl"]
    assert "--format jsonl" in manifest["command"] and str(out) in manifest["command"]
    assert files_under(tmp_path / "out") == {"house.jsonl", "house.jsonl.manifest.json"}  # no staging left

    assert dialog.progress.value() == dialog.progress.maximum() == 1
    text = dialog.result_label.text()
    assert "1 article, 32 mentions" in text and str(out) in text and str(manifest_path) in text
    assert dialog.export_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_reviewer_and_type_filters_and_all_status(qtbot, window, tmp_path, house_gold):
    qtbot.keyClick(window.article_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = open_export(qtbot, window)
    assert dialog.reviewer_box.findText("mariam") >= 0  # reviewers of the project offered
    dialog.all_radio.setChecked(True)
    dialog.set_types(["Conflict.Attack"])
    out = tmp_path / "attacks.jsonl"
    dialog.set_output(out)
    run(qtbot, dialog)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    attacks = sum(e["type"] == "Conflict.Attack" for e in house_gold["events"])
    assert [r["id"] for r in rows] == [HOUSE, "demo-2"]
    assert [len(r["events"]) for r in rows] == [attacks, 1]
    assert {e["type"] for r in rows for e in r["events"]} == {"Conflict.Attack"}

    dialog.gold_radio.setChecked(True)
    dialog.set_types([])
    qtbot.mouseClick(dialog.all_types_button, Qt.MouseButton.LeftButton)
    dialog.reviewer_box.setCurrentText("nobody")
    dialog.set_output(tmp_path / "nobody.jsonl")
    run(qtbot, dialog)
    assert (tmp_path / "nobody.jsonl").read_text(encoding="utf-8") == ""
    assert "0 articles, 0 mentions" in dialog.result_label.text()


def test_brat_writes_a_folder_with_ann_txt_and_annotation_conf(qtbot, window, tmp_path, house_gold):
    dialog = open_export(qtbot, window)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("brat"))
    assert "folder" in dialog.out_hint.text()
    dialog.all_radio.setChecked(True)
    out = tmp_path / "brat"
    dialog.set_output(out)
    run(qtbot, dialog)
    names = files_under(out)
    assert {f"{HOUSE}.txt", f"{HOUSE}.ann", "demo-2.txt", "demo-2.ann", "annotation.conf", "manifest.json"} <= names
    assert not any(n.startswith(".tadqiq-export") for n in names)
    assert (out / f"{HOUSE}.txt").read_text(encoding="utf-8") == house_gold["text"]
    ann = (out / f"{HOUSE}.ann").read_text(encoding="utf-8")
    assert sum(line.startswith("E") for line in ann.splitlines()) == 32
    assert "[events]" in (out / "annotation.conf").read_text(encoding="utf-8")
    assert dialog.progress.value() == 2


def test_split_writes_train_dev_test_inside_the_folder(qtbot, window, tmp_path):
    dialog = open_export(qtbot, window)
    dialog.all_radio.setChecked(True)
    dialog.split_check.setChecked(True)
    dialog.split_edit.setText("50/50")
    dialog.seed_spin.setValue(7)
    assert "folder" in dialog.out_hint.text()
    out = tmp_path / "splits"
    dialog.set_output(out)
    run(qtbot, dialog)
    assert files_under(out) == {"train.jsonl", "dev.jsonl", "manifest.json"}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["total"]["articles"] == 2 and manifest["selection"]["seed"] == 7
    assert "train: 1 article" in dialog.result_label.text()


def test_output_under_a_file_shows_an_error_and_writes_nothing(qtbot, window, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("keep me", encoding="utf-8")
    before = files_under(tmp_path)
    dialog = open_export(qtbot, window)
    dialog.all_radio.setChecked(True)
    dialog.set_output(blocker / "out.jsonl")
    run(qtbot, dialog, "failed")
    assert dialog.message_box is not None and dialog.message_box.isVisible()
    assert "notes.txt is a file, not a folder" in dialog.message_box.text()
    assert "Export failed" in dialog.result_label.text()
    assert files_under(tmp_path) == before and blocker.read_text(encoding="utf-8") == "keep me"
    dialog.message_box.accept()


def test_a_span_mismatch_in_the_second_article_leaves_no_half_brat_folder(qtbot, window, tmp_path,
                                                                         house_project_path):
    with sqlite3.connect(house_project_path) as conn:  # damage demo-2's trigger text behind the window's back
        conn.execute("UPDATE events SET trigger_text = 'xyz' WHERE article_id ="
                     " (SELECT id FROM articles WHERE ext_id = 'demo-2')")
    conn.close()
    dialog = open_export(qtbot, window)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("brat"))
    dialog.all_radio.setChecked(True)
    out = tmp_path / "exports" / "brat"
    dialog.set_output(out)
    run(qtbot, dialog, "failed")
    message = dialog.message_box.text()
    assert "demo-2" in message and str(out) in message and ".tadqiq-export" not in message
    assert not (tmp_path / "exports").exists()  # the house article's files were written, then all removed


def test_a_folder_of_other_files_is_refused_and_left_alone(qtbot, window, tmp_path):
    out = tmp_path / "existing"
    out.mkdir()
    (out / "README").write_text("mine", encoding="utf-8")
    dialog = open_export(qtbot, window)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("brat"))
    dialog.all_radio.setChecked(True)
    dialog.set_output(out)
    run(qtbot, dialog, "failed")
    assert "not empty" in dialog.message_box.text() and str(out) in dialog.message_box.text()
    assert files_under(out) == {"README"} and (out / "README").read_text(encoding="utf-8") == "mine"
    assert not any(n.startswith(".") for n in files_under(tmp_path))
    dialog.message_box.accept()

    dialog.split_check.setChecked(True)
    dialog.split_edit.setText("80/30")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # refused before any thread starts
    assert dialog.worker is None and "sum to 100" in dialog.message_box.text()
    dialog.message_box.accept()


def test_a_previous_export_is_replaced_whole_with_no_stale_documents(qtbot, window, tmp_path):
    qtbot.keyClick(window.article_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # mariam: house article done
    out = tmp_path / "brat"
    dialog = open_export(qtbot, window)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("brat"))
    dialog.all_radio.setChecked(True)
    dialog.set_output(out)
    run(qtbot, dialog)
    assert {f"{HOUSE}.ann", "demo-2.ann"} <= files_under(out)
    dialog.reviewer_box.setCurrentIndex(dialog.reviewer_box.findText("mariam"))  # only the house article has her labels
    dialog.gold_radio.setChecked(True)
    run(qtbot, dialog)
    names = files_under(out)
    assert f"{HOUSE}.ann" in names and "demo-2.ann" not in names and "demo-2.txt" not in names
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == sorted(n for n in names if n != "manifest.json")
    assert not any(n.startswith(".") for n in files_under(tmp_path))


def test_cancel_in_the_worker_writes_nothing(qtbot, tmp_path, house_project_path):
    job = ExportJob(house_project_path, "brat", tmp_path / "cancelled", status="all")
    before = files_under(tmp_path)
    worker = ExportWorker(job)
    # ask to cancel from the worker thread as soon as the article count is known (before any article)
    worker.total_known.connect(lambda _n: worker.requestInterruption(), Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(worker.cancelled, timeout=20000):
        worker.start()
    worker.wait()
    assert files_under(tmp_path) == before  # no output folder, no staging folder


def test_closing_the_window_with_the_dialog_open_is_clean(qtbot, window, tmp_path):
    dialog = open_export(qtbot, window)
    dialog.set_output(tmp_path / "x.jsonl")
    run(qtbot, dialog)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is None)  # WA_DeleteOnClose
    assert QApplication.activeModalWidget() is None


def test_ctrl_e_opens_the_dialog_on_the_project_schema(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.article_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.types_list.count() == len(window.project.schema.types)
    assert dialog.out_edit.text().endswith("review-jsonl.jsonl")  # suggested beside the project
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("brat"))
    assert dialog.out_edit.text().endswith("review-brat")
    dialog.reject()
