"""Every document kind, built from the scenarios and checked with poppler's tools, not with our own code."""

import dataclasses
import itertools
import re
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from heze_station.documents import amounts, issuing, layout, signing
from heze_station.documents.content import Signer, SignerRole
from heze_station.documents.typesetting import Paragraph
from heze_station.domain.chinatime import CHINA_TZ, chinese_date
from heze_station.domain.identifiers import parse_resident_id
from heze_station.domain.parties import EmployerKind
from heze_station.domain.service import ServiceMethod
from tests import samples

from .conftest import ARTEFACTS, LONG_EMPLOYER, LONG_NAME, SAMPLES, collective_of_sixty, extracted_text, run

WALK_IN_EXPECTED = [samples.WALK_IN.name, samples.WALK_IN.id_number, samples.FOOD_COMPANY.name, samples.WALK_IN_CASE]


def expected_text(name: str, content: issuing.Content) -> list[str]:
    """What a reader must find in the document: parties, ID numbers, amounts in figures and capitals, case number."""
    expected = [content.header.case_number, content.header.station.name]
    if name.endswith(("agreement", "agreement_60")):
        total = sum(share.amount_fen for share in content.workers)
        expected += [
            amounts.figures(total),
            amounts.capitals(total),
            content.employer.name,
            content.employer.credit_code,
        ]
        for share in content.workers:
            expected += [share.worker.name, share.worker.id_number, amounts.figures(share.amount_fen)]
            expected.append(amounts.capitals(share.amount_fen))
        for instalment in content.instalments:
            expected += [amounts.figures(instalment.amount_fen), amounts.capitals(instalment.amount_fen)]
        if content.general_contractor:
            # The employer stays bound for what the general contractor does not pay in time.
            expected += [content.general_contractor.name, "先行清偿", "仍应按本协议支付未付部分"]
        expected.append(f"一式{amounts.count_in_capitals(content.originals)}份")
    elif name.endswith("application"):
        expected += [person.name for person in content.applicants] + [p.id_number for p in content.applicants]
        expected += [organisation.name for organisation in content.respondents]
        expected += [amounts.capitals(claim.amount_fen) for claim in content.claims if claim.amount_fen]
        expected += ["以上笔录我已看过", "接待人（签名）", "记录人（签名）"] if content.oral else ["此致"]
    elif name in ("acceptance", "refusal"):
        expected += [content.addressee, content.rights.arbitration_body]
        expected.append("决定予以受理" if content.accepted else content.reasons)
    elif name == "minutes":
        expected += [entry.text for entry in content.entries[:3]] + ["以上笔录我已看过，与我所说一致"]
    elif name == "service_receipt":
        expected += [content.recipient, content.address, content.method.wording]
    elif name == "termination":
        # The reason inside the sentence, without the full stop it was typed with.
        expected += [*content.addressees, f"因{content.reason.rstrip('。')}，依照", "决定终止调解"]
    elif name == "referral":
        expected += [content.arbitration_body, content.applicants[0].id_number, content.respondents[0].name]
        expected += [amounts.capitals(content.agreement.unpaid_fen), amounts.figures(content.agreement.unpaid_fen)]
        # R11: evidence and witnesses; each date for what it is (R2).
        expected += [item.name for item in content.evidence] + [content.witnesses[0].name, content.witnesses[0].address]
        expected += ["2026年6月2日收到调解申请", "2026年6月3日受理"]
    elif name == "payment_order":
        expected += [content.court, content.respondents[0].name, "督促被申请人", "第十六条"]
        expected += [amounts.capitals(content.agreement.unpaid_fen), "2026年7月15日应付"]
        expected += [enclosure.title for enclosure in content.enclosures]  # the agreement and proof of non-payment
    elif name == "confirmation":
        expected += [content.court, "申请人（用人单位）", "确认双方当事人达成的调解协议有效", "三十日内共同"]
        expected += [signer.name for signer in content.signers]
        expected.append("申请人（用人单位）孟庆禄")  # the employer signs as a co-applicant, not as respondent
    return expected


@pytest.mark.parametrize("name", SAMPLES)
def test_pdftotext_gives_back_the_exact_chinese_text(name: str, files: dict[str, Path]) -> None:
    text = extracted_text(files[name])
    missing = [item for item in expected_text(name, SAMPLES[name]()) if "".join(item.split()) not in text]
    assert not missing


@pytest.mark.parametrize("name", SAMPLES)
def test_every_font_is_embedded(name: str, files: dict[str, Path]) -> None:
    result = run("pdffonts", files[name])
    assert result.returncode == 0, result.stderr
    fonts = result.stdout.splitlines()[2:]
    assert fonts, "no font at all"
    for line in fonts:
        # columns: name type encoding emb sub uni object ID
        assert re.search(r"\syes\s+yes\s+yes\s+\d+\s+\d+$", line), line


@pytest.mark.parametrize("name", SAMPLES)
def test_pdfsig_reports_a_valid_signature_over_the_whole_file(name: str, files: dict[str, Path]) -> None:
    result = run("pdfsig", files[name])
    assert "Signature is Valid." in result.stdout, result.stdout + result.stderr
    assert "Total document signed" in result.stdout
    assert samples.STATION_NAME in result.stdout


@pytest.mark.parametrize("name", SAMPLES)
def test_every_page_carries_case_number_page_numbers_and_verification_code(
    name: str, files: dict[str, Path], issued: dict[str, issuing.IssuedDocument]
) -> None:
    document = issued[name]
    pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", files[name]).stdout)[1])
    for page in range(1, pages + 1):
        text = run("pdftotext", "-f", str(page), "-l", str(page), files[name], "-").stdout
        compact = "".join(text.split())
        assert document.case_number in compact
        assert f"第{page}页共{pages}页" in compact
        assert document.verification_code in compact


@pytest.mark.parametrize("name", SAMPLES)
def test_pages_render_and_are_kept_as_artefacts(name: str, files: dict[str, Path]) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTEFACTS.glob(f"{name}-*.png"):
        old.unlink()
    result = run("pdftoppm", "-r", "60", "-png", files[name], ARTEFACTS / name)
    assert result.returncode == 0, result.stderr
    pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", files[name]).stdout)[1])
    rendered = sorted(ARTEFACTS.glob(f"{name}-*.png"))
    assert len(rendered) == pages
    assert all(path.stat().st_size > 10_000 for path in rendered)  # a blank page compresses to almost nothing


def test_the_agreement_is_stamped_in_red_on_its_seal_block(files: dict[str, Path], tmp_path: Path) -> None:
    """The seal is on the page that carries the signatures and the station's name, drawn in red."""
    from PIL import Image

    path = files["walk_in_agreement"]
    pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", path).stdout)[1])
    seal_pages = []
    for page in range(1, pages + 1):
        run("pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), "-singlefile", path, tmp_path / "p")
        image = Image.open(tmp_path / "p.png").convert("RGB")
        red = sum(1 for r, g, b in image.get_flattened_data() if r > 150 and g < 90 and b < 90)
        if red > 200:
            seal_pages.append(page)
    assert len(seal_pages) == 1
    text = run("pdftotext", "-f", str(seal_pages[0]), "-l", str(seal_pages[0]), path, "-").stdout
    assert "签名及盖章" in "".join(text.split())


def test_a_date_beside_a_signature_stays_on_one_line(station_key: signing.StationKey, tmp_path: Path) -> None:
    """The longest dates, with a two-digit month and day, broke before their 日 in the signature tables."""

    def on_the_10th_of_december(signer: Signer) -> Signer:
        return dataclasses.replace(signer, signed_at=datetime(2026, 12, 10, 15, tzinfo=CHINA_TZ))

    agreement = samples.walk_in_agreement()
    receipt = samples.service_receipt()
    # Each document with how many signatures it dates: the agreement's three signers, the receipt's two.
    dated = [
        (dataclasses.replace(agreement, signers=tuple(map(on_the_10th_of_december, agreement.signers))), 3),
        (
            dataclasses.replace(
                receipt,
                server=on_the_10th_of_december(receipt.server),
                recipient_signer=on_the_10th_of_december(receipt.recipient_signer),
            ),
            2,
        ),
    ]
    for content, signatures in dated:
        pdf = tmp_path / "dated.pdf"
        pdf.write_bytes(issuing.issue(content, station_key, uuid.uuid4()).pdf)
        text = run("pdftotext", "-layout", pdf, "-").stdout
        assert text.count("2026年12月10日") >= signatures, text


def test_flipping_one_byte_fails_pdfsig(issued: dict[str, issuing.IssuedDocument], tmp_path: Path) -> None:
    pdf = bytearray(issued["walk_in_agreement"].pdf)
    pdf[len(pdf) // 3] ^= 0x01
    (tmp_path / "tampered.pdf").write_bytes(pdf)
    result = run("pdfsig", tmp_path / "tampered.pdf")
    assert "Signature is Valid." not in result.stdout
    assert "Digest Mismatch" in result.stdout or "Invalid" in result.stdout


def test_sixty_workers_fit_the_roster_with_its_header_on_every_page(files: dict[str, Path]) -> None:
    path = files["collective_agreement_60"]
    content = SAMPLES["collective_agreement_60"]()
    pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", path).stdout)[1])
    texts = [
        "".join(run("pdftotext", "-f", str(p), "-l", str(p), path, "-").stdout.split()) for p in range(1, pages + 1)
    ]
    start = next(index for index, text in enumerate(texts) if "附表：劳动者名单" in text)
    roster_pages = texts[start:]
    assert len(roster_pages) >= 2
    assert all("公民身份号码" in text and "本人签名" in text for text in roster_pages)
    everything = "".join(roster_pages)
    assert all(everything.count(share.worker.id_number) == 1 for share in content.workers)
    total = sum(share.amount_fen for share in content.workers)
    last_page = run("pdftotext", "-layout", "-f", str(pages), "-l", str(pages), path, "-").stdout
    assert any(amounts.figures(total) in line for line in last_page.splitlines()), "the total on one line"
    # The amounts stand only here: the annex says whose part it is.
    assert f"本表为{content.header.case_number}调解协议书的组成部分" in roster_pages[0]


def test_text_stays_inside_the_type_area(files: dict[str, Path]) -> None:
    """No word runs past the margins: long names and long company names wrap inside the GB/T 9704 type area.
    Only a closing punctuation mark may hang into the right margin (标点悬挂), never a character."""
    from reportlab.lib.units import mm

    left, right = 28 * mm, (28 + 156) * mm
    word = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')
    for name in (
        "collective_agreement_60",
        "referral",
        "service_receipt",
        "written_application",
        "payment_order",
        "confirmation",
    ):
        result = run("pdftotext", "-bbox", files[name], "-")
        words = [(float(x_min), float(x_max), text) for x_min, x_max, text in word.findall(result.stdout)]
        assert words
        assert min(x_min for x_min, _, _ in words) >= left - 1.5, name
        overflowing = [text for _, x_max, text in words if x_max > right + 1.5]
        hanging = [
            text
            for _, x_max, text in words
            if right + 1.5 < x_max <= right + 16.5 and text[-1] in "，。、：；）》”’！？"
        ]
        assert overflowing == hanging, name


# GB/T 15834: closing marks never begin a line, opening marks never end one.
CANNOT_BEGIN = "，。、：；？！）》”’〕"
CANNOT_END = "（《“‘〔"


def _bad_breaks(lines: list[str]) -> list[tuple[str, str]]:
    lines = [line.strip() for line in lines]
    return [
        (before[-6:], after[:6])
        for before, after in itertools.pairwise(lines)
        if before and after and (after[0] in CANNOT_BEGIN or before[-1] in CANNOT_END)
    ]


def test_no_line_of_a_document_begins_with_a_closing_mark_or_ends_with_an_opening_one(files: dict[str, Path]) -> None:
    for name, path in files.items():
        assert _bad_breaks(run("pdftotext", path, "-").stdout.splitlines()) == [], name


@pytest.mark.parametrize("markup", [False, True], ids=["plain", "markup"])
def test_a_paragraph_keeps_its_marks_with_their_words_at_every_width(markup: bool) -> None:
    """At every width the text may be given: reportlab hangs one closing mark, the paragraph takes care of the rest."""
    styles = layout.styles()
    name = "<u>陈丽</u>" if markup else "陈丽"  # a second fragment: reportlab breaks those lines in another way
    text = f"委托代理人{name}（人事主管）：经调解，计人民币叁仟捌佰元整（¥3,800.00）；《调解协议书》“已生效”。" * 3
    for style in (styles.body, styles.plain):
        for width in range(150, 460, 2):  # every other point: each break of the text is met many times
            paragraph = Paragraph(text, style)
            paragraph.wrap(width, 10_000)
            lines = paragraph.blPara.lines
            words = [
                "".join(word.text for word in line.words) if paragraph.blPara.kind else line[1][0] for line in lines
            ]
            assert _bad_breaks(words) == [], (style.name, width)
            assert "".join(words) == ("".join(text.split("<u>")).replace("</u>", "") if markup else text)


LONG_TERM = "双方另行约定的其他事项，以本条为准。" * 6


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("sixty workers", collective_of_sixty()),  # the end is taller than a page: set over two
        ("a long last term", dataclasses.replace(samples.collective_agreement(), terms=(LONG_TERM,) * 3)),
        ("one worker", samples.walk_in_agreement()),
    ],
)
def test_the_seal_is_never_on_a_page_without_signatures_and_they_start_on_a_page_of_text(
    name: str, content: issuing.Content, tmp_path: Path
) -> None:
    """A sealed page without text or names could be stapled to another agreement (GB/T 9704 keeps the seal with
    the text): the mediation body's seal shares its page with the last signatures, the first signatures share
    theirs with the agreement's last words."""
    pdf = tmp_path / "agreement.pdf"
    pdf.write_bytes(issuing.build_unsigned(content))
    pages = ["".join(page.split()) for page in run("pdftotext", pdf, "-").stdout.split("\f")]
    header = content.header
    sealed = f"{header.station.name}{header.issued_on.year}年{header.issued_on.month}月{header.issued_on.day}日"
    [seal_page] = [page for page in pages if sealed in page]
    assert content.signers[-1].name in seal_page, name
    [first_signatures] = [page for page in pages if "四、签名及盖章" in page]
    assert "（以下无正文）" in first_signatures, name
    assert content.signers[0].name in first_signatures, name


def test_a_receipt_outgrowing_its_page_takes_its_last_rows_to_the_seal(tmp_path: Path) -> None:
    """Refused before two witnesses, at a long address: the form runs over its page, and the server's signature and
    the remarks go over with the seal rather than leave it alone."""
    receipt = samples.service_receipt()
    witnesses = tuple(dataclasses.replace(receipt.server, name=name) for name in ("孙立新", LONG_NAME))
    refused = dataclasses.replace(
        receipt, method=ServiceMethod.LEFT_AT_ADDRESS, recipient_signer=None, refusal_reason="被申请人经办人拒绝签收",
        witnesses=witnesses,
        recipient=LONG_EMPLOYER, address="山东省菏泽市牡丹区万福街道长江东路与人民路交叉口东北角万福嘉园三期项目部" * 2,
    )  # fmt: skip
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(issuing.build_unsigned(refused))
    pages = ["".join(page.split()) for page in run("pdftotext", pdf, "-").stdout.split("\f")][:-1]
    assert len(pages) == 2
    on_the_second = ("送达人签名", "备注", receipt.header.station.name)
    assert [part for part in on_the_second if part in pages[1]] == list(on_the_second)


def test_every_reader_of_the_minutes_signs_each_page_under_their_own_name(tmp_path: Path) -> None:
    """Nine workers, the employer (its box named by its role: its handler signs), two mediators and the recorder
    read the minutes: thirteen boxes at the foot of every page, each under its reader's name, none running into
    the next; the body is shortened to make room."""
    minutes = samples.minutes()
    longest = f"{LONG_NAME}·阿不都热西提·买买提"  # too long for a box even in 6 points: cut, with an ellipsis
    workers = [longest, "王建国", "李志强", "张海涛", "刘红梅", "陈秀英", "孟庆禄", "周立平", "孙立新"]
    readers = (
        *(samples._signed(SignerRole.WORKER, name, samples.DAY) for name in workers),
        samples._signed(SignerRole.EMPLOYER, LONG_EMPLOYER, samples.DAY),
        *(samples._signed(SignerRole.MEDIATOR, name, samples.DAY) for name in ("赵文静", "吴国栋")),
        samples._signed(SignerRole.RECORDER, "钱晓宇", samples.DAY),
    )
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(issuing.build_unsigned(dataclasses.replace(minutes, page_signers=readers)))
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')
    pages = run("pdftotext", "-bbox", pdf, "-").stdout.split("<page ")[1:]
    assert len(pages) > 1
    for page in pages:
        words = {text: (float(x_min), float(x_max)) for x_min, _y, x_max, text in word.findall(page)}
        [cut] = [text for text in words if text.endswith("…")]
        assert longest.startswith(cut[:-1])
        assert len(cut) > 8
        labels = [cut, *workers[1:], "被申请人", "赵文静", "吴国栋", "钱晓宇"]
        assert all(label in words for label in labels), sorted(words)
        # Four boxes a row, a quarter of the type area each: no label reaches the next box.
        assert max(x_max - x_min for x_min, x_max in (words[label] for label in labels)) < 39 * 2.83
        assert LONG_EMPLOYER not in words


def test_an_amount_in_figures_is_never_broken_over_two_lines(tmp_path: Path) -> None:
    """A worker owed ¥9,999,999.99 among sixty, and the total of a twelve-instalment schedule: each amount in figures
    stays one word on one line of its cell (a court reads ¥9,999,999.\\n99 twice), and so does 第10期."""
    collective = collective_of_sixty()
    workers = list(collective.workers)
    workers[9] = dataclasses.replace(workers[9], amount_fen=999_999_999)
    total = sum(worker.amount_fen for worker in workers)
    first = collective.instalments[0].due_on
    each = total // 12
    amounts_due = [each] * 11 + [total - 11 * each]
    schedule = tuple(
        dataclasses.replace(collective.instalments[0], due_on=first + timedelta(days=31 * n), amount_fen=amount)
        for n, amount in enumerate(amounts_due)
    )
    pdf = tmp_path / "big.pdf"
    pdf.write_bytes(
        issuing.build_unsigned(dataclasses.replace(collective, workers=tuple(workers), instalments=schedule))
    )
    words = re.findall(r">([^<]+)</word>", run("pdftotext", "-bbox", pdf, "-").stdout)
    for figures in ("¥9,999,999.99", amounts.figures(total), amounts.figures(each)):
        assert figures in words, figures
    assert "第10期" in words


def test_each_company_has_a_place_for_its_seal_and_a_labour_boss_signs_as_himself(tmp_path: Path) -> None:
    """R14: the general contractor's undertaking to pay first binds it under its seal, as the employer's does; an
    unlicensed labour boss is a natural person, not a 用人单位, and signs with no seal."""
    collective = samples.collective_agreement()
    boss = dataclasses.replace(
        collective.employer,
        kind=EmployerKind.NATURAL_PERSON,
        name="刘大勇",
        credit_code="",
        id_number=samples.WALK_IN.id_number,
        agent="刘大勇",  # he handles it himself: no agent of his own
    )
    shown = {}
    for name, content in (("contractor", collective), ("labour boss", dataclasses.replace(collective, employer=boss))):
        pdf = tmp_path / "agreement.pdf"
        pdf.write_bytes(issuing.build_unsigned(content))
        shown[name] = "".join(run("pdftotext", pdf, "-").stdout.split())
    assert f"施工总承包单位（盖章）：{collective.general_contractor.name}" in shown["contractor"]
    assert f"被申请人（盖章）：{collective.employer.name}" in shown["contractor"]
    assert "被申请人（盖章）" not in shown["labour boss"]
    assert "用人单位" not in shown["labour boss"].split("四、签名及盖章")[1]
    # Described as a person is in a court's papers: sex and birth date (from the ID number), 住址 not 住所.
    born = parse_resident_id(samples.WALK_IN.id_number)
    sex = "男" if born.sex.value == "male" else "女"
    assert (
        f"刘大勇，{sex}，{chinese_date(born.birth_date)}出生，公民身份号码：{samples.WALK_IN.id_number}，住址："
        in (shown["labour boss"])
    )
    assert "统一社会信用代码" not in shown["labour boss"].split("刘大勇")[1].split("。")[0]
    assert "委托代理人：刘大勇" not in shown["labour boss"]


def test_each_of_a_few_workers_is_described_as_a_party(tmp_path: Path) -> None:
    """Two to nine workers elect no representatives (R3): each is a party described in full (sex, birth, address,
    phone), not only a name in the roster."""
    collective = samples.collective_agreement()
    few = dataclasses.replace(collective, workers=collective.workers[:3], representatives=())
    total = sum(share.amount_fen for share in few.workers)
    few = dataclasses.replace(few, instalments=(dataclasses.replace(collective.instalments[0], amount_fen=total),))
    pdf = tmp_path / "few.pdf"
    pdf.write_bytes(issuing.build_unsigned(few))
    shown = "".join(run("pdftotext", pdf, "-").stdout.split())
    for share in few.workers:
        assert f"申请人：{share.worker.name}" in shown
        assert share.worker.id_number in shown.split("一、申请人的请求")[0]
    assert "等3名劳动者" not in shown
