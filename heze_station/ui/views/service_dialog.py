"""Recording that a document was served (送达) on one party, which issues that party's 送达回证."""

import uuid

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ...domain.service import ServiceMethod
from ...services import serving
from ...services.serving import Servable, ServiceForm
from ..kit.form import FormDialog
from ..kit.inputs import EnumCombo, date_edit
from ..workspace import Workspace


class ServiceDialog(FormDialog):
    """Which document, on whom, where, when and how; the fields a way of service needs are the ones enabled."""

    def __init__(self, workspace: Workspace, case_id: uuid.UUID, servable: Servable, parent: QWidget | None = None):
        title = self.tr("Record service of a document")
        super().__init__(workspace, title, self.tr("&Record and print receipt"), parent)
        self.case_id = case_id
        self.servable = servable
        self.document = QComboBox()
        for document in servable.documents:
            self.document.addItem(f"{document.title} {document.verification_code}", document.id)
        self.recipient = QComboBox()
        for index, recipient in enumerate(servable.recipients):
            self.recipient.addItem(recipient.name, index)
        self.method = EnumCombo(list(ServiceMethod))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Where the document was served"))
        self.served_on = date_edit()
        self.proxy_name = QLineEdit()
        self.proxy_relation = QLineEdit()
        self.proxy_relation.setPlaceholderText(self.tr("e.g. wife, son"))
        self.witnesses = QLineEdit()
        self.witnesses.setPlaceholderText(self.tr("Names, separated by commas"))
        self.tracking_number = QLineEdit()
        self.add_field("document", self.tr("&Document"), self.document)
        self.add_field("recipient", self.tr("&Served on"), self.recipient)
        self.add_field("address", self.tr("&Address of service"), self.address)
        self.add_field("method", self.tr("&How"), self.method)
        self.add_field("served_on", self.tr("Dat&e"), self.served_on)
        self.add_field("proxy_name", self.tr("Taken by (family member or agent)"), self.proxy_name)
        self.add_field("proxy_relation", self.tr("Relation to the recipient"), self.proxy_relation)
        self.add_field("witnesses", self.tr("&Witnesses of the refusal"), self.witnesses)
        self.add_field("tracking_number", self.tr("&Tracking number"), self.tracking_number)
        # What the receipt's checks name besides the fields above belongs to whoever signs it.
        self.errors.alias("recipient_signer", "proxy_name")
        self.recipient.currentIndexChanged.connect(self._recipient_changed)
        self.method.currentIndexChanged.connect(self._method_changed)
        self._recipient_changed()
        self.resize(520, 0)

    def _chosen(self) -> serving.Recipient | None:
        index = self.recipient.currentData()
        return None if index is None else self.servable.recipients[index]

    def _recipient_changed(self) -> None:
        """The address on file is offered; a recipient without one leaves the field empty to be typed."""
        recipient = self._chosen()
        self.address.setText(recipient.address if recipient else "")
        self._method_changed()

    def _method_changed(self) -> None:
        method = self.method.current()
        by_proxy = method in (ServiceMethod.FAMILY_MEMBER, ServiceMethod.AGENT)
        self.proxy_name.setEnabled(by_proxy)
        self.proxy_relation.setEnabled(method is ServiceMethod.FAMILY_MEMBER)
        self.witnesses.setEnabled(method is ServiceMethod.LEFT_AT_ADDRESS)
        self.tracking_number.setEnabled(method is ServiceMethod.POST)
        recipient = self._chosen()
        if method is ServiceMethod.AGENT and recipient and recipient.agent and not self.proxy_name.text():
            self.proxy_name.setText(recipient.agent)

    def read_form(self) -> ServiceForm:
        return ServiceForm(
            document_id=self.document.currentData(),
            recipient=self._chosen(),
            method=self.method.current(),
            address=self.address.text(),
            served_on=self.served_on.date().toPython(),
            proxy_name=self.proxy_name.text(),
            proxy_relation=self.proxy_relation.text(),
            witnesses=self.witnesses.text(),
            tracking_number=self.tracking_number.text(),
        )

    def submit(self) -> None:
        self.run(serving.record_service, self.case_id, self.read_form())
