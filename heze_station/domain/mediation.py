"""Mediation sessions and their minutes (调解笔录): where they were held and what kinds of entry the minutes hold.

Minutes are evidence: once the parties have signed them ("以上笔录我已看过，与我所说一致") nothing in them may change.
A mistake is put right by a new correction entry that names the entry it corrects, so the record shows both.
"""

from enum import StrEnum

from .messages import QT_TRANSLATE_NOOP

PLACE_MAX = 200
ATTENDEES_MAX = 500
MINUTE_MAX = 5000


class PlaceKind(StrEnum):
    STATION = "station"
    SITE = "site"  # a construction site, where the mobile court sits
    OTHER = "other"

    @property
    def label(self) -> str:
        return _PLACE_LABELS[self]


_PLACE_LABELS = {
    PlaceKind.STATION: QT_TRANSLATE_NOOP("Domain", "At the station"),
    PlaceKind.SITE: QT_TRANSLATE_NOOP("Domain", "On the construction site (mobile court)"),
    PlaceKind.OTHER: QT_TRANSLATE_NOOP("Domain", "Elsewhere"),
}


class MinuteKind(StrEnum):
    WORKER_STATEMENT = "worker_statement"
    EMPLOYER_STATEMENT = "employer_statement"
    PROPOSAL = "proposal"
    OUTCOME = "outcome"
    CORRECTION = "correction"

    @property
    def label(self) -> str:
        return _MINUTE_LABELS[self]


_MINUTE_LABELS = {
    MinuteKind.WORKER_STATEMENT: QT_TRANSLATE_NOOP("Domain", "Worker's statement"),
    MinuteKind.EMPLOYER_STATEMENT: QT_TRANSLATE_NOOP("Domain", "Employer's statement"),
    MinuteKind.PROPOSAL: QT_TRANSLATE_NOOP("Domain", "Mediator's proposal"),
    MinuteKind.OUTCOME: QT_TRANSLATE_NOOP("Domain", "Outcome"),
    MinuteKind.CORRECTION: QT_TRANSLATE_NOOP("Domain", "Correction"),
}


class AttachmentKind(StrEnum):
    PHOTO = "photo"
    SCAN = "scan"
    RECEIPT = "receipt"
    SIGNATURE = "signature"
    ARBITRAL_DOCUMENT = "arbitral_document"  # the arbitral mediation document returned after review (R9)

    @property
    def label(self) -> str:
        return _ATTACHMENT_LABELS[self]


_ATTACHMENT_LABELS = {
    AttachmentKind.PHOTO: QT_TRANSLATE_NOOP("Domain", "Photo"),
    AttachmentKind.SCAN: QT_TRANSLATE_NOOP("Domain", "Scan"),
    AttachmentKind.RECEIPT: QT_TRANSLATE_NOOP("Domain", "Payment receipt"),
    AttachmentKind.SIGNATURE: QT_TRANSLATE_NOOP("Domain", "Signature"),
    AttachmentKind.ARBITRAL_DOCUMENT: QT_TRANSLATE_NOOP("Domain", "Arbitral mediation document"),
}
