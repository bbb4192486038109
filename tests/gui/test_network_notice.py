"""A window on a project on a network file system says so in its status bar (gui/network_notice.py);
on a local disk it says nothing. The mount table is given through TADQIQ_MOUNTINFO (see
tests/db/test_network_fs.py for the table and the detection itself)."""

from __future__ import annotations

import os

from tadqiq.db.network_fs import MOUNTINFO_ENV


def mountinfo_with(folder, fstype: str) -> str:
    """A mount table file: a local root, and ``folder`` mounted from a file server as ``fstype``."""
    table = folder / "mountinfo"
    table.write_text("22 1 252:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n"
                     f"30 22 0:40 / {os.path.realpath(folder)} rw - {fstype} fileserver:/export/projects rw\n",
                     encoding="utf-8")
    return str(table)


def test_a_window_on_a_network_drive_warns_and_stays_marked(qtbot, open_window, house_project_path, monkeypatch):
    monkeypatch.setenv(MOUNTINFO_ENV, mountinfo_with(house_project_path.parent, "cifs"))
    w = open_window()
    label = w.network_label
    assert label is not None and label.isVisible() and label.text() == "⚠ On a network drive"
    assert label.toolTip().startswith(f"{house_project_path.name} is on a network file system (cifs from "
                                      "fileserver:/export/projects)")
    assert "Copy the project to a local disk" in label.toolTip()
    assert w.statusBar().findChild(type(label), "networkLabel") is label


def test_a_window_on_a_local_disk_says_nothing(qtbot, open_window, house_project_path, monkeypatch):
    monkeypatch.setenv(MOUNTINFO_ENV, mountinfo_with(house_project_path.parent, "ext4"))
    w = open_window()
    assert w.network_label is None
    assert w.statusBar().findChild(type(w.reviewer_label), "networkLabel") is None
