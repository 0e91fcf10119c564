"""同步 › 导出/导入未发送的更改: the administrator's password, which makes the key of the file (services.handover)."""

from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from ...services import handover
from ..kit.form import FormDialog
from ..sign_in import HINT_STYLE, password_edit
from ..workspace import Workspace


class HandoverDialog(FormDialog):
    """Export this laptop's unsent changes to ``path``, or (``exporting`` False) import another laptop's from it."""

    def __init__(self, workspace: Workspace, path: Path, exporting: bool, parent: QWidget | None = None):
        title = self.tr("Export unsent changes") if exporting else self.tr("Import unsent changes")
        super().__init__(workspace, title, self.tr("Export") if exporting else self.tr("Import"), parent)
        self.path, self.exporting = path, exporting
        explanation = QLabel(
            self.tr(
                "The changes this computer could not send go to {file}, encrypted with your password. Take the "
                "file to another computer of the station, sign in there as yourself and import it: that computer "
                "sends them."
            ).format(file=path.name)
            if exporting
            else self.tr(
                "The changes in {file} are added to this computer's records and sent with its next sync. Only the "
                "administrator who exported them can import them, once."
            ).format(file=path.name)
        )
        explanation.setWordWrap(True)
        explanation.setStyleSheet(HINT_STYLE)
        self.layout_.insertWidget(0, explanation)
        self.password = self.add_field("password", self.tr("Your &password:"), password_edit())

    def submit(self) -> None:
        service = handover.export_unsent if self.exporting else handover.import_unsent
        self.run(service, self.path, self.password.text())
