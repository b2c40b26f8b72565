"""People and roles (the secretariat's dialog): who may sign in, with which roles, which
judge rows they score, disabling someone, resetting a password. Every change goes through
services/people (checked and audited there); refusals are shown as they come."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.people import MIN_PASSWORD_LENGTH, Role, login_from_name
from judging_app.services import people
from judging_app.services.errors import ServiceError
from judging_app.services.workspace import Workspace
from judging_app.ui.i18n import fill, message_text

ROLES = (Role.SECRETARIAT, Role.CHAIR, Role.JUDGE, Role.OBSERVER)


def role_label(role: Role | str) -> str:
    labels = {Role.SECRETARIAT: QCoreApplication.translate("PeopleDialog", "Secretariat"),
              Role.CHAIR: QCoreApplication.translate("PeopleDialog", "Chair"),
              Role.JUDGE: QCoreApplication.translate("PeopleDialog", "Judge"),
              Role.OBSERVER: QCoreApplication.translate("PeopleDialog", "Observer")}
    return labels[Role(role)]


@dataclass(frozen=True)
class PersonAnswer:
    login: str
    name: str
    nip: str
    roles: tuple[Role, ...]
    judges: tuple[tuple[str, str], ...]
    password: str | None  # None: generate one


class PersonDialog(QDialog):
    """A new person, or the roles and judge links of an existing one (`person`)."""

    def __init__(self, judges: list[people.JudgeChoice], person=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.person = person
        self.name_edit = QLineEdit(person.name if person else "")
        self.login_edit = QLineEdit(person.login if person else "")
        self.nip_edit = QLineEdit(person.nip if person else "")
        for edit in (self.name_edit, self.login_edit, self.nip_edit):
            edit.setReadOnly(person is not None)
        self.name_edit.textEdited.connect(self._suggest_login)
        self.role_boxes = {r: QCheckBox() for r in ROLES}
        for role, box in self.role_boxes.items():
            box.setChecked(bool(person) and role.value in person.roles)
            box.toggled.connect(self._update)
        self.judge_list = QListWidget()
        self.judge_list.setObjectName("judgeLinks")
        linked = set(person.judges) if person else set()
        for j in judges:
            item = QListWidgetItem(f"{j.competition} / {j.judge} — {j.name}")
            item.setData(Qt.ItemDataRole.UserRole, (j.competition, j.judge))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if f"{j.competition}/{j.judge}" in linked
                               else Qt.CheckState.Unchecked)
            self.judge_list.addItem(item)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.generate_box = QCheckBox()
        self.generate_box.toggled.connect(self._update)
        self.password_edit.textChanged.connect(self._update)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(6)]
        roles_row = QHBoxLayout()
        for box in self.role_boxes.values():
            roles_row.addWidget(box)
        roles_row.addStretch(1)
        for label, field in zip(self.labels, (self.name_edit, self.login_edit, self.nip_edit,
                                              roles_row, self.judge_list, self.password_edit),
                                strict=True):
            self.form.addRow(label, field)
        if person is not None:
            self.form.setRowVisible(self.password_edit, False)
        else:
            self.form.addRow("", self.generate_box)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.name_edit, self.login_edit):
            edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(560, 520)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Roles and judges") if self.person else self.tr("Add a person"))
        for label, text in zip(self.labels, (self.tr("Full &name:"), self.tr("&Login:"),
                                             self.tr("NI&P:"), self.tr("Roles:"),
                                             self.tr("&Scores as judge:"),
                                             self.tr("&Password:")), strict=True):
            label.setText(text)
        self.labels[0].setBuddy(self.name_edit)
        self.labels[1].setBuddy(self.login_edit)
        self.labels[2].setBuddy(self.nip_edit)
        self.labels[4].setBuddy(self.judge_list)
        self.labels[5].setBuddy(self.password_edit)
        for role, box in self.role_boxes.items():
            box.setText(role_label(role))
        self.generate_box.setText(self.tr("Make one up (shown once)"))
        self.nip_edit.setPlaceholderText(self.tr("optional, 18 digits"))
        self.password_edit.setPlaceholderText(
            fill(self.tr("at least %1 characters"), str(MIN_PASSWORD_LENGTH)))
        self.note.setText(self.tr(
            "A judge scores only the judge rows ticked here. The secretariat manages people; "
            "the chair decides ties; an observer only reads."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _suggest_login(self, name: str) -> None:
        if not self.login_edit.isModified():
            self.login_edit.setText(login_from_name(name))

    def roles(self) -> tuple[Role, ...]:
        return tuple(r for r, box in self.role_boxes.items() if box.isChecked())

    def judges(self) -> tuple[tuple[str, str], ...]:
        return tuple(self.judge_list.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(self.judge_list.count())
                     if self.judge_list.item(i).checkState() == Qt.CheckState.Checked)

    def _update(self) -> None:
        self.password_edit.setEnabled(not self.generate_box.isChecked())
        ok = bool(self.name_edit.text().strip() and self.login_edit.text().strip()
                  and self.roles())
        if self.person is None:
            ok = ok and (self.generate_box.isChecked()
                         or len(self.password_edit.text()) >= MIN_PASSWORD_LENGTH)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def answer(self) -> PersonAnswer:
        password = None if self.generate_box.isChecked() else self.password_edit.text()
        return PersonAnswer(self.login_edit.text().strip().lower(), self.name_edit.text().strip(),
                            self.nip_edit.text().strip(), self.roles(), self.judges(), password)


class PeopleDialog(QDialog):
    """The list of people with the secretariat's actions."""

    COLUMNS = 5

    def __init__(self, db, who, dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleDialog")
        self.db, self.who, self.dialogs = db, who, dialogs
        self.rows: list[people.PersonRecord] = []
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("peopleTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.add_button, self.roles_button = QPushButton(), QPushButton()
        self.disable_button, self.password_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.add_person)
        self.roles_button.clicked.connect(self.edit_roles)
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.password_button.clicked.connect(self.reset_password)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.roles_button, self.disable_button, self.password_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.close_box)
        self.resize(820, 440)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("People and roles"))
        self.intro.setText(self.tr(
            "Who may sign in to this database and what each may do. Changes are recorded in "
            "the audit trail under your name."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Login"), self.tr("Name"), self.tr("Roles"), self.tr("Scores as judge"),
            self.tr("Status")])
        self.add_button.setText(self.tr("&Add a person…"))
        self.roles_button.setText(self.tr("&Roles and judges…"))
        self.password_button.setText(self.tr("Reset &password…"))
        self._update_buttons()
        if self.rows:
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.rows = people.list_people(self.db)
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        for i, p in enumerate(self.rows):
            values = (p.login, p.name + (f" · NIP {p.nip}" if p.nip else ""),
                      ", ".join(role_label(r) for r in p.roles),
                      ", ".join(p.judges),
                      self.tr("disabled") if p.disabled else self.tr("active"))
            for col, value in enumerate(values):
                self.table.setItem(i, col, QTableWidgetItem(value))
        self._update_buttons()

    def selected(self) -> people.PersonRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        person = self.selected()
        for b in (self.roles_button, self.disable_button, self.password_button):
            b.setEnabled(person is not None)
        self.disable_button.setText(self.tr("&Enable") if person and person.disabled
                                    else self.tr("&Disable"))

    def _write(self, action) -> bool:
        try:
            action(Workspace(self.db, self.who))
        except ServiceError as exc:
            text = message_text(exc)
            self.dialogs.show_error(self, self.tr("Not changed"), text.splitlines()[0], "", text)
            return False
        self.refresh()
        return True

    def add_person(self) -> None:
        answer = self.dialogs.ask_person(self, people.judge_choices(self.db))
        if answer is None:
            return
        password = answer.password or people.generate_password()
        data = people.PersonInput(answer.login, answer.name, answer.nip, answer.roles,
                                  answer.judges)
        if self._write(lambda ws: people.add_person(ws, data, password)) and not answer.password:
            self.dialogs.show_password(self, answer.login, password)

    def edit_roles(self) -> None:
        person = self.selected()
        if person is None:
            return
        answer = self.dialogs.ask_person(self, people.judge_choices(self.db), person)
        if answer is not None:
            self._write(lambda ws: people.set_roles(ws, person.login, answer.roles,
                                                    answer.judges))

    def toggle_disabled(self) -> None:
        person = self.selected()
        if person is not None:
            self._write(lambda ws: people.set_disabled(ws, person.login, not person.disabled))

    def reset_password(self) -> None:
        person = self.selected()
        if person is None:
            return
        password = people.generate_password()
        if self._write(lambda ws: people.reset_password(ws, person.login, password)):
            self.dialogs.show_password(self, person.login, password)
