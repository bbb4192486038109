"""The installable package: one root import name, resources as package data, and a wheel that
works without the source tree (the command line and the window).

The wheel is built from this checkout and installed into a fresh virtual environment made in
tmp_path. Its dependencies come from the test environment through a ``.pth`` line (directories
named in a ``.pth`` file are added to ``sys.path``, but their own ``.pth`` files — such as the
editable install's finder — are not run), so nothing of the source tree is importable there and no
package registry is needed. Every command runs with ``cwd`` in tmp_path.
"""

from __future__ import annotations

import json
import os
import runpy
import shutil
import site
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
LAYER_FOLDERS = ("tadqiq", "app", "core", "db", "extract", "gui", "resources")

ARTICLE = (
    "قصف على ريف إدلب\n\n"
    "قتل ثلاثة مدنيين وأصيب خمسة آخرون اليوم الأحد في قصف مدفعي استهدف بلدة سرمين في ريف إدلب "
    "الشرقي، بحسب ما أفاد مصدر محلي.\n"
)


def _package_of(folder: Path) -> str:
    """The import name a source folder installs as, by the package-dir mapping."""
    rel = folder.relative_to(REPO)
    for package, source in sorted(CONFIG["package-dir"].items(), key=lambda kv: -len(kv[1])):
        src = Path(source)
        if rel == src or src in rel.parents:
            rest = rel.relative_to(src).parts
            return ".".join([package, *rest])
    raise AssertionError(f"{rel}: no package-dir entry maps this folder")


def test_every_source_folder_installs_under_the_one_root_name():
    folders = sorted({p.parent for top in LAYER_FOLDERS for p in (REPO / top).rglob("*")
                      if p.is_file() and "__pycache__" not in p.parts})
    names = {_package_of(f) for f in folders}
    assert all(n == "tadqiq" or n.startswith("tadqiq.") for n in names)
    assert names == set(CONFIG["packages"]), "pyproject.toml [tool.setuptools] packages is out of date"


def test_the_staged_layout_is_the_installed_one(tmp_path):
    stage = runpy.run_path(str(REPO / "scripts" / "stage_package.py"))["stage"]
    out = stage(tmp_path / "staged", data=True)
    assert sorted(p.name for p in out.iterdir()) == ["tadqiq"]
    for package in CONFIG["packages"]:
        assert (out / Path(*package.split("."))).is_dir(), package
    assert (out / "tadqiq" / "core" / "model.py").is_file()
    assert (out / "tadqiq" / "resources" / "schemas" / "conflict-ar.json").is_file()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # built from a copy: pytest-xdist workers each build it, and setuptools writes build/ and
    # *.egg-info into the tree it builds
    out = tmp_path_factory.mktemp("wheel")
    src = out / "src"
    for top in LAYER_FOLDERS:
        shutil.copytree(REPO / top, src / top, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, src / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                    "-w", str(out), str(src)], check=True, cwd=out)
    (built,) = out.glob("tadqiq-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_venv(wheel: Path, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("venv")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    fresh_site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                     check=True, capture_output=True, text=True).stdout.strip())
    # the test environment's packages (PySide6, click ...), but not its editable tadqiq finder
    (fresh_site / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                    "--quiet", str(wheel)], check=True, cwd=root)
    return venv


def _run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(QT_QPA_PLATFORM="offscreen", TADQIQ_DATA_DIR=str(cwd / "data"), PYTHONSAFEPATH="1")
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=240)


def test_the_wheel_holds_one_root_import_name(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"tadqiq"}
    for needed in ("tadqiq/core/model.py", "tadqiq/gui/main_window.py", "tadqiq/app/__init__.py",
                   "tadqiq/resources/schemas/conflict-ar.json", "tadqiq/resources/lexicons/triggers-ar.txt",
                   "tadqiq/resources/demo/metadata.jsonl", "tadqiq/resources/guidelines/conflict-ar.json"):
        assert needed in names, needed


def test_installed_wheel_runs_the_command_line_without_the_source_tree(fresh_venv: Path, tmp_path: Path):
    bindir = fresh_venv / ("Scripts" if os.name == "nt" else "bin")
    python, tadqiq = str(bindir / "python"), str(bindir / "tadqiq")
    where = _run(fresh_venv, python, "-c", "import tadqiq.core, tadqiq.core.resources as r; "
                 "print(tadqiq.core.__file__); print(r.resource_root())", cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    module_file, resources = where.stdout.splitlines()
    assert str(REPO) not in module_file and str(REPO) not in resources, where.stdout
    assert str(fresh_venv) in module_file
    for top in ("core", "db", "extract", "gui", "app"):  # no generic top-level names installed
        probe = _run(fresh_venv, python, "-c", f"import {top}", cwd=tmp_path)
        assert probe.returncode != 0, f"`import {top}` works in the fresh venv"

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "p.db")
    for args in (("init", db), ("import", db, "a.txt"), ("extract", db),
                 ("export", db, "--format", "jsonl", "--status", "all", "-o", "out.jsonl")):
        done = _run(fresh_venv, tadqiq, *args, cwd=tmp_path)
        assert done.returncode == 0, f"tadqiq {' '.join(args)}: {done.stdout}\n{done.stderr}"
    exported = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert exported[0]["text"] == ARTICLE
    events = exported[0]["events"]
    assert events, "the rule engine proposed nothing from the installed lexicons"
    for e in events:
        t = e["trigger"]
        assert ARTICLE[t["start"]:t["end"]] == t["text"]
    version = _run(fresh_venv, tadqiq, "--version", cwd=tmp_path)
    assert version.returncode == 0 and "tadqiq" in version.stdout


WINDOW_SMOKE = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from tadqiq.gui.app import application, open_window
from tadqiq.gui.settings import Settings
app = application()
settings = Settings(QSettings(str(Path('s.ini').resolve()), QSettings.Format.IniFormat))
window = open_window(sys.argv[1], reviewer='smoke', settings=settings)
app.processEvents()
shown = window.findChildren(__import__('PySide6.QtWidgets', fromlist=['QTextEdit']).QTextEdit)
print('visible', window.isVisible())
print('text', max(len(w.toPlainText()) for w in shown))
print('png', window.grab().save('window.png'))
window.close()
"""


def test_installed_wheel_opens_the_window_offscreen(fresh_venv: Path, tmp_path: Path):
    bindir = fresh_venv / ("Scripts" if os.name == "nt" else "bin")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "p.db")
    for args in (("init", db), ("import", db, "a.txt"), ("extract", db)):
        assert _run(fresh_venv, str(bindir / "tadqiq"), *args, cwd=tmp_path).returncode == 0
    (tmp_path / "smoke.py").write_text(WINDOW_SMOKE, encoding="utf-8")
    done = _run(fresh_venv, str(bindir / "python"), "smoke.py", db, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines["visible"] == "True"
    assert int(lines["text"]) >= len(ARTICLE.strip()) - 1  # the article is shown
    assert lines["png"] == "True" and (tmp_path / "window.png").stat().st_size > 10_000
