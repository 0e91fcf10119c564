"""Service of documents (送达): how a document reached the person it is addressed to, and what each way needs.

The 送达回证 proves it; the ways follow the civil-procedure practice mediation bodies borrow [check]: in person,
to an adult family member living with the recipient, to the recipient's agent, left at the address when the
recipient refuses it (with witnesses), or by post (with the tracking number).
"""

from enum import StrEnum

from .messages import QT_TRANSLATE_NOOP


class ServiceMethod(StrEnum):
    IN_PERSON = "in_person"  # 直接送达
    FAMILY_MEMBER = "family_member"  # 同住成年家属代收
    AGENT = "agent"  # 代理人代收
    LEFT_AT_ADDRESS = "left_at_address"  # 留置送达: refused, left with witnesses
    POST = "post"  # 邮寄送达

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def wording(self) -> str:
        """As the 送达回证 prints it (document text, always Chinese)."""
        return _WORDING[self]

    @property
    def recipient_signs(self) -> bool:
        """Someone signs the receipt on the spot: the recipient, or the family member or agent who takes it."""
        return self in (ServiceMethod.IN_PERSON, ServiceMethod.FAMILY_MEMBER, ServiceMethod.AGENT)


_LABELS = {
    ServiceMethod.IN_PERSON: QT_TRANSLATE_NOOP("Domain", "In person"),
    ServiceMethod.FAMILY_MEMBER: QT_TRANSLATE_NOOP("Domain", "To an adult family member living with the recipient"),
    ServiceMethod.AGENT: QT_TRANSLATE_NOOP("Domain", "To the recipient's agent"),
    ServiceMethod.LEFT_AT_ADDRESS: QT_TRANSLATE_NOOP("Domain", "Refused: left at the address before witnesses"),
    ServiceMethod.POST: QT_TRANSLATE_NOOP("Domain", "By post"),
}
_WORDING = {
    ServiceMethod.IN_PERSON: "直接送达",
    ServiceMethod.FAMILY_MEMBER: "同住成年家属代收",
    ServiceMethod.AGENT: "代理人代收",
    ServiceMethod.LEFT_AT_ADDRESS: "留置送达",
    ServiceMethod.POST: "邮寄送达",
}
