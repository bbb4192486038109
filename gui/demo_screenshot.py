"""Render the demo project as a new user first sees it (real rule-engine proposals).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tadqiq.gui.demo_screenshot [OUT_DIR]

(gui/screenshot.py renders the house article, tests/data/house/, in the four theme/size variants.)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402

from tadqiq.db.project import Project  # noqa: E402
from tadqiq.gui.app import application  # noqa: E402
from tadqiq.gui.main_window import MainWindow  # noqa: E402
from tadqiq.gui.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def render_demo(out_dir: Path, article: str = "demo-01-idlib-airstrike") -> Path:
    from tadqiq.app.demo import ensure_demo_project

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TADQIQ_DATA_DIR"] = tmp
        path = ensure_demo_project(echo=lambda _m: None)
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        settings.set("window/splitter", [860, 580, 0])
        project = Project.open(path, create=False)
        window = MainWindow(project, settings, reviewer="demo")
        window.resize(1440, 900)
        window.show()
        window.doc.open_article(project.article(article).id)
        app.processEvents()
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / "demo-first-run.png"
        window.grab().save(str(target))
        window.close()
        project.close()
    return target


if __name__ == "__main__":
    print(render_demo(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots"))
