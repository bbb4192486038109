"""File → Import…: files or a folder into the open project, with progress, Cancel and a report.

The same import as ``tadqiq import`` (app/importing.py: the options, the other tools' formats,
gold labels of a reviewer), run by an :class:`ImportWorker` (a QThread with its own connection
to the project file). The import is one transaction: Cancel, an error or closing the dialog
rolls it back whole, so nothing is ever half-imported. At the end the dialog lists what each
file gave, the warnings of the readers and the files skipped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QPlainTextEdit, QProgressBar, QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from tadqiq.gui.i18n import tr
from tadqiq.app.importing import (
    TOOL_FORMATS, ImportCancelled, ImportOptions, ImportOptionsError, ImportReport, check_options, import_files,
)
from tadqiq.core.importing.item import ImportProblem
from tadqiq.db.project import Project, ProjectError

__all__ = ["ImportDialog", "ImportJob", "ImportWorker", "report_text"]

FORMATS = {
    "auto": "auto: tell the formats apart",
    "tadqiq": "Tadqiq's own (.txt, .jsonl, .csv)",
    "oneie": "OneIE / TextEE JSONL",
    "brat": "brat standoff folder",
    "labelstudio": "Label Studio JSON",
    "prodigy": "Prodigy JSONL",
    "dygiepp": "DyGIE++ predictions (onto stored articles)",
    "oneie-predictions": "OneIE predictions (onto stored articles)",
}
assert set(FORMATS) == {"auto", "tadqiq", *TOOL_FORMATS}
LABEL_STUDIO_FROM = ("auto", "annotations", "predictions", "both")
OPTION_PROBLEMS = {
    "gold-without-reviewer": "Gold labels need the reviewer they belong to: type a name.",
    "gold-with-origin": "Events are either gold labels or proposals of an origin, not both.",
}


class ImportJob:
    """What the form asks for, checked: the sources, the options, the format, skip bad files."""

    def __init__(self, project: Path, paths: list[Path], options: ImportOptions, fmt: str = "auto",
                 skip_bad: bool = False) -> None:
        self.project, self.paths, self.options, self.fmt, self.skip_bad = project, paths, options, fmt, skip_bad


def report_text(report: ImportReport) -> str:
    """What the import did, file by file, with the readers' warnings and the files skipped."""
    r = report.result
    lines = [f"Imported {_n(r.articles_added, 'article')} from {_n(len(report.files), 'file')}; "
             f"{_n(r.duplicates, 'duplicate')} not stored again.",
             f"{_n(r.mentions_added, 'event')} stored ({r.attached} onto articles already there), "
             f"{_n(r.mentions_skipped, 'identical event')} skipped."]
    for f in report.files:
        how = f"read as {f.format}" if f.format != "tadqiq" else f"encoding {f.encoding}"
        lines.append(f"  {f.path}: {_n(f.articles, 'document' if f.format != 'tadqiq' else 'article')} ({how})")
        lines.extend(f"    warning: {w}" for w in f.warnings)
    if report.bad:
        lines.append(f"Skipped {_n(len(report.bad), 'bad file')}:")
        lines.extend(f"  {msg}" for msg in report.bad)
    return "\n".join(lines)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class ImportWorker(QThread):
    """Runs one ImportJob off the GUI thread, on its own Project connection."""

    advanced = Signal(int, int)  # articles read and stored so far, expected (-1: not known)
    succeeded = Signal(object)  # the ImportReport
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: ImportJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job

    def run(self) -> None:
        job = self.job
        try:
            with Project.open(job.project, create=False) as project:
                report = import_files(project, job.paths, job.options, skip_bad=job.skip_bad, fmt=job.fmt,
                                      progress=self._progress, cancelled=self.isInterruptionRequested)
        except ImportCancelled:
            self.cancelled.emit()
        except (ImportProblem, ProjectError, ImportOptionsError, OSError) as exc:
            self.failed.emit(OPTION_PROBLEMS.get(str(exc), str(exc)))
        except Exception as exc:  # every failure reaches the dialog as a message
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit(report)

    def _progress(self, done: int, expected: int | None) -> None:
        self.advanced.emit(done, -1 if expected is None else expected)


class ImportDialog(QDialog):
    """Sources, how their events are stored, Import; a progress bar, Cancel and the report."""

    stored = Signal()  # an import committed: the window shows the new articles
    finished_import = Signal(str)  # "done", "failed" or "cancelled", once the worker has stopped
    worker_created = Signal(object)  # the ImportWorker, just before it starts

    def __init__(self, project: Project, reviewer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import into the project"))
        self.setObjectName("importDialog")
        self.project_path = Path(str(project.path))
        self.reviewer = reviewer
        self.worker: ImportWorker | None = None
        self.report: ImportReport | None = None
        self.file_dialog: QFileDialog | None = None
        self._build()
        self._sources_changed()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        self.sources = QListWidget(objectName="importSources")
        self.sources.setFixedHeight(self.sources.fontMetrics().height() * 5 + 10)  # five sources in view
        self.add_files_button = QPushButton(tr("Add &files…"), objectName="addFilesButton")
        self.add_folder_button = QPushButton(tr("Add f&older…"), objectName="addFolderButton")
        self.remove_button = QPushButton(tr("&Remove"), objectName="removeSourceButton")
        buttons = QVBoxLayout()
        for b in (self.add_files_button, self.add_folder_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.sources, 1)
        row.addLayout(buttons)
        form.addRow(tr("Files and folders:"), row)

        self.format_box = QComboBox(objectName="importFormat")
        for name, text in FORMATS.items():
            self.format_box.addItem(text, name)
        form.addRow(tr("&Format:"), self.format_box)

        self.proposals_radio = QRadioButton(tr("&Proposals to review, origin"), objectName="proposalsRadio")
        self.origin_edit = QLineEdit(objectName="originEdit")
        self.origin_edit.setPlaceholderText(tr("as the file says, else import:FILE"))
        self.gold_radio = QRadioButton(tr("&Gold labels of reviewer"), objectName="goldRadio")
        self.reviewer_edit = QLineEdit(self.reviewer, objectName="reviewerEdit")
        self.proposals_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.proposals_radio)
        group.addButton(self.gold_radio)
        events = QFormLayout()
        events.addRow(self.proposals_radio, self.origin_edit)
        events.addRow(self.gold_radio, self.reviewer_edit)
        form.addRow(tr("Events in them:"), events)

        self.ls_box = QComboBox(objectName="labelStudioFrom")
        self.ls_box.addItems(LABEL_STUDIO_FROM)
        form.addRow(tr("Label Studio tasks: read"), self.ls_box)
        self.skip_bad = QCheckBox(tr("&Skip bad files (import the good ones, list the bad)"), objectName="skipBad")
        form.addRow("", self.skip_bad)

        self.progress = QProgressBar(objectName="importProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("%v of %m articles")
        self.status = QLabel(tr("Add the files or folders to import."), objectName="importStatus")
        self.status.setWordWrap(True)
        self.report_view = QPlainTextEdit(objectName="importReport")
        self.report_view.setReadOnly(True)
        self.report_view.setMinimumHeight(self.report_view.fontMetrics().height() * 7 + 10)
        self.report_view.setPlaceholderText(tr("What each file gave, the readers' warnings and any file skipped "
                                            "are listed here at the end."))
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.button_box = QDialogButtonBox()
        self.import_button = self.button_box.addButton(tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.cancel_button = self.button_box.addButton(tr("Cancel import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.close_button = self.button_box.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("closeButton")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.report_view)
        layout.addWidget(self.button_box)
        self.form_widgets: tuple[QWidget, ...] = (
            self.sources, self.add_files_button, self.add_folder_button, self.remove_button, self.format_box,
            self.proposals_radio, self.origin_edit, self.gold_radio, self.reviewer_edit, self.ls_box, self.skip_bad,
        )
        self.add_files_button.clicked.connect(self.ask_files)
        self.add_folder_button.clicked.connect(self.ask_folder)
        self.remove_button.clicked.connect(self._remove_selected)
        self.import_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.resize(700, self.sizeHint().height())

    # -- sources -------------------------------------------------------------------------
    def add_paths(self, paths: list[str | Path]) -> None:
        known = set(self.paths())
        for p in paths:
            path = Path(p).expanduser().absolute()
            if path not in known:
                self.sources.addItem(str(path))
                known.add(path)
        self._sources_changed()

    def paths(self) -> list[Path]:
        return [Path(self.sources.item(i).text()) for i in range(self.sources.count())]

    def _remove_selected(self) -> None:
        for item in self.sources.selectedItems():
            self.sources.takeItem(self.sources.row(item))
        self._sources_changed()

    def _sources_changed(self) -> None:
        self.import_button.setEnabled(self.sources.count() > 0 and not self.running)

    def _chooser(self, title: str, folder: bool) -> QFileDialog:
        dialog = QFileDialog(self, title, str(self.project_path.parent))
        dialog.setObjectName("importFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory if folder else QFileDialog.FileMode.ExistingFiles)
        if not folder:
            dialog.setNameFilter("Articles and annotations (*.txt *.jsonl *.csv *.json *.html);;All files (*)")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(self.add_paths)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def ask_files(self) -> None:
        self._chooser(tr("Import files"), folder=False)

    def ask_folder(self) -> None:
        self._chooser(tr("Import a folder"), folder=True)

    # -- running -------------------------------------------------------------------------
    def job(self) -> ImportJob:
        """The import the form describes; ImportOptionsError for options that contradict."""
        gold = self.gold_radio.isChecked()
        options = ImportOptions(
            origin=None if gold else (self.origin_edit.text().strip() or None), gold=gold,
            reviewer=(self.reviewer_edit.text().strip() or None) if gold else None,
            label_studio_from=self.ls_box.currentText(),
        )
        check_options(options)
        return ImportJob(self.project_path, self.paths(), options, self.format_box.currentData(),
                         self.skip_bad.isChecked())

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def start(self) -> None:
        if self.running or not self.paths():
            return
        try:
            job = self.job()
        except ImportOptionsError as exc:
            self.status.setText(OPTION_PROBLEMS[exc.reason])
            return
        self.report = None
        self.report_view.clear()
        self.status.setText(tr("Importing {0} source(s) into {1} …").format(len(job.paths), self.project_path.name))
        self.progress.setRange(0, 0)  # busy until the number of articles is known
        self.progress.setFormat("%v of %m articles")
        self._set_running(True)
        worker = ImportWorker(job, self)
        worker.advanced.connect(self._advanced)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(self._cancelled)
        self.worker = worker
        self.worker_created.emit(worker)
        worker.start()

    def cancel(self) -> None:
        if self.running:
            self.worker.requestInterruption()  # type: ignore[union-attr]
            self.cancel_button.setEnabled(False)
            self.status.setText(tr("Cancelling: rolling the import back …"))

    def _set_running(self, running: bool) -> None:
        for w in self.form_widgets:
            w.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.import_button.setEnabled(not running and self.sources.count() > 0)

    def _advanced(self, done: int, expected: int) -> None:
        if expected >= 0:
            self.progress.setRange(0, max(expected, 1))
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)
        self.status.setText(tr("Importing: {0} articles read and stored so far (committed only at the end) …").format(done))

    def _stopped(self, outcome: str) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker.deleteLater()
            self.worker = None
        self._set_running(False)
        self.finished_import.emit(outcome)

    def _succeeded(self, report: ImportReport) -> None:
        self.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat("done")
        self.status.setText(tr("Imported {0} articles into {1}.").format(report.result.articles_added, self.project_path.name))
        self.report_view.setPlainText(report_text(report))
        self._stopped("done")
        self.stored.emit()

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(tr("Import failed; nothing was stored."))
        self.report_view.setPlainText(message)
        self._stopped("failed")

    def _cancelled(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(tr("Import cancelled; nothing was stored (the whole import was rolled back)."))
        self._stopped("cancelled")

    def done(self, result: int) -> None:
        """Closing while an import runs cancels it (rolled back) and waits for the worker."""
        if self.worker is not None:
            self.worker.requestInterruption()
            self.worker.wait()
        super().done(result)
