"""Đăng ký thi đua: the titles and targets the unit, its collectives and its people register for a campaign.

One table per campaign (and phase): a row per subject, a column per criterion
of the plan, prefilled with the plan's targets. Save writes every changed row
in one transaction. Long lists go through an Excel template and an
all-or-nothing import; the printable list is exported to Excel.
"""
from __future__ import annotations


from desktop.campaigns import registration
from desktop.ui.models.registration import RegistrationModel
from desktop.changes import Area
from desktop.ui.operations import announce, attempt
from desktop.ui.qt import QCheckBox, QLabel, QMessageBox, QTableView, QVBoxLayout, QWidget, Qt
from desktop.ui.registrations import import_workbook, save_registrations, save_workbook
from desktop.ui.build import button, hbox, text_label
from desktop.ui.widgets import CampaignChooser, PhaseChooser, table_view


class RegistrationPage(QWidget):
    AREAS = frozenset({Area.REGISTRATION, Area.CAMPAIGNS, Area.PEOPLE})  # who registered what, per campaign

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        lay = QVBoxLayout(self)
        self.chooser = CampaignChooser(store, "registration_campaign", self, min_chars=20)
        self.campaign, self.campaigns = self.chooser.combo, self.chooser.model
        self.phases = PhaseChooser("registration_phase", self)
        self.phase = self.phases.combo
        lay.addLayout(hbox((self.chooser, 1), self.phases))
        self.hint = text_label(self.tr(
            "Tick who registers; type the titles aimed for (separated by “;”) and a target per criterion. "
            "The plan's targets are filled in. Registration never blocks a nomination unless the unit's rules "
            "require it."), style="color: #555;")
        lay.addWidget(self.hint)

        self.model = RegistrationModel(store, self)
        self.view = table_view(self.model, "registrations")
        self.view.setEditTriggers(QTableView.DoubleClicked | QTableView.EditKeyPressed | QTableView.AnyKeyPressed
                                  | QTableView.SelectedClicked)
        self.view.setSelectionBehavior(QTableView.SelectItems)
        self.view.horizontalHeader().setTextElideMode(Qt.ElideRight)
        self.view.horizontalHeader().setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        lay.addWidget(self.view, 1)

        self.required = QCheckBox(self.tr("The unit's rules require registration before a nomination"))
        self.required.setObjectName("registration_required")
        self.count_label = QLabel()
        self.year_btn = button(self.tr("Year's titles…"), self.open_year_titles, name="year_titles",
                               tip=self.tr("Register the year's emulation titles (Lao động tiên tiến, Chiến sĩ thi "
                                           "đua cơ sở…), outside any campaign"))
        self.template_btn = button(self.tr("Excel template…"), self.write_template)
        self.import_btn = button(self.tr("Import from Excel…"), self.import_excel)
        self.export_btn = button(self.tr("Export list…"), self.export_list)
        self.revert_btn = button(self.tr("Undo changes"), self._load)
        self.save_btn = button(self.tr("Save"), self.save)
        self.save_btn.setDefault(True)
        lay.addLayout(hbox(self.required, None, self.count_label, self.year_btn, self.template_btn, self.import_btn,
                           self.export_btn, self.revert_btn, self.save_btn))

        self.required.toggled.connect(self._required_toggled)
        for signal in (self.model.edited, self.model.modelReset):
            signal.connect(self._update)
        self.campaign.currentIndexChanged.connect(self._campaign_changed)
        self.phase.currentIndexChanged.connect(self._load)
        self.reload()

    # -- campaign and phase ----------------------------------------------------------------------------

    def campaign_id(self) -> int | None:
        return self.chooser.campaign_id()

    def set_campaign(self, campaign_id: int, phase_id: int | None = None) -> None:
        self.chooser.set_campaign(campaign_id)
        if phase_id is not None:
            self.phases.set_phase(phase_id)

    def phase_id(self) -> int | None:
        return self.phases.phase_id()

    def reload(self) -> None:
        """Re-read everything (another page changed the data), keeping the campaign and phase."""
        phase_id = self.phase_id()
        self.required.blockSignals(True)
        self.required.setChecked(registration.required(self.store))
        self.required.blockSignals(False)
        self.chooser.reload(quiet=True)
        self._campaign_changed(phase_id=phase_id)

    def _campaign_changed(self, *_args, phase_id: int | None = None) -> None:
        c = self.chooser.campaign()
        self.phases.set_campaign(c, phase_id)
        # Shown for every campaign, greyed for one without phases.
        self.phases.show()
        self.phase.setEnabled(bool(c and c.phase_records))
        self._load()

    def _load(self, *_args) -> None:
        c = self.chooser.campaign()
        self.model.load(c, self.phase_id())
        for col, width in ((0, 70), (1, 250), (2, 250)):
            self.view.setColumnWidth(col, width)
        for col in range(3, self.model.columnCount()):
            self.view.setColumnWidth(col, 170)

    def _update(self, *_args) -> None:
        has = self.model.campaign is not None
        for b in (self.template_btn, self.import_btn, self.export_btn):
            b.setEnabled(has)
        self.save_btn.setEnabled(self.model.dirty)
        self.revert_btn.setEnabled(self.model.dirty)
        self.count_label.setText(self.tr("%1 registered").replace("%1", str(self.model.registered_count())))

    # -- actions ------------------------------------------------------------------------------------------

    def save(self) -> bool:
        if not save_registrations(self, self.model.save):
            return False
        announce(self, Area.REGISTRATION)
        return True

    def _required_toggled(self, on: bool) -> None:
        attempt(self, lambda: registration.set_required(self.store, on), changes=Area.REGISTRATION)

    def write_template(self) -> None:
        from desktop.excel.registration import write_template

        save_workbook(self, self.tr("Excel template"), "dang-ky-thi-dua.xlsx",
                      lambda path: write_template(self.store, self.campaign_id(), path))

    def export_list(self) -> None:
        from desktop.excel.registration import write_list

        save_workbook(self, self.tr("Export list"), "danh-sach-dang-ky-thi-dua.xlsx",
                      lambda path: write_list(self.store, self.campaign_id(), path))

    def import_excel(self) -> None:
        from desktop.excel.registration import apply, read

        count = import_workbook(self, self.tr("Import from Excel"),
                                lambda path: read(self.store, self.campaign_id(), path),
                                lambda preview: apply(self.store, preview))
        if count is None:
            return
        self._load()
        announce(self, Area.REGISTRATION)
        QMessageBox.information(self, self.tr("Import from Excel"),
                                self.tr("%1 registrations imported.").replace("%1", str(count)))

    def open_year_titles(self) -> None:
        """The year's titles, outside any campaign (window-modal, not blocking)."""
        from desktop.ui.dialogs.yearly_registration import YearRegistrationDialog

        self.dialog = YearRegistrationDialog(self, self.store)
        self.dialog.finished.connect(lambda _result: announce(self, Area.REGISTRATION))
        self.dialog.open()
