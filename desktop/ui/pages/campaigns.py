"""Phong trào thi đua: the campaigns the Sở launched, each editable field by field.

The list of campaigns is on top; the selected one is edited below in
:class:`~desktop.ui.dialogs.campaign_editor.CampaignEditor`, which the plan-import review dialog reuses. Nothing
is written until the clerk presses Lưu; a rule the domain refuses is shown
next to its field, or on its row of a table.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from desktop.records import achievements, blobs
from desktop.campaigns import campaign as campaigns
from desktop.campaigns.campaign import Campaign
from desktop.errors import UserError
from desktop.ui.dialogs.campaign_editor import CampaignEditor
from desktop.ui.models.campaigns import CampaignListModel
from desktop.changes import CAMPAIGN_REMOVED, Area
from desktop.ui.operations import Operation, announce, attempt, run_op, show_error
from desktop.ui.qt import (
    QDesktopServices, QFileDialog, QKeySequence, QLabel, QMessageBox, QShortcut,
    QStackedWidget, QUrl, QVBoxLayout, QWidget, Qt, Signal,
)
from desktop.ui.format import html_text as _html
from desktop.ui.build import button, hbox, panel, select_row, splitter, text_label
from desktop.ui.widgets import table_view
from desktop.files import temp_prefix


# -- the page --------------------------------------------------------------------------------------------

class CampaignsPage(QWidget):
    # The campaigns, and the progress line: achievements against the registered targets.
    AREAS = frozenset({Area.CAMPAIGNS, Area.LEDGER, Area.REGISTRATION})
    show_achievements = Signal(int)

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.dialog = None          # the plan-import review open on this page, if any
        self.task: Operation | None = None
        self._shown_id: int | None = None
        self._new = False           # the editor holds a campaign not saved yet
        self._reverting = False
        self._progress_line = ""    # the phase under way and the targets reached, for the heading

        lay = QVBoxLayout(self)
        self.add_btn = button(self.tr("Add campaign"), self.add_campaign)
        self.import_btn = button(self.tr("Import from a plan…"), self.import_plan)
        self.delete_btn = button(self.tr("Delete"), self.delete_campaign)
        self.count_label = QLabel()
        lay.addLayout(hbox(self.add_btn, self.import_btn, self.delete_btn, None, self.count_label))

        self.model = CampaignListModel(store, self)
        self.view = table_view(self.model, "campaigns")

        self.stack = QStackedWidget()
        self.empty = text_label(self.tr(
            "No campaigns yet. Press “Import from a plan…” to read the plan the department sent "
            "(.docx, .pdf, .txt), or “Add campaign” to enter one by hand."),
            align=Qt.AlignCenter, style="color: #555; font-size: 11pt; padding: 24px;")
        self.stack.addWidget(self.empty)
        editor_panel, pl = panel((0, 4, 0, 0))
        self.heading = text_label(selectable=True)
        pl.addWidget(self.heading)
        self.editor = CampaignEditor(editor_panel)
        self.editor.changed.connect(self._update_buttons)
        pl.addWidget(self.editor, 1)
        self.source_btn = button(self.tr("Open source file"), self.open_source)
        self.achievements_btn = button(
            self.tr("Achievements"), self._show_achievements,
            tip=self.tr("Show the achievements linked to this campaign in the ledger"))
        self.revert_btn = button(self.tr("Undo changes"), self.revert)
        self.save_btn = button(self.tr("Save"), self.save)
        self.save_btn.setDefault(True)
        pl.addLayout(hbox(self.source_btn, self.achievements_btn, None, self.revert_btn, self.save_btn))
        self.stack.addWidget(editor_panel)
        self.splitter = splitter(Qt.Vertical, self.view, self.stack, stretch=(0, 1), name="campaigns_splitter",
                                 parent=self)
        self.splitter.setSizes([170, 600])
        lay.addWidget(self.splitter, 1)

        save_shortcut = QShortcut(QKeySequence.Save, self)
        save_shortcut.setContext(Qt.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.save)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._update_buttons()

    # -- the list ----------------------------------------------------------------------------------------

    def current_id(self) -> int | None:
        """The campaign in the editor (``None`` for a new one not saved yet)."""
        return None if self._new else self._shown_id

    def reload(self) -> None:
        """Re-read the list; the editor keeps unsaved changes, otherwise it shows the stored campaign."""
        self._reverting = True
        try:
            self.model.reload()
        finally:
            self._reverting = False
        if self._new or self.editor.dirty:
            self._select_quietly(None if self._new else self._shown_id)
            self._update_buttons()
            return
        keep = self._shown_id
        if keep is None or self.model.row_of(keep) is None:
            keep = self.model.id_at(0) if self.model.rowCount() else None
        self._show(keep)
        self._select_quietly(keep)

    def showEvent(self, event) -> None:
        # Campaigns change from other places too (the command line, the nominations): show the stored list.
        self.reload()
        super().showEvent(event)

    def select(self, campaign_id: int) -> None:
        row = self.model.row_of(campaign_id)
        if row is None:
            self.reload()
            row = self.model.row_of(campaign_id)
        select_row(self.view, row)

    def _row_changed(self, current, _previous) -> None:
        if self._reverting:
            return
        cid = self.model.id_at(current.row()) if current.isValid() else None
        if cid == self._shown_id and not self._new:
            return
        if not self.confirm_discard():
            self._select_quietly(None if self._new else self._shown_id)
            return
        self._show(cid)

    def _select_quietly(self, campaign_id: int | None) -> None:
        self._reverting = True
        try:
            row = self.model.row_of(campaign_id)
            if row is None:
                self.view.selectionModel().clear()
            else:
                self.view.setCurrentIndex(self.model.index(row, 0))
        finally:
            self._reverting = False

    def _show(self, campaign_id: int | None) -> None:
        self._new = False
        self._shown_id = campaign_id
        row = self.model.row_of(campaign_id)
        if row is None:
            self._shown_id = None
            self.editor.set_campaign(Campaign(""))
        else:
            self.editor.set_campaign(self.model.campaign_at(row))
        self._progress_line = self._progress_summary(self._shown_id)
        self._update_buttons()

    def _progress_summary(self, campaign_id: int | None) -> str:
        """The phase under way and how many targets are reached (the unit's registered ones where it has)."""
        if campaign_id is None:
            return ""
        from desktop import clock

        p = campaigns.progress(self.store, campaign_id, clock.today())
        parts = []
        if p.phase is not None:
            parts.append(self.tr("current phase: %1").replace("%1", _html(p.phase.name)))
        measured = [k for k in p.criteria if k.goal is not None]
        if measured:
            reached = sum(1 for k in measured if k.reached)
            text = self.tr("targets reached: %1/%2").replace("%1", str(reached)).replace("%2", str(len(measured)))
            if any(k.registered is not None for k in measured):
                text += " " + self.tr("(against the registered targets)")
            parts.append(text)
        return " · ".join(parts)

    def confirm_discard(self) -> bool:
        if not self.editor.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The campaign has changes that are not saved. Discard them?"),
            QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel)
        return answer == QMessageBox.Discard

    def _update_buttons(self, *_args) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%1 campaigns").replace("%1", str(n)))
        editing = self._new or self._shown_id is not None
        self.stack.setCurrentIndex(1 if editing else 0)
        stored = self.current_id()
        source = self.editor.loaded.source_name if stored is not None else None
        self.delete_btn.setEnabled(editing)
        self.source_btn.setEnabled(bool(source))
        self.source_btn.setToolTip(source or "")
        self.achievements_btn.setEnabled(stored is not None)
        self.revert_btn.setEnabled(self.editor.dirty)
        if self._new:
            text = "<b>" + self.tr("New campaign (not saved yet)") + "</b>"
        elif stored is not None:
            c = self.editor.loaded
            text = f"<b>{_html(c.reference)}</b>"
            if source:
                text += " · " + self.tr("source file: %1").replace("%1", _html(source))
            if self._progress_line:
                text += "<br>" + self._progress_line
        else:
            text = ""
        if self.editor.dirty:
            text += " · <span style='color:#c25e00'>" + self.tr("unsaved changes") + "</span>"
        self.heading.setText(text)

    # -- actions ----------------------------------------------------------------------------------------

    def add_campaign(self) -> None:
        if not self.confirm_discard():
            return
        self._select_quietly(None)
        self._new = True
        self._shown_id = None
        self.editor.set_campaign(Campaign(""))
        self._update_buttons()
        self.editor.tabs.setCurrentIndex(0)
        self.editor.title.setFocus()

    def revert(self) -> None:
        if self._new:
            self._new = False
            self._show(self.model.id_at(0) if self.model.rowCount() else None)
            self._select_quietly(self._shown_id)
        else:
            self._show(self._shown_id)

    def save(self) -> bool:
        if not (self._new or self._shown_id is not None):
            return False

        def save() -> Campaign:
            c = self.editor.campaign()
            campaigns.save(self.store, c)
            return c

        c = run_op(self, save, fields=self.editor.set_errors)
        if c is None:
            return False
        self._new = False
        self._shown_id = c.id
        self.model.reload()
        self._select_quietly(c.id)
        self.editor.set_campaign(campaigns.get(self.store, c.id))
        self._progress_line = self._progress_summary(c.id)
        self._update_buttons()
        announce(self, Area.CAMPAIGNS)
        return True

    def delete_campaign(self) -> None:
        if self._new:
            self.editor.dirty = False
            self.revert()
            return
        cid = self._shown_id
        if cid is None:
            return
        title = self.editor.loaded.title
        linked = sum(len(achievements.query_ids(self.store, achievements.LedgerFilter(campaign_id=cid, archived=a)))
                     for a in (False, True))
        text = self.tr("Delete the campaign “%1”?").replace("%1", title)
        if linked:
            text += "\n\n" + self.tr("Its %1 linked achievements stay in the ledger, no longer linked to a "
                                     "campaign.").replace("%1", str(linked))
        if QMessageBox.question(self, self.tr("Delete campaign"), text) != QMessageBox.Yes:
            return
        if attempt(self, lambda: campaigns.delete(self.store, cid), changes=CAMPAIGN_REMOVED):
            self.editor.dirty = False
            self._shown_id = None
            self.reload()

    def open_source(self) -> None:
        """Open the plan file kept with the campaign in the system's viewer (a private temporary copy)."""
        c = self.editor.loaded
        if not c.source_sha256:
            return
        try:
            folder = Path(tempfile.mkdtemp(prefix=temp_prefix("thidua-ke-hoach-")))
            safe = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch
                           for ch in (c.source_name or "ke-hoach")).strip(" .") or "ke-hoach"
            path = folder / safe
            with open(path, "wb") as fh:
                for chunk in blobs.iter_chunks(self.store, c.source_sha256):
                    fh.write(chunk)
        except UserError as exc:
            show_error(self, exc)
            return
        except OSError as exc:
            show_error(self, UserError(self.tr("Cannot write a temporary copy of the file: %1")
                                       .replace("%1", exc.strerror or str(exc))))
            return
        self.last_opened = path
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _show_achievements(self) -> None:
        if self.current_id() is not None:
            self.show_achievements.emit(self.current_id())

    # -- importing a plan ------------------------------------------------------------------------------

    def import_plan(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a campaign plan"), "",
            self.tr("Plans and letters (*.docx *.pdf *.txt *.md);;All files (*)"))
        if name:
            self.start_import(Path(name))

    def start_import(self, path: Path) -> None:
        """Read the plan on a worker thread, then open the review; a file that cannot be read is explained."""
        from desktop.campaigns.plans import parse_plan
        from desktop.campaigns.plans.parser import require_something_read

        message = self.tr("Reading “%1”…").replace("%1", path.name)

        def work(_store, progress):
            progress(0, 0, message)
            # The parse reports each step, so a long file shows its progress and Cancel stops it.
            extraction = require_something_read(parse_plan(path, progress=progress), path.name)
            return extraction

        self.import_btn.setEnabled(False)
        self.task = Operation(self, self.store, work, title=self.tr("Reading the plan"), show_errors=False)
        self.task.succeeded.connect(lambda x: self._parsed(path, x))
        self.task.failed.connect(self._parse_failed)
        self.task.cancelled.connect(self._parse_done)
        self.task.start()

    def _parse_done(self) -> None:
        self.task = None
        self.import_btn.setEnabled(True)

    def _parse_failed(self, error) -> None:
        self._parse_done()
        if isinstance(error, UserError):
            QMessageBox.warning(self, self.tr("Cannot read the plan"),
                                str(error) + "\n\n" + self.tr("Nothing was saved."))
        else:
            show_error(self, error)

    def _parsed(self, path: Path, extraction) -> None:
        from desktop.ui.dialogs.plan_import import PlanImportDialog

        self._parse_done()
        dialog = PlanImportDialog(self, self.store, path, extraction)
        self.dialog = dialog
        dialog.saved.connect(self._imported)
        dialog.finished.connect(lambda _result: self._review_closed(dialog))
        dialog.open()

    def _review_closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _imported(self, campaign_id: int) -> None:
        if self.editor.dirty or self._new:
            # Keep the clerk's unsaved edits; the new campaign is in the list.
            self.model.reload()
            self._select_quietly(None if self._new else self._shown_id)
            self._update_buttons()
        else:
            self.model.reload()
            self._show(campaign_id)
            self._select_quietly(campaign_id)
        announce(self, Area.CAMPAIGNS)
