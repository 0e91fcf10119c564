"""调解协议书: the document the worker carries home (R7, R8, R14).

Parties, claims, the agreed facts, what is paid by whom, when (the instalment table) and how, in figures and in
Chinese capitals; the claims given up; what happens on default; signatures, the seal and the number of originals.
A collective's workers, their amounts and their own signatures are in a roster annexed to the agreement.
"""

import cn2an
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak

from ..domain.agreements import ORIGINALS_TOO_FEW, original_holders
from ..domain.cases import COLLECTIVE_MIN_WORKERS, REPRESENTATIVES_MAX, REPRESENTATIVES_MIN, Category
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.parties import EmployerKind
from . import amounts, disputes, layout, paragraphs, validation
from .content import AgreementContent, SignerRole
from .layout import Paragraph, Styles, chinese_date, mm, text
from .typesetting import Line

TITLE = "调解协议书"
MAX_ORIGINALS = 10

DEFAULT_CLAUSE = (
    "任何一方不履行本协议的，另一方可以依法向劳动人事争议仲裁委员会申请仲裁。"
    "因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，"
    "劳动者可以持本调解协议书依法向人民法院申请支付令。"
)


def _check(content: AgreementContent, problems: validation.Problems) -> None:
    problems.require(content.workers, "workers", QT_TRANSLATE_NOOP("Domain", "The agreement names no worker."))
    for share in content.workers:
        validation.check_person(problems, share.worker)
        if share.amount_fen <= 0:
            problems.add(
                "amount",
                QT_TRANSLATE_NOOP("Domain", "The amount agreed for {name} must be more than zero."),
                name=share.worker.name,
            )
    if len(content.workers) >= COLLECTIVE_MIN_WORKERS and not (
        REPRESENTATIVES_MIN <= len(content.representatives) <= REPRESENTATIVES_MAX
    ):
        problems.add(
            "representatives",
            QT_TRANSLATE_NOOP(
                "Domain", "A collective of {count} workers signs through 3 to 5 elected representatives, not {given}."
            ),
            count=len(content.workers),
            given=len(content.representatives),
        )
    for representative in content.representatives:
        validation.check_person(problems, representative)
    if content.agent is not None:
        validation.check_person(problems, content.agent)
    validation.check_organisation(problems, content.employer)
    if content.general_contractor is not None:
        validation.check_organisation(problems, content.general_contractor)
    problems.require(content.claims, "claims", QT_TRANSLATE_NOOP("Domain", "No claim is stated."))
    _check_subject(content, problems)
    _check_instalments(content, problems)
    if not 1 <= content.originals <= MAX_ORIGINALS:
        problems.add(
            "originals",
            QT_TRANSLATE_NOOP("Domain", "The number of originals must be between 1 and {maximum}."),
            maximum=MAX_ORIGINALS,
        )
    required: list[object] = [
        (SignerRole.WORKER, SignerRole.AGENT, SignerRole.REPRESENTATIVE),
        SignerRole.EMPLOYER,
        SignerRole.MEDIATOR,
    ]
    if content.general_contractor is not None:
        required.append(SignerRole.GENERAL_CONTRACTOR)
    validation.check_roles(problems, content.signers, *required)
    validation.check_signed(problems, content.signers)
    validation.check_employer_seal(problems, content.employer, sealed=content.employer_sealed)
    holders = original_holders(contractor_pays=content.general_contractor is not None)
    if content.originals < len(holders):
        problems.add("originals", ORIGINALS_TOO_FEW, count=len(holders))


def _check_subject(content: AgreementContent, problems: validation.Problems) -> None:
    """What the sum is for, where the category alone does not say it (documents.disputes)."""
    if content.category is Category.OTHER:
        problems.require(
            content.subject, "subject", QT_TRANSLATE_NOOP("Domain", "Say what the agreed sum is paid for.")
        )
    total = sum(share.amount_fen for share in content.workers)
    if content.category is Category.WORK_INJURY and not (
        content.medical_fen is not None and 0 <= content.medical_fen <= total
    ):
        problems.add(
            "medical",
            QT_TRANSLATE_NOOP(
                "Domain", "Give the part of the agreed sum that is work-injury medical costs, from 0 to {total}."
            ),
            total=amounts.figures(total),
        )


def _check_instalments(content: AgreementContent, problems: validation.Problems) -> None:
    if not content.instalments:
        problems.add("instalments", QT_TRANSLATE_NOOP("Domain", "The agreement sets no date of payment."))
        return
    total = sum(share.amount_fen for share in content.workers)
    scheduled = sum(instalment.amount_fen for instalment in content.instalments)
    if scheduled != total:
        problems.add(
            "instalments",
            QT_TRANSLATE_NOOP("Domain", "The instalments add up to {scheduled}, but the workers are owed {total}."),
            scheduled=amounts.figures(scheduled),
            total=amounts.figures(total),
        )
    previous = None
    for number, instalment in enumerate(content.instalments, start=1):
        if instalment.amount_fen <= 0:
            problems.add(
                "instalments",
                QT_TRANSLATE_NOOP("Domain", "Instalment {number} must be more than zero."),
                number=number,
            )
        if instalment.due_on < content.header.issued_on or (previous and instalment.due_on <= previous):
            problems.add(
                "instalments",
                QT_TRANSLATE_NOOP(
                    "Domain", "Instalment {number} falls due before the agreement or before the previous instalment."
                ),
                number=number,
            )
        previous = instalment.due_on


def build(content: AgreementContent, *, invariant: bool = False) -> bytes:
    """The unsigned PDF; raises ValidationFailed naming everything the agreement still lacks."""
    paragraphs.refuse_unless_complete(content, content.header, lambda problems: _check(content, problems))
    s = layout.styles()
    collective = len(content.workers) > 1
    total = sum(share.amount_fen for share in content.workers)
    *terms, last_term = _terms(content, s, collective, total)
    story: list[Flowable] = [
        *paragraphs.opening(TITLE, content.header, s),
        *_parties(content, s),
        Paragraph(
            f"上列当事人因{text(disputes.dispute(content.category, content.subject))}争议申请调解。"
            "经本调解组织主持调解，双方当事人在查明事实、分清是非的基础上，自愿达成如下协议：",
            s.body,
        ),
        Paragraph("一、申请人的请求", s.heading),
        *paragraphs.claim_paragraphs(content.claims, s),
        Paragraph("二、争议事实", s.heading),
        Paragraph(text(content.facts), s.body),
        Paragraph("三、协议内容", s.heading),
        *terms,
        layout.ending(
            [last_term, Paragraph("（以下无正文）", s.body), layout.gap(), Paragraph("四、签名及盖章", s.heading)],
            s,
            content.signers,
            wording=_signer_wording(content),
            after=[*_seal_places(content, s), layout.gap(), layout.SealBlock(content.header)],
        ),
    ]
    if collective:
        story += [PageBreak(), *_roster(content, s, total)]
    return paragraphs.render(content, content.header, TITLE, story, invariant=invariant)


def _parties(content: AgreementContent, s: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    if len(content.workers) >= COLLECTIVE_MIN_WORKERS:
        first = content.workers[0].worker.name
        story.append(
            Paragraph(
                f"申请人：{text(first)}等{len(content.workers)}名劳动者（名单、公民身份号码及各人金额见附表）。",
                s.plain,
            )
        )
        for representative in content.representatives:
            story.append(paragraphs.party("劳动者代表", paragraphs.person_description(representative), s))
    else:
        # Up to nine workers elect no representatives (R3): each stands as a party, described in full.
        story += [
            paragraphs.party("申请人", paragraphs.person_description(share.worker), s) for share in content.workers
        ]
    story += paragraphs.agent_paragraphs(content.agent, content.agent_authority, s)
    story.append(paragraphs.party("被申请人", paragraphs.organisation_description(content.employer), s))
    if content.general_contractor is not None:
        role = "施工总承包单位（清偿人）" if _boss_of(content) else "施工总承包单位（先行清偿人）"
        story.append(paragraphs.party(role, paragraphs.organisation_description(content.general_contractor), s))
    if content.project:
        story.append(Paragraph(f"工程项目：{text(content.project)}。", s.plain))
    story.append(layout.gap(0.3))
    return story


def _boss_of(content: AgreementContent) -> bool:
    """The work was let to a labour boss (包工头), a natural person: the general contractor pays in his stead."""
    return content.employer.kind is EmployerKind.NATURAL_PERSON


def _terms(content: AgreementContent, s: Styles, collective: bool, total: int) -> list[Flowable]:
    """The numbered terms （一）（二）…; the instalment table follows the term that introduces it."""
    employer = text(content.employer.name)
    whom = f"上列{len(content.workers)}名劳动者" if collective else "申请人"
    each = "，各人金额见附表" if collective else ""
    owed = text(disputes.obligation(content.category, whom, content.subject)) + f"共计{amounts.both(total)}"
    items: list[tuple[str, Flowable | None]] = [
        (f"被申请人{employer}{owed}{_injury_split(content, total)}{each}，并同意按本协议支付。", None)
    ]
    payer = employer
    if content.general_contractor is not None:
        payer = text(content.general_contractor.name)
        # R14: the wage regulations make the general contractor pay wages: first, for a subcontractor's (条例 30);
        # itself, for work let to a person without a licence, a labour boss (条例 36). Other sums it pays by consent.
        wages = disputes.is_wages(content.category)
        if _boss_of(content):
            basis = "依照《保障农民工工资支付条例》第三十六条，" if wages else "经各方同意，"
            undertaking = f"{basis}施工总承包单位{payer}按下列期限和金额清偿；"
        else:
            basis = "依照《保障农民工工资支付条例》第三十条，" if wages else "经各方同意，"
            undertaking = f"{basis}施工总承包单位{payer}作为先行清偿人，按下列期限和金额先行清偿；"
        items.append(
            (
                f"{undertaking}清偿后可以依法向被申请人{employer}追偿。"
                f"施工总承包单位未按期清偿的，被申请人{employer}仍应按本协议支付未付部分。",
                None,
            )
        )
    items.append((f"{payer}按下列期限和金额支付：", _instalment_table(content, s, total)))
    items.append((f"支付方式：{content.payment_method.wording}。", None))
    items += [(text(term), None) for term in content.terms]
    if content.waived_claims:
        items.append((f"申请人自愿放弃以下请求：{text(content.waived_claims)}", None))
    items.append((text(content.default_clause or DEFAULT_CLAUSE), None))
    if content.replaces_agreed_on is not None:
        # The amended agreement states what is still owed (the agreement form fills it so): what was paid under
        # the first one stands, and is neither owed nor counted again.
        paid = (
            f"原协议项下已支付的{amounts.both(content.replaced_paid_fen)}继续有效，不计入本协议约定的款项"
            if content.replaced_paid_fen
            else "原协议项下未支付任何款项"
        )
        items.append(
            (
                f"本协议生效后，替代双方于{chinese_date(content.replaces_agreed_on)}签订的调解协议（同一案号），"
                f"原协议尚未履行的部分不再履行；{paid}。",
                None,
            )
        )
    items.append(
        (
            "本协议自双方当事人签名或者盖章、调解员签名并加盖调解组织印章后生效。"
            "双方可以自本协议生效之日起十五日内共同向有管辖权的劳动人事争议仲裁委员会申请仲裁审查。"
            + _originals_sentence(content),
            None,
        )
    )
    story: list[Flowable] = []
    for number, (wording, table) in enumerate(items, start=1):
        story.append(Paragraph(f"（{cn2an.an2cn(number)}）{wording}", s.body))
        if table is not None:
            story += [table, layout.gap(0.3)]
    return story


def _injury_split(content: AgreementContent, total: int) -> str:
    """A work-injury sum in its two parts: only the medical costs can go to court for a payment order (LDMAL 16)."""
    medical = content.medical_fen
    if content.category is not Category.WORK_INJURY or medical is None:
        return ""
    if medical == total:
        return f"，均为{disputes.INJURY_MEDICAL}"
    if medical == 0:
        return f"，不含{disputes.INJURY_MEDICAL}"
    return (
        f"，其中{disputes.INJURY_MEDICAL}{amounts.both(medical)}，"
        f"{disputes.INJURY_OTHER}{amounts.both(total - medical)}"
    )


def _originals_sentence(content: AgreementContent) -> str:
    """本协议一式肆份，申请人、被申请人、施工总承包单位各执一份，调解组织存档一份: from the agreement's own count; any
    originals beyond one a holder stay in the mediation body's file."""
    *parties, body = original_holders(contractor_pays=content.general_contractor is not None)
    filed = content.originals - len(parties)
    return (
        f"本协议一式{amounts.count_in_capitals(content.originals)}份，{'、'.join(parties)}各执一份，"
        f"{body}存档{amounts.count_in_capitals(filed)}份，具有同等效力。"
    )


def _seal_places(content: AgreementContent, s: Styles) -> list[Flowable]:
    """Where the companies' seals go, beside their handlers' signatures: a company employer's (a labour boss signs
    alone), and the general contractor's, whose undertaking to pay first binds it only under its seal."""
    places = [
        f"{role}（盖章）：{text(organisation.name)}"
        for role, organisation in (("被申请人", content.employer), ("施工总承包单位", content.general_contractor))
        if organisation is not None and organisation.kind is EmployerKind.COMPANY
    ]
    return [flowable for place in places for flowable in (layout.gap(0.3), Paragraph(place, s.plain))]


def _signer_wording(content: AgreementContent) -> dict[SignerRole, str]:
    """The signature table's roles: a labour boss (R14) is a natural person, not a 用人单位."""
    if content.employer.kind is EmployerKind.COMPANY:
        return layout.SIGNER_ROLE_WORDING
    return layout.SIGNER_ROLE_WORDING | {SignerRole.EMPLOYER: "被申请人"}


def _instalment_table(content: AgreementContent, s: Styles, total: int) -> Flowable:
    rows: list[list[object]] = [
        [Paragraph(h, s.cell_centre) for h in ("期次", "支付期限（含当日）", "金额（小写）", "金额（大写）")]
    ]
    widths = INSTALMENT_WIDTHS
    for number, instalment in enumerate(content.instalments, start=1):
        rows.append(
            [
                Paragraph(f"第{number}期", s.cell_centre),
                Paragraph(f"{chinese_date(instalment.due_on)}前", s.cell_centre),
                _amount(amounts.figures(instalment.amount_fen), s.cell_centre, widths[2]),
                _amount(amounts.capitals(instalment.amount_fen), s.cell, widths[3], smallest=CAPITALS_SMALLEST),
            ]
        )
    rows.append(
        [
            Paragraph("合计", s.cell_centre),
            "",
            _amount(amounts.figures(total), s.cell_centre, widths[2]),
            _amount(amounts.capitals(total), s.cell, widths[3], smallest=CAPITALS_SMALLEST),
        ]
    )
    table = layout.grid_table(rows, widths)
    table.setStyle([("SPAN", (0, -1), (1, -1))])
    return table


# The type area's 156 mm: 第24期 and 2026年12月31日前 each on one line.
INSTALMENT_WIDTHS = (18 * mm, 39 * mm, 32 * mm, 67 * mm)
ROSTER_WIDTHS = (9 * mm, 20 * mm, 38 * mm, 25 * mm, 44 * mm, 20 * mm)
CELL_PADDING = 12  # points: reportlab's table cells leave 6 on each side
# An amount in capitals smaller than this is hard to read: past it, it takes two lines.
CAPITALS_SMALLEST = 9.0


def _amount(written: str, style: ParagraphStyle, width: float, smallest: float = 0.0) -> Flowable:
    """An amount kept on one line of its cell, in a smaller face if it must (down to ``smallest`` points, past
    which it wraps; figures never do): a sum broken across two lines (¥9,999,999.\n99) is one a court reads twice,
    and 陆角陆\n分 is read as two amounts."""
    needed = stringWidth(written, style.fontName, style.fontSize)
    available = width - CELL_PADDING
    if needed <= available:
        return Line(written, style)
    size = style.fontSize * available / needed
    if size < smallest:
        return Paragraph(written, style)
    return Line(written, style.clone(f"{style.name}_fitted", fontSize=size, leading=max(style.leading, size * 1.2)))


def _roster(content: AgreementContent, s: Styles, total: int) -> list[Flowable]:
    cell = s.cell.clone("roster", fontSize=10.5, leading=13)
    centre = s.cell_centre.clone("roster_centre", fontSize=10.5, leading=13)
    rows: list[list[object]] = [
        [Paragraph(h, centre) for h in ("序号", "姓名", "公民身份号码", "金额（小写）", "金额（大写）", "本人签名")]
    ]
    for number, share in enumerate(content.workers, start=1):
        rows.append(
            [
                Line(str(number), centre),
                Line(share.worker.name, cell),
                Line(share.worker.id_number, centre),
                _amount(amounts.figures(share.amount_fen), centre, ROSTER_WIDTHS[3]),
                _amount(amounts.capitals(share.amount_fen), cell, ROSTER_WIDTHS[4], smallest=CAPITALS_SMALLEST),
                layout.ImageBox(share.signature_png, 20 * mm, 8 * mm),
            ]
        )
    rows.append(
        [
            Paragraph("合计", centre),
            Paragraph(f"{len(content.workers)}人", centre),
            "",
            _amount(amounts.figures(total), centre, ROSTER_WIDTHS[3]),
            _amount(amounts.capitals(total), cell, ROSTER_WIDTHS[4], smallest=CAPITALS_SMALLEST),
            "",
        ]
    )
    table = layout.grid_table(rows, ROSTER_WIDTHS)
    number = text(content.header.case_number)
    # Each worker's amount stands here alone: the annex says whose part it is (each page carries the agreement's
    # number, its page of the whole and its verification code), and each worker signs his row.
    return [
        Paragraph(f"附表：劳动者名单及应得金额（本表为{number}调解协议书的组成部分，与协议书具有同等效力）", s.plain),
        layout.gap(0.3),
        table,
    ]
