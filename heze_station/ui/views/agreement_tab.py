"""The case file's agreement page: the terms, who has signed, and, once in effect, the instalments and payments."""

import html
import uuid

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ...domain.agreements import AgreementState
from ...domain.cases import CaseStatus
from ...domain.money import yuan_in_capitals
from ...domain.performance import InstalmentState, InstalmentStatus, PerformanceState
from ...services import agreements, payments
from ...services.agreements import AgreementView, CaseAgreements
from ...services.case_queries import CaseDetail
from .. import formatting
from ..i18n import render
from ..kit import palette
from ..kit.form import FormDialog, show_refusal
from ..kit.palette import BANNER_STYLE
from ..kit.table import fill, fit_rows, item, make_table
from ..workspace import Workspace
from .agreement_dialogs import AgreementDialog, PaymentDialog, ReviewDateDialog, SignerDialog, SplitPaymentDialog
from .collect_signatures import AgreementSignatures, confirm_take_effect


class AgreementTab(QWidget):
    def __init__(self, workspace: Workspace, case_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.agreements: CaseAgreements | None = None
        self.dialog: FormDialog | None = None
        self.collector: AgreementSignatures | None = None

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(self.summary.textFormat().RichText)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(BANNER_STYLE)
        self.error.hide()
        self.schedule = make_table(
            [self.tr("No."), self.tr("Due on"), self.tr("Amount"), self.tr("Paid"), self.tr("State")]
        )
        self.people = make_table([self.tr("Signed as"), self.tr("Name"), self.tr("Signing for"), self.tr("Signed at")])
        self.payments = make_table(
            [self.tr("Paid on"), self.tr("Amount paid"), self.tr("Paid to"), self.tr("Method"), self.tr("Reference")]
        )
        self.workers = make_table([self.tr("Worker"), self.tr("Share"), self.tr("Paid to him"), self.tr("Still owed")])

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot in (
            ("draft", self.tr("Dr&aft agreement…"), self.open_terms),
            ("collect", self.tr("&Collect signatures…"), self.collect_signatures),
            ("sign", self.tr("Other sig&nature…"), self.open_signature),
            ("employer_seal", self.tr("Emp&loyer's seal applied"), self.record_employer_seal),
            ("seal", self.tr("Apply station s&eal"), self.apply_seal),
            ("effect", self.tr("Agreement ta&kes effect"), self.take_effect),
            ("pay", self.tr("Record pa&yment…"), self.open_payment),
            ("split", self.tr("Pay each &worker…"), self.open_split_payment),
            ("plan_review", self.tr("Parties will apply for arbitral re&view"), self.plan_review),
            ("applied", self.tr("Application made…"), lambda: self.open_review(returned=False)),
            ("returned", self.tr("Review document received…"), lambda: self.open_review(returned=True)),
        ):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            # Hidden until the agreement's state says which apply: a page behind another tab keeps the width it was
            # first laid out at, and ten buttons in a row would open the case file wider than a laptop's screen.
            button.setVisible(key == "draft")
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)

        self.schedule_heading = QLabel(self.tr("Payment schedule"))
        self.signatures_heading = QLabel(self.tr("Signatures"))
        self.payments_heading = QLabel(self.tr("Payments received"))
        self.workers_heading = QLabel(self.tr("Who is still owed"))
        for heading in (self.schedule_heading, self.signatures_heading, self.payments_heading, self.workers_heading):
            heading.setStyleSheet("font-weight: bold;")
        # The summary scrolls: with all that is still missing it is a dozen lines, which with the four tables would
        # make the case file taller than a 1366x768 laptop's screen.
        summary = QScrollArea()
        summary.setWidgetResizable(True)
        summary.setFrameShape(QFrame.Shape.NoFrame)
        summary.setWidget(self.summary)
        summary.setMinimumHeight(3 * self.fontMetrics().lineSpacing())
        # The four tables are each as tall as their rows, and scroll together below the summary: sharing a laptop's
        # page, each had shrunk to a row or two with a scroll bar of its own.
        tables = QWidget()
        column = QVBoxLayout(tables)
        column.setContentsMargins(0, 0, 0, 0)
        for heading, table in (
            (self.schedule_heading, self.schedule),
            (self.signatures_heading, self.people),
            (self.payments_heading, self.payments),
            (self.workers_heading, self.workers),
        ):
            column.addWidget(heading)
            column.addWidget(table)
        column.addStretch(1)
        below = QScrollArea()
        below.setWidgetResizable(True)
        below.setFrameShape(QFrame.Shape.NoFrame)
        below.setWidget(tables)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(summary, 1)
        layout.addWidget(below, 3)

    # -- loading ---------------------------------------------------------------------------------------------------

    def show_case(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.workspace.load(agreements.case_agreements, self.case_id, on_done=self._show, on_error=self._failed)

    def current(self) -> AgreementView | None:
        """The agreement the page is about: the draft being signed, else the one in effect."""
        if self.agreements is None:
            return None
        return self.agreements.draft or self.agreements.in_effect

    def _show(self, found: CaseAgreements) -> None:
        self.agreements = found
        agreement = self.current()
        self.summary.setText(self._summary(found, agreement))
        in_effect = found.in_effect
        self._show_schedule(agreement)
        self._show_signatures(agreement)
        self._show_payments(in_effect)
        self._show_workers(in_effect)
        draft = found.draft
        may_draft = found.case_status is CaseStatus.IN_MEDIATION or in_effect is not None
        self.buttons["draft"].setEnabled(may_draft)
        self.buttons["draft"].setText(
            self.tr("Ed&it draft…")
            if draft
            else self.tr("Draft a &superseding agreement…")
            if in_effect
            else self.tr("Dr&aft agreement…")
        )
        for key in ("collect", "sign", "seal", "effect"):
            self.buttons[key].setVisible(draft is not None)
        # A company seals the agreement besides its handler's signature; a labour boss only signs (R7, R14).
        self.buttons["employer_seal"].setVisible(draft is not None and draft.employer_seal_needed)
        if draft is not None:
            self.buttons["seal"].setEnabled(draft.seal_applied_at is None)
            self.buttons["employer_seal"].setEnabled(draft.employer_sealed_at is None)
        performing = in_effect is not None and draft is None
        owed = performing and in_effect.performance is not None and in_effect.performance.outstanding_fen > 0
        for key in ("pay", "split"):
            self.buttons[key].setVisible(performing)
            self.buttons[key].setEnabled(bool(owed))
        self.buttons["plan_review"].setVisible(performing and not in_effect.review_planned)
        self.buttons["applied"].setVisible(performing and in_effect.review_planned and not in_effect.review_applied_on)
        self.buttons["returned"].setVisible(
            performing and bool(in_effect.review_applied_on) and not in_effect.review_returned_on
        )

    def _summary(self, found: CaseAgreements, agreement: AgreementView | None) -> str:
        if agreement is None:
            if found.case_status is CaseStatus.IN_MEDIATION:
                return self.tr(
                    "No agreement yet. When the parties agree, draft the terms, collect the signatures, "
                    "apply the seal, and the agreement takes effect."
                )
            return self.tr("No agreement: an agreement is drafted while the case is in mediation.")
        lines = [
            self.tr("<b>{state}</b> · agreed on {day}").format(
                state=html.escape(formatting.label(agreement.state)), day=formatting.day(agreement.agreed_on)
            ),
            self.tr("Payer: {payer} ({role}); {method}").format(
                payer=html.escape(agreement.payer_name),
                role=html.escape(formatting.label(agreement.payer_role)),
                method=html.escape(formatting.label(agreement.payment_method)),
            ),
            self.tr("Total: <b>{figures}</b> ({capitals})").format(
                figures=formatting.money(agreement.total_fen), capitals=yuan_in_capitals(agreement.total_fen)
            ),
        ]
        # What the sum is for, where the category alone does not say it: printed on the agreement.
        if agreement.subject:
            lines.append(self.tr("Paid for: {subject}").format(subject=html.escape(agreement.subject)))
        if agreement.medical_fen is not None:
            lines.append(
                self.tr("Of which work-injury medical costs: {amount}").format(
                    amount=formatting.money(agreement.medical_fen)
                )
            )
        if agreement.state is AgreementState.DRAFT and agreement.missing:
            missing = "".join(f"<li>{html.escape(render(message))}</li>" for message in agreement.missing)
            lines.append(self.tr("Before it can take effect:") + f"<ul>{missing}</ul>")
        if agreement.state is AgreementState.IN_EFFECT and agreement.performance is not None:
            performance = agreement.performance
            colour = palette.PERFORMANCE[performance.state].ink
            lines.append(
                self.tr(
                    "In effect since {moment}. Performance: <b style='color:{colour}'>{state}</b>; "
                    "paid {paid}, still owed {owed}."
                ).format(
                    moment=formatting.moment(agreement.effective_at),
                    colour=colour,
                    state=html.escape(formatting.label(performance.state)),
                    paid=formatting.money(performance.paid_fen),
                    owed=formatting.money(performance.outstanding_fen),
                )
            )
            if performance.state is PerformanceState.IN_DEFAULT:
                lines.append(
                    self.tr(
                        "In default since {day}: refer the case to arbitration, or, for unpaid wages, "
                        "to court for a payment order (buttons below)."
                    ).format(day=formatting.day(performance.defaulted_since))
                )
        if found.superseded:
            lines.append(self.tr("{n} earlier agreement(s) superseded.").format(n=len(found.superseded)))
        return "<br>".join(lines)

    def _show_schedule(self, agreement: AgreementView | None) -> None:
        if agreement is None:
            fill(self.schedule, [])
            fit_rows(self.schedule)
            return
        if agreement.performance is None:
            rows = [
                [str(n), formatting.day(i.due_on), item(formatting.money(i.amount_fen), right=True), "", ""]
                for n, i in enumerate(agreement.instalments, start=1)
            ]
        else:
            rows = [
                [
                    str(status.number),
                    self._due(status),
                    item(formatting.money(status.amount_fen), right=True),
                    item(formatting.money(status.paid_fen), right=True),
                    item(
                        formatting.label(status.state),
                        colour=palette.INSTALMENTS[status.state],
                        bold=status.state is InstalmentState.IN_DEFAULT,
                    ),
                ]
                for status in agreement.performance.instalments
            ]
        fill(self.schedule, rows)
        fit_rows(self.schedule)

    def _due(self, status: InstalmentStatus) -> str:
        """The agreed date, and the day the payer has when it is a rest day (domain.performance)."""
        if status.last_day == status.due_on:
            return formatting.day(status.due_on)
        return self.tr("{due} (a rest day: may be paid until {last})").format(
            due=formatting.day(status.due_on), last=formatting.day(status.last_day)
        )

    def _show_signatures(self, agreement: AgreementView | None) -> None:
        signatures = agreement.signatures if agreement else []
        fill(
            self.people,
            [[formatting.label(s.role), s.name, s.signed_for, formatting.moment(s.signed_at)] for s in signatures],
        )
        fit_rows(self.people)

    def _show_payments(self, agreement: AgreementView | None) -> None:
        """The payments on the agreement in effect; none before one is, and the signatures get the room."""
        rows = agreement.payments if agreement else []
        self.payments_heading.setVisible(agreement is not None)
        self.payments.setVisible(agreement is not None)
        fill(
            self.payments,
            [
                [
                    formatting.day(p.paid_on),
                    item(formatting.money(p.amount_fen), right=True),
                    p.paid_to or self.tr("All workers (by instalment)"),
                    formatting.label(p.method),
                    p.reference,
                ]
                for p in rows
            ],
        )
        fit_rows(self.payments)

    def _show_workers(self, agreement: AgreementView | None) -> None:
        """Each worker's share and what reached him; a payment to all at once counts for each in proportion."""
        names = {share.person_id: share.name for share in agreement.shares} if agreement else {}
        balances = agreement.balances if agreement else []
        fill(
            self.workers,
            [
                [
                    names[b.person_id],
                    item(formatting.money(b.share_fen), right=True),
                    item(formatting.money(b.paid_fen), right=True),
                    item(
                        formatting.money(b.outstanding_fen),
                        right=True,
                        bold=b.outstanding_fen > 0,
                        colour=palette.INSTALMENTS[InstalmentState.PAID] if not b.outstanding_fen else None,
                    ),
                ]
                for b in balances
            ],
        )
        fit_rows(self.workers)
        self.workers_heading.setVisible(bool(balances))
        self.workers.setVisible(bool(balances))

    # -- acting ----------------------------------------------------------------------------------------------------

    def _open(self, dialog: FormDialog) -> None:
        self.error.hide()
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def open_terms(self) -> None:
        if self.detail is None or self.agreements is None:
            return
        self._open(AgreementDialog(self.workspace, self.detail, self.current(), self))

    def collect_signatures(self) -> None:
        if self.detail is not None and self.agreements and self.agreements.draft:
            self.error.hide()
            dialog = AgreementSignatures(self.workspace, self.agreements.draft, self.detail.number, self)
            dialog.finished.connect(dialog.deleteLater)
            self.collector = dialog
            dialog.open()

    def open_signature(self) -> None:
        """A signature beyond those the agreement needs (a second mediator), or given in another capacity."""
        if self.detail is not None and self.agreements and self.agreements.draft:
            self._open(SignerDialog(self.workspace, self.detail, self.agreements.draft.id, self))

    def open_payment(self) -> None:
        if self.agreements and self.agreements.in_effect:
            self._open(PaymentDialog(self.workspace, self.case_id, self.agreements.in_effect, self))

    def open_split_payment(self) -> None:
        if self.agreements and self.agreements.in_effect:
            self._open(SplitPaymentDialog(self.workspace, self.case_id, self.agreements.in_effect, self))

    def open_review(self, *, returned: bool) -> None:
        self._open(ReviewDateDialog(self.workspace, self.case_id, returned, self))

    def record_employer_seal(self) -> None:
        if self.agreements and self.agreements.draft:
            self.workspace.change(agreements.record_employer_seal, self.agreements.draft.id, on_error=self._failed)

    def apply_seal(self) -> None:
        if self.agreements and self.agreements.draft:
            self.workspace.change(agreements.apply_seal, self.agreements.draft.id, on_error=self._failed)

    def take_effect(self) -> None:
        draft = self.agreements.draft if self.agreements else None
        if draft is not None:
            self.question = confirm_take_effect(self, self.workspace, draft.id, on_error=self._failed)

    def plan_review(self) -> None:
        self.workspace.change(payments.plan_review, self.case_id, on_error=self._failed)

    def _failed(self, error: Exception) -> None:
        show_refusal(error, self.error, self.workspace, self)
