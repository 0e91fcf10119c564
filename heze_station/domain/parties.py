"""Who takes part in a case besides the workers: employers and their roles."""

from enum import StrEnum

from .messages import QT_TRANSLATE_NOOP

# The usual scope of a worker's special authorisation (特别授权), as the letter of authority words it: the agent may
# admit, give up or change claims, settle, and receive documents. Document text, so Chinese; editable per case.
SPECIAL_AUTHORITY = "代为承认、放弃、变更请求，进行和解，签收法律文书"


class EmployerKind(StrEnum):
    COMPANY = "company"
    # R14: an unlicensed labour boss (包工头) is a natural person, identified by ID number, not a credit code.
    NATURAL_PERSON = "natural_person"

    @property
    def label(self) -> str:
        return _EMPLOYER_KIND_LABELS[self]


_EMPLOYER_KIND_LABELS = {
    EmployerKind.COMPANY: QT_TRANSLATE_NOOP("Domain", "Company or organisation"),
    EmployerKind.NATURAL_PERSON: QT_TRANSLATE_NOOP("Domain", "Individual (e.g. unlicensed labour boss)"),
}


class RespondentRole(StrEnum):
    EMPLOYER = "employer"
    # R14: on a construction project the general contractor pays first when a subcontractor owes wages.
    GENERAL_CONTRACTOR = "general_contractor"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    RespondentRole.EMPLOYER: QT_TRANSLATE_NOOP("Domain", "Employer"),
    RespondentRole.GENERAL_CONTRACTOR: QT_TRANSLATE_NOOP("Domain", "General contractor"),
}
