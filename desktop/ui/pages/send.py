"""Gửi hồ sơ: the campaign's dossier leaves as one signed ASiC-E package for the Sở.

The page shows what the plan requires (:func:`desktop.dossier.build.required`) and
why a package cannot be made yet (:func:`desktop.dossier.build.problems`) — of the
whole campaign, or of the phase chosen under "Đợt:" (sơ kết, tổng kết) —, lets the
clerk pick the evidence files to include and the key to sign with — a
PKCS#12 file or a USB token through its PKCS#11 driver — and where to save
the package. Signing and packing run as an :class:`~desktop.ui.operations.Operation`
with its own database connection; a token's session is opened on that thread
too, since PKCS#11 sessions belong to the thread that opened them. The
password or PIN is asked for right before signing, handed to the worker and
never kept, saved or logged. A cancel leaves no file behind.
"""
from __future__ import annotations

import sys
from pathlib import Path

from desktop.dossier import build as dossier
from desktop.errors import UserError
from desktop.signing import source as key_sources
from desktop.signing.source import KeySource
from desktop.ui.models.package import ID_ROLE, ChecklistModel, EvidenceChoiceModel, KeysModel, TokensModel, file_size
from desktop.changes import Area
from desktop.progress import Cancelled
from desktop.ui.operations import Operation, Outcome, run_op, show_error
from desktop.ui.qt import (
    QAbstractItemView, QApplication, QButtonGroup, QComboBox, QCoreApplication, QDesktopServices, QFileDialog,
    QInputDialog, QLabel, QLineEdit, QMessageBox, QProgressBar, QRadioButton, QSettings, QStackedWidget, QTreeView,
    QUrl, QVBoxLayout, QWidget, Qt, Signal,
)
from desktop.ui.columns import fit_columns
from desktop.ui.build import (
    ERROR_STYLE, at_current, button, caption, choice, documents_folder, group, hbox, panel, splitter, text_label,
    with_chosen_file,
)
from desktop.ui.widgets import CampaignPhasePage, table_view

OK_STYLE = "color: #1b6e20;"
MUTED_STYLE = "color: #555;"


def build_job(campaign_id: int, output: Path, source: KeySource, secret: str | None,
              evidence_ids: list[int], overwrite: bool, fmt: str = "asice", phase_id: int | None = None):
    """The operation: open the key on the worker thread (a token's session belongs to it), sign and pack."""

    def work(store, progress):
        progress(0, 0, QCoreApplication.translate("SendPage", "Opening the signing key…"))
        with key_sources.load_key(source, secret) as identity:
            return dossier.build(store, campaign_id, output, identity, evidence_ids=evidence_ids,
                                 progress=progress, overwrite=overwrite, format=fmt, phase_id=phase_id)

    return work


class SendPage(CampaignPhasePage, QWidget):
    # What the plan requires and what is ready: documents, nominations, the evidence in the ledger.
    AREAS = frozenset({Area.DOCUMENTS, Area.NOMINATIONS, Area.CAMPAIGNS, Area.LEDGER, Area.MEETINGS})
    verify_requested = Signal(str)      # check the package just made on the "Kiểm tra gói" page
    build_finished = Signal(object)     # an Outcome, once the operation has ended and the page has shown it

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.dialog = None
        self.worker: Operation | None = None
        self.built = None               # the last BuiltPackage
        self._loaded = False
        self._output_folder = ""
        self.problems: list[str] = []   # why the package cannot be made yet (dossier.problems)
        lay = QVBoxLayout(self)
        # A campaign with phases (sơ kết, tổng kết): the package of one phase's dossier, or the whole campaign's.
        lay.addLayout(self.campaign_row(store, "send"))

        # -- left: the dossier and the evidence ------------------------------------------------------------
        left, ll = panel()
        dossier_box, dl = group(self.tr("1. Dossier required by the plan"))
        self.checklist = ChecklistModel(store, self)
        self.checklist_view = QTreeView()
        self.checklist_view.setObjectName("send_checklist")
        self.checklist_view.setModel(self.checklist)
        self.checklist_view.setRootIsDecorated(True)
        self.checklist_view.setUniformRowHeights(True)
        self.checklist_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.checklist_view.setSelectionMode(QAbstractItemView.NoSelection)
        self.checklist_view.setFocusPolicy(Qt.NoFocus)
        fit_columns(self.checklist_view)
        dl.addWidget(self.checklist_view, 1)
        self.attach_btn = button(self.tr("Attach a file for a listed paper…"), self._attach, name="send_attach",
                                 tip=self.tr("A paper the plan lists that the app does not draft (a confirmation "
                                             "from another body, an initiative's certificate…): PDF, DOCX or image"))
        dl.addWidget(self.attach_btn)
        self.problems_label = text_label(name="send_problems", selectable=True)
        dl.addWidget(self.problems_label)
        ll.addWidget(dossier_box, 3)

        evidence_box, el = group(self.tr("2. Evidence to include"))
        self.evidence = EvidenceChoiceModel(store, self)
        self.evidence_view = table_view(self.evidence, "send_evidence")
        el.addWidget(self.evidence_view, 1)
        self.all_btn = button(self.tr("Select all"), lambda: self.evidence.set_all(True))
        self.none_btn = button(self.tr("Select none"), lambda: self.evidence.set_all(False))
        self.evidence_summary = QLabel()
        self.evidence_summary.setObjectName("send_evidence_summary")
        self.evidence_summary.setStyleSheet(MUTED_STYLE)
        el.addLayout(hbox(self.all_btn, self.none_btn, (self.evidence_summary, 1)))
        ll.addWidget(evidence_box, 4)

        # -- right: the key, the output, the action ---------------------------------------------------------
        right, rl = panel()
        key_box, kl = group(self.tr("3. Signing key"))
        self.p12_radio = QRadioButton(self.tr("Key file (.p12, .pfx)"))
        self.token_radio = QRadioButton(self.tr("USB token"))
        self.source_group = QButtonGroup(self)
        self.source_group.addButton(self.p12_radio, 0)
        self.source_group.addButton(self.token_radio, 1)
        kl.addLayout(hbox(self.token_radio, self.p12_radio, None))
        self.source_stack = QStackedWidget()
        kl.addWidget(self.source_stack, 1)

        p12_panel, pl = panel()
        self.p12_path = QLineEdit()
        self.p12_path.setObjectName("send_p12_path")
        self.p12_path.setPlaceholderText(self.tr("The key file given by the certification authority"))
        self.p12_browse = button(self.tr("Choose file…"), self.choose_p12)
        pl.addLayout(hbox((self.p12_path, 1), self.p12_browse))
        pl.addWidget(text_label(self.tr("The file's password is asked for when signing; it is never saved."),
                                style=MUTED_STYLE))
        pl.addStretch(1)
        self.source_stack.addWidget(p12_panel)

        token_panel, tl = panel()
        self.module = QComboBox()
        self.module.setObjectName("send_module")
        self.module.setEditable(True)
        self.module.setInsertPolicy(QComboBox.NoInsert)
        self.module.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.module.setMinimumContentsLength(18)
        self.module.lineEdit().setPlaceholderText(self.tr("The token's PKCS#11 driver (.dll, .so)"))
        self.module.setToolTip(self.tr("The PKCS#11 driver installed with the token's software, e.g. "
                                       "C:\\Windows\\System32\\eTPKCS11.dll"))
        self.module_browse = button(self.tr("Browse…"), self.choose_module)
        tl.addLayout(hbox(caption(self.tr("Driver:"), self.module), (self.module, 1), self.module_browse))
        self.find_btn = button(self.tr("Find tokens"), self.find_tokens, name="send_find_tokens")
        self.keys_btn = button(self.tr("Show certificates…"), self.show_keys,
                               tip=self.tr("Log in with the PIN to list the keys on the token"))
        tl.addLayout(hbox(self.find_btn, self.keys_btn, None))
        self.tokens = TokensModel(self)
        self.tokens_view = self._token_table(tl, self.tokens, "send_tokens", self.tr("Tokens found:"))
        self.keys = KeysModel(self)
        self.keys_view = self._token_table(tl, self.keys, "send_keys", self.tr("Keys and certificates on the token:"))
        tl.addWidget(text_label(self.tr("The PIN is asked for when signing; it is never saved. With one certificate "
                                        "on the token there is nothing to choose."), style=MUTED_STYLE))
        tl.addStretch(1)
        self.source_stack.addWidget(token_panel)
        rl.addWidget(key_box, 1)

        out_box, ob = group(self.tr("4. How the Sở receives it, and where to save"))
        self.format = choice("send_format", [
            (self.tr("Signed package (ASiC-E), with the Word files and evidence"), "asice"),
            (self.tr("A folder of signed PDFs and the Excel list, for the document system"), "pdfs"),
            (self.tr("The signed PDFs and the Excel list in one ZIP file, for email"), "zip")], self._format_changed)
        ob.addWidget(self.format)
        self.output = QLineEdit()
        self.output.setObjectName("send_output")
        self.output_btn = button(self.tr("Change…"), self.choose_output)
        ob.addLayout(hbox((self.output, 1), self.output_btn))
        rl.addWidget(out_box)

        action, al = panel((0, 4, 0, 0))
        self.build_btn = button(self.tr("Sign and create package"), self.build, name="send_build")
        self.build_btn.setDefault(True)
        self.build_btn.setMinimumHeight(34)
        font = self.build_btn.font()
        font.setBold(True)
        self.build_btn.setFont(font)
        al.addWidget(self.build_btn)
        self.progress = QProgressBar()
        self.progress.setObjectName("send_progress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.cancel_btn = button(self.tr("Cancel"), self.cancel, name="send_cancel")
        al.addLayout(hbox((self.progress, 1), self.cancel_btn))
        self.status = text_label(name="send_status", selectable=True)
        al.addWidget(self.status)
        self.open_folder_btn = button(self.tr("Open folder"), self.open_folder)
        self.verify_btn = button(self.tr("Check this package"),
                                 lambda: self.built and self.verify_requested.emit(str(self.built.path)))
        al.addLayout(hbox(self.open_folder_btn, self.verify_btn, None))
        rl.addWidget(action)
        self.splitter = splitter(Qt.Horizontal, left, right, stretch=(1, 1), name="send_splitter", collapsible=False,
                                 parent=self)
        self.splitter.setSizes([540, 520])
        lay.addWidget(self.splitter, 1)

        self.evidence.checked_changed.connect(self._update_summary)
        self.source_group.idToggled.connect(lambda _id, on: on and self._source_changed())
        self.module.currentTextChanged.connect(self._module_changed)
        self.tokens_view.selectionModel().currentRowChanged.connect(self._token_changed)
        self._restore_settings()
        self._set_running(False)
        self._show_result(None)

    def _token_table(self, layout, model, name: str, title: str):
        """A short table of what the token holds, under its caption."""
        view = table_view(model, name)
        view.setMinimumHeight(60)
        view.setMaximumHeight(120)
        layout.addWidget(caption(title, view))
        layout.addWidget(view, 1)
        return view

    # -- loading ------------------------------------------------------------------------------------------

    def first_row(self) -> int:
        """When first shown, the page opens on the first campaign whose dossier is ready (else the newest)."""
        for i in range(self.campaigns.rowCount()):
            if not dossier.problems(self.store, self.campaigns.campaign_at(i).id):
                return i
        return 0

    def set_campaign(self, campaign_id: int) -> None:
        self.ensure_loaded()
        row = self.campaigns.row_of(campaign_id)
        if row >= 0:
            self.campaign.setCurrentIndex(row)

    def _reload_shown(self, *, phase_gone: bool) -> None:
        """Re-read the dossier and the evidence (another page changed the data), keeping the choices."""
        self.evidence.reload()
        if phase_gone:
            self._phase_changed()       # the whole campaign's dossier
        else:
            self._refresh_dossier()

    def _campaign_changed(self, *_args) -> None:
        self.evidence.set_campaign(self.campaign_id())
        self.phases.set_campaign(self.chooser.campaign())
        self._phase_changed()

    def _phase_changed(self, *_args) -> None:
        """The dossier of the campaign or phase chosen: its checklist, what is missing, the package's name."""
        campaign_id, phase_id = self.campaign_id(), self.phase_id()
        self._refresh_dossier()
        if campaign_id is not None:
            name = run_op(self, lambda: dossier.package_name(self.store, campaign_id, phase_id=phase_id))
            if name:
                folder = Path(self._output_folder or documents_folder())
                self.output.setText(self._with_format_suffix(str(folder / name)))
        else:
            self.output.clear()
        self._show_result(None)

    def _attach(self) -> None:
        from desktop.dossier import attachments

        campaign_id = self.campaign_id()
        if campaign_id is None:
            return
        items = [(n, i) for n, i in enumerate(dossier.required(self.store, campaign_id, self.phase_id()), 1)
                 if i.kind is None]
        if not items:
            QMessageBox.information(self, self.tr("Attach a file"), self.tr(
                "The plan's dossier list names no paper to attach: the app drafts every document it lists."))
            return
        labels = [f"{n}. {i.name}" for n, i in items]
        label, ok = QInputDialog.getItem(self, self.tr("Attach a file"), self.tr("Paper of the dossier list:"),
                                         labels, 0, False)
        if not ok:
            return
        number = items[labels.index(label)][0]

        def attach(path: str) -> None:
            if run_op(self, lambda: attachments.attach(self.store, campaign_id, str(number), path)) is not None:
                self._refresh_dossier()

        with_chosen_file(self, self.tr("Choose the file to attach"), str(Path.home()),
                         self.tr("PDF, Word or image (*.pdf *.docx *.png *.jpg *.jpeg)"), attach)

    def _refresh_dossier(self) -> None:
        campaign_id, phase_id = self.campaign_id(), self.phase_id()
        self.checklist.set_campaign(campaign_id, phase_id)
        self.checklist_view.expandAll()
        self.problems = dossier.problems(self.store, campaign_id, phase_id) if campaign_id is not None else []
        if campaign_id is None:
            self.problems_label.setStyleSheet(MUTED_STYLE)
            self.problems_label.setText(self.tr("There is no campaign yet."))
        elif self.problems:
            self.problems_label.setStyleSheet(ERROR_STYLE)
            self.problems_label.setText(self.tr("The package cannot be created yet:") + "\n"
                                        + "\n".join(f"• {p}" for p in self.problems))
        else:
            self.problems_label.setStyleSheet(OK_STYLE)
            self.problems_label.setText(self.tr("Every required document is finalised: the dossier can be "
                                                "signed and sent."))
        self._update_buttons()

    def _update_summary(self) -> None:
        total = self.evidence.rowCount()
        chosen = self.evidence.checked_ids()
        if not total:
            self.evidence_summary.setText(self.tr("The achievements of this campaign have no evidence files."))
            return
        text = self.tr("%1 of %2 files chosen").replace("%1", str(len(chosen))).replace("%2", str(total))
        if chosen:
            text += f" ({file_size(self.evidence.checked_size())})"
        self.evidence_summary.setText(text)

    def _update_buttons(self) -> None:
        running = self.worker is not None
        ready = self.campaign_id() is not None and not self.problems
        self.build_btn.setEnabled(ready and not running)
        self.build_btn.setToolTip("" if ready else self.tr("Every required document must be finalised first"))
        self.keys_btn.setEnabled(not running and self.tokens_view.currentIndex().isValid())

    # -- the key --------------------------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = QSettings()
        remembered = str(s.value("send/pkcs11_module", "") or "")
        modules = key_sources.driver_choices([remembered])
        self.module.blockSignals(True)
        self.module.addItems(modules)
        self.module.setCurrentIndex(0 if modules else -1)
        self.module.blockSignals(False)
        self.p12_path.setText(str(s.value("send/p12_path", "") or ""))
        remembered_format = self.format.findData(str(s.value("send/format", "asice") or "asice"))
        self.format.blockSignals(True)
        self.format.setCurrentIndex(max(0, remembered_format))
        self.format.blockSignals(False)
        self._evidence_allowed()
        self._output_folder = str(s.value("send/output_folder", "") or "")
        use_p12 = s.value("send/key_source", "") == "p12" or (not modules and bool(self.p12_path.text()))
        (self.p12_radio if use_p12 else self.token_radio).setChecked(True)
        self._source_changed()

    def _source_changed(self) -> None:
        self.source_stack.setCurrentIndex(1 if self.token_radio.isChecked() else 0)

    def _token_changed(self, *_args) -> None:
        self.keys.set_keys([])
        self._update_buttons()

    def _module_changed(self, *_args) -> None:
        self.tokens.set_tokens([])
        self.keys.set_keys([])
        self._update_buttons()

    def choose_p12(self) -> None:
        with_chosen_file(self, self.tr("Choose the key file"), self.p12_path.text() or documents_folder(),
                         self.tr("Key files (*.p12 *.pfx);;All files (*)"), self.use_p12)

    def use_p12(self, path: str) -> None:
        self.p12_path.setText(path)
        self.p12_radio.setChecked(True)

    def choose_module(self) -> None:
        pattern = "*.dll" if sys.platform == "win32" else "*.dylib *.so" if sys.platform == "darwin" else "*.so*"
        start = self.module.currentText() or ("C:\\Windows\\System32" if sys.platform == "win32" else "/usr/lib")
        with_chosen_file(self, self.tr("Choose the token's PKCS#11 driver"), start,
                         self.tr("PKCS#11 drivers (%1);;All files (*)").replace("%1", pattern),
                         self.module.setCurrentText)

    def module_path(self) -> str:
        return self.module.currentText().strip()

    def find_tokens(self) -> None:
        from desktop.signing import keys

        module = self.module_path()
        if not module:
            self._say(self.tr("Choose the token's PKCS#11 driver first."), error=True)
            return
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            found = run_op(self, lambda: keys.list_tokens(module))
        finally:
            QApplication.restoreOverrideCursor()
        if found is None:
            return
        QSettings().setValue("send/pkcs11_module", module)
        self.tokens.set_tokens(found)
        self.keys.set_keys([])
        if found:
            self.tokens_view.setCurrentIndex(self.tokens.index(0, 0))
            self._say(self.tr("%1 token(s) found. Choose one, then show its certificates or sign directly.")
                      .replace("%1", str(len(found))))
        else:
            self._say(self.tr("No token found. Plug the token in, wait a moment, then try again."), error=True)
        self._update_buttons()

    def selected_token(self):
        return at_current(self.tokens_view, lambda ix: self.tokens.token_at(ix.row()))

    def selected_key(self) -> str | None:
        return at_current(self.keys_view, lambda ix: self.keys.index(ix.row(), 0).data(ID_ROLE))

    def ask_secret(self, title: str, label: str) -> str | None:
        """The password or PIN, typed hidden; ``None`` when the clerk cancels. It is kept nowhere."""
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.Password)
        return text if ok else None

    def show_keys(self) -> None:
        from desktop.signing import keys

        token = self.selected_token()
        if token is None:
            return
        pin = self.ask_secret(self.tr("Token PIN"), self.tr("PIN of the token “%1”:").replace("%1", token.label))
        if pin is None:
            return
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            found = run_op(self, lambda: keys.list_keys(self.module_path(), token.label, pin or None))
        finally:
            QApplication.restoreOverrideCursor()
            pin = None
        if found is None:
            return
        self.keys.set_keys(found)
        row = self.keys.first_usable()
        if row is not None:
            self.keys_view.setCurrentIndex(self.keys.index(row, 0))

    def key_source(self) -> KeySource | None:
        """The key chosen, or ``None`` after saying what is missing."""
        if self.p12_radio.isChecked():
            path = self.p12_path.text().strip()
            if not path:
                self._say(self.tr("Choose the key file (.p12, .pfx) to sign with."), error=True)
                return None
            return KeySource("p12", path)
        module = self.module_path()
        if not module:
            self._say(self.tr("Choose the token's PKCS#11 driver first."), error=True)
            return None
        token = self.selected_token()
        return KeySource("pkcs11", module, token.label if token else None, self.selected_key())

    # -- the output -----------------------------------------------------------------------------------------

    def output_format(self) -> str:
        return self.format.currentData() or "asice"

    def _evidence_allowed(self) -> None:
        """Evidence travels only in the package: the PDFs sent one by one are the unit's signed documents."""
        allowed = self.output_format() == "asice" and not self.is_running()
        for w in (self.evidence_view, self.all_btn, self.none_btn):
            w.setEnabled(allowed)
        self.evidence_view.setToolTip("" if allowed else self.tr(
            "Evidence files travel only in the signed package (ASiC-E)."))

    def _with_format_suffix(self, path: str) -> str:
        """The output path with the suffix the chosen way of sending needs (none for a folder)."""
        if not path:
            return path
        p = Path(path)
        if p.suffix.lower() in (".asice", ".sce", ".zip"):
            p = p.with_suffix("")
        suffix = {"asice": ".asice", "zip": ".zip"}.get(self.output_format(), "")
        return str(p) + suffix

    def _format_changed(self, *_args) -> None:
        self.output.setText(self._with_format_suffix(self.output.text().strip()))
        self._evidence_allowed()
        QSettings().setValue("send/format", self.output_format())
        self._show_result(None)

    def choose_output(self) -> None:
        start = self.output.text() or documents_folder()
        fmt = self.output_format()
        pattern = {"asice": self.tr("Signed packages (*.asice)"), "zip": self.tr("ZIP files (*.zip)")}.get(
            fmt, self.tr("New folder (*)"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the dossier as"), start, pattern)
        if path:
            path = path if fmt == "asice" and path.lower().endswith(".sce") else self._with_format_suffix(path)
            self.output.setText(path)
            self._output_folder = str(Path(path).parent)

    def open_folder(self) -> None:
        if self.built is not None:
            path = Path(self.built.path)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path if path.is_dir() else path.parent)))

    # -- building -------------------------------------------------------------------------------------------

    def build(self) -> None:
        campaign_id = self.campaign_id()
        if campaign_id is None or self.worker is not None:
            return
        self._refresh_dossier()
        if self.problems:
            return
        text = self.output.text().strip()
        if not text:
            self._say(self.tr("Choose where to save the package."), error=True)
            return
        output = Path(text).expanduser()
        if not output.parent.is_dir():
            self._say(self.tr("The folder %1 does not exist.").replace("%1", str(output.parent)), error=True)
            return
        overwrite = False
        if output.exists():
            question = (self.tr("The folder %1 already exists. Replace it and everything in it with the signed PDFs?")
                        if output.is_dir() else
                        self.tr("The file %1 already exists. Replace it with the new package?"))
            answer = QMessageBox.question(self, self.tr("Replace the file?"), question.replace("%1", output.name))
            if answer != QMessageBox.Yes:
                return
            overwrite = True
        source = self.key_source()
        if source is None:
            return
        if source.kind == "p12":
            if not Path(source.path).is_file():
                self._say(self.tr("The key file %1 does not exist.").replace("%1", source.path), error=True)
                return
            secret = self.ask_secret(self.tr("Key file password"), self.tr("Password of %1:").replace(
                "%1", Path(source.path).name))
        else:
            token = self.selected_token()
            secret = self.ask_secret(self.tr("Token PIN"), self.tr("PIN of the token “%1”:").replace(
                "%1", token.label if token else self.tr("the token")))
        if secret is None:
            return
        s = QSettings()
        s.setValue("send/key_source", source.kind)
        if source.kind == "p12":
            s.setValue("send/p12_path", source.path)
        else:
            s.setValue("send/pkcs11_module", source.path)
        s.setValue("send/output_folder", str(output.parent))
        self._output_folder = str(output.parent)

        job = build_job(campaign_id, output, source, secret, self.evidence.checked_ids(), overwrite,
                        self.output_format(), phase_id=self.phase_id())
        secret = None
        self._show_result(None)
        # Sent: the passed nominations are now "đã gửi", and the print log says how the dossier left.
        self.worker = Operation(self, self.store, job, changes=(Area.NOMINATIONS, Area.PRINT_LOG),
                                show_errors=False)
        self.worker.progressed.connect(self._progressed)
        self.worker.done.connect(self._build_done)
        self._set_running(True)
        self._say(self.tr("Signing…"))
        self.worker.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_btn.setEnabled(False)
            self._say(self.tr("Cancelling…"))

    def is_running(self) -> bool:
        return self.worker is not None

    def _progressed(self, done: int, total: int, message: str) -> None:
        if self.progress.maximum() == 0 and done > 0:
            self.progress.setRange(0, total)
        self.progress.setValue(done)
        if message and self.worker is not None and not self.worker.progress.cancelled:
            self._say(message)

    def _set_running(self, running: bool) -> None:
        for w in (self.campaign, self.phase, self.evidence_view, self.all_btn, self.none_btn, self.p12_radio, self.token_radio,
                  self.source_stack, self.format, self.output, self.output_btn):
            w.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel_btn.setVisible(running)
        self.cancel_btn.setEnabled(running)
        self.progress.setRange(0, 0)          # busy until the first report
        self._update_buttons()
        self._evidence_allowed()

    def _build_done(self, outcome: Outcome) -> None:
        self.worker = None
        self._set_running(False)
        error = outcome.error
        if error is None:
            self.built = outcome.value
            self._show_result(self.built)
            self._refresh_dossier()
        elif isinstance(error, Cancelled):
            self._say(str(error))
        elif isinstance(error, UserError):
            self._say(str(error), error=True)
            QMessageBox.warning(self, self.tr("The package was not created"), str(error))
        else:
            self._say(self.tr("The package was not created: an unexpected error occurred."), error=True)
            show_error(self, error)
        self.build_finished.emit(outcome)

    def _show_result(self, built) -> None:
        self.open_folder_btn.setVisible(built is not None)
        self.verify_btn.setVisible(built is not None)
        if built is None:
            if not self.is_running():
                self.status.clear()
            return
        from desktop.signing.certs import format_vn_date

        if getattr(built, "format", "asice") == "asice":
            text = self.tr("The signed package was saved as\n%1\n%2, %3 files, signed by %4 at %5.")
        else:
            text = self.tr("The signed PDFs were saved as\n%1\n%2, %3 files, signed by %4 at %5; each signature "
                           "was checked after writing.")
        when = format_vn_date(built.signing_time) if built.signing_time else "—"
        for key, value in (("%1", str(built.path)), ("%2", file_size(built.size)), ("%3", str(len(built.files))),
                           ("%4", built.signer), ("%5", when)):
            text = text.replace(key, value)
        self._say(text, ok=True)

    def _say(self, text: str, *, error: bool = False, ok: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else OK_STYLE if ok else "")
        self.status.setText(text)

