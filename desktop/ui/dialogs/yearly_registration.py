"""Đăng ký danh hiệu thi đua năm: the year's titles of the unit, its collectives and its people, outside
any campaign; saved in one go, with the Excel template, import and printable list."""
from __future__ import annotations

from desktop import clock
from desktop.ui.models.yearly_registration import YearRegistrationModel
from desktop.ui.build import button, caption, close_buttons, hbox, text_label
from desktop.ui.qt import QDialog, QLabel, QMessageBox, QSpinBox, QTableView, QVBoxLayout
from desktop.ui.registrations import import_workbook, save_registrations, save_workbook
from desktop.ui.widgets import table_view


class YearRegistrationDialog(QDialog):
    def __init__(self, parent, store, year: int | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Registration of the year's titles"))
        lay = QVBoxLayout(self)
        self.year = QSpinBox()
        self.year.setObjectName("registration_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(year or clock.today().year)
        self.count_label = QLabel()
        lay.addLayout(hbox(caption(self.tr("Year:"), self.year), self.year, None, self.count_label))
        lay.addWidget(text_label(self.tr(
            "Tick the titles each collective and person registers for this year, outside any campaign. "
            "Registration never blocks a nomination unless the unit's rules require it."), style="color: #555;"))
        self.model = YearRegistrationModel(store, self)
        self.view = table_view(self.model, "year_registrations")
        self.view.setEditTriggers(QTableView.DoubleClicked | QTableView.EditKeyPressed | QTableView.AnyKeyPressed)
        lay.addWidget(self.view, 1)
        self.template_btn = button(self.tr("Excel template…"), self.write_template)
        self.import_btn = button(self.tr("Import from Excel…"), self.import_excel)
        self.export_btn = button(self.tr("Export list…"), self.export_list)
        self.save_btn = button(self.tr("Save"), self.save)
        lay.addLayout(hbox(self.template_btn, self.import_btn, self.export_btn, None, self.save_btn))
        self.buttons = close_buttons(self)
        lay.addWidget(self.buttons)
        self.model.edited.connect(self._update)
        self.model.modelReset.connect(self._update)
        self.year.valueChanged.connect(self._year_changed)
        self._shown_year = self.year.value()
        self.model.load(self._shown_year)
        self.resize(1080, 620)

    def _update(self) -> None:
        self.save_btn.setEnabled(self.model.dirty)
        self.count_label.setText(self.tr("%1 registered").replace("%1", str(self.model.registered_count())))

    def _may_discard(self) -> bool:
        return not self.model.dirty or QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("The registrations have changes that are not saved. "
                                                      "Discard them?")) == QMessageBox.Yes

    def _year_changed(self, year: int) -> None:
        if year == self._shown_year:
            return
        if not self._may_discard():
            self.year.blockSignals(True)
            self.year.setValue(self._shown_year)
            self.year.blockSignals(False)
            return
        self._shown_year = year
        self.model.load(year)

    def save(self) -> bool:
        return save_registrations(self, self.model.save)

    def reject(self) -> None:
        if self._may_discard():
            super().reject()

    def write_template(self) -> None:
        from desktop.excel.registration import write_year_template

        save_workbook(self, self.tr("Excel template"), f"dang-ky-danh-hieu-{self._shown_year}.xlsx",
                      lambda path: write_year_template(self.store, self._shown_year, path))

    def export_list(self) -> None:
        from desktop.excel.registration import write_year_list

        save_workbook(self, self.tr("Export list"), f"danh-sach-dang-ky-danh-hieu-{self._shown_year}.xlsx",
                      lambda path: write_year_list(self.store, self._shown_year, path))

    def import_excel(self) -> None:
        from desktop.excel.registration import apply_year, read_year

        count = import_workbook(self, self.tr("Import from Excel"),
                                lambda path: read_year(self.store, self._shown_year, path),
                                lambda preview: apply_year(self.store, preview))
        if count is None:
            return
        self.model.load(self._shown_year)
        QMessageBox.information(self, self.tr("Import from Excel"),
                                self.tr("%1 registrations imported.").replace("%1", str(count)))
