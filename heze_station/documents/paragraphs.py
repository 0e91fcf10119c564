"""Paragraphs several documents share: how a party is described, the claims, the evidence, the rights notice."""

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

from ..domain.errors import DomainError
from ..domain.identifiers import parse_resident_id
from ..domain.parties import EmployerKind
from . import amounts, integrity, layout, validation
from .content import Claim, Evidence, Header, Organisation, Person, RightsNotice, ServedDocument, Signer
from .layout import Paragraph, Styles, chinese_date, text

SEX_WORDING = {"male": "男", "female": "女"}


def _describe(name: str, details: list[tuple[str, str]]) -> str:
    """'name，label：value，…。' with the details that are filled in, in the order given."""
    return "，".join([name, *(label + value for label, value in details if value)]) + "。"


def person_description(person: Person) -> str:
    """张三，男，汉族，1985年3月2日出生，公民身份号码：……，住址：……，联系电话：……，工作单位：……，工种/岗位：……，
    送达地址：……。"""
    return _describe(
        person.name,
        [
            ("", SEX_WORDING[person.sex.value] if person.sex else ""),
            ("", person.ethnicity),
            ("", f"{chinese_date(person.birth_date)}出生" if person.birth_date else ""),
            ("公民身份号码：", person.id_number),
            ("住址：", person.address),
            ("联系电话：", person.phone),
            ("工作单位：", person.employer),
            ("工种/岗位：", person.post),
            ("送达地址：", person.service_address),
        ],
    )


def organisation_description(organisation: Organisation) -> str:
    """A company by its credit code, 住所 and legal representative; a natural person (a labour boss) as a person is
    described in a court's papers (CPL 124): sex and date of birth (read from the ID number), ID number, 住址."""
    if organisation.kind is EmployerKind.NATURAL_PERSON:
        return _describe(
            organisation.name,
            [
                *_born(organisation.id_number),
                ("公民身份号码：", organisation.id_number),
                ("住址：", organisation.address),
                # He signs for himself: his own name in the handler's place is no agent.
                ("委托代理人：", organisation.agent if organisation.agent != organisation.name else ""),
                ("联系电话：", organisation.phone),
            ],
        )
    return _describe(
        organisation.name,
        [
            ("统一社会信用代码：", organisation.credit_code),
            ("住所：", organisation.address),
            ("法定代表人：", organisation.legal_representative),
            ("委托代理人（经办人）：", organisation.agent),
            ("联系电话：", organisation.phone),
        ],
    )


def _born(id_number: str) -> list[tuple[str, str]]:
    """The sex and the date of birth a resident ID number states; none for a number that is not one."""
    try:
        resident = parse_resident_id(id_number)
    except DomainError:
        return []
    return [("", SEX_WORDING[resident.sex.value]), ("", f"{chinese_date(resident.birth_date)}出生")]


def party(label: str, description: str, s: Styles) -> Paragraph:
    return Paragraph(f"{label}：{text(description)}", s.plain)


def agent_paragraphs(agent: Person | None, authority: str, s: Styles) -> list[Flowable]:
    """The worker's agent and the scope of the authorisation: a special one names what the agent may do."""
    if agent is None:
        return []
    scope = f"特别授权，{authority.rstrip('。')}" if authority else "一般授权"
    return [party("委托代理人", person_description(agent), s), Paragraph(f"代理权限：{text(scope)}。", s.plain)]


def claim_paragraphs(claims: Sequence[Claim], s: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    for number, claim in enumerate(claims, start=1):
        amount = f"，计{amounts.both(claim.amount_fen)}" if claim.amount_fen else ""
        end = "。" if number == len(claims) else "；"  # a list of claims ends as a sentence does
        story.append(Paragraph(f"{number}．{text(claim.text)}{amount}{end}", s.body))
    return story


def evidence_table(evidence: Sequence[Evidence], s: Styles) -> Flowable:
    rows: list[list[object]] = [[Paragraph(h, s.cell_centre) for h in ("序号", "证据名称", "来源", "页数")]]
    for number, item in enumerate(evidence, start=1):
        rows.append(
            [
                Paragraph(str(number), s.cell_centre),
                Paragraph(text(item.name), s.cell),
                Paragraph(text(item.source), s.cell),
                Paragraph("" if item.pages is None else str(item.pages), s.cell_centre),
            ]
        )
    return layout.grid_table(rows, [14 * layout.mm, 82 * layout.mm, 42 * layout.mm, 18 * layout.mm])


def enclosure_table(enclosures: Sequence[ServedDocument], s: Styles, caption: str = "材料名称") -> Flowable:
    """序号 / what is enclosed (with its number) / how many copies."""
    rows: list[list[object]] = [[Paragraph(h, s.cell_centre) for h in ("序号", caption, "份数")]]
    for number, enclosure in enumerate(enclosures, start=1):
        name = enclosure.title + (f"（{enclosure.number}）" if enclosure.number else "")
        rows.append(
            [
                Paragraph(str(number), s.cell_centre),
                Paragraph(text(name), s.cell),
                Paragraph(str(enclosure.copies), s.cell_centre),
            ]
        )
    return layout.grid_table(rows, [16 * layout.mm, 116 * layout.mm, 24 * layout.mm])


def rights_paragraphs(rights: RightsNotice, s: Styles) -> list[Flowable]:
    where = f"（地址：{rights.arbitration_address}）" if rights.arbitration_address else ""
    story: list[Flowable] = [
        Paragraph(
            f"当事人可以依法向{text(rights.arbitration_body)}{text(where)}申请劳动争议仲裁。"
            "劳动争议申请仲裁的时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算；"
            "劳动关系存续期间因拖欠劳动报酬发生争议的，不受一年时效期间的限制，但劳动关系终止的，"
            "应当自劳动关系终止之日起一年内提出。",
            s.body,
        )
    ]
    if rights.limitation_note:
        story.append(Paragraph(text(rights.limitation_note), s.body))
    return story


def opening(title: str, header: Header, s: Styles) -> list[Flowable]:
    """The title and, under it, the case number."""
    return [layout.Title(title), Paragraph(text(header.case_number), s.number)]


def refuse_unless_complete(content: object, header: Header, check: Callable[[validation.Problems], None]) -> None:
    """Run the document's own checks with the ones every document shares; refuse with all that is missing."""
    problems = validation.Problems()
    validation.check_header(problems, header)
    check(problems)
    validation.check_printable(problems, content)
    problems.raise_if_any()


def render(
    content: object,
    header: Header,
    title: str,
    story: list[Flowable],
    *,
    invariant: bool,
    page_signers: tuple[Signer, ...] = (),
) -> bytes:
    furniture = layout.Furniture(header, title, integrity.content_sha256(content), page_signers)
    return layout.render(story, furniture, invariant=invariant)
