"""移送仲裁函: the case goes to the arbitration committee, with the parties, claims, facts, evidence, witnesses and
enclosures (R11).

A referral for non-performance rests on the agreement in effect, so it is refused when there is none (R8).
"""

from reportlab.platypus import Flowable

from ..domain.messages import QT_TRANSLATE_NOOP
from . import amounts, layout, paragraphs, validation
from .content import ReferralContent, ReferralReason, SignerRole, Witness
from .layout import SIGNER_ROLE_WORDING, Paragraph, chinese_date, text

TITLE = "劳动争议案件移送函"


def _check(content: ReferralContent, problems: validation.Problems) -> None:
    problems.require(
        content.arbitration_body,
        "arbitration_body",
        QT_TRANSLATE_NOOP("Domain", "Name the arbitration committee the case goes to."),
    )
    validation.check_dispute(problems, content.applicants, content.respondents, content.claims, content.facts)
    if content.reason is ReferralReason.NOT_PERFORMED and content.agreement is None:
        problems.add(
            "agreement",
            QT_TRANSLATE_NOOP(
                "Domain", "A referral for non-performance needs the agreement in effect, and this case has none."
            ),
        )
    validation.check_signed(problems, [content.mediator])


def _dates(content: ReferralContent) -> str:
    """Each date for what it is (R2): the day the application came in, the day it was accepted, and the day
    mediation ended without an agreement."""
    dates = f"于{chinese_date(content.received_on)}收到调解申请"
    if content.accepted_on is not None:
        dates += f"，于{chinese_date(content.accepted_on)}受理"
    if content.ended_on is not None and content.reason.mediation_ended:
        dates += f"，于{chinese_date(content.ended_on)}终止调解"
    return dates


def _witness(witness: Witness) -> str:
    """R11 (LDMAL 28): the witness's name and address, and what they can speak to."""
    parts = [witness.name, f"住址：{witness.address}" if witness.address else "", witness.testimony]
    return "，".join(part for part in parts if part) + "。"


def build(content: ReferralContent, *, invariant: bool = False) -> bytes:
    paragraphs.refuse_unless_complete(content, content.header, lambda problems: _check(content, problems))
    s = layout.styles()
    workers = content.workers_in_collective
    story: list[Flowable] = [
        *paragraphs.opening(TITLE, content.header, s),
        Paragraph(f"{text(content.arbitration_body)}：", s.plain),
        Paragraph(
            # The law opens arbitration to the parties (its article for the reason: ReferralReason.article); the
            # station hands the case over under the rules that join mediation to arbitration, not under the law.
            f"下列劳动争议，本调解组织{_dates(content)}。因{content.reason.wording}，"
            f"依照《中华人民共和国劳动争议调解仲裁法》{content.reason.article}的规定，当事人可以依法申请仲裁。"
            "根据劳动人事争议调解与仲裁衔接的有关规定，现将案件移送你委，请依法处理。"
            + ("本案为集体劳动争议，涉及劳动者" + str(workers) + "人，请优先处理。" if workers else ""),
            s.body,
        ),
        Paragraph("一、当事人", s.heading),
        *(paragraphs.party("申请人", paragraphs.person_description(person), s) for person in content.applicants),
        *paragraphs.agent_paragraphs(content.agent, content.agent_authority, s),
        *(
            # The authority was given for mediation: arbitration takes a power of attorney of its own (LDMAL 24).
            [Paragraph("上述代理权限限于调解阶段，参加仲裁须另行提交授权委托书。", s.plain)]
            if content.agent is not None
            else []
        ),
        *(
            paragraphs.party("被申请人", paragraphs.organisation_description(organisation), s)
            for organisation in content.respondents
        ),
        Paragraph("二、仲裁请求", s.heading),
        *paragraphs.claim_paragraphs(content.claims, s),
        Paragraph("三、事实和理由", s.heading),
        Paragraph(text(content.facts), s.body),
    ]
    if content.agreement is not None:
        agreement = content.agreement
        story.append(
            Paragraph(
                f"双方于{chinese_date(agreement.signed_on)}达成调解协议（{text(agreement.number)}），"
                f"约定支付{amounts.both(agreement.total_fen)}，尚有{amounts.both(agreement.unpaid_fen)}未履行。",
                s.body,
            )
        )
    story.append(Paragraph("四、证据和证据来源", s.heading))
    story.append(paragraphs.evidence_table(content.evidence, s) if content.evidence else Paragraph("无。", s.body))
    story.append(Paragraph("五、证人", s.heading))
    story += [Paragraph(text(_witness(witness)), s.body) for witness in content.witnesses] or [
        Paragraph("无。", s.body)
    ]
    if content.enclosures:
        story += [Paragraph("六、移送材料", s.heading), paragraphs.enclosure_table(content.enclosures, s, "移送材料")]
    story += [
        layout.gap(),
        layout.ending(
            [],
            s,
            [content.mediator],
            wording=SIGNER_ROLE_WORDING | {SignerRole.MEDIATOR: "承办调解员"},  # not "承办调解员：调解员…"
            after=[layout.gap(), layout.SealBlock(content.header)],
        ),
    ]
    return paragraphs.render(content, content.header, TITLE, story, invariant=invariant)
