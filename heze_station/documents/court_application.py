"""支付令申请书 and 司法确认申请书: what the station prints for the parties to take to the basic-level court about an
agreement in effect.

A payment order (R8, LDMAL 16) is asked by the worker against the payer who did not perform; the agreement and the
proof of non-payment go with it. Judicial confirmation (R9) is asked by both parties together, within 30 days of
the agreement taking effect, and makes it enforceable. Both read as the parties' own applications: the station
drafts them, the parties sign them, and the station's seal is not applied.
"""

from reportlab.platypus import Flowable

from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.parties import EmployerKind
from . import amounts, disputes, layout, paragraphs, validation
from .content import CourtApplicationContent, SignerRole
from .layout import SIGNER_ROLE_WORDING, Paragraph, chinese_date, text

# In a joint application the employer applies too; it is nobody's respondent.
JOINT_WORDING = SIGNER_ROLE_WORDING | {SignerRole.EMPLOYER: "申请人（用人单位）"}
PAYMENT_ORDER_TITLE = "支付令申请书"
CONFIRMATION_TITLE = "司法确认申请书"


def _check(content: CourtApplicationContent, problems: validation.Problems) -> None:
    problems.require(content.court, "court", QT_TRANSLATE_NOOP("Domain", "Name the court the application goes to."))
    validation.check_parties(problems, content.applicants, content.respondents)
    # A court serves its papers at the parties' addresses (CPL 124): an application without one is sent back.
    for name, address in [(p.name, p.address) for p in content.applicants] + [
        (o.name, o.address) for o in content.respondents
    ]:
        problems.require(
            address,
            "address",
            QT_TRANSLATE_NOOP("Domain", "The court needs the address of {name}: enter it in the case file first."),
            name=name,
        )
    # A company or organisation stands in court by its legal representative or principal (CPL 51, 124): the court
    # asks who that is.
    for company in (o for o in content.respondents if o.kind is EmployerKind.COMPANY):
        problems.require(
            company.legal_representative,
            "legal_representative",
            QT_TRANSLATE_NOOP(
                "Domain",
                "The court needs the legal representative (or person in charge) of {name}: enter it in the case file "
                "first.",
            ),
            name=company.name,
        )
    if not content.joint and content.agreement.unpaid_fen <= 0:
        problems.add("agreement", QT_TRANSLATE_NOOP("Domain", "No instalment of the agreement is due and unpaid."))
    problems.require(content.enclosures, "enclosures", QT_TRANSLATE_NOOP("Domain", "The enclosures are missing."))
    problems.require(content.signers, "signature", QT_TRANSLATE_NOOP("Domain", "The applicant's signature is missing."))
    validation.check_signed(problems, content.signers)


def _parties(content: CourtApplicationContent, s: layout.Styles) -> list[Flowable]:
    worker_label = "申请人（劳动者）" if content.joint else "申请人"
    other_label = "申请人（用人单位）" if content.joint else "被申请人"
    story: list[Flowable] = []
    if content.workers_in_collective:
        story.append(
            Paragraph(
                f"{worker_label}：{text(content.applicants[0].name)}等{content.workers_in_collective}名劳动者"
                "（名单及各人金额见所附调解协议书附表），推举代表如下。",
                s.plain,
            )
        )
    # A collective's representatives apply for all its workers (R3): named as its representatives, not as three
    # applicants of their own.
    label = "代表人" if content.workers_in_collective else worker_label
    story += [paragraphs.party(label, paragraphs.person_description(p), s) for p in content.applicants]
    story += [paragraphs.party(other_label, paragraphs.organisation_description(o), s) for o in content.respondents]
    return story


def _agreement_sentence(content: CourtApplicationContent) -> str:
    """The agreement both sides signed; the payer may be a general contractor rather than the employer (R14)."""
    agreement = content.agreement
    parties = "双方当事人" if content.joint else "申请人与被申请人"
    return (
        f"{parties}于{chinese_date(agreement.signed_on)}在{text(content.mediation_body)}主持下达成调解协议"
        f"（{text(agreement.number)}），约定支付{amounts.both(agreement.total_fen)}。"
    )


def _payment_order(content: CourtApplicationContent, s: layout.Styles) -> list[Flowable]:
    missed = "、".join(
        f"{chinese_date(instalment.due_on)}应付的{amounts.both(instalment.amount_fen)}" for instalment in content.missed
    )
    claimed = amounts.both(content.agreement.unpaid_fen)
    what = f"已到期未付的{disputes.INJURY_MEDICAL}" if content.medical_only else "已到期未付的款项"
    return [
        Paragraph("请求事项：", s.heading),
        Paragraph(
            f"1．请求人民法院依法向被申请人发出支付令，督促被申请人向申请人支付调解协议约定{what}{claimed}；",
            s.body,
        ),
        Paragraph("2．本案申请费用由被申请人负担。", s.body),
        Paragraph("事实和理由：", s.heading),
        Paragraph(
            _agreement_sentence(content)
            + (f"被申请人未按约定履行，其中{missed}至今未付；" if missed else "被申请人未按约定履行；")
            + (f"其中{what}{claimed}。" if content.medical_only else f"已到期未付款项共计{claimed}。")
            + "申请人与被申请人之间没有其他债务纠纷。"
            "依照《中华人民共和国劳动争议调解仲裁法》第十六条及《中华人民共和国民事诉讼法》第二百二十五条的规定，"
            "特向贵院申请支付令。",
            s.body,
        ),
    ]


def _confirmation(content: CourtApplicationContent, s: layout.Styles) -> list[Flowable]:
    return [
        Paragraph("请求事项：", s.heading),
        Paragraph("请求人民法院依法确认双方当事人达成的调解协议有效。", s.body),
        Paragraph("事实和理由：", s.heading),
        Paragraph(
            _agreement_sentence(content) + "调解协议已自双方签名、盖章并经调解组织盖章之日起生效。"
            "现依照《中华人民共和国民事诉讼法》第二百零五条的规定，"
            "双方自调解协议生效之日起三十日内共同向贵院申请司法确认。",
            s.body,
        ),
        Paragraph("申请人承诺：", s.heading),
        Paragraph(
            "一、出于解决纠纷的目的自愿达成调解协议，没有恶意串通、规避法律的行为；"
            "二、调解协议不损害国家利益、社会公共利益和他人合法权益；"
            "三、如因虚假调解给他人造成损失，愿意承担相应的民事责任和其他法律责任。",
            s.body,
        ),
    ]


def build(content: CourtApplicationContent, *, invariant: bool = False) -> bytes:
    paragraphs.refuse_unless_complete(content, content.header, lambda problems: _check(content, problems))
    s = layout.styles()
    title = CONFIRMATION_TITLE if content.joint else PAYMENT_ORDER_TITLE
    story: list[Flowable] = [
        *paragraphs.opening(title, content.header, s),
        *_parties(content, s),
        *(_confirmation(content, s) if content.joint else _payment_order(content, s)),
        Paragraph("附：", s.heading),
        paragraphs.enclosure_table(content.enclosures, s),
        layout.gap(),
        layout.ending(
            [Paragraph(text(f"此致\n{content.court}"), s.plain), layout.gap(0.3), Paragraph("申请人：", s.plain)],
            s,
            content.signers,
            wording=JOINT_WORDING if content.joint else SIGNER_ROLE_WORDING,
            after=[Paragraph(chinese_date(content.header.issued_on), s.right)],
        ),
    ]
    return paragraphs.render(content, content.header, title, story, invariant=invariant)
