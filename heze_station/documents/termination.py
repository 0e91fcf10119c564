"""终止调解通知书: mediation ends without agreement; the parties are told in writing where to go next (R10, O17 30)."""

from reportlab.platypus import Flowable

from ..domain.messages import QT_TRANSLATE_NOOP
from . import layout, paragraphs, validation
from .content import SignerRole, TerminationContent
from .layout import Paragraph, chinese_date, on_day, text

TITLE = "终止调解通知书"


def _check(content: TerminationContent, problems: validation.Problems) -> None:
    validation.check_notice(problems, "、".join(content.addressees), content.dispute, content.rights)
    problems.require(content.reason, "reason", QT_TRANSLATE_NOOP("Domain", "Give the reason mediation ends."))
    validation.check_roles(problems, content.signers, SignerRole.MEDIATOR)
    validation.check_signed(problems, content.signers)


def _received_and_accepted(content: TerminationContent) -> str:
    """Each date for what it is: the 15 days run from receipt (R4), which may precede the acceptance."""
    received = chinese_date(content.received_on)
    if content.accepted_on is None:
        return f"{received}收到调解申请"
    if content.accepted_on == content.received_on:
        return f"{received}收到并受理"
    return f"{received}收到、于{chinese_date(content.accepted_on)}受理"


def _article(content: TerminationContent) -> str:
    return "依照《中华人民共和国劳动争议调解仲裁法》第十四条的规定，" if content.time_ran_out else ""


def build(content: TerminationContent, *, invariant: bool = False) -> bytes:
    paragraphs.refuse_unless_complete(content, content.header, lambda problems: _check(content, problems))
    s = layout.styles()
    rights = paragraphs.rights_paragraphs(content.rights, s)  # the last one stays on the signatures' page
    # The reason sits inside the sentence: a full stop the mediator ended it with would end the sentence there.
    reason = content.reason.rstrip("。.．；; ")
    story: list[Flowable] = [
        *paragraphs.opening(TITLE, content.header, s),
        Paragraph(f"{text('、'.join(content.addressees))}：", s.plain),
        Paragraph(
            f"本调解组织于{_received_and_accepted(content)}的{text(content.dispute)}一案，"
            f"因{text(reason)}，{_article(content)}{on_day(content.ended_on)}决定终止调解。",
            s.body,
        ),
        *rights[:-1],
        layout.ending(
            [*rights[-1:], Paragraph("特此通知。", s.body), layout.gap(), Paragraph("当事人及调解员签名：", s.plain)],
            s,
            content.signers,
            after=[layout.gap(), layout.SealBlock(content.header)],
        ),
    ]
    return paragraphs.render(content, content.header, TITLE, story, invariant=invariant)
