"""Refusing a document whose content lacks what it needs, with every missing thing named at once.

Builders call these checks before drawing anything; a refusal is a ``ValidationFailed`` whose messages say
what is missing (a party's ID number, a signature, the agreement in effect), in the coordinator's language.
"""

import dataclasses
from collections.abc import Iterable, Sequence

from ..domain.errors import InvalidInput, ValidationFailed, refusal
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.parties import EmployerKind
from ..domain.text import unprintable
from .content import Claim, Header, Organisation, Person, RightsNotice, Signer


class Problems:
    """Collects refusals; ``raise_if_any`` refuses the document with all of them."""

    def __init__(self) -> None:
        self.errors: list[InvalidInput] = []

    def add(self, field: str, text: str, **params: object) -> None:
        self.errors.append(refusal(field, text, **params))

    def require(self, present: object, field: str, text: str, **params: object) -> None:
        if isinstance(present, str):
            present = present.strip()
        if not present:
            self.add(field, text, **params)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)


def check_header(problems: Problems, header: Header) -> None:
    problems.require(header.case_number, "case_number", QT_TRANSLATE_NOOP("Domain", "The case number is missing."))
    problems.require(header.station.name, "station", QT_TRANSLATE_NOOP("Domain", "The station's name is missing."))


def check_person(problems: Problems, person: Person, *, id_required: bool = True) -> None:
    problems.require(person.name, "name", QT_TRANSLATE_NOOP("Domain", "A party has no name."))
    if id_required:
        problems.require(
            person.id_number,
            "id_number",
            QT_TRANSLATE_NOOP("Domain", "{name} has no ID number; the document must identify every party."),
            name=person.name or "?",
        )


def check_organisation(problems: Problems, organisation: Organisation) -> None:
    problems.require(organisation.name, "employer", QT_TRANSLATE_NOOP("Domain", "The employer has no name."))
    if organisation.kind is EmployerKind.NATURAL_PERSON:
        problems.require(
            organisation.id_number,
            "employer_id_number",
            QT_TRANSLATE_NOOP("Domain", "{name} is an individual employer and has no ID number on file."),
            name=organisation.name,
        )
    else:
        problems.require(
            organisation.credit_code,
            "credit_code",
            QT_TRANSLATE_NOOP("Domain", "{name} has no unified social credit code on file."),
            name=organisation.name,
        )


def check_parties(problems: Problems, applicants: Sequence[Person], respondents: Sequence[Organisation]) -> None:
    problems.require(applicants, "applicants", QT_TRANSLATE_NOOP("Domain", "No applicant is named."))
    for applicant in applicants:
        check_person(problems, applicant)
    problems.require(respondents, "respondents", QT_TRANSLATE_NOOP("Domain", "No respondent is named."))
    for respondent in respondents:
        check_organisation(problems, respondent)


def check_dispute(
    problems: Problems,
    applicants: Sequence[Person],
    respondents: Sequence[Organisation],
    claims: Sequence[Claim],
    facts: str,
) -> None:
    """Who against whom, asking what, on which facts (R11, LDMAL 28)."""
    check_parties(problems, applicants, respondents)
    problems.require(claims, "claims", QT_TRANSLATE_NOOP("Domain", "No claim is stated."))
    problems.require(facts, "facts", QT_TRANSLATE_NOOP("Domain", "The facts and reasons are missing."))


def check_notice(problems: Problems, addressees: str, dispute: str, rights: RightsNotice) -> None:
    """A notice says to whom, about which dispute, and where the parties can go next."""
    problems.require(addressees, "addressee", QT_TRANSLATE_NOOP("Domain", "The notice has no addressee."))
    problems.require(dispute, "dispute", QT_TRANSLATE_NOOP("Domain", "The notice does not say which dispute."))
    problems.require(
        rights.arbitration_body,
        "arbitration_body",
        QT_TRANSLATE_NOOP("Domain", "Name the arbitration committee the parties can turn to."),
    )


def check_signed(problems: Problems, signers: Iterable[Signer]) -> None:
    """Each signer has signed on the pad, or is marked to sign the printed copy by hand."""
    for signer in signers:
        if not signer.has_signed:
            problems.add(
                "signature",
                QT_TRANSLATE_NOOP(
                    "Domain", "{name} ({role}) has not signed yet: capture the signature or mark it for paper."
                ),
                name=signer.name,
                role=signer.role,
            )


def check_roles(problems: Problems, signers: Iterable[Signer], *required: object) -> None:
    """Each of ``required`` (SignerRole, or a tuple of roles any one of which will do) signs the document."""
    present = {signer.role for signer in signers}
    for roles in required:
        options = roles if isinstance(roles, tuple) else (roles,)
        if not present.intersection(options):
            problems.add(
                "signature",
                QT_TRANSLATE_NOOP("Domain", "The document needs the signature of the {role}."),
                role=options[0],
            )


def check_employer_seal(problems: Problems, employer: Organisation, *, sealed: bool) -> None:
    """A company binds itself with its seal (用人单位盖章), its handler's signature alone does not; a natural-person
    employer (R14) has no seal and signs in person."""
    if employer.kind is EmployerKind.COMPANY and not sealed:
        problems.add(
            "employer_seal",
            QT_TRANSLATE_NOOP("Domain", "The seal of {name} has not been recorded."),
            name=employer.name,
        )


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)


def check_printable(problems: Problems, content: object) -> None:
    """A rare character (生僻字) the font lacks would print as an empty box on an official document. The fields
    refuse such characters where they are typed (domain.text, the same policy); this catches data stored before."""
    # Each distinct character once: a 60-worker agreement is some 5,000 characters of under 300 kinds.
    missing = unprintable("".join(set("".join(_strings(content)))))
    if missing:
        problems.add(
            "text",
            QT_TRANSLATE_NOOP(
                "Domain",
                "The document font cannot print {characters}: a printed copy would show empty boxes. "
                "Use the common form of the character.",
            ),
            characters="".join(missing),
        )
