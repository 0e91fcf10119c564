"""Valid test data: real-format ID numbers, credit codes and phones, built with the same checksums as the app."""

import uuid
from datetime import date, datetime, time, timedelta

from stdnum.cn import ric, uscc

from heze_station.domain import chinatime
from heze_station.domain.cases import Category, Employment, IntakeChannel
from heze_station.domain.clocks import MEDIATION_DAYS, mediation_end
from heze_station.services import intake
from heze_station.services.intake import EmployerEntry, IntakeForm, WorkerEntry
from heze_station.services.station import StationContext

# 371702: 菏泽市牡丹区, the city district where most test workers live.
HEZE_REGION = "371702"


def resident_id(serial: int, birth: date = date(1985, 6, 15), region: str = HEZE_REGION, *, male: bool = True) -> str:
    """A valid 18-character ID; ``serial`` varies the sequence digits, ``male`` sets the sex digit's parity."""
    sequence = (serial % 50) * 2 + (1 if male else 0)
    body = f"{region}{birth:%Y%m%d}{serial // 50 % 10}{sequence:02d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum expects a placeholder check character


def credit_code(serial: int) -> str:
    body = f"9137170{serial:010d}"
    return body + uscc.calc_check_digit(body)


def mobile(serial: int) -> str:
    return f"139{serial:08d}"


def worker(serial: int, *, claimed: str = "3800", representative: bool = False, name: str = "") -> WorkerEntry:
    return WorkerEntry(
        name=name or f"工人{serial}",
        id_number=resident_id(serial),
        phone=mobile(serial),
        address=f"山东省菏泽市牡丹区皇镇乡{serial + 1}号",  # a court needs it (payment order, confirmation)
        claimed=claimed,
        representative=representative,
    )


def intake_form(workers: int = 1, *, employer_serial: int = 1, received_on: date = date(2026, 11, 20)) -> IntakeForm:
    entries = [worker(n, representative=workers >= 10 and n < 3) for n in range(workers)]
    return IntakeForm(
        channel=IntakeChannel.VISIT,
        category=Category.WAGES,
        received_on=received_on,
        facts="2026年8月至10月在工地务工，工资未结清。",
        workers=entries,
        employer=EmployerEntry(
            name=f"菏泽宏达建筑劳务有限公司{employer_serial}",
            credit_code=credit_code(employer_serial),
            address=f"菏泽市牡丹区中华路{employer_serial}号",
            legal_representative="王宏达",  # a court asks for it (payment order, confirmation)
        ),
    )


def register(context: StationContext, form: IntakeForm, on: date | None = None) -> uuid.UUID:
    """Register ``form`` through the services as a coordinator would have on the Beijing date ``on`` (default: now)."""
    now = datetime.combine(on, time(10), chinatime.CHINA_TZ) if on else None
    return intake.save(context, intake.validate(form, chinatime.today()), now).case_id


def at(day: date, hour: int = 10) -> datetime:
    """A Beijing moment on ``day``, for services that take ``now`` to replay steps on earlier days."""
    return datetime.combine(day, time(hour), chinatime.CHINA_TZ)


def construction_form(workers: int, *, received_on: date) -> IntakeForm:
    """Scenario 1's complaint: migrant workers against a labour subcontractor on a housing project."""
    form = intake_form(workers, received_on=received_on)
    form.category = Category.WAGES
    form.channel = IntakeChannel.ON_SITE
    form.project_name = "菏泽市牡丹区幸福里小区三期"
    form.general_contractor = EmployerEntry(
        name="山东鲁建集团有限公司",
        credit_code=credit_code(900),
        address="菏泽市牡丹区人民路900号",
        legal_representative="刘建国",
    )
    # Their work on the project ended a month before they complained, unpaid (R5: a year from then).
    form.employment = Employment.ENDED
    form.employment_ended_on = form.knew_on = received_on - timedelta(days=30)
    return form


def received_days_ago(station: StationContext, days: int) -> date:
    """A day at least ``days`` ago whose 15 days of mediation end on a working day, so that they run exactly 15
    whatever today is (a last day on a rest day runs on to the next working day)."""
    received = chinatime.today() - timedelta(days=days)
    while received + timedelta(days=MEDIATION_DAYS) != mediation_end(received, station.calendar):
        received -= timedelta(days=1)
    return received
