"""Personal data shown on screen: which fields are kept back by default, and how each is masked.

PIPL treats ID numbers and bank accounts as sensitive personal information and a phone number as personal
information; every view, dialog and export shows them masked until a person allowed to see them asks (and that is
recorded in the audit trail).
"""

import enum

from .identifiers import mask_resident_id
from .messages import QT_TRANSLATE_NOOP


class PersonalField(enum.StrEnum):
    ID_NUMBER = "id_number"
    PHONE = "phone"
    BANK_ACCOUNT = "bank_account"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    PersonalField.ID_NUMBER: QT_TRANSLATE_NOOP("Domain", "ID numbers"),
    PersonalField.PHONE: QT_TRANSLATE_NOOP("Domain", "phones"),
    PersonalField.BANK_ACCOUNT: QT_TRANSLATE_NOOP("Domain", "bank accounts"),
}


def masked(field: PersonalField, text: str) -> str:
    """``text`` as shown while ``field`` is kept back: an ID number or a phone keeps its first 3 and last 4
    characters (370***********123X, 138****5678); a bank account only its last 4, the part a worker checks."""
    text = text.strip()
    if not text:
        return ""
    if field is PersonalField.BANK_ACCOUNT:
        digits = text.replace(" ", "")
        return "*" * (len(digits) - 4) + digits[-4:] if len(digits) > 8 else "*" * len(digits)
    return mask_resident_id(text)
