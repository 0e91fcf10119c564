"""The recovery sheet printed once at setup, onto which the administrator copies by hand the key that opens the
station's records when every password is lost.

One A4 page: the station, who set it up and when, a cell for each group of four of the key (copied from the screen
without losing a place), where to keep it, and a line for the administrator's signature. The key itself is never
printed: a print job stays on the disk in the printer's spool (CUPS keeps it a day, and its blocks after that), where
a thief with the laptop would find the one thing that opens everything.
"""

import io
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from . import layout
from .layout import Paragraph

TITLE = "菏谐驿站数据恢复密钥单"
GROUPS_PER_ROW = 5


@dataclass(frozen=True)
class RecoverySheet:
    station: str
    administrator: str
    groups: int  # of four characters, in the key to copy
    made_at: datetime


def build_recovery_sheet(sheet: RecoverySheet) -> bytes:
    styles = layout.styles()
    title = ParagraphStyle("title", parent=styles.plain, fontSize=20, leading=28, alignment=1, spaceAfter=6 * mm)
    small = ParagraphStyle("advice", parent=styles.body, fontSize=12, leading=20, firstLineIndent=24)
    number_style = ParagraphStyle("number", parent=styles.plain, fontSize=8, leading=9, textColor=colors.grey)
    numbers = [str(group) for group in range(1, sheet.groups + 1)]
    rows = [numbers[start : start + GROUPS_PER_ROW] for start in range(0, len(numbers), GROUPS_PER_ROW)]
    last = len(rows[-1]) - 1
    rows[-1] += [""] * (GROUPS_PER_ROW - len(rows[-1]))
    key_table = Table(
        [[Paragraph(number, number_style) for number in row] for row in rows],
        colWidths=[30 * mm] * GROUPS_PER_ROW,
        rowHeights=16 * mm,
    )
    key_table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.plain.fontName),  # not reportlab's default, unembedded face
                ("GRID", (0, 0), (-1, -2), 0.8, colors.black),
                ("GRID", (0, -1), (last, -1), 0.8, colors.black),  # the last row's cells that hold a group
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    facts = [
        f"驿站：{layout.text(sheet.station)}",
        f"设置人（管理员）：{layout.text(sheet.administrator)}",
        f"生成时间：{layout.chinese_moment(sheet.made_at)}",
    ]
    advice = [
        "一、本密钥可以打开本站电脑上的全部案件数据。所有账户的密码都遗忘，或本机密钥文件损坏时，"
        "在登录窗口点击“忘记密码”，输入本密钥并为一个账户设置新密码即可恢复使用。",
        "二、密钥只显示在屏幕上，不打印、不存入电脑。抄写后请在屏幕上重新输入一遍核对。"
        "请将本单放入信封封存，交站长或上级主管部门锁柜保管，不要与电脑放在一起，不要拍照、复印或存入电脑、手机。",
        "三、本单遗失或可能被他人看到时，请立即报告市劳动关系服务中心。",
        "四、输入时不区分大小写，短横线可省略；密钥中没有数字 0、1 和字母 I、O。",
    ]
    story = [
        Paragraph(TITLE, title),
        *[Paragraph(line, styles.plain) for line in facts],
        Spacer(1, 8 * mm),
        Paragraph("恢复密钥（对照电脑屏幕，每格抄写一组4个字符）：", styles.plain),
        Spacer(1, 3 * mm),
        key_table,
        Spacer(1, 6 * mm),
        *[Paragraph(line, small) for line in advice],
        Spacer(1, 6 * mm),
        Paragraph("保管人签字：＿＿＿＿＿＿＿＿", styles.plain),
        Paragraph("日　　期：＿＿＿＿年＿＿月＿＿日", styles.plain),
    ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        initialFontName=styles.plain.fontName,
        title=TITLE,
        author=sheet.station,
        subject="",
        creator="heze-station",
    )
    document.build(story)
    return buffer.getvalue()
