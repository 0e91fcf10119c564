"""受理通知书 and 不予受理通知书: the station's decision on an application, in writing (R2, O17 23)."""

import cn2an
from reportlab.platypus import Flowable

from ..domain.messages import QT_TRANSLATE_NOOP
from . import layout, paragraphs, validation
from .content import DecisionContent
from .layout import Paragraph, chinese_date, on_day, text

ACCEPTANCE_TITLE = "受理通知书"
REFUSAL_TITLE = "不予受理通知书"


def _check(content: DecisionContent, problems: validation.Problems) -> None:
    validation.check_notice(problems, content.addressee, content.dispute, content.rights)
    if not content.accepted:
        problems.require(
            content.reasons,
            "reasons",
            QT_TRANSLATE_NOOP("Domain", "Give the reasons for not accepting the application."),
        )


def build(content: DecisionContent, *, invariant: bool = False) -> bytes:
    paragraphs.refuse_unless_complete(content, content.header, lambda problems: _check(content, problems))
    s = layout.styles()
    title = ACCEPTANCE_TITLE if content.accepted else REFUSAL_TITLE
    received = chinese_date(content.received_on)
    story: list[Flowable] = [
        *paragraphs.opening(title, content.header, s),
        Paragraph(f"{text(content.addressee)}：", s.plain),
    ]
    if content.accepted:
        story += [
            Paragraph(
                f"{received}，本调解组织收到{text(content.dispute)}的调解申请。经审查，符合受理条件，"
                f"{on_day(content.decided_on)}决定予以受理。",
                s.body,
            ),
            Paragraph(
                f"本调解组织将自收到调解申请之日起{cn2an.an2cn(content.mediation_days)}日内结束调解；"
                "到期未达成调解协议的，当事人可以依法申请仲裁。调解期间请按通知准时参加调解，并如实陈述事实、提供证据。",
                s.body,
            ),
        ]
    else:
        story += [
            Paragraph(
                f"{received}，本调解组织收到{text(content.dispute)}的调解申请。经审查，{on_day(content.decided_on)}决定不予受理。",
                s.body,
            ),
            Paragraph(f"不予受理的理由：{text(content.reasons)}", s.body),
        ]
    rights = paragraphs.rights_paragraphs(content.rights, s)  # the last one stays on the seal's page
    story += [
        *rights[:-1],
        layout.ending(
            [*rights[-1:], Paragraph("特此通知。", s.body)],
            s,
            after=[layout.gap(0.5), layout.SealBlock(content.header)],
        ),
    ]
    return paragraphs.render(content, content.header, title, story, invariant=invariant)
