"""Dialogs of the agreement page: the terms, a signature, a payment, the arbitral review's dates."""

import uuid
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import chinatime
from ...domain.agreements import (
    DEFAULT_CLAUSE,
    DEFAULT_ORIGINALS,
    MAX_ORIGINALS,
    PayerRole,
    PaymentMethod,
    SignerRole,
    original_holders,
)
from ...domain.cases import Category
from ...domain.errors import InvalidInput
from ...domain.money import format_yuan, parse_yuan, yuan_in_capitals
from ...domain.parties import RespondentRole
from ...domain.personal import PersonalField
from ...services import agreements, audit, payments
from ...services.agreements import AgreementForm, AgreementView, InstalmentEntry, ShareEntry
from ...services.case_queries import CaseDetail
from ...services.payments import PaymentPart
from .. import formatting
from ..formatting import typed_yuan as _yuan
from ..kit.form import FormDialog
from ..kit.inputs import ActionRow, EnumCombo, FileField, date_edit
from ..kit.table import CellTable
from ..kit.text import plain_label
from ..widgets.masked_column import MaskedColumn, stored_item
from ..widgets.signature_pad import SignatureDialog
from ..workspace import Workspace


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class AgreementDialog(FormDialog):
    """The terms of an agreement: who pays, how much to each worker, when, and how."""

    SHARE_NAME, SHARE_AMOUNT, SHARE_BANK, SHARE_ACCOUNT = range(4)

    def __init__(
        self,
        workspace: Workspace,
        detail: CaseDetail,
        previous: AgreementView | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(
            workspace,
            self.tr("Agreement terms – {number}").format(number=detail.number),
            self.tr("&Save draft"),
            parent,
        )
        self.detail = detail
        self.agreed_on = date_edit()
        self.payer = EnumCombo(list(PayerRole))
        self.method = EnumCombo(list(PaymentMethod))
        self.method.currentIndexChanged.connect(self._method_changed)
        self.shares = CellTable(len(detail.claimants), 4)
        self.shares.setHorizontalHeaderLabels(
            [self.tr("Worker"), self.tr("Amount (yuan)"), self.tr("Bank"), self.tr("Account in the worker's name")]
        )
        self.shares.verticalHeader().setVisible(False)
        self.shares.horizontalHeader().setStretchLastSection(True)
        amounts = {share.person_id: share for share in previous.shares} if previous else {}
        # A superseding agreement replaces one under which money was paid: that money stays counted under it, so
        # the new one is written for what is still owed (it restated the whole sum, which was then owed twice).
        performed = previous.performance if previous is not None else None
        paid = performed.paid_fen if performed is not None else 0
        still_owed = {each.person_id: each.outstanding_fen for each in previous.balances} if previous and paid else {}
        if paid:
            self._introduce_what_was_paid(paid)
        for row, claimant in enumerate(detail.claimants):
            name = QTableWidgetItem(claimant.name)
            name.setFlags(name.flags() & ~name.flags().ItemIsEditable)
            self.shares.setItem(row, self.SHARE_NAME, name)
            share = amounts.get(claimant.person_id)
            amount = still_owed.get(claimant.person_id, share.amount_fen if share else claimant.claimed_fen)
            self.shares.setItem(row, self.SHARE_AMOUNT, QTableWidgetItem(_yuan(amount) if amount else ""))
            # A new agreement starts from the account the worker gave at intake (the roster's bank columns).
            bank, account = (share.bank, share.account_number) if share else (claimant.bank, claimant.account_number)
            self.shares.setItem(row, self.SHARE_BANK, QTableWidgetItem(bank))
            self.shares.setItem(row, self.SHARE_ACCOUNT, stored_item(account))
        self.shares.resizeColumnsToContents()
        self.shares.itemChanged.connect(self._update_total)
        self.accounts = MaskedColumn(self.shares, self.SHARE_ACCOUNT, PersonalField.BANK_ACCOUNT)
        self.show_accounts = QCheckBox(self.tr("Show bank &accounts"))
        self.show_accounts.setToolTip(self.tr("An account shows in full while you edit it."))
        self.show_accounts.toggled.connect(self._show_accounts)
        self.total = QLabel()
        shares_box = QWidget()
        shares_layout = QVBoxLayout(shares_box)
        shares_layout.setContentsMargins(0, 0, 0, 0)
        shares_layout.addWidget(self.shares)
        below = QHBoxLayout()
        below.addWidget(self.total, 1)
        below.addWidget(self.show_accounts)
        shares_layout.addLayout(below)

        self.instalments = CellTable(0, 2)
        self.instalments.setHorizontalHeaderLabels([self.tr("Due on"), self.tr("Amount (yuan)")])
        self.instalments.verticalHeader().setVisible(True)
        self.instalments.horizontalHeader().setStretchLastSection(True)
        self.instalments.setColumnWidth(0, 150)
        add = QPushButton(self.tr("Add &instalment"))
        add.setAutoDefault(False)
        add.clicked.connect(self._add_next_instalment)
        remove = QPushButton(self.tr("Remove last"))
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self.instalments.setRowCount(max(0, self.instalments.rowCount() - 1)))
        instalment_box = QWidget()
        instalment_layout = QVBoxLayout(instalment_box)
        instalment_layout.setContentsMargins(0, 0, 0, 0)
        instalment_layout.addWidget(self.instalments)
        # A due date on a rest day gives the payer until the next working day (民法典 203): said while it can be
        # moved, rather than found when the instalment shows late only days after its date.
        self.rest_days = plain_label(wrap=True)
        self.rest_days.setStyleSheet("color: #8a5a00;")
        instalment_layout.addWidget(self.rest_days)
        self.instalments.changed.connect(self._show_rest_days)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        instalment_layout.addLayout(buttons)

        self.waived = QPlainTextEdit()
        self.waived.setTabChangesFocus(True)
        self.waived.setMaximumHeight(60)
        self.default_clause = QPlainTextEdit(DEFAULT_CLAUSE)
        self.default_clause.setTabChangesFocus(True)
        self.default_clause.setMaximumHeight(80)
        self.other_terms = QPlainTextEdit()
        self.other_terms.setTabChangesFocus(True)
        self.other_terms.setMaximumHeight(60)
        self.originals = QSpinBox()
        self.originals.setRange(1, MAX_ORIGINALS)
        self.originals.setValue(DEFAULT_ORIGINALS)
        # The printed agreement words the sum by the case's category; two categories need one more fact.
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(self.tr("e.g. 未休年休假工资; printed as “支付……”"))
        self.medical = QLineEdit()
        self.medical.setPlaceholderText(self.tr("0 if none"))
        self.medical.setToolTip(
            self.tr("Only work-injury medical costs (工伤医疗费) can go to court for a payment order if unpaid.")
        )
        self.originals.setToolTip(
            self.tr("One for each party (the general contractor too when it pays first) and one for the file")
        )
        self.payer.currentIndexChanged.connect(self._payer_changed)

        self.add_field("agreed_on", self.tr("Agreement &date"), self.agreed_on)
        self.add_field("payer_role", self.tr("&Payer"), self.payer)
        self.add_field("payment_method", self.tr("Payment &method"), self.method)
        self.add_field("share", self.tr("Amount for each &worker"), shares_box, focus=self.shares)
        if detail.category is Category.OTHER:
            self.add_field("subject", self.tr("Sum paid &for"), self.subject)
        if detail.category is Category.WORK_INJURY:
            self.add_field("medical", self.tr("Of which medical &costs (yuan)"), self.medical)
        self.add_field("instalment", self.tr("Payment sc&hedule"), instalment_box, focus=self.instalments)
        self.add_field("waived_claims", self.tr("Claims &given up"), self.waived)
        self.add_field("default_clause", self.tr("If pa&yment is missed"), self.default_clause)
        self.add_field("other_terms", self.tr("&Other terms"), self.other_terms)
        self.add_field("originals", self.tr("O&riginals"), self.originals)
        # The schedule's total is checked against the workers' amounts; its message belongs under the schedule.
        self.errors.alias("instalments", "instalment")
        self.errors.alias("shares", "share")

        if previous is not None:
            self.agreed_on.setDate(_qdate(chinatime.today() if paid else previous.agreed_on))
            self.payer.select(previous.payer_role)
            self.method.select(previous.payment_method)
            if performed is not None and paid:  # what is left of each instalment, none due before the new agreement
                for left in performed.instalments:
                    if left.outstanding_fen:
                        self.add_instalment(max(left.due_on, chinatime.today()), _yuan(left.outstanding_fen))
            else:
                for instalment in previous.instalments:
                    self.add_instalment(instalment.due_on, _yuan(instalment.amount_fen))
            self.waived.setPlainText(previous.waived_claims)
            self.default_clause.setPlainText(previous.default_clause)
            self.other_terms.setPlainText(previous.other_terms)
            self.originals.setValue(previous.originals)
            self.subject.setText(previous.subject)
            self.medical.setText("" if previous.medical_fen is None else _yuan(previous.medical_fen))
        else:
            self.add_instalment(chinatime.today(), _yuan(detail.claimed_total_fen) if detail.claimed_total_fen else "")
        self._method_changed()
        self._payer_changed()
        self._update_total()
        self.resize(760, 680)  # fits a 1366x768 laptop; the tables scroll

    def _introduce_what_was_paid(self, paid_fen: int) -> None:
        intro = QLabel(
            self.tr(
                "{amount} has been paid under the agreement in effect. It stays counted under that agreement once this "
                "one replaces it: write here only what is still to be paid (filled in below, instalment by instalment)."
            ).format(amount=formatting.money(paid_fen))
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.form.insertRow(0, intro)  # with the fields, which scroll: above them, the form outgrew a laptop's screen

    def _add_next_instalment(self) -> None:
        """30 days after the last instalment: each new one fell due on the same day, 30 days from today, and the
        second was refused as not after the first."""
        rows = self.instalments.rowCount()
        last = self.instalments.cellWidget(rows - 1, 0).date().toPython() if rows else chinatime.today()
        self.add_instalment(last + timedelta(days=30), "")

    def add_instalment(self, due: date, amount: str) -> None:
        row = self.instalments.rowCount()
        self.instalments.insertRow(row)
        self.instalments.setCellWidget(row, 0, date_edit(_qdate(due)))
        self.instalments.setItem(row, 1, QTableWidgetItem(amount))

    def _show_rest_days(self) -> None:
        calendar = self.workspace.context.calendar
        lines = []
        for row in range(self.instalments.rowCount()):
            field = self.instalments.cellWidget(row, 0)
            if field is None:  # a row being added: its date comes next
                continue
            due = field.date().toPython()
            last = calendar.statutory_end(due)
            if last != due:
                lines.append(
                    self.tr("Instalment {n} falls due on {due}, a rest day: the payer may pay until {last}.").format(
                        n=row + 1, due=formatting.day(due), last=formatting.day(last)
                    )
                )
        self.rest_days.setText("\n".join(lines))
        self.rest_days.setVisible(bool(lines))

    def _show_accounts(self, shown: bool) -> None:
        if shown:
            self.workspace.record(audit.revealed, frozenset({PersonalField.BANK_ACCOUNT}), self.detail.id)
        self.accounts.show(frozenset({PersonalField.BANK_ACCOUNT}) if shown else frozenset())

    def _payer_changed(self) -> None:
        """Each holder of an original keeps one: at least that many are made."""
        holders = len(original_holders(contractor_pays=self.payer.current() is PayerRole.GENERAL_CONTRACTOR))
        self.originals.setMinimum(holders)

    def _method_changed(self) -> None:
        by_bank = self.method.current() is PaymentMethod.BANK_TRANSFER
        self.shares.setColumnHidden(self.SHARE_BANK, not by_bank)
        self.shares.setColumnHidden(self.SHARE_ACCOUNT, not by_bank)
        may_show = PersonalField.BANK_ACCOUNT in audit.revealable(self.workspace.context)
        self.show_accounts.setVisible(by_bank and may_show)

    def _cell(self, table: QTableWidget, row: int, column: int) -> str:
        cell = table.item(row, column)
        return cell.text() if cell else ""

    def _update_total(self) -> None:
        try:
            total = sum(
                parse_yuan(self._cell(self.shares, row, self.SHARE_AMOUNT)) for row in range(self.shares.rowCount())
            )
        except InvalidInput:
            self.total.setText(self.tr("Total: check the amounts above"))
            return
        text = self.tr("Total: {figures} ({capitals})")
        self.total.setText(text.format(figures=format_yuan(total), capitals=yuan_in_capitals(total)))

    def _due(self, row: int) -> date:
        return self.instalments.cellWidget(row, 0).date().toPython()  # type: ignore[attr-defined]

    def read_form(self) -> AgreementForm:
        return AgreementForm(
            agreed_on=self.agreed_on.date().toPython(),
            payer_role=self.payer.current(),
            payment_method=self.method.current(),
            shares=[
                ShareEntry(
                    claimant.person_id,
                    self._cell(self.shares, row, self.SHARE_AMOUNT),
                    self._cell(self.shares, row, self.SHARE_BANK),
                    self._cell(self.shares, row, self.SHARE_ACCOUNT),
                )
                for row, claimant in enumerate(self.detail.claimants)
            ],
            instalments=[
                InstalmentEntry(self._due(row), self._cell(self.instalments, row, 1))
                for row in range(self.instalments.rowCount())
            ],
            waived_claims=self.waived.toPlainText(),
            default_clause=self.default_clause.toPlainText(),
            other_terms=self.other_terms.toPlainText(),
            originals=self.originals.value(),
            subject=self.subject.text(),
            medical=self.medical.text(),
        )

    def submit(self) -> None:
        self.run(agreements.save_draft, self.detail.id, self.read_form())


class SignerDialog(FormDialog):
    """One signature on the draft: for the workers (in person, by agent, or a representative), the employer's
    handler, or a mediator."""

    def __init__(
        self, workspace: Workspace, detail: CaseDetail, agreement_id: uuid.UUID, parent: QWidget | None = None
    ):
        super().__init__(workspace, self.tr("Record a signature"), self.tr("&Record signature"), parent)
        self.agreement_id = agreement_id
        self.detail = detail
        roles = [SignerRole.REPRESENTATIVE] if detail.is_collective else [SignerRole.WORKER]
        roles += [SignerRole.AGENT, SignerRole.EMPLOYER_HANDLER]
        if any(r.role is RespondentRole.GENERAL_CONTRACTOR for r in detail.respondents):
            roles.append(SignerRole.CONTRACTOR_HANDLER)
        self.role = EnumCombo([*roles, SignerRole.MEDIATOR])
        self.role.currentIndexChanged.connect(self._role_changed)
        self.worker = QComboBox()
        self.name = QLineEdit()
        self.image: bytes | None = None
        on_paper = self.tr("on paper (no signature drawn here)")
        self.drawn = ActionRow(on_paper, self.tr("&Draw signature…"), self.open_pad)
        self.add_field("role", self.tr("&Signs as"), self.role)
        self.add_field("worker", self.tr("For &worker"), self.worker)
        self.add_field("name", self.tr("&Name of the signer"), self.name)
        self.add_field("file", self.tr("Signature"), self.drawn, focus=self.drawn.button)
        self._role_changed()
        self.resize(460, 0)

    def _role_changed(self) -> None:
        role = self.role.current()
        self.worker.clear()
        for claimant in self.detail.claimants:
            if role is not SignerRole.REPRESENTATIVE or claimant.representative:
                self.worker.addItem(claimant.name, claimant.person_id)
        on_behalf = role in (SignerRole.WORKER, SignerRole.REPRESENTATIVE, SignerRole.AGENT)
        self.worker.setEnabled(on_behalf)
        # A worker or representative signs under their own name, which is already on file.
        self.name.setEnabled(role not in (SignerRole.WORKER, SignerRole.REPRESENTATIVE))

    def open_pad(self) -> None:
        """The signer draws on the pad (mouse, pen or touch); the drawing is printed on the agreement."""
        signer = self.name.text() if self.name.isEnabled() else self.worker.currentText()
        self.pad = SignatureDialog(signer, formatting.label(self.role.current()), self)
        self.pad.accepted.connect(self._drawn)
        self.pad.open()

    def _drawn(self) -> None:
        self.image = self.pad.png
        self.drawn.label.setText(self.tr("drawn on the pad"))

    def submit(self) -> None:
        role = self.role.current()
        person = self.worker.currentData() if self.worker.isEnabled() else None
        self.run(agreements.sign, self.agreement_id, role, self.name.text(), person, self.image)


class PaymentDialog(FormDialog):
    def __init__(
        self, workspace: Workspace, case_id: uuid.UUID, agreement: AgreementView, parent: QWidget | None = None
    ):
        super().__init__(workspace, self.tr("Record a payment"), self.tr("&Record payment"), parent)
        self.case_id = case_id
        self.paid_on = date_edit()
        self.amount = QLineEdit()
        # What is due is shown, not filled in: Enter on a form nobody typed in would record a payment nobody made.
        if agreement.performance and agreement.performance.next_due:
            due = format_yuan(agreement.performance.next_due.outstanding_fen)
            self.amount.setPlaceholderText(self.tr("{amount} due next").format(amount=due))
        self.method = EnumCombo(list(PaymentMethod))
        self.method.select(agreement.payment_method)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Transfer number, or who received the cash"))
        scans = self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf)")
        self.receipt = FileField(self.tr("none"), self.tr("C&hoose file…"), self.tr("Receipt"), scans)
        self.add_field("paid_on", self.tr("&Paid on"), self.paid_on)
        self.add_field("amount", self.tr("&Amount (yuan)"), self.amount)
        self.add_field("method", self.tr("&Method"), self.method)
        self.add_field("reference", self.tr("Re&ference"), self.reference)
        self.add_field("file", self.tr("Receipt"), self.receipt, focus=self.receipt.button)
        self.resize(480, 0)

    def submit(self) -> None:
        self.run(
            payments.record_payment,
            self.case_id,
            self.paid_on.date().toPython(),
            self.amount.text(),
            self.method.current(),
            self.reference.text(),
            self.receipt.path,
        )


class SplitPaymentDialog(FormDialog):
    """A payment to the collective split over its workers: what each received, how, and the receipt of each."""

    NAME, OWED, AMOUNT, METHOD, REFERENCE, RECEIPT = range(6)

    def __init__(
        self, workspace: Workspace, case_id: uuid.UUID, agreement: AgreementView, parent: QWidget | None = None
    ):
        super().__init__(workspace, self.tr("Pay each worker"), self.tr("&Record payments"), parent)
        self.case_id = case_id
        names = {share.person_id: share.name for share in agreement.shares}
        self.owed = [balance for balance in agreement.balances if balance.outstanding_fen > 0]
        self.paid_on = date_edit()
        self.parts = CellTable(len(self.owed), 6)
        self.parts.setHorizontalHeaderLabels(
            [
                self.tr("Worker"),
                self.tr("Still owed"),
                self.tr("Paid now (yuan)"),
                self.tr("Method"),
                self.tr("Transfer number or who paid"),
                self.tr("Receipt"),
            ]
        )
        self.parts.verticalHeader().setVisible(True)
        self.parts.horizontalHeader().setStretchLastSection(True)
        scans = self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf)")
        self.receipts: list[FileField] = []
        self.methods: list[EnumCombo] = []
        for row, balance in enumerate(self.owed):
            for column, text in (
                (self.NAME, names[balance.person_id]),
                (self.OWED, format_yuan(balance.outstanding_fen)),
            ):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~cell.flags().ItemIsEditable)
                self.parts.setItem(row, column, cell)
            self.parts.setItem(row, self.AMOUNT, QTableWidgetItem(""))
            self.parts.setItem(row, self.REFERENCE, QTableWidgetItem(""))
            method = EnumCombo(list(PaymentMethod))
            method.select(agreement.payment_method)
            self.parts.setCellWidget(row, self.METHOD, method)
            self.methods.append(method)
            receipt = FileField(self.tr("none"), self.tr("Choose…"), self.tr("Receipt"), scans)
            self.parts.setCellWidget(row, self.RECEIPT, receipt)
            self.receipts.append(receipt)
        self.parts.resizeColumnsToContents()
        hint = QLabel(
            self.tr(
                "Wages go to each worker himself: by transfer to the account in his own name that the agreement "
                "names, or in cash against a receipt he signs. Leave the amount empty for those not paid now."
            )
        )
        hint.setWordWrap(True)
        self.add_field("paid_on", self.tr("&Paid on"), self.paid_on)
        self.add_field("parts", self.tr("&Workers"), self.parts)
        self.form.addRow(hint)
        self.resize(860, 480)

    def set_amount(self, row: int, amount: str) -> None:
        self.parts.item(row, self.AMOUNT).setText(amount)

    def submit(self) -> None:
        parts = [
            PaymentPart(
                balance.person_id,
                self.parts.item(row, self.AMOUNT).text(),
                self.methods[row].current(),
                self.parts.item(row, self.REFERENCE).text(),
                self.receipts[row].path,
            )
            for row, balance in enumerate(self.owed)
        ]
        self.run(payments.record_split_payment, self.case_id, self.paid_on.date().toPython(), parts)


class ReviewDateDialog(FormDialog):
    """R9: the day the joint application was made, or the day the arbitral mediation document came back."""

    def __init__(self, workspace: Workspace, case_id: uuid.UUID, returned: bool, parent: QWidget | None = None):
        title = self.tr("Arbitral mediation document received") if returned else self.tr("Joint application made")
        super().__init__(workspace, title, self.tr("&Record"), parent)
        self.case_id = case_id
        self.returned = returned
        self.day = date_edit()
        self.document = FileField(
            self.tr("none"), self.tr("C&hoose scan…"), self.tr("Document"), self.tr("Scans (*.pdf *.jpg *.png)")
        )
        self.add_field("returned_on" if returned else "applied_on", self.tr("&Date"), self.day)
        if returned:
            self.add_field("file", self.tr("Document"), self.document, focus=self.document.button)

    def submit(self) -> None:
        if self.returned:
            self.run(payments.record_review_returned, self.case_id, self.day.date().toPython(), self.document.path)
        else:
            self.run(payments.record_review_application, self.case_id, self.day.date().toPython())
