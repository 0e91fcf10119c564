"""The demo's wage-arrears clues: what the city forwarded from the national platform over the last weeks, and how
far the station got with each, so the 线索 page, its deadlines and the clue figures look as a real station's do.

The clues are written as the city's sync writes them (the demo never syncs); every step on them goes through
services.clues, as a coordinator's would.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..domain import chinatime
from ..domain.clues import ClueStep
from ..services import clues
from ..services.access import CASEWORK, requires
from ..services.clues import StepForm
from ..services.station import StationContext
from ..storage.models import WageClue

DEADLINE_DAYS = 10  # the city's usual time for an answer


@dataclass(frozen=True)
class _DemoClue:
    worker: str
    phone: str
    employer: str
    project: str
    amount_fen: int
    summary: str
    days_ago: int  # forwarded this many days before the demo's today
    steps: tuple[ClueStep, ...]  # how far the station got


_CLUES = (
    _DemoClue("孔祥军", "13853012677", "菏泽鑫源建筑劳务有限公司", "牡丹区锦绣华庭二期", 1_860_000,
              "本人在锦绣华庭二期做钢筋工，2026年9月至10月工资1.86万元未发放。", 24,
              (ClueStep.VERIFYING, ClueStep.EMPLOYER_CONTACTED, ClueStep.SETTLED)),
    _DemoClue("田慧敏", "15905306124", "菏泽市鲁源食品有限公司", "", 640_000,
              "离职后公司一直拖欠最后两个月工资6400元。", 21,
              (ClueStep.VERIFYING, ClueStep.EMPLOYER_CONTACTED, ClueStep.SETTLED)),
    _DemoClue("马振东", "18653087720", "曹县顺达物流有限公司", "", 520_000,
              "司机岗位，10月份工资和出车补助未结。", 18,
              (ClueStep.VERIFYING, ClueStep.UNSUBSTANTIATED)),
    _DemoClue("郭庆华", "13705303381", "包工头李某", "定陶区富华苑", 3_200_000,
              "富华苑工地木工班组8人工资3.2万元，包工头失联。", 15,
              (ClueStep.VERIFYING, ClueStep.TO_INSPECTION)),
    _DemoClue("葛兰英", "13969787245", "菏泽瑞丰纺织有限公司", "", 410_000,
              "车间挡车工，9月加班费未发。", 9, (ClueStep.VERIFYING, ClueStep.EMPLOYER_CONTACTED)),
    _DemoClue("邵长江", "17753012089", "山东中泰建工集团有限公司", "开发区长江路商业综合体", 2_450_000,
              "综合体项目架子工工资2.45万元至今未付。", 6, (ClueStep.VERIFYING,)),
    _DemoClue("蒋玉芬", "13256061733", "郓城县金禾家政服务有限公司", "", 300_000,
              "保洁员，公司以押金为由扣发工资3000元。", 3, ()),
    _DemoClue("胡永强", "15553091542", "巨野县宏图建材有限公司", "", 780_000,
              "搬运工，10月至11月工资7800元未发。", 12, ()),
)  # fmt: skip
_FOUND = {
    ClueStep.EMPLOYER_CONTACTED: "已电话联系用人单位负责人，承诺近日发放。",
    ClueStep.UNSUBSTANTIATED: "经核实，工资已于11月5日通过银行转账发放，劳动者未及时查询。",
    ClueStep.TO_INSPECTION: "包工头失联，总承包单位拒绝协调，移交劳动保障监察大队处理。",
}


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10), chinatime.CHINA_TZ)


@requires(CASEWORK)
def forward_demo_clues(context: StationContext, now: datetime, rng: random.Random) -> int:
    """The demo's clues as the city forwarded them, each as far along as the station got; returns how many."""
    today = chinatime.local_date(now)
    with context.database.transaction() as session:
        forwarded = []
        for number, demo in enumerate(_CLUES, start=1):
            received = today - timedelta(days=demo.days_ago)
            clue = WageClue(
                platform_ref=f"GZQX-{received.year}-{3700 + number:05d}",
                received_at=_at(received),
                due_on=received + timedelta(days=DEADLINE_DAYS),
                worker_name=demo.worker,
                worker_phone=demo.phone,
                employer_name=demo.employer,
                project_name=demo.project,
                amount_fen=demo.amount_fen,
                summary=demo.summary,
                status="已交办",
            )
            session.add(clue)
            forwarded.append((clue, demo, received))
        session.flush()
        work = [(clue.id, demo, received) for clue, demo, received in forwarded]
    for clue_id, demo, received in work:
        day = received
        for step in demo.steps:
            day = min(today, day + timedelta(days=rng.randint(1, 3)))
            form = StepForm(
                step,
                day,
                note=_FOUND.get(step, ""),
                recovered=f"{demo.amount_fen // 100}" if step is ClueStep.SETTLED else "",
                workers_paid=rng.randint(1, 3) if step is ClueStep.SETTLED else None,
            )
            clues.record_step(context, clue_id, form, now=_at(day))
        if demo.steps and demo.steps[-1] is ClueStep.SETTLED:
            called = min(today, day + timedelta(days=2))
            clues.record_callback(
                context, clue_id, called, "劳动者确认工资已全额到账，对处理结果满意。", now=_at(called)
            )
    return len(work)
