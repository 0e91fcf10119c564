"""The administrator's settings for what follows mediation: the basic-level court the station's payment-order and
confirmation applications are addressed to, and the local monthly minimum wage behind the small-claims test."""

from PySide6.QtWidgets import QLineEdit, QWidget

from ...services import after_mediation
from ...services.after_mediation import CourtSettings
from ..formatting import typed_yuan
from ..kit.form import FormDialog
from ..workspace import Workspace


class CourtSettingsDialog(FormDialog):
    def __init__(self, workspace: Workspace, current: CourtSettings, parent: QWidget | None = None):
        super().__init__(workspace, self.tr("Court and minimum wage"), self.tr("&Save"), parent)
        self.court = QLineEdit(current.court)
        self.minimum_wage = QLineEdit(typed_yuan(current.minimum_wage_fen))
        self.add_field("court", self.tr("Basic-level &court"), self.court)
        self.add_field("minimum_wage", self.tr("Local monthly &minimum wage (yuan)"), self.minimum_wage)
        self.resize(480, 0)

    def submit(self) -> None:
        self.run(after_mediation.save_court_settings, self.court.text(), self.minimum_wage.text())
