"""A scripted review in the real window, run by bench/gui_kill.py in a process it SIGKILLs.

    QT_QPA_PLATFORM=offscreen python bench/gui_review_script.py PROJECT ACKLOG SEED

Opens PROJECT in the MainWindow (gui/app.open_window, as `tadqiq review` does) and triggers the
window's own actions at random, a few every 100 ms: accept, reject, the polarity / modality
edits, next mention, next article, undo, redo. Each time the undo stack's index moves the
action has been written (the command's transaction commits inside ``push``/``undo``/``redo``,
before the stack signals), so the script appends an acknowledgement to ACKLOG and flushes and
fsyncs it before the event loop goes on: one JSON line with the history row count and last id
as the window's connection sees them, and each changed mention's id and status as the window
shows them (None: the mention is gone). The first line, ``{"ready": ...}``, says the window is up.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from tadqiq.gui.app import application, open_window
from tadqiq.gui.settings import Settings

ACTIONS = (("accept", 4), ("reject", 3), ("cycle_polarity", 1), ("cycle_modality", 1), ("next_mention", 3),
           ("next_article", 1), ("undo", 2), ("redo", 1))


def main(project: str, ack_path: str, seed: int) -> int:
    app = application()
    settings = Settings(QSettings(str(Path(ack_path).with_suffix(".ini")), QSettings.Format.IniFormat))
    window = open_window(project, "killtest", settings=settings)
    ack = open(ack_path, "a", encoding="utf-8")  # noqa: SIM115 - open for the process's life
    stack = window.doc.undo_stack
    conn = window.project.db.conn
    state = {"index": stack.index()}

    def write(record: dict) -> None:
        ack.write(json.dumps(record) + "\n")
        ack.flush()
        os.fsync(ack.fileno())

    def history() -> dict:
        last, count = conn.execute("SELECT coalesce(max(id), 0), count(*) FROM history").fetchone()
        return {"h": last, "n": count}

    def moved(index: int) -> None:
        before, state["index"] = state["index"], index
        if window.doc.replaying or index == before:
            return  # a failed undo/redo putting the stack back: nothing was written
        forward = index > before
        command = stack.command(index - 1 if forward else index)
        if command is None or getattr(command, "error", None) is not None:
            return
        mentions = []
        for ch in command.changes:
            shown = ch.after if forward else ch.before
            gone = ch.before if forward else ch.after
            if shown is not None:
                mentions.append([shown.id, shown.status])
            elif gone is not None:
                mentions.append([gone.id, None])
        write({"action": "redo" if forward else "undo", "text": command.text(), **history(), "m": mentions})

    stack.indexChanged.connect(moved)
    rng = random.Random(seed)
    names = [name for name, weight in ACTIONS for _ in range(weight)]

    def step() -> None:
        for _ in range(rng.randint(1, 3)):
            window.actions_by_name[rng.choice(names)].trigger()

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(100)
    # ready once the event loop has run what the window queued after its first paint (the
    # gazetteer, gui/app.py), the moment a reviewer's keys are acted on
    QTimer.singleShot(0, lambda: write({"ready": True, **history()}))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
