"""Who signs an agreement, in signing order, as the collect-signatures flow walks them (domain.agreements)."""

import uuid

from heze_station.domain.agreements import Signer, SignerRole, SignerSlot, missing_for_effect, signers_in_order

LI, WANG, ZHAO = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
WORKERS = {LI: "李磊", WANG: "王芳", ZHAO: "赵强"}


def test_each_worker_then_the_handlers_then_a_mediator_with_an_agent_signing_for_one() -> None:
    signed = [Signer(SignerRole.AGENT, WANG, "王律师"), Signer(SignerRole.MEDIATOR, None, "李调解")]
    slots = signers_in_order(
        signed,
        worker_names=WORKERS,
        representative_ids=[],
        is_collective=False,
        contractor_pays=True,
        employer_handler="周经理",
        contractor_handler="刘总",
    )
    assert slots == [
        SignerSlot(SignerRole.WORKER, LI, "李磊", None),
        SignerSlot(SignerRole.WORKER, WANG, "王芳", "王律师"),
        SignerSlot(SignerRole.WORKER, ZHAO, "赵强", None),
        SignerSlot(SignerRole.EMPLOYER_HANDLER, None, "周经理", None),
        SignerSlot(SignerRole.CONTRACTOR_HANDLER, None, "刘总", None),
        SignerSlot(SignerRole.MEDIATOR, None, "", "李调解"),
    ]


def test_a_collective_case_is_signed_by_its_representatives_and_counts_as_missing_does() -> None:
    signed = [Signer(SignerRole.REPRESENTATIVE, ZHAO, "赵强")]
    slots = signers_in_order(signed, worker_names=WORKERS, representative_ids=[ZHAO, LI], is_collective=True)
    # In the roster's order, not the order they were elected in; no general contractor unless it pays.
    assert [(slot.name, slot.signed) for slot in slots] == [
        ("李磊", False),
        ("赵强", True),
        ("", False),
        ("", False),
    ]
    missing = missing_for_effect(
        signed, worker_names=WORKERS, representative_ids=[ZHAO, LI], is_collective=True, seal_applied=True
    )
    assert len(missing) == sum(not slot.signed for slot in slots)
