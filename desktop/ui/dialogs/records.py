"""Dialogs that edit the unit profile, collectives and people."""
from __future__ import annotations

import datetime as dt

from desktop import catalog
from desktop.records import people, unit
from desktop.errors import UserError, ValidationError
from desktop.records.people import Collective, Person
from desktop.ui.columns import fit_columns
from desktop.ui.models.people import ID_ROLE, CollectivesModel
from desktop.ui.models.records import PriorAwardsModel, RatingsModel
from desktop.ui.operations import attempt
from desktop.ui.qt import (
    QCoreApplication,
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton,
    QSpinBox, QStyledItemDelegate, QTableView, QTabWidget, QVBoxLayout, QWidget, Qt,
)
from desktop.ui.widgets import ComboDelegate, DateField, FormPanel, read_date
from desktop import clock


class _Dialog(QDialog):
    """Common frame: a body and OK/Cancel buttons whose OK runs ``save``.

    A dialog whose form is one tab of ``tabs`` goes back to it to show the form's errors.
    """

    tabs: QTabWidget | None = None

    def __init__(self, parent, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.layout_ = QVBoxLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.buttons)

    def save(self) -> None:  # pragma: no cover - each dialog defines it
        raise AssertionError("subclass must define save()")

    def _on_save(self) -> None:
        if attempt(self, self.save, fields=self.show_errors):
            self.accept()

    def show_errors(self, errors: dict[str, str]) -> None:
        if self.tabs is not None:
            self.tabs.setCurrentWidget(self.form)
        self.form.set_errors(errors)

    def save_record(self, record, write) -> None:
        """``write(new)`` the record in one transaction; when a new record's insert is rolled back
        with the rest, the record loses its id again (the next Save inserts it anew)."""
        was_new = record.id is None
        try:
            with self.store.transaction():
                write(was_new)
        except BaseException:
            if was_new:
                record.id = None  # the insert was rolled back with the rest
            raise


class UnitForm(FormPanel):
    """The unit's profile as a form: used by the welcome and by "Thông tin đơn vị"."""

    def __init__(self, parent, profile: unit.UnitProfile):
        super().__init__(parent)
        p = profile
        self.name = self.add("name", self.tr("Unit name"), QLineEdit(p.name), required=True)
        self.governing_body = self.add("governing_body", self.tr("Governing body"), QLineEdit(p.governing_body))
        self.province = self.add("province", self.tr("Province (place name in documents)"), QLineEdit(p.province))
        self.abbreviation = self.add("abbreviation", self.tr("Abbreviation in document symbols"),
                                     QLineEdit(p.abbreviation))
        self.head_name = self.add("head_name", self.tr("Head of unit"), QLineEdit(p.head_name))
        self.head_title = self.add("head_title", self.tr("Head's title"), QLineEdit(p.head_title))
        self.clerk_name = self.add("clerk_name", self.tr("Clerk in charge of emulation"), QLineEdit(p.clerk_name))
        self.name.setPlaceholderText(self.tr("e.g. Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Tĩnh"))
        self.governing_body.setPlaceholderText(self.tr("e.g. Sở Tư pháp tỉnh Hà Tĩnh"))
        self.province.setPlaceholderText(self.tr("e.g. Hà Tĩnh"))
        self.abbreviation.setPlaceholderText(self.tr("e.g. TTTGPL (as in 15/TTr-TTTGPL)"))
        self.head_title.setPlaceholderText(self.tr("e.g. Giám đốc"))

    def profile(self) -> unit.UnitProfile:
        return unit.UnitProfile(
            self.name.text(), self.governing_body.text(), self.province.text(), self.abbreviation.text(),
            self.head_name.text(), self.head_title.text(), self.clerk_name.text())


class UnitDialog(_Dialog):
    """Thông tin đơn vị: the profile every new document is drafted with."""

    def __init__(self, parent, store):
        super().__init__(parent, self.tr("Unit profile"))
        self.setObjectName("unit_dialog")
        self.store = store
        self.form = UnitForm(self, unit.get(store))
        for key in ("name", "governing_body", "province", "abbreviation", "head_name", "head_title", "clerk_name"):
            setattr(self, key, getattr(self.form, key))
        self.layout_.addWidget(self.form)
        hint = QLabel(self.tr("New documents are drafted with this profile: the header, the place, "
                              "the abbreviation in the number and the head's signature block."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.layout_.addWidget(hint)
        self.finish_layout()
        self.resize(620, self.sizeHint().height())

    def save(self) -> None:
        unit.save(self.store, self.form.profile())


class CollectiveDialog(_Dialog):
    def __init__(self, parent, store, collective: Collective | None = None):
        super().__init__(parent, self.tr("Edit collective") if collective else self.tr("New collective"))
        self.store = store
        self.collective = collective or Collective("")
        self.form = FormPanel(self)
        self.name = self.form.add("name", self.tr("Name"), QLineEdit(self.collective.name), required=True)
        self.parent_combo = QComboBox(self)
        self.parent_model = CollectivesModel(store, self, with_none=True)
        self.parent_combo.setModel(self.parent_model)
        self.parent_combo.setCurrentIndex(self.parent_model.row_of(self.collective.parent_id)
                                          if self.collective.parent_id else 0)
        self.form.add("parent_id", self.tr("Belongs to"), self.parent_combo)
        self.note = self.form.add("note", self.tr("Note"), QLineEdit(self.collective.note))
        # Who signs the collective's báo cáo thành tích (its Trưởng phòng, Giám đốc chi nhánh).
        self.head = QComboBox(self)
        self.head.addItem("", None)
        members = people.list_people(self.store, self.collective.id) if self.collective.id else []
        if self.collective.is_unit:
            members = people.list_people(self.store)
        for p in members:
            self.head.addItem(f"{p.full_name} ({p.position})" if p.position else p.full_name, p.id)
        self.head.setCurrentIndex(max(0, self.head.findData(self.collective.head_person_id)))
        self.head.setObjectName("head")
        self.form.add("head_person_id", self.tr("Head (signs the collective's report)"), self.head)
        self.functions = QPlainTextEdit(self.collective.functions, self)
        self.functions.setObjectName("functions")
        self.functions.setPlaceholderText(self.tr("Functions and tasks, as the collective's report states them"))
        self.functions.setMaximumHeight(90)
        self.form.add("functions", self.tr("Functions and tasks"), self.functions)
        self.tabs = collective_record_tabs(self, store, self.collective.id)
        self.layout_.addWidget(self.tabs)
        self.finish_layout()
        self.resize(600, 460)

    def save(self) -> None:
        c = self.collective
        c.name = self.name.text()
        c.parent_id = self.parent_combo.currentData(ID_ROLE)
        c.note = self.note.text()
        c.head_person_id = self.head.currentData()
        c.functions = self.functions.toPlainText()

        def write(new: bool) -> None:
            (people.add_collective if new else people.update_collective)(self.store, c)
            save_collective_records(self, c.id)

        self.save_record(c, write)


def collective_record_tabs(dialog, store, collective_id: int | None) -> QTabWidget:
    """The collective dialog's tabs: its profile (``dialog.form``), yearly ratings and awards received."""
    from desktop.council import review

    tabs = QTabWidget(dialog)
    tabs.addTab(dialog.form, QCoreApplication.translate("CollectiveDialog", "Profile"))
    dialog.ratings_model = RatingsModel(review.collective_ratings(store, collective_id) if collective_id else {},
                                        dialog)
    box = ratings_tab(dialog, "collective_ratings", years_back=1)
    tabs.addTab(box, QCoreApplication.translate("CollectiveDialog", "Yearly ratings"))
    dialog.awards_model = PriorAwardsModel(
        people.prior_awards(store, collective_id=collective_id) if collective_id else [], dialog)
    dialog.awards_box = awards_table(dialog, dialog.awards_model, "collective")
    tabs.addTab(dialog.awards_box, QCoreApplication.translate("CollectiveDialog", "Awards received"))
    return tabs


def ratings_tab(dialog, object_name: str, *, years_back: int) -> QWidget:
    """The yearly ratings tab over ``dialog.ratings_model``: a table whose ratings are chosen from a
    list (``dialog.ratings_view``) and a row to add a year (``dialog.new_year``, at first
    ``years_back`` years before this one)."""
    view = QTableView()
    view.setObjectName(object_name)
    view.setModel(dialog.ratings_model)
    view.setItemDelegateForColumn(1, RatingDelegate(view))
    fit_columns(view)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.AllEditTriggers)
    dialog.ratings_view = view
    box = QWidget()
    bl = QVBoxLayout(box)
    bl.addWidget(view)
    row = QHBoxLayout()
    dialog.new_year = QSpinBox()
    dialog.new_year.setRange(1990, clock.today().year)
    dialog.new_year.setValue(clock.today().year - years_back)
    add_btn = QPushButton(QCoreApplication.translate("CollectiveDialog", "Add year"))
    add_btn.clicked.connect(lambda: dialog.ratings_model.add_year(dialog.new_year.value()))
    row.addWidget(dialog.new_year)
    row.addWidget(add_btn)
    row.addStretch(1)
    bl.addLayout(row)
    return box


def save_collective_records(dialog, collective_id: int) -> None:
    """Save the ratings and awards of the collective dialog (inside the caller's transaction)."""
    from desktop.council import review

    review.set_collective_ratings(dialog.store, collective_id, dialog.ratings_model.ratings())
    save_prior_awards(dialog, collective_id=collective_id)


def save_prior_awards(dialog, **subject) -> None:
    """Replace the person's or the collective's awards received before with the dialog's table
    (inside the caller's transaction); a refused row shows the table and says why."""
    try:
        people.replace_prior_awards(dialog.store, awards=dialog.awards_model.awards(), **subject)
    except ValidationError as exc:
        dialog.tabs.setCurrentWidget(dialog.awards_box)
        raise UserError(QCoreApplication.translate("CollectiveDialog", "Awards received: %1").replace(
            "%1", " ".join(exc.fields.values()))) from None


class RatingDelegate(ComboDelegate):
    """A combo box of the four ratings (and none)."""

    def choices(self):
        return [(self.tr("(not rated)"), "")] + [(label, key) for key, label in people.RATINGS.items()]


class AwardDelegate(QStyledItemDelegate):
    """A combo box of the catalog awards that fit the subject."""

    def __init__(self, subject_kind: str, parent=None):
        super().__init__(parent)
        self.names = [a.name for a in catalog.load() if a.fits(subject_kind)]

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItems(self.names)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findText(index.data(Qt.EditRole) or "")))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText(), Qt.EditRole)


def awards_table(parent: QWidget, model: PriorAwardsModel, subject_kind: str) -> QWidget:
    box = QWidget(parent)
    lay = QVBoxLayout(box)
    view = QTableView(box)
    view.setObjectName("prior_awards")
    view.setModel(model)
    view.setItemDelegateForColumn(1, AwardDelegate(subject_kind, view))
    fit_columns(view)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    lay.addWidget(view)
    row = QHBoxLayout()
    add = QPushButton(QCoreApplication.translate("PriorAwards", "Add award"), box)
    remove = QPushButton(QCoreApplication.translate("PriorAwards", "Remove"), box)
    add.clicked.connect(lambda: view.edit(model.index(model.add(), 1)))
    remove.clicked.connect(lambda: model.remove(view.currentIndex().row()))
    row.addWidget(add)
    row.addWidget(remove)
    row.addStretch(1)
    lay.addLayout(row)
    box.view = view  # type: ignore[attr-defined]
    return box


class PersonDialog(_Dialog):
    def __init__(self, parent, store, person_id: int | None = None, collective_id: int | None = None):
        super().__init__(parent, self.tr("Edit person") if person_id else self.tr("New person"))
        self.store = store
        detail = people.person_detail(store, person_id) if person_id else None
        p = detail.person if detail else Person("", collective_id=collective_id)
        self.person = p
        tabs = QTabWidget(self)
        self.tabs = tabs
        self.form = FormPanel(tabs)
        self.full_name = self.form.add("full_name", self.tr("Full name"), QLineEdit(p.full_name), required=True)
        self.full_name.setPlaceholderText(self.tr("e.g. Nguyễn Thị Lan Anh"))
        self.birth_date = self.form.add("birth_date", self.tr("Date of birth"), DateField())
        self.birth_date.set_date(p.birth_date)
        self.sex = QComboBox()
        self.sex.addItem("", None)
        for key, label in people.SEXES.items():
            self.sex.addItem(label, key)
        self.sex.setCurrentIndex(max(0, self.sex.findData(p.sex)))
        self.form.add("sex", self.tr("Sex"), self.sex)
        self.position = self.form.add("position", self.tr("Position"), QLineEdit(p.position))
        self.rank = self.form.add("rank", self.tr("Rank / title"), QLineEdit(p.rank))
        self.collective = QComboBox()
        self.collective_model = CollectivesModel(store, self, with_none=True)
        self.collective.setModel(self.collective_model)
        self.collective.setCurrentIndex(self.collective_model.row_of(p.collective_id) if p.collective_id else 0)
        self.form.add("collective_id", self.tr("Collective"), self.collective)
        self.year_joined = QSpinBox()
        self.year_joined.setRange(1949, clock.today().year)
        self.year_joined.setSpecialValueText(" ")
        self.year_joined.setValue(p.year_joined or 1949)
        self.form.add("year_joined", self.tr("Year joined the unit"), self.year_joined)
        # What the báo cáo thành tích asks (NĐ 152/2025 forms).
        self.ethnicity = self.form.add("ethnicity", self.tr("Ethnicity"), QLineEdit(p.ethnicity))
        self.hometown = self.form.add("hometown", self.tr("Home town"), QLineEdit(p.hometown))
        self.residence = self.form.add("residence", self.tr("Permanent residence"), QLineEdit(p.residence))
        self.education = self.form.add("education", self.tr("Professional qualification (degree and field)"),
                                       QLineEdit(p.education))
        self.education.setPlaceholderText(self.tr("e.g. Cử nhân Luật"))
        self.political_theory = self.form.add("political_theory", self.tr("Political theory level"),
                                              QLineEdit(p.political_theory))
        tabs.addTab(self.form, self.tr("Profile"))

        self.ratings_model = RatingsModel(detail.ratings if detail else {}, self)
        tabs.addTab(ratings_tab(self, "ratings", years_back=4), self.tr("Yearly ratings"))

        self.awards_model = PriorAwardsModel(detail.awards if detail else [], self)
        self.awards_box = awards_table(self, self.awards_model, "person")
        tabs.addTab(self.awards_box, self.tr("Awards received"))
        self.layout_.addWidget(tabs)
        self.finish_layout()
        self.resize(640, 520)

    def save(self) -> None:
        errors: dict[str, str] = {}
        p = self.person
        p.full_name = self.full_name.text()
        p.birth_date = read_date(self.birth_date, "birth_date", errors)
        p.sex = self.sex.currentData()
        p.position = self.position.text()
        p.rank = self.rank.text()
        p.collective_id = self.collective.currentData(ID_ROLE)
        p.year_joined = self.year_joined.value() if self.year_joined.value() > 1949 else None
        for name in people.PERSON_TEXT_FIELDS:
            setattr(p, name, getattr(self, name).text())
        if errors:
            raise ValidationError(errors)

        def write(new: bool) -> None:
            (people.add_person if new else people.update_person)(self.store, p)
            people.set_ratings(self.store, p.id, self.ratings_model.ratings())
            save_prior_awards(self, person_id=p.id)

        self.save_record(p, write)
