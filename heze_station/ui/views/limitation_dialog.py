"""The limitation facts of a case (R5): given or corrected after intake, and a suspension of the period."""

import uuid

from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.cases import Employment
from ...domain.clocks import LimitationFacts
from ...services.limitation import LimitationForm, record_limitation
from ..kit.form import FormDialog
from ..kit.inputs import EnumCombo, OptionalDate, date_edit
from ..workspace import Workspace


class LimitationDialog(FormDialog):
    def __init__(self, workspace: Workspace, case_id: uuid.UUID, facts: LimitationFacts, parent: QWidget | None = None):
        super().__init__(workspace, self.tr("Limitation facts"), self.tr("&Record"), parent)
        self.case_id = case_id
        self.knew_on = OptionalDate(self.tr("Not known yet"))
        self.knew_on.set_value(facts.knew_on)
        self.employment = EnumCombo(list(Employment))
        self.employment.select(facts.employment)
        self.employment_ended_on = date_edit()
        if facts.employment_ended_on:
            self.employment_ended_on.setDate(facts.employment_ended_on)
        self.suspended_from = OptionalDate(self.tr("No suspension"))
        self.suspended_to = OptionalDate(self.tr("Still suspended"))
        self.suspension_reason = QLineEdit()
        self.suspension_reason.setPlaceholderText(self.tr("Force majeure or other good reason, e.g. a flood"))
        suspension = facts.suspension
        self.suspended_from.set_value(suspension.start if suspension else None)
        self.suspended_to.set_value(suspension.end if suspension else None)
        self.suspension_reason.setText(suspension.reason if suspension else "")
        self.add_field("knew_on", self.tr("Worker &knew of it on"), self.knew_on)
        self.add_field("employment", self.tr("E&mployment"), self.employment)
        self.add_field("employment_ended_on", self.tr("Employment &ended on"), self.employment_ended_on)
        self.add_field("suspended_from", self.tr("&Suspended from"), self.suspended_from)
        self.add_field("suspended_to", self.tr("Suspended &until"), self.suspended_to)
        self.add_field("suspension_reason", self.tr("Reason for the suspe&nsion"), self.suspension_reason)
        self.employment.currentIndexChanged.connect(self._enable)
        self.suspended_from.changed.connect(self._enable)
        self._enable()
        self.resize(520, 0)

    def _enable(self) -> None:
        self.employment_ended_on.setEnabled(self.employment.current() is Employment.ENDED)
        suspended = self.suspended_from.value() is not None
        self.suspended_to.setEnabled(suspended)
        self.suspension_reason.setEnabled(suspended)

    def submit(self) -> None:
        ended = self.employment.current() is Employment.ENDED
        suspended = self.suspended_from.value() is not None
        form = LimitationForm(
            knew_on=self.knew_on.value(),
            employment=self.employment.current(),
            employment_ended_on=self.employment_ended_on.date().toPython() if ended else None,
            suspended_from=self.suspended_from.value(),
            suspended_to=self.suspended_to.value() if suspended else None,
            suspension_reason=self.suspension_reason.text() if suspended else "",
        )
        self.run(record_limitation, self.case_id, form)
