"""Render the review window offscreen for docs/screenshots/ (light/dark, normal/large font).

    QT_QPA_PLATFORM=offscreen python -m gui.screenshot [OUT_DIR]

Builds a throw-away project with the house article (tests/data/house/, the tests' own worked
article) and its gold events as proposals, accepts the first two so the status column shows a
mix, selects the body's attack «هجوم» (the teaser's is the first) with its four arguments (the
Target «نقاط عسكرية» selected), and saves one PNG per variant, the help overlay, the
bidi-controls sample, the export dialog after an export of the accepted house article, the
guidelines panel (F1) on a Life.Die mention (light and dark) and the keyboard shortcuts dialog
with Accept rebound and a refused key, and the Retrain dialog after training.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402

from tadqiq.core.importing.chrome import site_regions  # noqa: E402
from tadqiq.core.model import Argument, Article, Mention, Span  # noqa: E402
from tadqiq.db.project import ImportItem, Project  # noqa: E402
from tadqiq.gui.app import application  # noqa: E402
from tadqiq.gui.commands import AcceptMentionCommand, RejectMentionCommand  # noqa: E402
from tadqiq.gui.main_window import MainWindow  # noqa: E402
from tadqiq.gui.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
HOUSE = REPO / "tests" / "data" / "house" / "house-hama-001.gold.jsonl"
VARIANTS = {"light-normal": ("light", 15.0), "light-large": ("light", 21.0),
            "dark-normal": ("dark", 15.0), "dark-large": ("dark", 21.0)}
SIZE = (1440, 900)


def house_items(path: Path = HOUSE) -> list[ImportItem]:
    data = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    text = data["text"]
    article = Article(data["id"], text, data["title"], lang="ar", regions=site_regions(text))
    mentions = []
    for i, e in enumerate(data["events"], 1):
        t = e["trigger"]
        args = tuple(Argument(a["role"], Span(a["start"], a["end"], a["text"]), a.get("value"))
                     for a in e["arguments"])
        mentions.append(Mention(e["type"], Span(t["start"], t["end"], t["text"]), args, dict(e["attributes"]),
                                origin="extractor:house@1", confidence=round(0.55 + (i % 9) * 0.05, 2),
                                rule=f"house-gold-{i}"))
    return [ImportItem(article, tuple(mentions))]


@contextmanager
def _house_window(name: str, splitter: list[int] | None = None) -> Iterator[tuple[MainWindow, Path]]:
    """The review window on a throw-away project holding the house article, and its temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        project_path = Path(tmp) / f"{name}.tadqiq"
        with Project.open(project_path) as project:
            project.import_items(house_items())
        settings = Settings(QSettings(str(Path(tmp) / f"{name}.ini"), QSettings.Format.IniFormat))
        if splitter:
            settings.set("window/splitter", splitter)
        project = Project.open(project_path)
        window = MainWindow(project, settings, reviewer="screens")
        try:
            yield window, Path(tmp)
        finally:
            window.close()
            project.close()


def render(out_dir: Path) -> list[Path]:
    app = application()
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    with tempfile.TemporaryDirectory() as tmp:
        project_path = Path(tmp) / "screens.tadqiq"
        with Project.open(project_path) as project:
            project.import_items(house_items())
        for name, (theme, size) in VARIANTS.items():
            settings = Settings(QSettings(str(Path(tmp) / f"{name}.ini"), QSettings.Format.IniFormat))
            settings.set("view/theme", theme)
            settings.set("view/font_size", size)
            settings.set("window/splitter", [860, 580, 0])
            project = Project.open(project_path)
            window = MainWindow(project, settings, reviewer="screens")
            window.resize(*SIZE)
            window.show()
            app.processEvents()
            doc = window.doc
            if doc.undo_stack.count() == 0:  # first variant writes; the others show the same state
                doc.undo_stack.push(AcceptMentionCommand(doc, doc.mentions[0]))
                doc.undo_stack.push(RejectMentionCommand(doc, doc.mentions[1]))
            target = [m for m in doc.mentions if m.trigger.text == "هجوم"][1]  # the body's, after the teaser's
            doc.select(target.id, 1)
            window.splitter.setSizes([860, 580, 0])
            app.processEvents()
            path = out_dir / f"review-{name}.png"
            window.grab().save(str(path))
            saved.append(path)
            if name == "dark-normal":
                window.help_overlay.toggle()
                app.processEvents()
                path = out_dir / "help-overlay.png"
                window.grab().save(str(path))
                saved.append(path)
            window.close()
            project.close()
    return saved


BIDI_SAMPLE = (
    "قال مسؤول إن الهجوم وقع في \u202eدير الزور\u202c صباح اليوم.\n"
    "Reuters reported that 7 fighters were killed near Deir ez-Zor on Saturday.\n"
    "رقم الخبر 22994024-22994022 \u200fنشر في «فرات بوست» 🔥"
)


def render_bidi_sample(out_dir: Path) -> Path:
    """An Arabic/English article with hidden bidi controls: LTR paragraph, red marks, badge."""
    from tadqiq.core.schema import load_schema
    from tadqiq.gui.article_view import ArticleView

    application()
    view = ArticleView(load_schema())
    view.resize(760, 260)
    text = BIDI_SAMPLE
    at = text.index("Deir ez-Zor")
    mention = Mention("Conflict.Attack", Span.of(text, text.index("الهجوم"), text.index("الهجوم") + 6),
                      (Argument("Place", Span.of(text, text.index("دير"), text.index("دير") + 9)),), id=1)
    other = Mention("Life.Die", Span.of(text, text.index("killed"), text.index("killed") + 6),
                    (Argument("Place", Span.of(text, at, at + 11)),), id=2)
    view.set_article(Article("bidi", text, id=1), [mention, other], 1)
    view.show()
    path = out_dir / "bidi-controls.png"
    view.grab().save(str(path))
    return path


def render_export_dialog(out_dir: Path) -> Path:
    """File → Export… after exporting the house article, all of it accepted (Ctrl+Enter)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from tadqiq.gui.commands import AcceptAllCommand
    from tadqiq.gui.export_dialog import ExportDialog

    app = application()
    with _house_window("export") as (window, tmp):
        window.show()
        window.doc.undo_stack.push(AcceptAllCommand(window.doc))
        window.show_export()
        dialog = window.findChild(ExportDialog)
        assert dialog is not None
        dialog.set_output(tmp / "house-review.jsonl")
        loop = QEventLoop()
        dialog.finished_export.connect(lambda _outcome: loop.quit())
        QTimer.singleShot(20000, loop.quit)
        dialog.export_button.click()
        loop.exec()
        app.processEvents()
        path = out_dir / "export-dialog.png"
        dialog.grab().save(str(path))
        dialog.close()
    return path


def render_guidelines(out_dir: Path) -> Path:
    """The window with the guidelines panel shown (F1) for the Life.Die mention «يقتلون» (the title's),
    in the light theme and (guidelines-dark.png) the dark one."""
    app = application()
    with _house_window("guide", splitter=[820, 620, 0]) as (window, _tmp):
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        doc = window.doc
        target = next(m for m in doc.mentions if m.type == "Life.Die" and m.arguments)
        doc.select(target.id, 0)
        window.splitter.setSizes([820, 620, 0])
        window.toggle_guide()
        app.processEvents()
        window.set_theme("dark")
        app.processEvents()
        window.grab().save(str(out_dir / "guidelines-dark.png"))
        window.set_theme("light")
        app.processEvents()
        path = out_dir / "guidelines.png"
        window.grab().save(str(path))
        panel = window.guide_panel  # and the whole panel on its own, its scrolled text included
        panel.setParent(None)
        panel.resize(620, 2000)
        panel.show()
        app.processEvents()
        panel.resize(620, int(panel.browser.document().size().height()) + panel.heading.height() + 16)
        app.processEvents()
        panel.grab().save(str(out_dir / "guidelines-panel.png"))
        panel.close()
        panel.deleteLater()
    return path


def render_shortcuts_dialog(out_dir: Path) -> Path:
    """Edit → Keyboard Shortcuts…: Accept rebound to Y, then X refused (Reject has it)."""
    from tadqiq.gui.shortcuts_dialog import ShortcutsDialog

    app = application()
    with _house_window("keys") as (window, _tmp):
        window.show()
        window.show_shortcuts()
        dialog = window.findChild(ShortcutsDialog)
        assert dialog is not None
        dialog.select_action("accept")
        dialog.set_key("accept", "Y")
        dialog.set_key("accept", "X")
        app.processEvents()
        path = out_dir / "shortcuts-dialog.png"
        dialog.grab().save(str(path))
        dialog.reject()
    return path


def render_retrain_dialog(out_dir: Path) -> Path:
    """Review → Retrain… after training on the gold of three own-written development sets
    (tests/data/extract/dev2..dev4) beside the house article: the scores before Keep."""
    from PySide6.QtCore import QEventLoop, QTimer

    from tadqiq.app.importing import ImportOptions, import_files
    from tadqiq.gui.retrain_dialog import RetrainDialog

    app = application()
    with _house_window("retrain") as (window, _tmp):
        sets = [REPO / "tests" / "data" / "extract" / f"dev{n}.gold.jsonl" for n in (2, 3, 4)]
        import_files(window.project, sets, ImportOptions(gold=True, reviewer="lead"))
        window.show()
        window.show_retrain()
        dialog = window.findChild(RetrainDialog)
        assert dialog is not None
        dialog.folds.setValue(4)
        loop = QEventLoop()
        dialog.train_button.click()
        assert dialog.worker is not None
        dialog.worker.finished.connect(loop.quit)
        QTimer.singleShot(120000, loop.quit)
        loop.exec()
        app.processEvents()
        path = out_dir / "retrain-dialog.png"
        dialog.grab().save(str(path))
        dialog.reject()
    return path


def render_queue(out_dir: Path) -> Path:
    """The window on the demo articles with the queue pane open: statuses, proposals, a filter."""
    from tadqiq.app import propose as proposing
    from tadqiq.app.importing import import_files
    from tadqiq.core.resources import resource_path

    app = application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "queue.tadqiq"
        with Project.open(path) as project:
            import_files(project, [resource_path("demo")])
            proposing.propose(project, "rules")
            ids = [a.id for a in project.article_list(0, 100)]
            project.set_article_status(ids[0], "done", reviewer="amal")
            project.set_article_status(ids[1], "in_progress", reviewer="amal")
            project.add_review_time(ids[0], "amal", 161.0)
            project.add_review_time(ids[1], "amal", 47.0)
            project.skip_article(ids[3], "amal")
            project.add_note(ids[4], "guideline unclear", reviewer="amal", kind="flag")
        settings = Settings(QSettings(str(Path(tmp) / "queue.ini"), QSettings.Format.IniFormat))
        project = Project.open(path)
        window = MainWindow(project, settings, reviewer="screens")
        try:
            window.resize(1600, 900)
            window.show()
            window.splitter.setSizes([700, 420, 480])
            app.processEvents()
            target = out_dir / "queue.png"
            window.grab().save(str(target))
        finally:
            window.close()
            project.close()
    return target


def render_arabic(out_dir: Path) -> Path:
    """The review window with the Arabic interface: every label translated, the layout mirrored."""
    from tadqiq.gui import i18n

    app = application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ar.tadqiq"
        with Project.open(path) as project:
            project.import_items(house_items())
        settings = Settings(QSettings(str(Path(tmp) / "ar.ini"), QSettings.Format.IniFormat))
        settings.set("view/language", "ar")
        project = Project.open(path)
        window = MainWindow(project, settings, reviewer="مريم")
        try:
            window.resize(1600, 900)
            window.show()
            window.splitter.setSizes([760, 420, 420])
            window.doc.select(window.doc.mentions[8].id)
            app.processEvents()
            target = out_dir / "review-arabic.png"
            window.grab().save(str(target))
        finally:
            window.close()
            project.close()
            i18n.install("en")
    return target


def render_dashboard(out_dir: Path) -> Path:
    """The dashboard on the demo articles after three reviewers decided the rules' proposals."""
    import random
    from dataclasses import replace as _replace

    from tadqiq.app import propose as proposing
    from tadqiq.app.importing import import_files
    from tadqiq.core.resources import resource_path
    from tadqiq.gui.dashboard import DashboardWindow

    app = application()
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dash.tadqiq"
        with Project.open(path) as project:
            import_files(project, [resource_path("demo")])
            proposing.propose(project, "rules")
            for n, summary in enumerate(project.article_list(0, 100)):
                who = ("amal", "omar", "huda")[n % 3]
                for m in project.mentions(summary.id):
                    status = "rejected" if rng.random() < 0.3 else "confirmed"
                    project.save_mention(summary.id, _replace(m, status=status, reviewer=who), reviewer=who,
                                         action="accept" if status == "confirmed" else "reject")
                project.add_review_time(summary.id, who, 60.0 + 40 * n)
        project = Project.open(path)
        window = DashboardWindow(project)
        try:
            window.resize(1200, 760)
            window.show()
            app.processEvents()
            target = out_dir / "dashboard.png"
            window.grab().save(str(target))
        finally:
            window.close()
            project.close()
    return target


def render_import_progress(out_dir: Path) -> Path:
    """File → Import… of the demo folder, caught with 6 of its 14 articles read and stored in the
    open transaction (the worker held there until Cancel, which then rolls it back); then the same
    import run to the end, with its report (import-report.png)."""
    import threading
    import time

    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from tadqiq.core.resources import resource_path
    from tadqiq.gui.import_dialog import ImportDialog

    app = application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with _house_window("import") as (window, _tmp):
        window.show()
        window.project_menu.run("import")
        dialog = window.project_menu.dialog
        assert isinstance(dialog, ImportDialog)
        dialog.add_paths([resource_path("demo")])
        reached = threading.Event()

        def hold(done: int, _expected: int, worker) -> None:  # in the worker thread
            if done == 6:
                reached.set()
                while not worker.isInterruptionRequested():
                    time.sleep(0.001)

        def created(worker) -> None:
            dialog.worker_created.disconnect(created)  # the second run goes to the end
            worker.advanced.connect(lambda d, e: hold(d, e, worker), Qt.ConnectionType.DirectConnection)

        dialog.worker_created.connect(created)
        dialog.import_button.click()
        while not reached.is_set():
            app.processEvents()
        app.processEvents()
        path = out_dir / "import-progress.png"
        dialog.grab().save(str(path))
        loop = QEventLoop()
        dialog.finished_import.connect(lambda _outcome: loop.quit())
        QTimer.singleShot(20000, loop.quit)
        dialog.cancel_button.click()
        loop.exec()
        loop = QEventLoop()
        dialog.finished_import.connect(lambda _outcome: loop.quit())
        QTimer.singleShot(20000, loop.quit)
        dialog.import_button.click()
        loop.exec()
        app.processEvents()
        dialog.grab().save(str(out_dir / "import-report.png"))
        dialog.close()
    return path


def render_focus_ring(out_dir: Path) -> Path:
    """The window shown and active, the keys on the mention list: its focus ring (gui/focus_ring.py)."""
    app = application()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "focus-ring.png"
    with _house_window("focus") as (window, _tmp):
        window.resize(*SIZE)
        window.show()
        window.activateWindow()
        app.processEvents()
        window.event_panel.mention_view.setFocus()
        app.processEvents()
        window.grab().save(str(path))
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots"
    for p in [*render(out), render_bidi_sample(out), render_export_dialog(out), render_guidelines(out),
              render_shortcuts_dialog(out), render_retrain_dialog(out), render_queue(out),
              render_dashboard(out), render_arabic(out), render_import_progress(out), render_focus_ring(out)]:
        print(p)
