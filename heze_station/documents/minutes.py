"""调解笔录: who was there, the identity check and rights notice, what was said, and the outcome.

Every page carries "以上笔录我已看过，与我所说一致" and a signature box for each reader at its foot (drawn by
the page template), so a page cannot be swapped for another unnoticed.
"""

from reportlab.platypus import Flowable

from ..domain.messages import QT_TRANSLATE_NOOP
from . import layout, paragraphs, validation
from .content import MinutesContent, SignerRole
from .layout import Paragraph, chinese_moment, text

TITLE = "调解笔录"
# Four rows of four boxes at the foot of each page: up to sixteen readers (nine workers, the employer, two mediators
# and the recorder are fourteen; a collective of ten or more reads through its representatives).
MAX_PAGE_SIGNERS = layout.PAGE_SIGNATURE_COLUMNS * layout.PAGE_SIGNATURE_ROWS_MAX


def _check(content: MinutesContent, problems: validation.Problems) -> None:
    problems.require(content.mediators, "mediators", QT_TRANSLATE_NOOP("Domain", "The minutes name no mediator."))
    problems.require(content.recorder, "recorder", QT_TRANSLATE_NOOP("Domain", "The minutes name no recorder."))
    problems.require(content.attendees, "attendees", QT_TRANSLATE_NOOP("Domain", "The minutes name no one present."))
    problems.require(content.entries, "entries", QT_TRANSLATE_NOOP("Domain", "The minutes record no statement."))
    if content.ended_at < content.started_at:
        problems.add("ended_at", QT_TRANSLATE_NOOP("Domain", "The session cannot end before it starts."))
    if len(content.page_signers) > MAX_PAGE_SIGNERS:
        problems.add(
            "page_signers",
            QT_TRANSLATE_NOOP("Domain", "At most {maximum} people can sign every page of the minutes."),
            maximum=MAX_PAGE_SIGNERS,
        )
    validation.check_roles(problems, content.page_signers, SignerRole.MEDIATOR)
    validation.check_signed(problems, content.page_signers)


def build(content: MinutesContent, *, invariant: bool = False) -> bytes:
    paragraphs.refuse_unless_complete(content, content.header, lambda problems: _check(content, problems))
    s = layout.styles()
    story: list[Flowable] = [
        *paragraphs.opening(TITLE, content.header, s),
        Paragraph(f"时间：{chinese_moment(content.started_at)}至{chinese_moment(content.ended_at)}", s.plain),
        Paragraph(f"地点：{text(content.place)}", s.plain),
        Paragraph(f"调解员：{text('、'.join(content.mediators))}　　记录人：{text(content.recorder)}", s.plain),
        Paragraph("到场人员：", s.plain),
        *(
            Paragraph(f"{text(a.role)}：{text(a.name)}{'，' + text(a.detail) if a.detail else ''}", s.body)
            for a in content.attendees
        ),
    ]
    checks = []
    if content.identity_checked:
        checks.append("调解员已核对到场人员身份")
    if content.rights_notified:
        checks.append("已告知当事人的权利义务及申请调解员回避的权利")
    if checks:
        story.append(Paragraph("；".join(checks) + "。", s.body))
    story += [Paragraph(f"{text(entry.speaker)}：{text(entry.text)}", s.body) for entry in content.entries]
    if content.outcome:  # a session that reached none records none, rather than a heading left empty
        story.append(Paragraph(f"调解结果：{text(content.outcome)}", s.body))
    story.append(Paragraph("（以下无正文）", s.body))
    return paragraphs.render(
        content, content.header, TITLE, story, invariant=invariant, page_signers=content.page_signers
    )
