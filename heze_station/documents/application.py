"""调解申请书, or 口头申请笔录 when the application was oral and written down on the spot (R1, LDMAL 12)."""

from datetime import date, datetime

from reportlab.platypus import Flowable

from ..domain.messages import QT_TRANSLATE_NOOP
from . import layout, paragraphs, validation
from .content import ApplicationContent
from .layout import Paragraph, chinese_date, chinese_moment, text

WRITTEN_TITLE = "劳动争议调解申请书"
ORAL_TITLE = "口头申请笔录"


def _check(content: ApplicationContent, problems: validation.Problems) -> None:
    validation.check_dispute(problems, content.applicants, content.respondents, content.claims, content.facts)
    problems.require(content.signers, "signature", QT_TRANSLATE_NOOP("Domain", "The applicant's signature is missing."))
    validation.check_signed(problems, content.signers)
    if content.agent is not None:
        validation.check_person(problems, content.agent)


def build(content: ApplicationContent, *, invariant: bool = False) -> bytes:
    paragraphs.refuse_unless_complete(content, content.header, lambda problems: _check(content, problems))
    s = layout.styles()
    title = ORAL_TITLE if content.oral else WRITTEN_TITLE
    story: list[Flowable] = paragraphs.opening(title, content.header, s)
    if content.oral:
        oral = content.oral
        story += [
            Paragraph(f"时间：{_when(oral.recorded_at)}", s.plain),
            Paragraph(f"地点：{text(oral.place)}", s.plain),
            Paragraph(f"接待人：{text(oral.receiver)}　　记录人：{text(oral.recorder)}", s.plain),
        ]
    label = "申请人代表" if content.workers_in_collective else "申请人"
    if content.workers_in_collective:
        story.append(
            Paragraph(
                f"申请人：{text(content.applicants[0].name)}等{content.workers_in_collective}名劳动者"
                "（名单另附），推举代表如下。",
                s.plain,
            )
        )
    story += [paragraphs.party(label, paragraphs.person_description(person), s) for person in content.applicants]
    story += paragraphs.agent_paragraphs(content.agent, content.agent_authority, s)
    story += [
        paragraphs.party("被申请人", paragraphs.organisation_description(organisation), s)
        for organisation in content.respondents
    ]
    story += [
        Paragraph("请求事项：", s.heading),
        *paragraphs.claim_paragraphs(content.claims, s),
        Paragraph("事实和理由：", s.heading),
        Paragraph(text(content.facts), s.body),
    ]
    if content.evidence:
        story += [Paragraph("证据清单：", s.heading), paragraphs.evidence_table(content.evidence, s)]
    closing = (
        "以上笔录我已看过（或向我宣读过），与我所说一致。" if content.oral else f"此致\n{content.header.station.name}"
    )
    story += [
        layout.gap(),
        layout.ending(
            [Paragraph(text(closing), s.plain), layout.gap(0.3)], s, content.signers, after=_receipt(content, s)
        ),
    ]
    return paragraphs.render(content, content.header, title, story, invariant=invariant)


def _receipt(content: ApplicationContent, s: layout.Styles) -> list[Flowable]:
    """Who took a written application in, and when: the 15 days of mediation run from that day (R4). An oral one's
    record is signed by who received and who recorded it, by hand, as the applicant signs it (R1)."""
    if content.oral is not None:
        return [
            layout.gap(),
            Paragraph("接待人（签名）：", s.plain),
            layout.gap(),
            Paragraph("记录人（签名）：", s.plain),
        ]
    if content.received_on is None:
        return []
    receipt = f"收件日期：{chinese_date(content.received_on)}　　收件人：{text(content.received_by)}"
    return [layout.gap(0.3), Paragraph(receipt, s.plain)]


def _when(taken: datetime | date) -> str:
    """The moment the record was taken, or only its day when the case was registered on a later day."""
    return chinese_moment(taken) if isinstance(taken, datetime) else chinese_date(taken)
