"""How every document names a dispute, its claim and what the payer owes, by the case's category.

One table for all documents (document text, always Chinese): the notices' "某公司劳动报酬争议", the claim lines
of the application, the referral and the agreement, and the agreement's dispute sentence and first term. A wage
claim is money owed for work done ("确认拖欠……"); the other categories are sums the employer owes by law or by
agreement ("确认应向……支付").

Two categories need more than the category: an "other" dispute names what is paid (typed when the agreement is
drafted, e.g. 未休年休假工资), and a work-injury agreement splits its sum into 工伤医疗费 and the other injury
benefits, because only the medical costs can go to court for a payment order (LDMAL 16).
"""

from dataclasses import dataclass

from ..domain.cases import Category


@dataclass(frozen=True)
class Wording:
    dispute: str  # "……{dispute}争议"
    subject: str  # what is paid, as the claim line and the agreement's first term name it
    arrears: bool  # owed for work done: "支付拖欠的……", "确认拖欠……"


# [check] The social-insurance wording: a station mediates the worker's loss from contributions not paid; making
# up the contributions themselves is for the social-insurance agency, not a mediated sum.
WORDING = {
    Category.WAGES: Wording("劳动报酬", "劳动报酬", arrears=True),
    Category.OVERTIME_PAY: Wording("加班费", "加班费", arrears=True),
    Category.SOCIAL_INSURANCE: Wording("社会保险", "社会保险待遇损失赔偿", arrears=False),
    Category.TERMINATION: Wording("解除劳动合同经济补偿", "解除劳动合同经济补偿", arrears=False),
    Category.WORK_INJURY: Wording("工伤保险待遇", "工伤保险待遇", arrears=False),
    Category.OTHER: Wording("劳动", "", arrears=False),
}
INJURY_MEDICAL = "工伤医疗费"
INJURY_OTHER = "一次性伤残补助金等其他工伤保险待遇"
# An "other" dispute before its agreement names what is paid: the facts say what is asked.
_OTHER_CLAIM = "依法处理与被申请人之间的劳动争议（具体请求见事实和理由）"


def dispute(category: Category, subject: str = "") -> str:
    """The dispute as in "因{dispute}争议申请调解" and "某公司{dispute}争议"."""
    return subject if category is Category.OTHER and subject else WORDING[category].dispute


def claim(category: Category, subject: str = "") -> str:
    """The claim line (请求事项) for the category; ``subject``: what an "other" dispute asks to be paid."""
    if category is Category.OTHER:
        return f"支付{subject}" if subject else _OTHER_CLAIM
    if category is Category.WORK_INJURY:
        return f"支付{INJURY_MEDICAL}及{INJURY_OTHER}"
    wording = WORDING[category]
    return f"支付{'拖欠的' if wording.arrears else ''}{wording.subject}"


def obligation(category: Category, whom: str, subject: str = "") -> str:
    """What the payer acknowledges owing, to be followed by the sum: "确认拖欠申请人劳动报酬" (共计……)."""
    wording = WORDING[category]
    paid = subject if category is Category.OTHER else wording.subject
    return f"确认拖欠{whom}{paid}" if wording.arrears else f"确认应向{whom}支付{paid}"


def is_wages(category: Category) -> bool:
    """Wages and overtime pay are 工资 under the wage regulations (条例), which make a general contractor pay
    first (R14); the other categories are not wages."""
    return WORDING[category].arrears
