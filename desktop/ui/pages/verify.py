"""Kiểm tra gói: check a signed dossier package (ASiC-E), a signed PDF or a folder of them.

This is also the page the Sở uses, so it speaks plainly: one big verdict
(HỢP LỆ / KHÔNG HỢP LỆ), who signed and when, the files carried, and one line
per check with ✓ or ✗ (:func:`desktop.package.pdf_verify.verify_path`). A
package or PDF is opened from a file dialog or dropped on the page, a folder
from its own dialog. The CA certificates trusted are the app's trust store
(:mod:`desktop.signing.trust`, kept in the database so it travels with backups),
managed here and by ``thidua trust``. Verifying runs off the GUI thread: a
large package takes a while to hash.
"""
from __future__ import annotations

from pathlib import Path

from desktop.errors import UserError
from desktop.ui.models.package import ChecksModel, PackageFilesModel, TrustStoreModel
from desktop.changes import Area
from desktop.ui.operations import Operation, Outcome, show_error
from desktop.ui.qt import (
    QAbstractItemView, QFileDialog, QFormLayout, QFrame, QHBoxLayout, QHeaderView, QLineEdit, QListView, QMessageBox,
    QProgressBar, QSettings, QVBoxLayout, QWidget, Qt, Signal,
)
from desktop.ui.build import (
    button, caption, documents_folder, group, hbox, splitter, text_label, vbox, with_chosen_file,
)
from desktop.ui.widgets import table_view

PACKAGE_SUFFIXES = (".asice", ".sce", ".asics", ".zip", ".pdf")
CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der", ".p7b", ".p7c")
VALID_STYLE = ("QLabel { color: #1b6e20; background: #e6f4e7; border: 1px solid #1b6e20; border-radius: 4px;"
               " padding: 8px 14px; font-size: 20pt; font-weight: bold; }")
INVALID_STYLE = ("QLabel { color: #b00020; background: #fdecee; border: 1px solid #b00020; border-radius: 4px;"
                 " padding: 8px 14px; font-size: 20pt; font-weight: bold; }")
UNSUPPORTED_STYLE = ("QLabel { color: #8a5a00; background: #fff4e0; border: 1px solid #c25e00; border-radius: 4px;"
                     " padding: 8px 14px; font-size: 20pt; font-weight: bold; }")
IDLE_STYLE = ("QLabel { color: #555; background: #f3f3f3; border: 1px dashed #999; border-radius: 4px;"
              " padding: 8px 14px; font-size: 12pt; }")


def verify_job(path: str, trusted: list):
    """The operation: check the file against the certificates trusted (read before, on the GUI thread)."""

    def work(_store, progress):
        from desktop.package.pdf_verify import verify_path

        return verify_path(path, trusted, progress=progress)

    return work


class VerifyPage(QWidget):
    AREAS: frozenset[Area] = frozenset()  # a file from outside; its own list of trusted certificates
    verified = Signal(object)     # an Outcome (its value the VerificationReport), once shown

    def __init__(self, store=None, parent=None):
        super().__init__(parent)
        self.store = store
        self.dialog = None
        self.worker: Operation | None = None
        self.report = None
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)

        self.path = QLineEdit()
        self.path.setObjectName("verify_path")
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("Open a signed package (.asice), a signed PDF or a folder of PDFs, "
                                             "or drop it on this page"))
        self.open_btn = button(self.tr("Open file…"), self.choose_package, name="verify_open")
        self.open_folder_btn = button(self.tr("Open folder…"), self.choose_folder, name="verify_open_folder")
        self.again_btn = button(self.tr("Check again"), self.verify)
        lay.addLayout(hbox(caption(self.tr("Package or PDF:"), self.path), (self.path, 1), self.open_btn,
                           self.open_folder_btn, self.again_btn))

        anchors_box, al = group(self.tr("Trusted certificates (CA), kept in the data file"), QHBoxLayout)
        self.anchors = TrustStoreModel(store, self)
        self.anchors_view = QListView()
        self.anchors_view.setObjectName("verify_anchors")
        self.anchors_view.setModel(self.anchors)
        self.anchors_view.setMaximumHeight(66)
        self.anchors_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        al.addWidget(self.anchors_view, 1)
        self.add_anchor_btn = button(self.tr("Import…"), self.choose_anchor)
        self.remove_anchor_btn = button(self.tr("Remove"), self.remove_anchor)
        al.addLayout(vbox(self.add_anchor_btn, self.remove_anchor_btn, None))
        self.anchors_hint = text_label(style="color: #555;")
        self.anchors_hint.setMaximumWidth(360)
        al.addWidget(self.anchors_hint)
        lay.addWidget(anchors_box)

        self.verdict = text_label(name="verify_verdict", align=Qt.AlignCenter)
        lay.addWidget(self.verdict)
        self.summary = text_label(name="verify_summary", align=Qt.AlignCenter)
        lay.addWidget(self.summary)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        lay.addWidget(self.busy)

        info = QFrame()
        form = QFormLayout(info)
        form.setContentsMargins(0, 0, 0, 0)
        self.signer = text_label(name="verify_signer", selectable=True)
        self.signing_time = text_label(name="verify_signing_time", selectable=True)
        form.addRow(self.tr("Signed by:"), self.signer)
        form.addRow(self.tr("Signed at:"), self.signing_time)
        lay.addWidget(info)

        checks_box, cl = group(self.tr("Checks"))
        self.checks = ChecksModel(self)
        self.checks_view = table_view(self.checks, "verify_checks")
        self.checks_view.setWordWrap(True)
        self.checks_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        cl.addWidget(self.checks_view)
        files_box, fl = group(self.tr("Files in the package"))
        self.files = PackageFilesModel(self)
        self.files_view = table_view(self.files, "verify_files")
        fl.addWidget(self.files_view)
        self.splitter = splitter(Qt.Horizontal, checks_box, files_box, stretch=(3, 2), name="verify_splitter",
                                 collapsible=False, parent=self)
        self.splitter.setSizes([640, 400])
        lay.addWidget(self.splitter, 1)

        self.anchors.modelReset.connect(self._update_anchors_hint)
        self._import_remembered_anchors()
        self._update_anchors_hint()
        self._show_report(None)
        self._set_running(False)

    # -- trust anchors --------------------------------------------------------------------------------------

    def _import_remembered_anchors(self) -> None:
        """CA files an earlier version remembered by path move into the trust store, once."""
        settings = QSettings()
        value = settings.value("verify/trust_anchors", [])
        if isinstance(value, str):
            value = [value] if value else []
        if not value or self.store is None:
            return
        from desktop.signing import trust

        for path in value:
            try:
                trust.add_file(self.store, str(path))
            except UserError:
                pass  # an unreadable or a signer's file: the clerk can import the right one
        settings.remove("verify/trust_anchors")
        self.anchors.refresh()

    def _update_anchors_hint(self, *_args) -> None:
        if self.anchors.has_root():
            self.anchors_hint.setText(self.tr("The signer is trusted when their certificate leads to one of these "
                                              "root certificates."))
        else:
            self.anchors_hint.setText(self.tr("Import the root certificate (.pem, .crt, .cer, .p7b) of the signer's "
                                              "certification authority; without it the signer cannot be confirmed."))

    def add_anchor(self, path: str) -> bool:
        """Import the certificates in the file at ``path`` into the trust store; False (and a message) when refused."""
        from desktop.signing import trust

        if self.store is None:
            return False
        try:
            trust.add_file(self.store, str(path))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Cannot import the certificate"), str(exc))
            return False
        self.anchors.refresh()
        return True

    def choose_anchor(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose CA certificates"), documents_folder(),
            self.tr("Certificates (*.pem *.crt *.cer *.der *.p7b);;All files (*)"))
        added = [p for p in paths if self.add_anchor(p)]
        if added and self.report is not None:
            self.verify()

    def remove_anchor(self) -> None:
        from desktop.signing import trust

        ix = self.anchors_view.currentIndex()
        if not ix.isValid() or self.store is None:
            return
        chosen = self.anchors.certificate_at(ix.row())
        answer = QMessageBox.question(
            self, self.tr("Stop trusting"),
            self.tr("Stop trusting “%1”? Signatures that lead to it will no longer be confirmed.")
            .replace("%1", chosen.subject))
        if answer != QMessageBox.Yes:
            return
        trust.remove(self.store, chosen.id)
        self.anchors.refresh()
        if self.report is not None:
            self.verify()

    def trusted_certificates(self) -> list:
        from desktop.signing import trust

        return trust.certificates(self.store) if self.store is not None else []

    # -- the package ----------------------------------------------------------------------------------------

    def choose_package(self) -> None:
        with_chosen_file(self, self.tr("Open a signed package or PDF"), self.path.text() or documents_folder(),
                         self.tr("Signed packages and PDFs (*.asice *.sce *.zip *.pdf);;All files (*)"), self.open_file)

    def choose_folder(self) -> None:
        start = self.path.text() or documents_folder()
        path = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of signed PDFs"), start)
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> None:
        """Check the package, PDF or folder at ``path`` (the result arrives with :attr:`verified`)."""
        self.path.setText(str(path))
        self.verify()

    def verify(self) -> None:
        path = self.path.text().strip()
        if not path or self.worker is not None:
            return
        self.report = None
        self._show_report(None, busy=True)
        # No database on the worker: the file and the certificates are all it needs.
        self.worker = Operation(self, None, verify_job(path, self.trusted_certificates()), show_errors=False)
        self.worker.progressed.connect(self._progressed)
        self.worker.done.connect(self._verified)
        self._set_running(True)
        self.worker.start()

    def _progressed(self, done: int, total: int, _message: str) -> None:
        self.busy.setRange(0, total)      # 0 of 0: busy until the files are hashed one by one
        self.busy.setValue(done)

    def _set_running(self, running: bool) -> None:
        self.busy.setRange(0, 0)
        self.busy.setVisible(running)
        for w in (self.open_btn, self.open_folder_btn, self.again_btn, self.add_anchor_btn, self.remove_anchor_btn):
            w.setEnabled(not running)
        self.again_btn.setEnabled(not running and bool(self.path.text()))

    def _verified(self, outcome: Outcome) -> None:
        self.worker = None
        self._set_running(False)
        if outcome.error is None:
            self.report = outcome.value
            self._show_report(self.report)
        else:
            self._show_report(None)
            if isinstance(outcome.error, UserError):
                self.summary.setText(str(outcome.error))
                QMessageBox.warning(self, self.tr("Cannot check the package"), str(outcome.error))
            else:
                show_error(self, outcome.error)
        self.verified.emit(outcome)

    def _show_report(self, report, *, busy: bool = False) -> None:
        if report is None:
            self.verdict.setStyleSheet(IDLE_STYLE)
            self.verdict.setText(self.tr("Checking…") if busy else
                                 self.tr("Open a signed package (.asice), a signed PDF or a folder, or drop it here "
                                         "to check it."))
            self.summary.clear()
            self.signer.clear()
            self.signing_time.clear()
            self.checks.set_checks([])
            self.files.set_files([])
            return
        failed = [c for c in report.checks if not c.ok]
        if getattr(report, "verdict", None) == "unsupported":
            self.verdict.setStyleSheet(UNSUPPORTED_STYLE)
            self.verdict.setText("? " + self.tr("CANNOT BE CHECKED HERE"))
            self.summary.setText(self.tr("This package was made by another tool with a kind of signature this app "
                                         "cannot check yet (see the lines marked ✗). Nothing checked shows a "
                                         "change; check it with the signing tool of the signer's certification "
                                         "authority."))
        elif report.ok:
            self.verdict.setStyleSheet(VALID_STYLE)
            self.verdict.setText("✓ " + self.tr("VALID"))
            if getattr(report, "kind", "package") == "package":
                text = self.tr("The package is intact, exactly as it was signed, and the signer's "
                               "certificate is trusted. All %1 checks passed.")
            else:
                text = self.tr("Every signature is intact, the documents did not change after signing except "
                               "as the standard allows, and the signers' certificates are trusted. All %1 checks "
                               "passed.")
            self.summary.setText(text.replace("%1", str(len(report.checks))))
        else:
            self.verdict.setStyleSheet(INVALID_STYLE)
            self.verdict.setText("✗ " + self.tr("NOT VALID"))
            text = (self.tr("%1 of %2 checks failed; see the lines marked ✗ below. Do not accept this package "
                            "as it is.").replace("%1", str(len(failed))).replace("%2", str(len(report.checks))))
            shown = failed[:3]
            text += "\n" + "\n".join(f"✗ {c.message}" for c in shown)
            if len(failed) > len(shown):
                text += "\n…"
            self.summary.setText(text)
        self.signer.setText(report.signer or self.tr("(unknown)"))
        if report.signing_time is not None:
            from desktop.signing.certs import format_vn_date

            if getattr(report, "kind", "package") == "package":
                text = self.tr("%1 (Vietnam time, from the signer's computer)")
            else:
                text = self.tr("%1 (Vietnam time; the latest signature)")
            self.signing_time.setText(text.replace("%1", format_vn_date(report.signing_time)))
        else:
            self.signing_time.setText(self.tr("(unknown)"))
        self.checks.set_checks(failed + [c for c in report.checks if c.ok])   # what failed, first
        self.checks_view.resizeRowsToContents()
        self.files.set_files(report.files)

    # -- drag and drop ----------------------------------------------------------------------------------------

    @staticmethod
    def _dropped(event) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event) -> None:
        if self._dropped(event) and self.worker is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        paths = self._dropped(event)
        if not paths or self.worker is not None:
            event.ignore()
            return
        event.acceptProposedAction()
        packages = [p for p in paths if p.suffix.lower() not in CERT_SUFFIXES]
        for p in paths:
            if p.suffix.lower() in CERT_SUFFIXES:
                self.add_anchor(str(p))
        if packages:
            self.open_file(str(packages[0]))
        elif self.report is not None:
            self.verify()
