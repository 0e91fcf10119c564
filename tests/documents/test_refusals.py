"""A document for a case that lacks what it needs is refused, naming what is missing, before anything is drawn."""

import dataclasses

import pytest

from heze_station.documents import issuing
from heze_station.documents.content import Instalment, ReferralReason, ServiceMethod, Signer, SignerRole
from heze_station.domain.errors import ValidationFailed
from tests import samples


def refusal_texts(content: issuing.Content) -> list[str]:
    with pytest.raises(ValidationFailed) as refused:
        issuing.build_unsigned(content)
    return [error.message.render() for error in refused.value.errors]


def test_a_worker_without_an_id_number_is_named() -> None:
    content = samples.walk_in_agreement()
    worker = dataclasses.replace(content.workers[0].worker, id_number="")
    content = dataclasses.replace(content, workers=(dataclasses.replace(content.workers[0], worker=worker),))
    assert refusal_texts(content) == [f"{worker.name} has no ID number; the document must identify every party."]


def test_an_employer_without_a_credit_code_is_named() -> None:
    content = samples.walk_in_agreement()
    content = dataclasses.replace(content, employer=dataclasses.replace(content.employer, credit_code=""))
    assert refusal_texts(content) == [f"{content.employer.name} has no unified social credit code on file."]


def test_a_signer_who_has_not_signed_is_named() -> None:
    content = samples.walk_in_agreement()
    unsigned = Signer(SignerRole.EMPLOYER, "陈丽")  # neither captured on the pad nor marked for paper
    signers = tuple(unsigned if s.role is SignerRole.EMPLOYER else s for s in content.signers)
    assert refusal_texts(dataclasses.replace(content, signers=signers)) == [
        "陈丽 (employer's handler) has not signed yet: capture the signature or mark it for paper."
    ]


def test_an_agreement_without_the_mediator_is_refused() -> None:
    content = samples.walk_in_agreement()
    signers = tuple(s for s in content.signers if s.role is not SignerRole.MEDIATOR)
    assert refusal_texts(dataclasses.replace(content, signers=signers)) == [
        "The document needs the signature of the mediator."
    ]


def test_instalments_must_add_up_to_what_the_workers_are_owed() -> None:
    content = samples.walk_in_agreement()
    short = (Instalment(content.instalments[0].due_on, 300_000),)
    assert refusal_texts(dataclasses.replace(content, instalments=short)) == [
        "The instalments add up to ¥3,000.00, but the workers are owed ¥3,800.00."
    ]


def test_an_instalment_due_before_the_agreement_is_refused() -> None:
    content = samples.walk_in_agreement()
    early = (Instalment(content.header.issued_on.replace(day=1), content.workers[0].amount_fen),)
    assert refusal_texts(dataclasses.replace(content, instalments=early)) == [
        "Instalment 1 falls due before the agreement or before the previous instalment."
    ]


def test_a_collective_needs_three_to_five_representatives() -> None:
    content = samples.collective_agreement()
    texts = refusal_texts(dataclasses.replace(content, representatives=content.representatives[:2]))
    assert texts == ["A collective of 23 workers signs through 3 to 5 elected representatives, not 2."]


def test_a_referral_for_non_performance_needs_the_agreement_in_effect() -> None:
    content = dataclasses.replace(samples.referral(), agreement=None)
    assert content.reason is ReferralReason.NOT_PERFORMED
    assert refusal_texts(content) == [
        "A referral for non-performance needs the agreement in effect, and this case has none."
    ]


def test_a_refusal_notice_needs_its_reasons() -> None:
    assert refusal_texts(dataclasses.replace(samples.refusal(), reasons=" ")) == [
        "Give the reasons for not accepting the application."
    ]


def test_everything_missing_is_named_at_once() -> None:
    content = samples.walk_in_agreement()
    worker = dataclasses.replace(content.workers[0].worker, id_number="")
    content = dataclasses.replace(
        content,
        workers=(dataclasses.replace(content.workers[0], worker=worker),),
        claims=(),
        signers=(),
    )
    assert refusal_texts(content) == [
        "李秀兰 has no ID number; the document must identify every party.",
        "No claim is stated.",
        "The document needs the signature of the worker.",
        "The document needs the signature of the employer's handler.",
        "The document needs the signature of the mediator.",
    ]


def test_a_character_the_font_cannot_print_is_refused() -> None:
    content = samples.acceptance()
    # U+2A6A5 (a CJK Extension B character) is not in the document face: it would print as an empty box.
    content = dataclasses.replace(content, addressee="李\U0002a6a5")
    assert refusal_texts(content) == [
        "The document font cannot print \U0002a6a5: a printed copy would show empty boxes. "
        "Use the common form of the character."
    ]


def test_a_termination_notice_needs_its_reason() -> None:
    assert refusal_texts(dataclasses.replace(samples.termination(), reason="")) == ["Give the reason mediation ends."]


def test_an_application_names_who_asks_what_against_whom() -> None:
    content = dataclasses.replace(samples.oral_application(), respondents=(), claims=(), facts="")
    assert refusal_texts(content) == [
        "No respondent is named.",
        "No claim is stated.",
        "The facts and reasons are missing.",
    ]


def test_a_court_application_against_a_company_names_its_legal_representative() -> None:
    """CPL 124: the court asks who stands for a company; the application is not printed without it."""
    content = samples.payment_order()
    nobody = dataclasses.replace(content.respondents[0], legal_representative="")
    content = dataclasses.replace(content, respondents=(nobody, *content.respondents[1:]))
    assert refusal_texts(content) == [
        f"The court needs the legal representative (or person in charge) of {nobody.name}: enter it in the case file "
        "first."
    ]


def test_a_company_employers_agreement_needs_its_seal() -> None:
    content = dataclasses.replace(samples.walk_in_agreement(), employer_sealed=False)
    assert refusal_texts(content) == [f"The seal of {content.employer.name} has not been recorded."]


def test_each_holder_of_an_original_gets_one() -> None:
    content = dataclasses.replace(samples.collective_agreement(), originals=3)  # the general contractor pays first
    assert refusal_texts(content) == [
        "Each party and the mediation body keep an original: the agreement needs at least 4."
    ]


def test_a_refused_service_names_its_witnesses_and_a_posted_one_its_tracking_number() -> None:
    refused = dataclasses.replace(samples.service_receipt(), method=ServiceMethod.LEFT_AT_ADDRESS)
    assert refusal_texts(refused) == ["A refused service is left at the address before witnesses: name them."]
    posted = dataclasses.replace(samples.service_receipt(), method=ServiceMethod.POST, recipient_signer=None)
    assert refusal_texts(posted) == ["Give the tracking number of the posted document."]
    nowhere = dataclasses.replace(samples.service_receipt(), address=" ")
    assert refusal_texts(nowhere) == [
        f"No address of service for {nowhere.recipient}: enter where the document was served."
    ]
