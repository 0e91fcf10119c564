"""Generated but realistic cases: the demo database (``heze-station --demo``) and the 100,000-case benchmark.

Everything is drawn from one ``random.Random(seed)``: the same seed on the same day gives the same cases. The
cases look like a Heze station's work: workers from Heze's districts and counties plus migrant workers from
neighbouring Henan and Anhui, with real-format ID numbers and mobile numbers; employers with valid unified social
credit codes in the county industries (Cao county wood and hanfu, Juancheng hair products, Yuncheng textiles,
Dongming chemicals), labour subcontractors and unlicensed labour bosses on construction projects with general
contractors (R14); unpaid wages as the most common claim; about 8 % collective cases with three representatives;
and a status mix after the city's figures (about 92 % of mediated cases end in an agreement, small clear cases
close within days, most older cases are closed, recent ones are still registered, accepted or in mediation).

:func:`fill_demo` goes through the real services (intake, case actions, agreements and payments), so the demo
shows exactly what the program would have stored. The benchmark writes the same kind of cases straight into the
tables in large batches (bench/bulk.py).
"""

import bisect
import math
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from stdnum.cn import ric, uscc

from ..domain import chinatime
from ..domain.cases import (
    CaseAction,
    Category,
    Employment,
    IntakeChannel,
)
from ..domain.identifiers import Sex
from ..domain.ids import seeded_uuid7_int
from ..domain.parties import EmployerKind
from ..domain.workcalendar import WorkCalendar
from ..services import case_actions, intake
from ..services.access import CASEWORK, requires
from ..services.intake import EmployerEntry, IntakeForm, WorkerEntry
from ..services.station import StationContext
from ..storage.models import (
    Case,
)
from .agreements import agree_and_perform
from .clues import forward_demo_clues

DEMO_SEED = 2026
BULK_SEED = 100_000
DEMO_WINDOW_DAYS = 183  # the demo covers the last six months

Progress = Callable[[int, int], None]

# --------------------------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Surnames by rough frequency in south-west Shandong: a few very common ones, then a long tail.
_SURNAME_TIERS = (
    ("王李张刘", 7.0),
    ("陈杨赵孙", 3.0),
    ("徐马朱郭高黄周", 1.5),
    ("吴胡何宋郑韩于董曹田魏吕姜崔贾孟", 1.0),
    ("罗梁谢唐冯许邓彭肖袁潘蒋蔡杜程苏丁任姚卢秦史薛闫段雷白常范付侯邵武乔贺尹葛房申", 0.4),
)
_MALE_SINGLE = "伟强磊军勇杰涛明超刚平辉鹏飞鑫波斌宇浩凯健俊帆旭宁龙林峰亮兵虎"
_MALE_FIRST = "建志国永春海文振德宏金长立新晓宝家俊浩宇博明庆广连学"
_MALE_SECOND = "军国华民强伟平明峰刚林杰涛东亮生成龙鹏辉波飞勇斌超山清忠良"
_FEMALE_SINGLE = "芳娜敏静丽艳娟霞秀英玲燕红梅琳萍雪婷慧莉兰凤洁颖倩丹晶"
_FEMALE_FIRST = "秀玉桂淑春海丽晓雪美静佳欣雨梦思亚金小红"
_FEMALE_SECOND = "英兰芳梅华荣珍霞红云丽玲娟燕敏婷琳萍洁花"

# Where workers' ID numbers were issued: Heze's districts and counties, and the neighbouring Henan and Anhui
# counties (plus two of Jining's) that send migrant workers to Heze's construction sites.
_HEZE_REGIONS = {
    "371702": ("牡丹区", 20),
    "371703": ("定陶区", 8),
    "371721": ("曹县", 12),
    "371722": ("单县", 9),
    "371723": ("成武县", 6),
    "371724": ("巨野县", 8),
    "371725": ("郓城县", 9),
    "371726": ("鄄城县", 6),
    "371728": ("东明县", 6),
}
_MIGRANT_REGIONS = {
    "410926": 2,  # 河南濮阳范县
    "410927": 1,  # 河南濮阳台前县
    "410922": 1,  # 河南濮阳清丰县
    "410225": 2,  # 河南开封兰考县
    "411421": 2,  # 河南商丘民权县
    "411422": 1,  # 河南商丘睢县
    "411424": 1,  # 河南商丘柘城县
    "341321": 2,  # 安徽宿州砀山县
    "341322": 1,  # 安徽宿州萧县
    "341221": 2,  # 安徽阜阳临泉县
    "341222": 1,  # 安徽阜阳太和县
    "370828": 1,  # 山东济宁金乡县
    "370832": 1,  # 山东济宁梁山县
}
# The short place name in company names: the city district's firms call themselves 菏泽….
_PLACE = {
    "371702": "菏泽",
    "371703": "定陶",
    "371721": "曹县",
    "371722": "单县",
    "371723": "成武",
    "371724": "巨野",
    "371725": "郓城",
    "371726": "鄄城",
    "371728": "东明",
}
_TOWNS = {
    "371702": "牡丹街道 东城街道 西城街道 南城街道 丹阳街道 岳程街道 万福街道 何楼街道 "
    "沙土镇 吴店镇 都司镇 高庄镇 小留镇 李村镇 马岭岗镇 胡集镇",
    "371703": "天中街道 滨河街道 陈集镇 冉堌镇 张湾镇 黄店镇 孟海镇 马集镇 仿山镇",
    "371721": "曹城街道 磐石街道 倪集街道 青菏街道 庄寨镇 普连集镇 大集镇 韩集镇 砖庙镇 青岗集镇",
    "371722": "南城街道 北城街道 园艺街道 东城街道 黄岗镇 终兴镇 高韦庄镇 徐寨镇 浮岗镇",
    "371723": "文亭街道 永昌街道 大田集镇 天宫庙镇 汶上集镇 南鲁集镇 伯乐集镇 苟村集镇",
    "371724": "凤凰街道 永丰街道 麒麟镇 独山镇 龙堌镇 大义镇 柳林镇 章缝镇 大谢集镇",
    "371725": "郓州街道 唐塔街道 黄安镇 杨庄集镇 侯咽集镇 武安镇 郭屯镇 丁里长镇 程屯镇 随官屯镇 张营镇",
    "371726": "古泉街道 陈王街道 什集镇 红船镇 旧城镇 闫什镇 箕山镇 董口镇 临濮镇 彭楼镇 凤凰镇",
    "371728": "城关街道 渔沃街道 东明集镇 刘楼镇 陆圈镇 马头镇 三春集镇 大屯镇 武胜桥镇 菜园集镇 沙窝镇",
}
_TOWNS = {region: _words(towns) for region, towns in _TOWNS.items()}
_ROADS = _words(
    "中华路 人民路 长江路 黄河路 和平路 八一路 丹阳路 牡丹路 双河路 广州路 南京路 昆明路 太原路 青年路 "
    "西安路 大学路 重庆路 华英路 桂陵路 淮河路 兰州路 银川路 曹州路 滨河路 上海路"
)
_VILLAGE_SUFFIXES = ("庄", "楼", "集", "庙", "店", "寨", "屯", "堂", "营", "堌堆", "园", "口")
_CORNERS = ("东南角", "西南角", "东北角", "西北角", "南侧", "北侧", "东侧", "西侧")

_WORD_FIRST = "宏鑫华恒金瑞盛永天万德嘉润泰信隆聚广昊鸿兴昌福源康佳新东博创诚益众辉汇锦豪正伟荣"
_WORD_SECOND = "达源泰信盛丰华通隆和昌兴发利安康顺泽鑫诚汇宇辉成祥荣润晟邦远航腾"

_MOBILE_PREFIXES = _words(
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 "
    "173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 195 198 199"
)

# Characters of the organisation-code part of a credit code (GB 32100 leaves out I, O, S, V and Z).
_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class _Industry:
    key: str
    template: str  # {place} and {word}
    regions: tuple[str, ...]
    posts: tuple[tuple[str, int, int], ...]  # post, monthly wage range in yuan
    female_share: float
    weight: float


_INDUSTRIES = (
    _Industry(
        "food",
        "山东{word}食品有限公司",
        ("371722", "371723", "371703", "371702"),
        (("操作工", 3500, 5000), ("包装工", 3000, 4200), ("分拣工", 3000, 4000), ("叉车司机", 4500, 6000)),
        0.55,
        4,
    ),
    _Industry(
        "wood",
        "曹县{word}木业有限公司",
        ("371721",),
        (("木工", 4000, 6500), ("打磨工", 3800, 5500), ("喷漆工", 4500, 6500), ("包装工", 3200, 4200)),
        0.25,
        4,
    ),
    _Industry(
        "hanfu",
        "曹县{word}服饰有限公司",
        ("371721",),
        (("缝纫工", 3500, 6500), ("裁剪工", 3500, 5000), ("熨烫工", 3000, 4000), ("打包员", 3000, 4000)),
        0.75,
        3,
    ),
    _Industry(
        "textile",
        "郓城{word}纺织有限公司",
        ("371725",),
        (("挡车工", 3500, 5000), ("纺纱工", 3500, 4800), ("络筒工", 3200, 4500), ("机修工", 4500, 6000)),
        0.5,
        3,
    ),
    _Industry(
        "hair",
        "鄄城{word}发制品有限公司",
        ("371726",),
        (("发制品加工工", 3000, 4500), ("钩针工", 2800, 4200), ("质检员", 3500, 4500)),
        0.8,
        3,
    ),
    _Industry(
        "chemical",
        "东明{word}化工有限公司",
        ("371728",),
        (("操作工", 4500, 6500), ("巡检工", 4500, 6000), ("装卸工", 4000, 5500)),
        0.15,
        2,
    ),
    _Industry(
        "machinery",
        "巨野{word}机械制造有限公司",
        ("371724",),
        (("电焊工", 4500, 7000), ("车工", 4500, 6500), ("装配工", 4000, 5500)),
        0.1,
        2,
    ),
    _Industry(
        "pharma",
        "定陶{word}药业有限公司",
        ("371703",),
        (("操作工", 4000, 5500), ("包装工", 3200, 4200), ("化验员", 4000, 5000)),
        0.5,
        2,
    ),
    _Industry(
        "biotech",
        "成武{word}生物科技有限公司",
        ("371723",),
        (("操作工", 3500, 5000), ("包装工", 3000, 4000)),
        0.45,
        1,
    ),
    _Industry(
        "logistics",
        "菏泽{word}物流有限公司",
        ("371702", "371703"),
        (("装卸工", 4500, 6500), ("货车司机", 6500, 9000), ("分拣员", 3500, 4500)),
        0.15,
        2,
    ),
    _Industry(
        "property",
        "菏泽{word}物业服务有限公司",
        ("371702",),
        (("保安", 2400, 3200), ("保洁员", 2200, 2800), ("维修工", 3000, 4000)),
        0.5,
        2,
    ),
    _Industry(
        "catering",
        "菏泽{word}餐饮管理有限公司",
        ("371702",),
        (("厨师", 4500, 7000), ("服务员", 2800, 3600), ("帮厨", 3000, 3800)),
        0.55,
        2,
    ),
    _Industry(
        "ecommerce",
        "曹县{word}电子商务有限公司",
        ("371721",),
        (("客服", 3000, 4200), ("打包员", 3000, 4000), ("主播", 4000, 8000)),
        0.65,
        1,
    ),
)
_LABOUR_TEMPLATE = "{place}{word}建筑劳务有限公司"
_CONTRACTOR_TEMPLATES = (
    "山东{word}建设集团有限公司",
    "菏泽{word}建筑工程有限公司",
    "山东{word}建工集团有限公司",
    "{place}{word}建设工程有限公司",
)
# Construction trades and their daily wage range in yuan.
_TRADES = (
    ("钢筋工", 280, 380),
    ("木工", 300, 400),
    ("瓦工", 280, 360),
    ("架子工", 300, 380),
    ("水电工", 260, 350),
    ("小工", 160, 220),
    ("抹灰工", 250, 330),
    ("油漆工", 230, 300),
    ("混凝土工", 220, 300),
    ("电焊工", 300, 400),
    ("塔吊司机", 350, 450),
    ("防水工", 230, 300),
    ("外墙保温工", 240, 320),
)
_ESTATE_FIRST = _words(
    "牡丹 曹州 尧舜 天香 鲁西 万福 丹阳 锦绣 盛世 御景 东方 金色 书香 翰林 和园 汇景 府前 滨河 水韵 康桥"
)
_ESTATE_SECOND = _words("花园 名苑 华府 嘉园 新城 雅居 御府 学府 家园 公馆 首府 美域")
_PHASES = "一二三四五"
_REFUSALS = (
    "申请人已就同一事项申请劳动仲裁，已书面告知其等待仲裁结果。",
    "申请事项已由人民法院受理，不属于本站调解范围，已书面告知申请人。",
    "申请人系退休返聘人员，双方为劳务关系，已书面告知申请人向人民法院起诉。",
)
_REFUSALS_ON_SITE = (
    "双方系承揽关系，不属于劳动争议调解范围，已书面告知申请人向人民法院起诉。",
    "所涉款项为工程款而非劳动报酬，不予受理，已书面告知申请人。",
    "申请人已就同一事项申请劳动仲裁，已书面告知其等待仲裁结果。",
)
_INJURIES = (
    "从脚手架跌落致左腿骨折",
    "被机器轧伤右手手指",
    "搬运货物时扭伤腰部",
    "被坠落的钢管砸伤头部",
    "操作切割机时割伤左手",
    "从货车上摔下致肋骨骨折",
)


class _Weighted:
    """Draw from a fixed population with fixed weights; much faster than ``random.choices`` in a loop."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]):
        self.items = list(items)
        self.cumulative: list[float] = []
        total = 0.0
        for weight in weights:
            total += weight
            self.cumulative.append(total)
        self.total = total

    def draw(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.total)]


_SURNAMES = _Weighted(
    [surname for group, _ in _SURNAME_TIERS for surname in group],
    [weight for group, weight in _SURNAME_TIERS for _ in group],
)
_REGIONS = _Weighted(
    [*_HEZE_REGIONS, *_MIGRANT_REGIONS],
    [weight for _, weight in _HEZE_REGIONS.values()] + list(_MIGRANT_REGIONS.values()),
)
_HEZE_ONLY = _Weighted(list(_HEZE_REGIONS), [weight for _, weight in _HEZE_REGIONS.values()])
_INDUSTRY = _Weighted(_INDUSTRIES, [industry.weight for industry in _INDUSTRIES])
_CHANNELS = _Weighted(
    [
        IntakeChannel.VISIT,
        IntakeChannel.PHONE,
        IntakeChannel.ON_SITE,
        IntakeChannel.PLATFORM,
        IntakeChannel.ONLINE,
        IntakeChannel.LETTER,
    ],
    [35, 18, 15, 15, 10, 7],
)
_CATEGORIES = _Weighted(
    [
        Category.WAGES,
        Category.OVERTIME_PAY,
        Category.SOCIAL_INSURANCE,
        Category.TERMINATION,
        Category.WORK_INJURY,
        Category.OTHER,
    ],
    [55, 8, 8, 15, 7, 7],
)
COLLECTIVE_SHARE = 0.08


# --------------------------------------------------------------------------------------------------------------
# Outcomes: the path a case has taken so far, and how old its last step may be
# --------------------------------------------------------------------------------------------------------------

_A = CaseAction


@dataclass(frozen=True)
class _Outcome:
    actions: tuple[CaseAction, ...]
    weight: float
    # For a case still waiting for its next step: how many working days ago the last one may have happened.
    # None: the case has finished (closed), so it can lie anywhere in the period.
    pending: tuple[int, int] | None


_MEDIATE = (_A.ACCEPT, _A.START_MEDIATION)
# Agreements are 64 of the 70 mediations that ended in agreement, failure or referral: about 92 %, as in Heze.
_OUTCOMES = (
    _Outcome((), 5, (0, 2)),
    _Outcome((_A.ACCEPT,), 4, (0, 2)),
    _Outcome(_MEDIATE, 9, (0, 9)),
    _Outcome((*_MEDIATE, _A.RECORD_AGREEMENT), 10, (0, 15)),
    _Outcome((*_MEDIATE, _A.RECORD_AGREEMENT, _A.CLOSE), 54, None),
    _Outcome((*_MEDIATE, _A.RECORD_FAILURE), 1, (0, 20)),
    _Outcome((*_MEDIATE, _A.RECORD_FAILURE, _A.CLOSE), 2, None),
    _Outcome((*_MEDIATE, _A.REFER_ARBITRATION, _A.CLOSE), 3, None),
    _Outcome((_A.REFUSE,), 0.5, (0, 10)),
    _Outcome((_A.REFUSE, _A.CLOSE), 2, None),
    _Outcome((_A.ACCEPT, _A.WITHDRAW, _A.CLOSE), 1, None),
    _Outcome((*_MEDIATE, _A.WITHDRAW, _A.CLOSE), 2, None),
    _Outcome((_A.ACCEPT, _A.REFER_INSPECTION), 1, (0, 20)),
    _Outcome((_A.ACCEPT, _A.REFER_INSPECTION, _A.CLOSE), 2.5, None),
)


def _outcome_quota(count: int, window_days: int, rng: random.Random) -> list[_Outcome]:
    """Exactly ``count`` outcomes in the planned proportions (largest remainder), shuffled.

    A fixed mix rather than independent draws, so even 40 demo cases show every kind of state. Over a longer
    period the cases still waiting are the same few weeks' worth, so their share shrinks.
    """
    scale = min(1.0, DEMO_WINDOW_DAYS / window_days)
    weights = [outcome.weight * (scale if outcome.pending else 1.0) for outcome in _OUTCOMES]
    total = sum(weights)
    exact = [count * weight / total for weight in weights]
    counts = [math.floor(value) for value in exact]
    by_remainder = sorted(range(len(exact)), key=lambda index: exact[index] - counts[index], reverse=True)
    for index in by_remainder[: count - sum(counts)]:
        counts[index] += 1
    outcomes = [outcome for outcome, n in zip(_OUTCOMES, counts, strict=True) for _ in range(n)]
    rng.shuffle(outcomes)
    return outcomes


# --------------------------------------------------------------------------------------------------------------
# Generated parties and cases
# --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoWorker:
    name: str
    id_number: str
    sex: Sex
    birth_date: date
    phone: str
    claimed_fen: int
    representative: bool = False


@dataclass
class DemoEmployer:
    kind: EmployerKind
    name: str
    credit_code: str | None = None
    id_number: str | None = None
    legal_representative: str = ""
    phone: str = ""
    address: str = ""
    industry: _Industry | None = None
    id: uuid.UUID = field(default_factory=uuid.uuid4)  # the generator sets a reproducible UUIDv7

    def entry(self) -> EmployerEntry:
        return EmployerEntry(
            kind=self.kind,
            name=self.name,
            credit_code=self.credit_code or "",
            id_number=self.id_number or "",
            legal_representative=self.legal_representative,
            phone=self.phone,
            address=self.address,
        )


@dataclass
class DemoProject:
    name: str
    address: str
    contractor: DemoEmployer
    id: uuid.UUID = field(default_factory=uuid.uuid4)  # the generator sets a reproducible UUIDv7


@dataclass(frozen=True)
class DemoStep:
    action: CaseAction
    at: datetime
    reason: str = ""


@dataclass(frozen=True)
class DemoCase:
    registered_at: datetime
    received_on: date
    knew_on: date
    channel: IntakeChannel
    category: Category
    facts: str
    workers: tuple[DemoWorker, ...]
    employer: DemoEmployer
    project: DemoProject | None
    # Whether the general contractor is named as a respondent (R14), not only as the project's contractor.
    contractor_named: bool
    evidence: tuple[str, ...]
    steps: tuple[DemoStep, ...]

    @property
    def respondents(self) -> list[DemoEmployer]:
        if self.contractor_named and self.project is not None:
            return [self.employer, self.project.contractor]
        return [self.employer]

    def intake_form(self) -> IntakeForm:
        """The complaint as a coordinator would have typed it into the intake form."""
        return IntakeForm(
            channel=self.channel,
            category=self.category,
            received_on=self.received_on,
            knew_on=self.knew_on,
            # The demo's workers have left the job they complain about, on the day they found the pay missing.
            employment=Employment.ENDED,
            employment_ended_on=self.knew_on,
            facts=self.facts,
            workers=[
                WorkerEntry(
                    name=worker.name,
                    id_number=worker.id_number,
                    phone=worker.phone,
                    claimed=f"{worker.claimed_fen // 100}",
                    representative=worker.representative,
                )
                for worker in self.workers
            ],
            employer=self.employer.entry(),
            project_name=self.project.name if self.project else "",
            project_address=self.project.address if self.project else "",
            general_contractor=self.project.contractor.entry() if self.contractor_named and self.project else None,
            evidence=list(self.evidence),
        )


def _month(day: date) -> str:
    return f"{day.year}年{day.month}月"


def _months_before(day: date, months: int) -> date:
    """The first day of the month ``months`` months before the month of ``day``."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _span(start: date, end: date) -> str:
    """'2026年3月至6月', or with both years when the span crosses a new year."""
    if start.year == end.year:
        return f"{start.year}年{start.month}月至{end.month}月" if start.month != end.month else _month(start)
    return f"{_month(start)}至{_month(end)}"


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _round_to(value: float, step: int) -> int:
    return round(value / step) * step


class DemoGenerator:
    """Draws parties and cases; one instance per run, so that identifiers never repeat within it."""

    def __init__(
        self,
        seed: int,
        now: datetime,
        calendar: WorkCalendar,
        *,
        count: int,
        window_days: int = DEMO_WINDOW_DAYS,
        taken_id_numbers: set[str] | None = None,
        taken_credit_codes: set[str] | None = None,
    ):
        self.rng = random.Random(seed)
        self._random = self.rng.random
        self.now = now.astimezone(chinatime.CHINA_TZ)
        # Keys come from their own stream, so that they never change what the content draws look like.
        self._keys = random.Random(seed + 1)
        self._key_moment = self.now - timedelta(days=window_days)
        self.count = count
        self.window_days = window_days
        self._id_numbers: set[str] = set(taken_id_numbers or ())
        self._credit_codes: set[str] = set(taken_credit_codes or ())
        self._company_names: set[str] = set()
        self._project_names: set[str] = set()
        self.workdays = self._working_days(calendar)
        # Pools of repeat employers and projects: complaints cluster on the same firms and sites (台账).
        self.contractors = [self._contractor() for _ in range(max(4, count // 45))]
        self.projects = [self._project() for _ in range(max(8, count // 15))]
        self.labour_firms = [self._company(_LABOUR_TEMPLATE, None) for _ in range(max(6, count // 20))]
        self.bosses = [self._labour_boss() for _ in range(max(6, count // 25))]
        self.firms: dict[str, list[DemoEmployer]] = {}
        for _ in range(max(len(_INDUSTRIES) * 2, count // 6)):
            industry = _INDUSTRY.draw(self.rng)
            self.firms.setdefault(industry.key, []).append(self._company(industry.template, industry))
        # Every project has its own labour teams: a firm or a labour boss, sometimes both.
        self.teams = {
            project.name: [
                self._pick(self.labour_firms) if self.rng.random() < 0.6 else self._pick(self.bosses)
                for _ in range(self._int(1, 3))
            ]
            for project in self.projects
        }

    # random.randint and random.choice go through several Python-level calls each; the benchmark's 100,000 cases
    # make millions of draws, so these two take the shortcut through random(), which is C.
    def _int(self, low: int, high: int) -> int:
        return low + int(self._random() * (high - low + 1))

    def _pick(self, items: Sequence[Any]) -> Any:
        return items[int(self._random() * len(items))]

    def _key(self) -> uuid.UUID:
        return uuid.UUID(int=seeded_uuid7_int(int(self._key_moment.timestamp() * 1000), self._keys))

    # -- time --------------------------------------------------------------------------------------------------

    def _working_days(self, calendar: WorkCalendar) -> list[date]:
        today = self.now.date()
        # Nothing is dated today before the station has been open a while, so that every time lies in the past.
        last = today if self.now.time() >= time(9, 30) else today - timedelta(days=1)
        first = today - timedelta(days=self.window_days)
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        return [day for day in days if calendar.is_working_day(day)]

    def _times(self, days: list[date]) -> list[datetime]:
        """Office-hours times for events on ``days`` (ascending), increasing within a day, never after now."""
        result: list[datetime] = []
        previous: datetime | None = None
        for day in days:
            latest = datetime.combine(day, time(17, 40), chinatime.CHINA_TZ)
            if day == self.now.date():
                latest = min(latest, self.now - timedelta(minutes=1))
            if previous is not None and previous.date() == day:
                moment = previous + timedelta(minutes=self._int(10, 150))
            else:
                minute = self._int(8 * 60 + 30, 17 * 60)
                if 11 * 60 + 40 < minute < 14 * 60:  # lunch break: move to the afternoon
                    minute += 140
                moment = datetime.combine(day, time(minute // 60, minute % 60), chinatime.CHINA_TZ)
            moment = min(moment, latest)
            if previous is not None:
                moment = max(moment, previous)
            moment = moment.replace(second=self._int(0, 59))
            if previous is not None and moment < previous:
                moment = previous
            result.append(moment)
            previous = moment
        return result

    # -- people ------------------------------------------------------------------------------------------------

    def person_name(self, sex: Sex) -> str:
        rng = self.rng
        surname = _SURNAMES.draw(rng)
        if sex is Sex.MALE:
            if rng.random() < 0.3:
                return surname + self._pick(_MALE_SINGLE)
            return surname + self._pick(_MALE_FIRST) + self._pick(_MALE_SECOND)
        if rng.random() < 0.3:
            return surname + self._pick(_FEMALE_SINGLE)
        return surname + self._pick(_FEMALE_FIRST) + self._pick(_FEMALE_SECOND)

    def resident_id(self, region: str, sex: Sex, birth_date: date) -> str:
        while True:
            sex_digit = 2 * self._int(0, 4) + (1 if sex is Sex.MALE else 0)
            body = f"{region}{birth_date:%Y%m%d}{self._int(0, 99):02d}{sex_digit}"
            number = body + ric.calc_check_digit(body + "0")  # stdnum expects a placeholder check character
            if number not in self._id_numbers:
                self._id_numbers.add(number)
                return number

    def mobile(self) -> str:
        return self._pick(_MOBILE_PREFIXES) + f"{self._int(0, 10**8 - 1):08d}"

    def birth_date(self, youngest: int, oldest: int, likely: int) -> date:
        age = int(self.rng.triangular(youngest, oldest + 1, likely))
        return date(self.now.year - age - 1, 1, 1) + timedelta(days=self._int(0, 364))

    def worker(self, *, female_share: float, construction: bool, claimed_fen: int) -> DemoWorker:
        sex = Sex.FEMALE if self.rng.random() < female_share else Sex.MALE
        # Migrant workers from Henan and Anhui come for the construction sites; factories hire locally.
        region = (_REGIONS if construction else _HEZE_ONLY).draw(self.rng)
        birth = self.birth_date(22, 62, 48) if construction else self.birth_date(19, 55, 34)
        return DemoWorker(
            name=self.person_name(sex),
            id_number=self.resident_id(region, sex, birth),
            sex=sex,
            birth_date=birth,
            phone=self.mobile(),
            claimed_fen=claimed_fen,
        )

    # -- employers and projects --------------------------------------------------------------------------------

    def credit_code(self, region: str) -> str:
        while True:
            if self.rng.random() < 0.6:  # codes issued since 2015 carry an MA… organisation part
                organisation = "MA" + "".join(self._pick(_CODE_CHARACTERS) for _ in range(6))
            else:
                organisation = str(self._int(1, 7)) + f"{self._int(0, 10**7 - 1):07d}"
            total = sum(_CODE_CHARACTERS.index(c) * w for c, w in zip(organisation, _ORG_WEIGHTS, strict=True))
            # GB 11714 check character of the organisation code (A=10 … as in the code alphabet's order here).
            check = 11 - total % 11
            organisation += "X" if check == 10 else "0" if check == 11 else str(check)
            body = f"91{region}{organisation}"
            code = body + uscc.calc_check_digit(body)
            if code not in self._credit_codes:
                self._credit_codes.add(code)
                return code

    def _word(self) -> str:
        first = self._pick(_WORD_FIRST)
        second = self._pick(_WORD_SECOND.replace(first, ""))
        return first + second

    def _address(self, region: str) -> str:
        county = _HEZE_REGIONS[region][0]
        town = self._pick(_TOWNS[region])
        if region == "371702" and self.rng.random() < 0.6:
            return f"山东省菏泽市{county}{self._pick(_ROADS)}{self._int(1, 2999)}号"
        if self.rng.random() < 0.5:
            return f"山东省菏泽市{county}{town}工业园区"
        return f"山东省菏泽市{county}{town}{_SURNAMES.draw(self.rng)}{self._pick(_VILLAGE_SUFFIXES)}村"

    def _company(self, template: str, industry: _Industry | None) -> DemoEmployer:
        region = self._pick(industry.regions) if industry else _HEZE_ONLY.draw(self.rng)
        for attempt in range(20):
            word = self._word() if attempt < 10 else self._word() + self._pick(_WORD_SECOND)
            name = template.format(place=_PLACE[region], word=word)
            if name not in self._company_names:
                break
        self._company_names.add(name)
        return DemoEmployer(
            kind=EmployerKind.COMPANY,
            name=name,
            credit_code=self.credit_code(region),
            legal_representative=self.person_name(Sex.MALE if self.rng.random() < 0.8 else Sex.FEMALE),
            phone=self.mobile(),
            address=self._address(region),
            industry=industry,
            id=self._key(),
        )

    def _contractor(self) -> DemoEmployer:
        return self._company(self._pick(_CONTRACTOR_TEMPLATES), None)

    def _labour_boss(self) -> DemoEmployer:
        region = _HEZE_ONLY.draw(self.rng)
        birth = self.birth_date(32, 60, 45)
        return DemoEmployer(
            kind=EmployerKind.NATURAL_PERSON,
            name=self.person_name(Sex.MALE),
            id_number=self.resident_id(region, Sex.MALE, birth),
            phone=self.mobile(),
            address=self._address(region),
            id=self._key(),
        )

    def _project(self) -> DemoProject:
        rng = self.rng
        region = _HEZE_ONLY.draw(rng)
        place = _PLACE[region]
        for _ in range(20):
            shape = rng.random()
            if shape < 0.5:
                name = f"{self._pick(_ESTATE_FIRST)}{self._pick(_ESTATE_SECOND)}小区{self._pick(_PHASES)}期"
            elif shape < 0.7:
                name = f"{place}{self._word()}产业园标准厂房项目"
            elif shape < 0.8:
                name = f"{place}第{self._pick(_PHASES)}实验小学教学楼工程"
            elif shape < 0.9:
                town = self._pick(_TOWNS[region])
                name = f"{place}{town}棚户区改造安置房项目"
            else:
                name = f"菏泽市{self._pick(_ROADS)}道路改造工程"
            if name not in self._project_names:
                break
        self._project_names.add(name)
        county = _HEZE_REGIONS[region][0]
        road, cross = rng.sample(_ROADS, 2)
        address = f"山东省菏泽市{county}{road}与{cross}交叉口{self._pick(_CORNERS)}"
        return DemoProject(name=name, address=address, contractor=self._pick(self.contractors), id=self._key())

    # -- cases -------------------------------------------------------------------------------------------------

    def cases(self) -> list[DemoCase]:
        """``count`` cases in the order they were registered."""
        planned = [self._case(outcome) for outcome in _outcome_quota(self.count, self.window_days, self.rng)]
        return sorted(planned, key=lambda case: case.registered_at)

    def _case(self, outcome: _Outcome) -> DemoCase:
        rng = self.rng
        collective = rng.random() < COLLECTIVE_SHARE
        category = Category.WAGES if collective and rng.random() < 0.85 else _CATEGORIES.draw(rng)
        construction = category in (Category.WAGES, Category.WORK_INJURY) and rng.random() < 0.6
        channel = _CHANNELS.draw(rng)
        if channel is IntakeChannel.ON_SITE and not construction and rng.random() < 0.5:
            channel = IntakeChannel.VISIT
        steps_days, received_on, knew_on = self._dates(outcome, channel)
        times = self._times(steps_days)
        if construction:
            body = self._construction_case(category, collective, knew_on)
        else:
            body = self._workplace_case(category, collective, knew_on)
        facts, workers, employer, project, contractor_named, evidence = body
        if channel is IntakeChannel.PLATFORM:
            facts = "（全国根治欠薪线索反映平台转办）" + facts
        steps = self._steps(outcome.actions, times[1:], workers, employer, project, contractor_named)
        return DemoCase(
            registered_at=times[0],
            received_on=received_on,
            knew_on=knew_on,
            channel=channel,
            category=category,
            facts=facts,
            workers=tuple(workers),
            employer=employer,
            project=project,
            contractor_named=contractor_named,
            evidence=tuple(evidence),
            steps=tuple(steps),
        )

    def _dates(self, outcome: _Outcome, channel: IntakeChannel) -> tuple[list[date], date, date]:
        """Days of registration and of each step, plus the days received and known."""
        gaps = [
            self._gap(action, previous)
            for previous, action in zip((None, *outcome.actions), outcome.actions, strict=False)
        ]
        span = sum(gaps)
        last = len(self.workdays) - 1
        # A case waiting for its next step had its last one recently; a finished case lies anywhere in the period.
        pending = outcome.pending
        end = last - self._int(*pending) if pending is not None else self._int(min(span, last), last)
        start = _clamp(end - span, 0, last)
        indices = [start]
        for gap in gaps:
            indices.append(min(indices[-1] + gap, last))
        days = [self.workdays[index] for index in indices]
        registered_on = days[0]
        # Letters, online forms and platform clues arrive a day or two before someone registers them.
        early = channel in (IntakeChannel.LETTER, IntakeChannel.ONLINE, IntakeChannel.PLATFORM)
        received_on = registered_on - timedelta(days=self._int(0, 3) if early else 0)
        knew_on = received_on - timedelta(days=self._int(7, 150))
        return days, received_on, knew_on

    def _gap(self, action: CaseAction, previous: CaseAction | None) -> int:
        """Working days between a case's previous step and ``action``."""
        rng = self.rng
        if action is _A.ACCEPT or action is _A.REFUSE:
            return self._pick((0, 0, 0, 1, 1, 2, 3))
        if action is _A.START_MEDIATION:
            return self._pick((0, 0, 1, 1, 2, 3))
        if action is _A.RECORD_AGREEMENT:
            return self._pick((0, 0, 1, 2, 3)) if rng.random() < 0.6 else self._int(3, 10)
        if action in (_A.RECORD_FAILURE, _A.REFER_ARBITRATION):
            return self._int(3, 10)
        if action is _A.WITHDRAW:
            return self._int(0, 8)
        if action is _A.REFER_INSPECTION:
            return self._int(0, 3)
        # Closing: an agreement closes once it has been performed; other endings are filed within days.
        if previous is _A.RECORD_AGREEMENT:
            return 0 if rng.random() < 0.35 else self._int(1, 20)
        return self._int(0, 5)

    def _representatives(self, workers: list[DemoWorker]) -> list[DemoWorker]:
        chosen = set(self.rng.sample(range(len(workers)), 3))
        return [
            replace(worker, representative=True) if index in chosen else worker for index, worker in enumerate(workers)
        ]

    def _construction_case(
        self, category: Category, collective: bool, knew_on: date
    ) -> tuple[str, list[DemoWorker], DemoEmployer, DemoProject, bool, list[str]]:
        rng = self.rng
        project = self._pick(self.projects)
        employer = self._pick(self.teams[project.name])
        contractor_named = rng.random() < 0.7
        boss = (
            f"包工头{employer.name}" if employer.kind is EmployerKind.NATURAL_PERSON else f"劳务分包单位{employer.name}"
        )
        end = knew_on - timedelta(days=self._int(0, 20))
        if category is Category.WORK_INJURY:
            trade, low, high = self._pick(_TRADES)
            injury_day = knew_on
            medical = rng.randrange(3000, 40000, 100)
            claimed = _clamp(medical + rng.randrange(2000, 20000, 100), 1500, 60000)
            worker = self.worker(female_share=0.05, construction=True, claimed_fen=claimed * 100)
            facts = (
                f"{_day(injury_day)}在{project.name}从事{trade}作业时{self._pick(_INJURIES)}，住院治疗"
                f"{self._int(7, 45)}天，医疗费{medical}元由本人垫付。该工人由{boss}招用，未参加工伤保险，"
                f"要求支付医疗费、误工费、护理费共计{claimed}元。"
            )
            evidence = rng.sample(["诊断证明", "住院病历", "医疗费票据", "工友证人证言", "考勤记录"], self._int(2, 4))
            return facts, [worker], employer, project, contractor_named, evidence
        if collective:
            size = int(rng.triangular(10, 41, 14))
            workers = []
            trades = set()
            for _ in range(size):
                trade, low, high = self._pick(_TRADES)
                trades.add(trade)
                daily = _round_to(self._int(low, high), 10)
                days = self._int(max(10, -(-1500 // daily)), min(180, 60000 // daily))
                workers.append(self.worker(female_share=0.06, construction=True, claimed_fen=daily * days * 100))
            workers = self._representatives(workers)
            start = end - timedelta(days=self._int(60, 240))
            total = sum(worker.claimed_fen for worker in workers) // 100
            representatives = "、".join(worker.name for worker in workers if worker.representative)
            facts = (
                f"{len(workers)}名农民工于{_span(start, end)}在{project.name}从事{'、'.join(sorted(trades)[:4])}"
                f"等工作，"
                f"由{boss}组织施工，总承包单位为{project.contractor.name}。工程主体完工后，{employer.name}以甲方未拨付"
                f"工程款为由拖欠工资共计{total}元，多次讨要未果。推选{representatives}为代表。"
            )
            evidence = rng.sample(
                ["考勤记录", "工资欠条", "工资表", "微信聊天记录截图", "工友证人证言", "现场照片"], self._int(2, 4)
            )
            return facts, workers, employer, project, True, evidence
        trade, low, high = self._pick(_TRADES)
        daily = _round_to(self._int(low, high), 10)
        days = self._int(max(10, -(-1500 // daily)), min(180, 60000 // daily))
        earned = daily * days
        advance = 0 if rng.random() < 0.6 or earned < 4000 else _round_to(rng.uniform(0.1, 0.5) * earned, 500)
        owed = earned - advance
        start = end - timedelta(days=int(days * 7 / 6) + self._int(0, 20))
        worker = self.worker(female_share=0.06, construction=True, claimed_fen=owed * 100)
        advance_text = f"已预支生活费{advance}元，" if advance else ""
        facts = (
            f"{_span(start, end)}在{project.name}从事{trade}，由{boss}招用，约定日工资{daily}元，共出工{days}天，"
            f"{advance_text}尚欠工资{owed}元未支付。"
        )
        if rng.random() < 0.4:
            facts += "多次催要未果。"
        evidence = rng.sample(["考勤记录", "工资欠条", "微信聊天记录截图", "工友证人证言", "现场照片"], self._int(1, 3))
        return facts, [worker], employer, project, contractor_named, evidence

    def _workplace_case(
        self, category: Category, collective: bool, knew_on: date
    ) -> tuple[str, list[DemoWorker], DemoEmployer, None, bool, list[str]]:
        rng = self.rng
        industry = _INDUSTRY.draw(rng)
        employer = self._pick(self.firms.get(industry.key) or [self._company(industry.template, industry)])
        post, low, high = self._pick(industry.posts)
        monthly = _round_to(self._int(low, high), 100)
        hired = knew_on - timedelta(days=self._int(120, 2000))
        if collective:
            months = self._int(1, 4)
            size = int(rng.triangular(10, 41, 14))
            workers = [
                self.worker(
                    female_share=industry.female_share,
                    construction=False,
                    claimed_fen=_clamp(_round_to(self._int(low, high), 100) * months, 1500, 60000) * 100,
                )
                for _ in range(size)
            ]
            workers = self._representatives(workers)
            total = sum(worker.claimed_fen for worker in workers) // 100
            representatives = "、".join(worker.name for worker in workers if worker.representative)
            # A month's wages fall due in the next month: unpaid are the ``months`` months before the one known.
            first_unpaid, last_unpaid = _months_before(knew_on, months), _months_before(knew_on, 1)
            if category is Category.WAGES:
                facts = (
                    f"{employer.name}自{_month(first_unpaid)}起经营困难、停工停产，拖欠{len(workers)}名职工"
                    f"{_span(first_unpaid, last_unpaid)}工资共计{total}元至今未发放。推选{representatives}为代表。"
                )
            else:
                facts = (
                    f"{employer.name}于{_day(knew_on)}宣布停产并口头通知{len(workers)}名职工解除劳动合同，"
                    f"未支付经济补偿，亦未结清工资，职工要求支付工资及经济补偿共计{total}元。推选{representatives}为代表。"
                )
                category = Category.TERMINATION
            evidence = rng.sample(["工资表", "考勤记录", "劳动合同", "银行流水", "停产通知照片"], self._int(2, 4))
            return facts, workers, employer, None, False, evidence
        if category is Category.WAGES:
            months = self._int(1, 4)
            owed = _clamp(monthly * months, 1500, 60000)
            first_unpaid, last_unpaid = _months_before(knew_on, months), _months_before(knew_on, 1)
            facts = (
                f"{_month(hired)}入职{employer.name}从事{post}，约定月工资{monthly}元，"
                f"{_span(first_unpaid, last_unpaid)}工资共计{owed}元至今未发放。"
            )
            evidence = ["工资条", "银行流水", "劳动合同", "工作证", "考勤记录"]
        elif category is Category.OVERTIME_PAY:
            owed = rng.randrange(3000, 30000, 100)
            facts = (
                f"{_month(hired)}入职{employer.name}从事{post}，每天工作{self._pick((11, 12, 12, 13))}小时，"
                f"每月仅休息{self._pick((1, 2, 2, 4))}天，公司从未支付加班费，要求支付加班工资{owed}元。"
            )
            evidence = ["考勤打卡记录", "排班表", "工资条", "微信聊天记录截图"]
        elif category is Category.SOCIAL_INSURANCE:
            owed = rng.randrange(5000, 60000, 100)
            facts = (
                f"{_month(hired)}入职{employer.name}从事{post}，公司一直未为其缴纳社会保险，现已离职，要求补缴"
                f"社会保险并赔偿未缴期间的损失{owed}元。"
            )
            evidence = ["劳动合同", "社保缴费记录查询单", "工资条"]
        elif category is Category.TERMINATION:
            months = self._int(1, 11)
            owed = _clamp(monthly * months, 1500, 60000)
            reason = self._pick(("经营困难", "严重违反规章制度", "不服从调岗安排", "试用期不符合录用条件"))
            facts = (
                f"{_month(hired)}入职{employer.name}从事{post}，月工资{monthly}元。{_day(knew_on)}公司以{reason}为由"
                f"将其辞退，申请人认为属违法解除，要求支付经济补偿金及未签书面劳动合同二倍工资差额共计{owed}元。"
            )
            evidence = ["解除劳动合同通知书", "微信聊天记录截图", "工资银行流水", "工作证"]
        elif category is Category.WORK_INJURY:
            owed = rng.randrange(5000, 60000, 100)
            facts = (
                f"{_month(hired)}入职{employer.name}从事{post}，{_day(knew_on)}工作中{self._pick(_INJURIES)}，"
                f"公司未为其缴纳工伤保险，要求支付医疗费、停工留薪期工资等共计{owed}元。"
            )
            evidence = ["诊断证明", "住院病历", "医疗费票据", "工友证人证言"]
        else:
            owed = rng.randrange(1500, 5000, 100)
            facts = (
                f"{_month(hired)}入职{employer.name}从事{post}，入职时被收取押金及服装费共计{owed}元，离职后公司"
                f"拒不退还，并拒绝出具离职证明。要求退还押金{owed}元并出具离职证明。"
            )
            evidence = ["收据", "微信聊天记录截图"]
        worker = self.worker(female_share=industry.female_share, construction=False, claimed_fen=owed * 100)
        return facts, [worker], employer, None, False, rng.sample(evidence, self._int(1, min(3, len(evidence))))

    def _steps(
        self,
        actions: tuple[CaseAction, ...],
        times: list[datetime],
        workers: list[DemoWorker],
        employer: DemoEmployer,
        project: DemoProject | None,
        contractor_named: bool,
    ) -> list[DemoStep]:
        rng = self.rng
        claimed = sum(worker.claimed_fen for worker in workers) // 100
        agreed = claimed if rng.random() < 0.55 else _round_to(claimed * rng.uniform(0.75, 0.95), 100)
        payer = project.contractor.name if contractor_named and project and rng.random() < 0.4 else employer.name
        steps = []
        instalments = False
        for action, at in zip(actions, times, strict=True):
            reason = ""
            if action is _A.REFUSE:
                reason = self._pick(_REFUSALS_ON_SITE if project is not None else _REFUSALS)
            elif action is _A.RECORD_AGREEMENT:
                due = at.date() + timedelta(days=self._pick((0, 3, 7, 15, 30)))
                instalments = agreed >= 20000 and rng.random() < 0.5
                if instalments:
                    reason = f"双方达成调解协议：{payer}分三期支付{agreed}元，最后一期于{_day(due)}前付清。"
                else:
                    reason = f"双方达成调解协议：{payer}于{_day(due)}前一次性支付{agreed}元。"
            elif action is _A.RECORD_FAILURE:
                reason = self._pick(
                    (
                        "被申请人拒绝调解，已书面告知申请人可申请劳动仲裁。",
                        "双方对欠薪金额分歧较大，调解不成，已书面告知申请人可申请劳动仲裁。",
                        "被申请人经两次通知无正当理由未到场，视为拒绝调解。",
                    )
                )
            elif action is _A.REFER_ARBITRATION:
                reason = "调解期满未达成协议，已告知申请人向菏泽市劳动人事争议仲裁委员会申请仲裁，并移送案件材料。"
            elif action is _A.REFER_INSPECTION:
                reason = "涉嫌恶意拖欠农民工工资，移交劳动保障监察机构立案查处。"
            elif action is _A.WITHDRAW:
                reason = self._pick(
                    (
                        "双方自行和解，用人单位已当场支付工资，申请人撤回申请。",
                        "申请人表示已与单位协商一致，申请撤回。",
                    )
                )
            elif action is _A.CLOSE and steps and steps[-1].action is _A.RECORD_AGREEMENT:
                if instalments:
                    reason = f"三期款项共{agreed}元已按协议付清，均转入申请人本人银行账户，回访无异议。"
                else:
                    reason = self._pick(
                        (
                            f"调解协议已履行完毕，{agreed}元已转入申请人本人银行账户。",
                            f"被申请人已当场以现金支付{agreed}元，申请人签字确认。",
                            "协议已按期履行完毕，回访申请人无异议。",
                        )
                    )
            steps.append(DemoStep(action, at, reason))
        return steps


# --------------------------------------------------------------------------------------------------------------
# The demo database, through the real services
# --------------------------------------------------------------------------------------------------------------


def _has_cases(context: StationContext) -> bool:
    with context.database.transaction() as session:
        return session.scalar(select(Case.id).limit(1)) is not None


@requires(CASEWORK)
def fill_demo(
    context: StationContext,
    count: int = 300,
    seed: int = DEMO_SEED,
    progress: Progress | None = None,
    *,
    now: datetime | None = None,
) -> int:
    """Register ``count`` generated cases and move each through its steps, as a coordinator would have.

    Does nothing on a database that already has cases (so a demo folder is filled once). Returns the number of
    cases created. ``progress(done, total)`` is called from the calling thread as the work advances.
    """
    if _has_cases(context):
        return 0
    now = now or chinatime.now()
    generator = DemoGenerator(seed, now, context.calendar, count=count)
    cases = generator.cases()
    if progress:
        progress(0, len(cases))
    # Agreements draw from their own generator, so the cases themselves stay what the seed has always made.
    agreement_rng = random.Random(seed + 1)
    for done, demo in enumerate(cases, start=1):
        checked = intake.validate(demo.intake_form(), today=chinatime.local_date(demo.registered_at))
        registered = intake.save(context, checked, now=demo.registered_at)
        for index, step in enumerate(demo.steps):
            if step.action is CaseAction.RECORD_AGREEMENT:
                closing = [later.at for later in demo.steps[index + 1 :] if later.action is CaseAction.CLOSE]
                closed_at = closing[0] if closing else None
                agree_and_perform(context, registered.case_id, step.at, closed_at, now, agreement_rng)
                continue
            case_actions.perform(context, registered.case_id, step.action, step.reason, now=step.at)
            if step.action is CaseAction.REFUSE:
                # The written notice is handed over when the refusal is decided (R2).
                served_on = chinatime.local_date(step.at)
                case_actions.record_notice_served(context, registered.case_id, served_on, now=step.at)
        if progress:
            progress(done, len(cases))
    forward_demo_clues(context, now, random.Random(seed + 2))
    return len(cases)
