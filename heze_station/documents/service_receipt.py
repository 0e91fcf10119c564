"""送达回证: proof that a document reached its recipient: in person, through an adult family member living with
the recipient, through the agent, left at the address before witnesses when refused, or by post."""

from reportlab.platypus import Flowable

from ..domain.messages import QT_TRANSLATE_NOOP
from . import layout, paragraphs, validation
from .content import ServiceMethod, ServiceReceiptContent
from .layout import Paragraph, chinese_date, mm, text

TITLE = "送达回证"


def _check(content: ServiceReceiptContent, problems: validation.Problems) -> None:
    problems.require(content.documents, "documents", QT_TRANSLATE_NOOP("Domain", "Name the documents served."))
    problems.require(content.recipient, "recipient", QT_TRANSLATE_NOOP("Domain", "Name the recipient."))
    problems.require(
        content.address,
        "address",
        QT_TRANSLATE_NOOP("Domain", "No address of service for {name}: enter where the document was served."),
        name=content.recipient or "?",
    )
    method = content.method
    if method.recipient_signs:
        problems.require(
            content.recipient_signer,
            "recipient_signer",
            QT_TRANSLATE_NOOP("Domain", "The recipient (or the person who takes it for them) must sign the receipt."),
        )
    if method in (ServiceMethod.FAMILY_MEMBER, ServiceMethod.AGENT):
        problems.require(
            content.proxy_name,
            "proxy_name",
            QT_TRANSLATE_NOOP("Domain", "Name the family member or agent who took the document."),
        )
    if method is ServiceMethod.FAMILY_MEMBER:
        problems.require(
            content.proxy_relation,
            "proxy_relation",
            QT_TRANSLATE_NOOP("Domain", "Say how the family member is related to the recipient."),
        )
    if method is ServiceMethod.LEFT_AT_ADDRESS:
        problems.require(
            content.witnesses,
            "witnesses",
            QT_TRANSLATE_NOOP("Domain", "A refused service is left at the address before witnesses: name them."),
        )
    if method is ServiceMethod.POST:
        problems.require(
            content.tracking_number,
            "tracking_number",
            QT_TRANSLATE_NOOP("Domain", "Give the tracking number of the posted document."),
        )
    signers = [content.server, content.recipient_signer, *content.witnesses]
    validation.check_signed(problems, [signer for signer in signers if signer is not None])


def _proxy(content: ServiceReceiptContent) -> str:
    if content.method is ServiceMethod.FAMILY_MEMBER:
        return f"{content.proxy_name}（受送达人的{content.proxy_relation}，同住成年家属）"
    if content.method is ServiceMethod.AGENT:
        return f"{content.proxy_name}（受送达人的委托代理人）"
    return ""


def _signer_label(content: ServiceReceiptContent) -> str:
    return "代收人签名" if content.method in (ServiceMethod.FAMILY_MEMBER, ServiceMethod.AGENT) else "受送达人签名"


def build(content: ServiceReceiptContent, *, invariant: bool = False) -> bytes:
    paragraphs.refuse_unless_complete(content, content.header, lambda problems: _check(content, problems))
    s = layout.styles()
    cell = s.cell.clone("receipt", fontSize=14, leading=20)
    served = "；".join(
        f"{document.title}{('（' + document.number + '）') if document.number else ''}{document.copies}份"
        for document in content.documents
    )
    served_on = chinese_date(content.served_on) if content.served_on else "    年  月  日"
    method = content.method.wording
    if content.tracking_number:
        method += f"（邮件号码：{content.tracking_number}）"

    def row(label: str, value: object) -> list[object]:
        shown = Paragraph(text(value), cell) if isinstance(value, str) else value
        return [Paragraph(label, cell), shown]

    refusal = "，".join(part for part in (content.refusal_reason, "、".join(w.name for w in content.witnesses)) if part)
    rows = [
        row("案号", content.header.case_number),
        row("送达文书及份数", served),
        row("受送达人", content.recipient),
        row("送达地址", content.address),
        row("送达方式", method),
        # Who signs is named as what they are: a family member or agent signs as the one who took it for them.
        row(_signer_label(content), layout.signature_cell(content.recipient_signer, s)),
        row("送达日期", served_on),
        row("代收人及关系", _proxy(content)),
        row("拒收事由及见证人", refusal),
        *(row("见证人签名", layout.signature_cell(witness, s)) for witness in content.witnesses),
        row("送达人签名", layout.signature_cell(content.server, s)),
        row("备注", content.remarks),
    ]
    # A form of one page, which refusals with witnesses and long addresses can outgrow: its last rows then go with the
    # seal to the next page, ruled as one table with the rows above when they share a page.
    widths = [40 * mm, 116 * mm]
    story: list[Flowable] = [
        layout.Title(TITLE),
        Paragraph(text(content.header.station.name), s.number),
        layout.grid_table(rows[:-2], widths, header_rows=0),
        layout.keep(
            layout.grid_table(rows[-2:], widths, header_rows=0), layout.gap(), layout.SealBlock(content.header)
        ),
    ]
    return paragraphs.render(content, content.header, TITLE, story, invariant=invariant)
