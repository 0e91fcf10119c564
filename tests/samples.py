"""Sample documents' content following shared/domain/scenarios.md, for the tests, the benchmark and the README.

Scenario 1: 23 migrant workers against a labour subcontractor on a housing project; the general contractor
pays first, in 3 instalments. Scenario 2: a walk-in worker owed ¥3,800 overtime, oral application, settled the
same afternoon. And a 60-worker collective, to show that long rosters lay out well. Names, ID numbers and
credit codes are made up but pass their checksums; the seal and signatures are drawn here, clearly as samples.
"""

import dataclasses
import io
import math
import random
import uuid
from datetime import date, datetime, timedelta

from PIL import Image, ImageDraw, ImageFont
from stdnum.cn import ric, uscc

from heze_station import paths
from heze_station.documents import fonts
from heze_station.documents.content import (
    AgreementContent,
    AgreementReference,
    ApplicationContent,
    Attendee,
    Claim,
    CourtApplicationContent,
    DecisionContent,
    Evidence,
    Header,
    Instalment,
    MinuteEntry,
    MinutesContent,
    OralRecord,
    Organisation,
    PaymentMethod,
    Person,
    ReferralContent,
    ReferralReason,
    RightsNotice,
    ServedDocument,
    ServiceMethod,
    ServiceReceiptContent,
    Signer,
    SignerRole,
    Station,
    TerminationContent,
    Witness,
    WorkerAmount,
)
from heze_station.domain import chinatime
from heze_station.domain.cases import Category
from heze_station.domain.identifiers import Sex

STATION_NAME = "菏泽市牡丹区万福街道菏谐驿站劳动争议调解委员会"
ARBITRATION_BODY = "菏泽市劳动人事争议仲裁委员会"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = "建国志强海涛红梅秀英德明立新春生玉兰宝山金凤永刚文华桂芝振东玉珍长江树林广才淑芬"
DAY = date(2026, 6, 8)


def _moment(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=chinatime.CHINA_TZ)


def resident_id(region: str, birth: date, serial: int) -> str:
    """A checksum-valid resident ID number (made up: region, birth date, serial)."""
    body = f"{region}{birth:%Y%m%d}{serial:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum reads the check character's place too


def credit_code(body17: str) -> str:
    return body17 + uscc.calc_check_digit(body17)


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(paths.resource("fonts", fonts.FONT_FILE)), size, index=0)


def seal_png(text: str = "菏泽市牡丹区万福街道劳动争议调解委员会", size: int = 480) -> bytes:
    """A round red seal with the body's name around the rim and a star in the middle, on a transparent ground."""
    red = (210, 24, 32, 235)
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    centre = size / 2
    rim = size * 0.035
    draw.ellipse((rim, rim, size - rim, size - rim), outline=red, width=int(rim))
    star = [
        (
            centre + (0.2 if i % 2 == 0 else 0.08) * size * math.sin(math.pi * i / 5),
            centre - (0.2 if i % 2 == 0 else 0.08) * size * math.cos(math.pi * i / 5),
        )
        for i in range(10)
    ]
    draw.polygon(star, fill=red)
    font = _font(int(size * 0.1))
    sweep = 250.0  # degrees of the rim the name spans, centred on the top
    for index, character in enumerate(text):
        angle = -sweep / 2 + sweep * index / max(len(text) - 1, 1)
        glyph = Image.new("RGBA", (int(size * 0.14), int(size * 0.14)), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), character, font=font, fill=red, anchor="mm")
        glyph = glyph.rotate(-angle, resample=Image.Resampling.BICUBIC)
        radius = size * 0.36
        x = centre + radius * math.sin(math.radians(angle)) - glyph.width / 2
        y = centre - radius * math.cos(math.radians(angle)) - glyph.height / 2
        image.alpha_composite(glyph, (int(x), int(y)))
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def signature_png(name: str) -> bytes:
    """A sample 'handwritten' signature: the name in dark blue ink, slanted, on a transparent ground."""
    font = _font(64)
    width = 80 * len(name) + 40
    image = Image.new("RGBA", (width, 110), (0, 0, 0, 0))
    ImageDraw.Draw(image).text((20, 55), name, font=font, fill=(20, 30, 90, 255), anchor="lm")
    image = image.transform(image.size, Image.Transform.AFFINE, (1, 0.25, -14, 0, 1, 0), Image.Resampling.BICUBIC)
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def _signed(role: SignerRole, name: str, day: date, hour: int = 15) -> Signer:
    return Signer(role=role, name=name, signature_png=signature_png(name), signed_at=_moment(day, hour))


def station(*, with_seal: bool = True) -> Station:
    return Station(
        name=STATION_NAME,
        address="菏泽市牡丹区万福街道办事处一楼",
        phone="0530-5123456",
        seal_png=seal_png() if with_seal else None,
    )


def header(case_number: str, issued_on: date = DAY, document_id: uuid.UUID | None = None) -> Header:
    # A fixed id per sample keeps golden files stable; issued documents get a fresh UUIDv7 from the service.
    return Header(
        document_id=document_id or uuid.uuid5(uuid.NAMESPACE_URL, f"heze-sample:{case_number}:{issued_on}"),
        case_number=case_number,
        station=station(),
        issued_on=issued_on,
    )


def workers(count: int, seed: int = 7) -> list[Person]:
    chooser = random.Random(seed)
    people = []
    for number in range(count):
        sex = Sex.MALE if number % 5 else Sex.FEMALE
        birth = date(1966, 1, 1) + timedelta(days=chooser.randrange(0, 365 * 36))
        serial = chooser.randrange(10, 499) * 2 + (1 if sex is Sex.MALE else 0)
        name = SURNAMES[number % len(SURNAMES)] + "".join(chooser.sample(GIVEN, 2))
        people.append(
            Person(
                name=name,
                id_number=resident_id("371721" if number % 3 else "371702", birth, serial % 1000),
                sex=sex,
                ethnicity="汉族",
                birth_date=birth,
                address=f"山东省菏泽市曹县{['青菏', '倪集', '磐石'][number % 3]}街道{chooser.randrange(1, 40)}号",
                phone=f"13{chooser.randrange(3, 10)}{chooser.randrange(10**7, 10**8):08d}",
                employer="菏泽鲁鑫劳务分包有限公司",
                post=["钢筋工", "木工", "瓦工", "架子工", "普工"][number % 5],
            )
        )
    return people


SUBCONTRACTOR = Organisation(
    name="菏泽鲁鑫劳务分包有限公司",
    credit_code=credit_code("91371702MA3C0PX1Q"),
    address="菏泽市牡丹区中华路1999号",
    legal_representative="孟庆福",
    agent="孟庆禄",
    phone="0530-5880123",
)
GENERAL_CONTRACTOR = Organisation(
    name="山东菏建建设集团有限公司",
    credit_code=credit_code("91371700163067211"),
    address="菏泽市开发区长江东路669号",
    legal_representative="刘建军",
    agent="周立平",
    phone="0530-5556677",
)
RIGHTS = RightsNotice(arbitration_body=ARBITRATION_BODY, arbitration_address="菏泽市中华西路966号")


def collective_agreement(count: int = 23, case_number: str = "菏谐调字〔2026〕第0123号") -> AgreementContent:
    """Scenario 1 (23 workers) or the 60-worker collective: the general contractor pays first, in 3 instalments."""
    people = workers(count)
    shares = tuple(
        WorkerAmount(person, (12_000 + 1_150 * (index % 17)) * 100 + (50 if index % 4 == 0 else 0), None)
        for index, person in enumerate(people)
    )
    total = sum(share.amount_fen for share in shares)
    first, second = total * 4 // 10, total * 3 // 10
    instalments = (
        Instalment(DAY + timedelta(days=7), first),
        Instalment(DAY + timedelta(days=37), second),
        Instalment(DAY + timedelta(days=67), total - first - second),
    )
    representatives = tuple(people[:3])
    signers = (
        *(_signed(SignerRole.REPRESENTATIVE, person.name, DAY) for person in representatives),
        _signed(SignerRole.EMPLOYER, SUBCONTRACTOR.agent, DAY),
        _signed(SignerRole.GENERAL_CONTRACTOR, GENERAL_CONTRACTOR.agent, DAY),
        _signed(SignerRole.MEDIATOR, "赵文静", DAY),
    )
    return AgreementContent(
        header=header(case_number),
        workers=shares,
        representatives=representatives,
        employer=SUBCONTRACTOR,
        general_contractor=GENERAL_CONTRACTOR,
        project="菏泽市牡丹区万福嘉园小区三期住宅工程（5#、6#楼）",
        claims=(Claim("支付2025年10月至2026年1月拖欠的劳动报酬", total),),
        facts=(
            f"申请人{count}人自2025年3月起在万福嘉园小区三期工地从事钢筋、木工、瓦工等作业，"
            "由被申请人招用并安排工作。被申请人以工程款未结算为由，拖欠申请人2025年10月至2026年1月劳动报酬。"
            "经双方核对考勤记录和工资表，欠薪数额无争议。"
        ),
        terms=("被申请人应于每期支付后三日内将银行转账凭证复印件交调解组织备案。",),
        instalments=instalments,
        payment_method=PaymentMethod.BANK_TRANSFER,
        waived_claims="就本案劳动报酬拖欠期间主张的利息及其他费用。",
        signers=signers,
        originals=4,
        employer_sealed=True,
    )


WALK_IN = Person(
    name="李秀兰",
    id_number=resident_id("371702", date(1988, 4, 12), 462),
    sex=Sex.FEMALE,
    ethnicity="汉族",
    birth_date=date(1988, 4, 12),
    address="山东省菏泽市牡丹区牡丹街道桂陵路88号",
    phone="13805301234",
    employer="菏泽市天香食品有限公司",
    post="包装工",
)
FOOD_COMPANY = Organisation(
    name="菏泽市天香食品有限公司",
    credit_code=credit_code("91371702MA94TX2K6"),
    address="菏泽市牡丹区昆明路1688号",
    legal_representative="孙国华",
    agent="陈丽",
    phone="0530-5612345",
)
OVERTIME_FEN = 380_000
WALK_IN_CASE = "菏谐调字〔2026〕第0124号"
WALK_IN_CLAIM = Claim("支付2026年3月至5月延时加班工资", OVERTIME_FEN)


def walk_in_agreement() -> AgreementContent:
    """Scenario 2: ¥3,800 overtime, paid by bank transfer within three days."""
    return AgreementContent(
        header=header(WALK_IN_CASE),
        workers=(WorkerAmount(WALK_IN, OVERTIME_FEN),),
        employer=FOOD_COMPANY,
        claims=(WALK_IN_CLAIM,),
        facts="申请人于2026年3月至5月在被申请人处从事包装工作，延时加班共计152小时，被申请人未支付加班工资。",
        terms=(),
        instalments=(Instalment(DAY + timedelta(days=2), OVERTIME_FEN),),
        payment_method=PaymentMethod.BANK_TRANSFER,
        category=Category.OVERTIME_PAY,
        waived_claims="",
        signers=(
            _signed(SignerRole.WORKER, WALK_IN.name, DAY),
            _signed(SignerRole.EMPLOYER, FOOD_COMPANY.agent, DAY),
            _signed(SignerRole.MEDIATOR, "赵文静", DAY),
        ),
        employer_sealed=True,
    )


def injury_agreement() -> AgreementContent:
    """A work injury settled for ¥3,800, of which ¥2,500 medical costs (the part a court can order paid)."""
    return dataclasses.replace(
        walk_in_agreement(),
        category=Category.WORK_INJURY,
        claims=(Claim("支付工伤医疗费及一次性伤残补助金等其他工伤保险待遇", OVERTIME_FEN),),
        facts="申请人于2026年4月在包装车间作业时右手受伤，住院治疗，被申请人未为其缴纳工伤保险。",
        medical_fen=250_000,
    )


def other_agreement() -> AgreementContent:
    """An "other" dispute: the agreement names what is paid."""
    return dataclasses.replace(
        walk_in_agreement(),
        category=Category.OTHER,
        subject="未休年休假工资",
        claims=(Claim("支付未休年休假工资", OVERTIME_FEN),),
        facts="申请人2025年度应休年休假5天未休，被申请人未支付未休年休假工资。",
    )


def oral_application() -> ApplicationContent:
    return ApplicationContent(
        header=header(WALK_IN_CASE),
        applicants=(WALK_IN,),
        respondents=(FOOD_COMPANY,),
        claims=(WALK_IN_CLAIM,),
        facts=(
            "我于2025年9月入职被申请人处，从事包装工作，月工资4,200元。2026年3月至5月因订单增加，"
            "公司安排每天加班2至3小时，共152小时，至今未支付加班工资。我多次向车间主任要求支付，均未结果。"
        ),
        evidence=(Evidence("考勤记录截图", "申请人提供", 6), Evidence("工资条", "申请人提供", 3)),
        signers=(Signer(SignerRole.WORKER, WALK_IN.name, signature_png(WALK_IN.name), _moment(DAY, 9, 40)),),
        oral=OralRecord(
            recorded_at=_moment(DAY, 9, 15), place="万福街道菏谐驿站接待室", receiver="赵文静", recorder="钱晓宇"
        ),
    )


def written_application() -> ApplicationContent:
    people = workers(23)
    return ApplicationContent(
        header=header("菏谐调字〔2026〕第0123号", DAY - timedelta(days=6)),
        applicants=tuple(people[:3]),
        respondents=(SUBCONTRACTOR, GENERAL_CONTRACTOR),
        claims=(Claim("支付2025年10月至2026年1月拖欠的劳动报酬", 35_120_600),),
        facts="申请人23人在万福嘉园小区三期工地务工，被申请人拖欠劳动报酬四个月，多次催要未果。",
        evidence=(Evidence("考勤记录", "申请人提供", 12), Evidence("工资表", "班组长提供", 4)),
        signers=tuple(Signer(SignerRole.REPRESENTATIVE, p.name, on_paper=True, thumbprint=True) for p in people[:3]),
        workers_in_collective=23,
        received_on=DAY - timedelta(days=6),
        received_by="钱晓宇",
    )


def acceptance() -> DecisionContent:
    return DecisionContent(
        header=header(WALK_IN_CASE),
        addressee=WALK_IN.name,
        dispute=f"你与{FOOD_COMPANY.name}加班工资争议",
        received_on=DAY,
        accepted=True,
        rights=RIGHTS,
    )


def refusal() -> DecisionContent:
    return DecisionContent(
        header=header("菏谐调字〔2026〕第0125号"),
        addressee="周海涛",
        dispute="你与菏泽某物流有限公司工伤保险待遇争议",
        received_on=DAY - timedelta(days=2),
        accepted=False,
        reasons="该争议已由菏泽市劳动人事争议仲裁委员会立案受理，依法不属于本调解组织受理范围。",
        rights=RIGHTS,
    )


def minutes() -> MinutesContent:
    readers = (
        _signed(SignerRole.WORKER, WALK_IN.name, DAY, 16),
        _signed(SignerRole.EMPLOYER, FOOD_COMPANY.agent, DAY, 16),
        _signed(SignerRole.MEDIATOR, "赵文静", DAY, 16),
        _signed(SignerRole.RECORDER, "钱晓宇", DAY, 16),
    )
    entries = [
        MinuteEntry(
            "调解员",
            "今天依法对申请人李秀兰与被申请人菏泽市天香食品有限公司加班工资争议进行调解。"
            "现核对双方身份并告知权利义务：双方有权申请调解员回避，有权自愿达成或者不达成协议。是否申请回避？",
        ),
        MinuteEntry("申请人", "不申请回避。"),
        MinuteEntry("被申请人", "不申请回避。"),
        MinuteEntry("调解员", "请申请人陈述请求及事实理由。"),
        MinuteEntry("申请人", "2026年3月至5月公司安排我每天加班2至3小时，共152小时，要求支付加班工资3,800元。"),
        MinuteEntry("被申请人", "加班属实，考勤记录可以证明，但公司认为部分加班是员工自愿，只同意支付3,000元。"),
        MinuteEntry(
            "调解员",
            "依照《劳动法》第四十四条，用人单位安排延长工作时间的，应当支付不低于工资百分之一百五十的报酬。"
            "考勤记录显示加班由车间安排。请被申请人考虑全额支付。",
        ),
        MinuteEntry("被申请人", "同意全额支付3,800元，于6月10日前银行转账至申请人本人账户。"),
        MinuteEntry("申请人", "同意。"),
    ]
    # Long enough to run over more than one page, as real minutes do.
    entries += [
        MinuteEntry("调解员", "双方对加班时数逐月核对如下：" + "三月四十八小时，四月五十小时，五月五十四小时。" * 3)
    ] * 3
    return MinutesContent(
        header=header(WALK_IN_CASE),
        started_at=_moment(DAY, 14, 30),
        ended_at=_moment(DAY, 15, 40),
        place="万福街道菏谐驿站调解室",
        mediators=("赵文静",),
        recorder="钱晓宇",
        attendees=(
            Attendee("申请人", WALK_IN.name, f"公民身份号码{WALK_IN.id_number}"),
            Attendee("被申请人", FOOD_COMPANY.name, f"委托代理人{FOOD_COMPANY.agent}（人事主管）"),
        ),
        entries=tuple(entries),
        outcome="双方自愿达成调解协议，另行制作调解协议书。",
        page_signers=readers,
    )


def service_receipt() -> ServiceReceiptContent:
    return ServiceReceiptContent(
        header=header(WALK_IN_CASE),
        documents=(ServedDocument("调解协议书", WALK_IN_CASE, 1),),
        recipient=WALK_IN.name,
        address=WALK_IN.address,
        method=ServiceMethod.IN_PERSON,
        server=_signed(SignerRole.SERVER, "钱晓宇", DAY, 16),
        recipient_signer=_signed(SignerRole.RECIPIENT, WALK_IN.name, DAY, 16),
        served_on=DAY,
    )


def termination() -> TerminationContent:
    return TerminationContent(
        header=header("菏谐调字〔2026〕第0126号", DAY + timedelta(days=15)),
        addressees=("王建国", "菏泽宏图物流有限公司"),
        dispute="王建国与菏泽宏图物流有限公司解除劳动合同经济补偿争议",
        received_on=DAY,
        accepted_on=DAY + timedelta(days=1),
        reason="自本调解组织收到调解申请之日起十五日内，双方未能达成调解协议，且未同意延长调解期限。",
        rights=RIGHTS,
        signers=(
            Signer(SignerRole.WORKER, "王建国", on_paper=True),
            Signer(SignerRole.EMPLOYER, "菏泽宏图物流有限公司", on_paper=True),
            _signed(SignerRole.MEDIATOR, "赵文静", DAY + timedelta(days=15)),
        ),
    )


def referral() -> ReferralContent:
    agreement = collective_agreement()
    total = sum(share.amount_fen for share in agreement.workers)
    paid = agreement.instalments[0].amount_fen
    return ReferralContent(
        header=header("菏谐调字〔2026〕第0123号", DAY + timedelta(days=38)),
        arbitration_body=ARBITRATION_BODY,
        applicants=agreement.representatives,
        respondents=(SUBCONTRACTOR, GENERAL_CONTRACTOR),
        claims=(Claim("支付尚欠的劳动报酬", total - paid),),
        facts=(
            "双方于2026年6月8日达成调解协议，约定分三期支付。第一期已按期支付；"
            "第二期应于2026年7月15日前支付，先行清偿人和被申请人均未支付。"
        ),
        reason=ReferralReason.NOT_PERFORMED,
        received_on=DAY - timedelta(days=6),
        accepted_on=DAY - timedelta(days=5),
        mediator=_signed(SignerRole.MEDIATOR, "赵文静", DAY + timedelta(days=38)),
        workers_in_collective=23,
        agreement=AgreementReference(agreement.header.case_number, DAY, total, total - paid),
        evidence=(
            Evidence("万福嘉园三期项目考勤记录（2025年10月至2026年1月）", "申请人提供", 12),
            Evidence("劳务分包合同复印件", "总包单位提供", 4),
        ),
        witnesses=(Witness("孙立新", "菏泽市牡丹区万福街道幸福里12号", "班组长，可证明出勤和欠薪数额"),),
        enclosures=(
            ServedDocument("调解申请书", copies=1),
            ServedDocument("调解协议书", agreement.header.case_number, 1),
            ServedDocument("劳动者名单及金额表", copies=1),
            ServedDocument("考勤记录及工资表", copies=16),
        ),
    )


def _court_application(*, joint: bool) -> CourtApplicationContent:
    """Scenario 1 taken to court: the payment order after instalment 2 was missed, or, had the parties wished, the
    joint application to confirm the agreement."""
    agreement = collective_agreement()
    total = sum(share.amount_fen for share in agreement.workers)
    missed = agreement.instalments[1]
    day = DAY + timedelta(days=10) if joint else missed.due_on + timedelta(days=1)
    applicants = (
        *(_signed(SignerRole.REPRESENTATIVE, person.name, day) for person in agreement.representatives),
        *((_signed(SignerRole.EMPLOYER, SUBCONTRACTOR.agent, day),) if joint else ()),
    )
    # As services.documents makes them: the order goes against the employer and the contractor paying first.
    respondents = (SUBCONTRACTOR,) if joint else (SUBCONTRACTOR, GENERAL_CONTRACTOR)
    enclosures = (
        ServedDocument("调解协议书（附劳动者名单及各人金额）", agreement.header.case_number, 1),
        *((ServedDocument("被申请人未按调解协议履行的说明及收款记录", copies=1),) if not joint else ()),
        ServedDocument("申请人身份证明", copies=3),
        ServedDocument("劳动者推举代表的推举书"),
        *(
            ServedDocument(("用人单位" if joint else f"被申请人{party.name}") + "营业执照复印件")
            for party in respondents
        ),
    )
    return CourtApplicationContent(
        header=header(agreement.header.case_number, day),
        court="菏泽市牡丹区人民法院",
        applicants=agreement.representatives,
        respondents=respondents,
        # Only what has fallen due is asked for; the third instalment is not due yet [check: acceleration clause].
        agreement=AgreementReference(agreement.header.case_number, DAY, total, 0 if joint else missed.amount_fen),
        mediation_body=STATION_NAME,
        signers=applicants,
        enclosures=enclosures,
        joint=joint,
        missed=() if joint else (missed,),
        workers_in_collective=23,
    )


def payment_order() -> CourtApplicationContent:
    return _court_application(joint=False)


def confirmation() -> CourtApplicationContent:
    return _court_application(joint=True)
