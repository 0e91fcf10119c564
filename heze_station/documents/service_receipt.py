"""送达回证: proof that a document reached its recipient, in person, by proxy, by refusal with a witness, ..."""

from reportlab.platypus import Flowable, Paragraph

from ..domain.messages import QT_TRANSLATE_NOOP
from . import layout, paragraphs, validation
from .content import ServiceMethod, ServiceReceiptContent
from .layout import chinese_date, mm, text

TITLE = "送达回证"


def _check(content: ServiceReceiptContent, problems: validation.Problems) -> None:
    problems.require(content.documents, "documents", QT_TRANSLATE_NOOP("Domain", "Name the documents served."))
    problems.require(content.recipient, "recipient", QT_TRANSLATE_NOOP("Domain", "Name the recipient."))
    problems.require(content.address, "address", QT_TRANSLATE_NOOP("Domain", "Give the address of service."))
    refused = content.method is ServiceMethod.LEFT_AT_ADDRESS
    if refused:
        problems.require(
            content.refusal_reason and content.witness,
            "refusal_reason",
            QT_TRANSLATE_NOOP("Domain", "A refused service needs what happened and a witness who signs."),
        )
    elif content.method is not ServiceMethod.POST:
        problems.require(
            content.recipient_signer,
            "recipient_signer",
            QT_TRANSLATE_NOOP("Domain", "The recipient (or the proxy) must sign the receipt."),
        )
    if content.method is ServiceMethod.PROXY:
        problems.require(
            content.proxy_name and content.proxy_reason,
            "proxy_name",
            QT_TRANSLATE_NOOP("Domain", "Service by proxy needs the proxy's name and the reason."),
        )
    signers = [content.server, content.recipient_signer, content.witness]
    validation.check_signed(problems, [signer for signer in signers if signer is not None])


def build(content: ServiceReceiptContent, *, invariant: bool = False) -> bytes:
    paragraphs.refuse_unless_complete(content, content.header, lambda problems: _check(content, problems))
    s = layout.styles()
    cell = s.cell.clone("receipt", fontSize=14, leading=20)
    served = "；".join(
        f"{document.title}{('（' + document.number + '）') if document.number else ''}{document.copies}份"
        for document in content.documents
    )
    signed_on = chinese_date(content.served_on) if content.served_on else "    年  月  日"

    def row(label: str, value: object) -> list[object]:
        shown = Paragraph(text(value), cell) if isinstance(value, str) else value
        return [Paragraph(label, cell), shown]

    rows = [
        row("案号", content.header.case_number),
        row("送达文书及份数", served),
        row("受送达人", content.recipient),
        row("送达地址", content.address),
        row("送达方式", content.method.wording),
        row("受送达人签名", layout.signature_cell(content.recipient_signer, s)),
        row("签收日期", signed_on),
        row("代收人及代收理由", "，".join(x for x in (content.proxy_name, content.proxy_reason) if x)),
        row("拒收事由及见证人", content.refusal_reason),
        row("见证人签名", layout.signature_cell(content.witness, s)),
        row("送达人签名", layout.signature_cell(content.server, s)),
        row("备注", content.remarks),
    ]
    table = layout.grid_table(rows, [40 * mm, 116 * mm], header_rows=0)
    story: list[Flowable] = [
        layout.Title(TITLE),
        Paragraph(text(content.header.station.name), s.number),
        table,
        layout.gap(),
        layout.keep(layout.SealBlock(content.header)),
    ]
    return paragraphs.render(content, content.header, TITLE, story, invariant=invariant)
