"""Reading the worker roster (花名册) of a collective case from a spreadsheet, and checking every row before use.

A labour boss or site clerk keeps the roster in Excel or WPS: a title row above the headings, headings worded
in many ways (or over two rows), cells merged over several workers, ID numbers that Excel turned into numbers, a
合计 row at the bottom, CSV saved in GBK. The reader finds the columns by their headings, checks each row with the
same domain rules as the intake form, and returns a report of every problem by the row number the spreadsheet
shows. Nothing is saved here: the rows go into the intake form, and saving still goes through
:func:`intake.validate` and :func:`intake.save`.
"""

import codecs
import contextlib
import csv
import io
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple, TypeVar
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

from ..domain import chinatime
from ..domain.agreements import normalise_account_number
from ..domain.cases import COLLECTIVE_MIN_WORKERS, Category, parse_claim
from ..domain.errors import DomainError, InvalidInput
from ..domain.identifiers import normalise_mobile, parse_resident_id
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.money import parse_yuan
from ..domain.text import ADDRESS_MAX, clean_line, clean_name
from .intake import BANK_MAX, ETHNICITY_MAX, MAX_WORKERS, POST_MAX, WorkerEntry

# A roster of 500 workers is some 40 KB; scanned ID cards pasted into the workbook make it larger, never this large.
MAX_FILE_BYTES = 20 * 1024 * 1024
# Headings sit at the top, below at most a title and a few lines of notes.
HEADER_SEARCH_ROWS = 20
# Columns beyond this are never a roster's (and a stray cell far to the right would make every row that wide).
MAX_COLUMNS = 60
# Excel marks whole columns as formatted, which leaves up to a million empty rows in the file: stop looking after
# this many in a row, since nobody keeps a roster with such a gap.
MAX_BLANK_RUN = 1000
# Excel keeps 15 significant digits of a number, so an 18-digit ID number typed into a number cell is rounded.
_EXCEL_DIGITS = 15

_ZIP_MAGIC = b"PK\x03\x04"
# An OLE compound file: an old .xls workbook, or an .xlsx encrypted with a password (Excel wraps it in one).
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_SCIENTIFIC = re.compile(r"[0-9]+(?:\.[0-9]*)?E\+?[0-9]+")


class Column(StrEnum):
    NAME = "name"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    CLAIMED = "claimed"
    REPRESENTATIVE = "representative"
    # What the documents print about the worker, read when the roster has them (issue 14 item 3).
    ETHNICITY = "ethnicity"
    ADDRESS = "address"
    POST = "post"
    SERVICE_ADDRESS = "service_address"
    # Where the agreement will pay the worker: they prefill its shares.
    BANK = "bank"
    ACCOUNT_NUMBER = "account_number"

    @property
    def label(self) -> str:
        return _COLUMN_LABELS[self]


_COLUMN_LABELS = {
    Column.NAME: QT_TRANSLATE_NOOP("Domain", "Name"),
    Column.ID_NUMBER: QT_TRANSLATE_NOOP("Domain", "ID number"),
    Column.PHONE: QT_TRANSLATE_NOOP("Domain", "Mobile phone"),
    Column.CLAIMED: QT_TRANSLATE_NOOP("Domain", "Amount"),
    Column.REPRESENTATIVE: QT_TRANSLATE_NOOP("Domain", "Representative"),
    Column.ETHNICITY: QT_TRANSLATE_NOOP("Domain", "Ethnicity"),
    Column.ADDRESS: QT_TRANSLATE_NOOP("Domain", "Address"),
    Column.POST: QT_TRANSLATE_NOOP("Domain", "Post"),
    Column.SERVICE_ADDRESS: QT_TRANSLATE_NOOP("Domain", "Address for documents"),
    Column.BANK: QT_TRANSLATE_NOOP("Domain", "Bank"),
    Column.ACCOUNT_NUMBER: QT_TRANSLATE_NOOP("Domain", "Bank account"),
}
_REQUIRED = (Column.NAME, Column.ID_NUMBER, Column.CLAIMED)
# A cell merged over several workers' rows shows its value beside each of them. Where that value describes a group
# (one 工种 for a team, one 开户行, 汉族, the 是/否 of the 代表 column) it is taken for each row: the coordinator
# reads the sheet that way, and unmerging 30 rows of 钢筋工 to type it 30 times would help nobody. What belongs to
# one person is refused instead: a shared 姓名 or 身份证号 is a slip, a shared phone is some team leader's that the
# documents would print as each worker's own, and a shared amount may be each one's or the group's sum: a sum
# owed must never be guessed or split.
_ONE_WORKERS = (Column.NAME, Column.ID_NUMBER, Column.PHONE, Column.CLAIMED, Column.ACCOUNT_NUMBER)

# Headings as people write them, compared after _heading_key() (no spaces, no unit in brackets, lower case).
_HEADINGS = {
    Column.NAME: {"姓名", "名字", "工人姓名", "职工姓名", "员工姓名", "农民工姓名", "申请人", "申请人姓名", "name"},
    Column.ID_NUMBER: {
        "身份证号",
        "身份证号码",
        "身份证",
        "公民身份号码",
        "公民身份证号码",
        "身份证件号码",
        "证件号码",
        "idnumber",
        "idno.",
        "idno",
        "id",
        "idcard",
        "idcardnumber",
    },
    Column.PHONE: {"手机", "手机号", "手机号码", "联系电话", "电话", "电话号码", "联系方式", "phone", "mobile", "tel"},
    Column.CLAIMED: {
        "金额",
        "欠薪金额",
        "欠薪",
        "请求金额",
        "主张金额",
        "申请金额",
        "欠款金额",
        "拖欠金额",
        "拖欠工资",
        "拖欠工资金额",
        "未付工资",
        "amount",
        "claimed",
        "claim",
        "amountowed",
    },
    Column.REPRESENTATIVE: {"代表", "是否代表", "是否为代表", "工人代表", "职工代表", "推选代表", "representative"},
    Column.ETHNICITY: {"民族", "ethnicity", "nationality"},
    # A bare 地址 is the home address; an address for documents is always named as such.
    Column.ADDRESS: {"住址", "家庭住址", "家庭地址", "现住址", "户籍地址", "住所", "地址", "address"},
    Column.POST: {"工种", "岗位", "工种/岗位", "工种岗位", "职务", "工作岗位", "post", "job"},
    Column.SERVICE_ADDRESS: {"送达地址", "联系地址", "通讯地址", "邮寄地址", "serviceaddress"},
    Column.BANK: {"开户行", "开户银行", "开户行名称", "银行", "银行名称", "收款银行", "bank"},
    Column.ACCOUNT_NUMBER: {
        "银行账号",
        "银行卡号",
        "账号",
        "卡号",
        "工资卡号",
        "银行账户",
        "收款账号",
        "account",
        "accountnumber",
        "bankaccount",
    },
}
_COLUMN_OF_HEADING = {heading: column for column, headings in _HEADINGS.items() for heading in headings}

_YES = {"是", "y", "yes", "√", "✓", "✔", "☑", "1", "true", "代表"}
_NO = {"", "否", "n", "no", "0", "false", "×", "✗", "x"}
_TOTAL_NAMES = {"合计", "总计", "小计", "共计"}

TEMPLATE_HEADINGS = (
    "姓名",
    "身份证号",
    "手机号",
    "金额（元）",
    "是否代表",
    "民族",
    "住址",
    "工种/岗位",
    "送达地址",
    "开户行",
    "银行账号",
)
# 1990-01-01, 菏泽市牡丹区, with its check character: a number that passes, so the row shows the expected format.
TEMPLATE_EXAMPLE = (
    "张三（示例）",
    "371702199001011235",
    "13912345678",
    "3800",
    "是",
    "汉族",
    "山东省菏泽市牡丹区桂陵路88号",
    "钢筋工",
    "",
    "中国农业银行菏泽牡丹支行",
    "6228480000000000000",
)
_DETAILS = {
    Column.ETHNICITY: ("ethnicity", ETHNICITY_MAX),
    Column.ADDRESS: ("address", ADDRESS_MAX),
    Column.POST: ("post", POST_MAX),
    Column.SERVICE_ADDRESS: ("service_address", ADDRESS_MAX),
    Column.BANK: ("bank", BANK_MAX),
}


class RosterUnreadable(DomainError):
    """The file as a whole cannot be read as a roster: one message says why and what to do."""


@dataclass(frozen=True)
class Problem:
    column: Column
    message: Message


@dataclass(frozen=True)
class RosterRow:
    row: int  # as the spreadsheet shows it: title and heading rows count
    entry: WorkerEntry
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class RosterReport:
    rows: tuple[RosterRow, ...]
    total_rows: tuple[int, ...]  # rows headed 合计 and the like, which were not read as workers

    @property
    def problem_rows(self) -> list[RosterRow]:
        return [row for row in self.rows if row.problems]

    @property
    def usable(self) -> bool:
        """Every row is right: the whole roster may go into the form. A roster is never taken in part."""
        return bool(self.rows) and not self.problem_rows

    @property
    def representatives(self) -> int:
        return sum(row.entry.representative for row in self.rows)

    @property
    def claimed_total_fen(self) -> int:
        """The sum of the amounts that could be read (all of them once the roster is usable)."""
        total = 0
        for row in self.rows:
            if not any(problem.column is Column.CLAIMED for problem in row.problems):
                total += parse_yuan(row.entry.claimed, allow_zero=True)
        return total

    def entries(self) -> list[WorkerEntry]:
        return [row.entry for row in self.rows]


def _unreadable(text: str, **params: object) -> RosterUnreadable:
    return RosterUnreadable(Message(text, params))


# ---- reading cells ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Merged:
    """A cell below the headings in a range merged over several rows, with the range's value (which Excel keeps
    in its top left cell, leaving the others empty)."""

    value: "Cell"
    rows: range  # as the spreadsheet numbers them


Cell = str | int | float | bool | None | _Merged
T = TypeVar("T")


def read_roster(path: Path, category: Category | None = None) -> RosterReport:
    """Read and check the roster in ``path`` (.xlsx or .csv) for a case of ``category`` (None: not chosen yet);
    raises RosterUnreadable with one message."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise _unreadable(
            QT_TRANSLATE_NOOP(
                "Domain",
                "Old Excel files (.xls) cannot be read. Open the file in Excel or WPS, save it as an Excel "
                "workbook (.xlsx), and import that.",
            )
        )
    if suffix not in {".xlsx", ".xlsm", ".csv", ".txt"}:
        raise _unreadable(QT_TRANSLATE_NOOP("Domain", "Choose an Excel workbook (.xlsx) or a CSV file (.csv)."))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _unreadable(
                QT_TRANSLATE_NOOP("Domain", "The file is {size} MB; a roster may be at most {limit} MB."),
                size=round(size / 2**20, 1),
                limit=MAX_FILE_BYTES // 2**20,
            )
        with path.open("rb") as file:
            start = file.read(len(_OLE_MAGIC))
        # The content decides, not the name: a renamed file is read as what it is.
        if start.startswith(_OLE_MAGIC):
            raise _unreadable(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "This workbook is protected by a password or is in the old .xls format. Open it in Excel or "
                    "WPS, remove the password, save it as an Excel workbook (.xlsx), and import that.",
                )
            )
        rows = _workbook_rows(path) if start.startswith(_ZIP_MAGIC) else _csv_rows(path.read_bytes())
        with contextlib.closing(rows):  # closes the workbook even when the reading stops early
            return _check_rows(rows, category)
    except OSError as error:
        raise _unreadable(
            QT_TRANSLATE_NOOP("Domain", "The file could not be opened: {reason}"), reason=error.strerror or error
        ) from None


def _workbook_rows(path: Path) -> Iterator[tuple[Cell, ...]]:
    not_a_workbook = _unreadable(
        QT_TRANSLATE_NOOP(
            "Domain",
            "This file is not an Excel workbook that can be read (it may be a Word file or damaged). Open it in "
            "Excel or WPS, save it as an Excel workbook (.xlsx), and import that.",
        )
    )
    # Imported here: openpyxl takes a quarter of a second to load, which every start of the window would pay.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, ParseError, OSError):
        raise not_a_workbook from None
    try:
        # The first sheet with a heading row holds the roster; the others are often empty or notes. Without one,
        # the first sheet is reported on.
        first_head: list[tuple[Cell, ...]] = []
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
            head = [cells for _, cells in zip(range(HEADER_SEARCH_ROWS), rows, strict=False)]
            heading = _find_heading(head)
            if heading is not None:
                merged = _ranges_over_rows(sheet)
                yield from _mark_merged(itertools.chain(head, rows), heading.last + 2, merged)
                return
            first_head = first_head or head
        yield from first_head
    except (KeyError, ValueError, TypeError, ParseError, expat.ExpatError, zipfile.BadZipFile) as error:
        raise not_a_workbook from error
    finally:
        workbook.close()


# openpyxl's read-only mode, which spares loading a sheet formatted down a million rows (see MAX_BLANK_RUN), reads
# no merged ranges: they are picked from the sheet's XML in a pass of their own (0.6 s over a million formatted
# rows, a millisecond over a roster).
_MERGE_CELL = "http://schemas.openxmlformats.org/spreadsheetml/2006/main mergeCell"


def _ranges_over_rows(sheet: object) -> list[tuple[int, int, int, int]]:
    """The ranges merged over more than one row in a read-only openpyxl ``sheet``, as (first column, first row,
    last column, last row) counted from 1."""
    from openpyxl.utils.cell import range_boundaries

    references: list[str] = []

    def start(tag: str, attributes: dict[str, str]) -> None:
        if tag == _MERGE_CELL:
            references.append(attributes["ref"])

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    with sheet._get_source() as source:  # type: ignore[attr-defined]  # the only way to the sheet's XML
        parser.ParseFile(source)
    bounds = (range_boundaries(reference) for reference in references)
    return [bound for bound in bounds if bound[1] < bound[3]]


def _mark_merged(
    rows: Iterable[tuple[Cell, ...]], first_data_row: int, ranges: list[tuple[int, int, int, int]]
) -> Iterator[tuple[Cell, ...]]:
    """``rows`` from spreadsheet row 1, each cell from ``first_data_row`` on that lies in one of ``ranges`` shown
    as a _Merged. The headings stay as they are: a two-row heading is told by its merged cells reading empty."""
    values: dict[tuple[int, int, int, int], Cell] = {}
    for number, cells in enumerate(rows, start=1):
        shown = list(cells)
        for bound in ranges:
            first_column, first_row, last_column, last_row = bound
            if number == first_row:
                values[bound] = cells[first_column - 1] if first_column <= len(cells) else None
            if number >= first_data_row and first_row <= number <= last_row:
                for index in range(first_column - 1, min(last_column, len(shown))):
                    shown[index] = _Merged(values.get(bound), range(first_row, last_row + 1))
        yield tuple(shown)


def _csv_rows(data: bytes) -> Iterator[tuple[Cell, ...]]:
    text = _decode(data)
    # The separator is the one under which a heading row appears: Excel writes commas (semicolons in some
    # locales), its "Unicode text" tabs. csv.Sniffer gives up on a title row above the headings.
    first_lines = text.splitlines()[:HEADER_SEARCH_ROWS]

    def heading_columns(delimiter: str) -> int:
        found = _find_heading([tuple(record) for record in csv.reader(first_lines, delimiter=delimiter)])
        return len(found.columns) if found else 0

    try:
        delimiter = max(",\t;", key=heading_columns)  # the first of equals: a comma
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            yield tuple(record[:MAX_COLUMNS])
    except csv.Error:
        raise _unreadable(
            QT_TRANSLATE_NOOP("Domain", "This CSV file is damaged. Save it again from Excel or WPS.")
        ) from None


def _decode(data: bytes) -> str:
    """UTF-8 (with or without the BOM that Excel writes), UTF-16 (Excel's "Unicode text"), or GBK/GB18030,
    in which Chinese Excel and WPS save CSV."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif b"\0" in data:
        raise _unreadable(
            QT_TRANSLATE_NOOP(
                "Domain", "This is not a CSV text file. Choose the roster saved as .xlsx or as CSV from Excel or WPS."
            )
        )
    else:
        # GB18030 is a superset of GBK; Chinese text in GBK almost never happens to be valid UTF-8.
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _unreadable(
        QT_TRANSLATE_NOOP(
            "Domain",
            "The characters in this CSV file cannot be read. Save it from Excel or WPS as CSV (UTF-8) or as .xlsx.",
        )
    )


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, _Merged):
        return _text(cell.value)
    if isinstance(cell, float):
        # Excel shows 15 significant digits: 3800.4999999999995 from a formula is the 3800.5 on screen.
        return f"{cell:.{_EXCEL_DIGITS}g}"
    return str(cell).strip()


# ---- finding the columns ------------------------------------------------------------------------------------------


def _heading_key(cell: Cell) -> str:
    text = unicodedata.normalize("NFKC", _text(cell)).lower()
    text = re.sub(r"[\s*]", "", text)  # "姓 名", "姓名*"
    return re.sub(r"\(.*\)$", "", text)  # a unit or remark in brackets: 金额（元）, 身份证号(必填)


def _columns_of(cells: Iterable[Cell]) -> dict[Column, int]:
    found: dict[Column, int] = {}
    for index, cell in enumerate(cells):
        column = _COLUMN_OF_HEADING.get(_heading_key(cell))
        if column is not None:
            found.setdefault(column, index)  # of two 电话 columns, the first counts
    return found


class _Heading(NamedTuple):
    first: int  # index of the (upper) heading row
    last: int  # index of the row below which the workers are listed
    columns: dict[Column, int]


def _find_heading(rows: list[tuple[Cell, ...]]) -> _Heading | None:
    """The first row that names two or more known columns, together with the row below it when that row holds
    sub-headings (see _sub_headings)."""
    for index, cells in enumerate(rows):
        columns = _columns_of(cells)
        below = _sub_headings(columns, rows[index + 1]) if index + 1 < len(rows) else {}
        if len(columns) + len(below) >= 2:
            return _Heading(index, index + bool(below), columns | below)
    return None


def _sub_headings(columns: dict[Column, int], below: tuple[Cell, ...]) -> dict[Column, int]:
    """The further columns that ``below`` names when it is the second row of a heading naming ``columns``.

    WPS rosters head columns over two rows: 欠薪金额 | 欠薪月份 under a 欠薪情况 merged across both, the other
    headings merged down over the two rows, so that the second row is empty under them (in a CSV too). A row that
    names columns and is empty under every heading above it is such a second row; a worker's row never is.
    """
    if not columns or any(_text(below[index]) for index in columns.values() if index < len(below)):
        return {}
    return {column: index for column, index in _columns_of(below).items() if column not in columns}


# ---- checking the rows --------------------------------------------------------------------------------------------


def _check_rows(rows: Iterable[tuple[Cell, ...]], category: Category | None) -> RosterReport:
    rows = iter(rows)
    head = [cells for _, cells in zip(range(HEADER_SEARCH_ROWS), rows, strict=False)]
    if not any(any(_text(cell) for cell in cells) for cells in head):
        raise _unreadable(QT_TRANSLATE_NOOP("Domain", "The spreadsheet is empty."))
    found = _find_heading(head)
    if found is None:
        raise _unreadable(
            QT_TRANSLATE_NOOP(
                "Domain",
                "No heading row was found in the first {count} rows. The roster needs a row of column headings "
                "with 姓名, 身份证号 and 金额; the roster template shows them.",
            ),
            count=HEADER_SEARCH_ROWS,
        )
    columns = found.columns
    for column in _REQUIRED:
        if column not in columns:
            raise _unreadable(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "Row {row} holds the column headings, but no column is headed {column}. "
                    "Add that column or rename its heading, as in the roster template.",
                ),
                row=found.first + 1,
                column=column,
            )
    listed: list[tuple[int, dict[Column, Cell]]] = []
    total_rows: list[int] = []
    blank_run = 0
    for number, cells in enumerate(itertools.chain(head[found.last + 1 :], rows), start=found.last + 2):
        values = {column: cells[index] if index < len(cells) else None for column, index in columns.items()}
        # A cell merged down from a row above is no entry of this one: a 开户行 merged down a template's empty rows.
        own = (value for value in values.values() if not (isinstance(value, _Merged) and value.rows[0] < number))
        if not any(_text(value) for value in own):
            blank_run += 1
            if blank_run >= MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        if _is_total(cells, values):
            total_rows.append(number)
            continue
        if len(listed) == MAX_WORKERS:
            raise _unreadable(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The roster has more than {limit} workers, more than one case can hold. Split it into "
                    "several rosters, one for each case.",
                ),
                limit=MAX_WORKERS,
            )
        listed.append((number, values))
    if not listed:
        raise _unreadable(
            QT_TRANSLATE_NOOP("Domain", "Row {row} holds the column headings, but no workers are listed below it."),
            row=found.first + 1,
        )
    today = chinatime.today()
    # As in the intake form: each worker of a small case must be reachable, in a collective case the representatives.
    everyone_reachable = len(listed) < COLLECTIVE_MIN_WORKERS
    checked = [
        _check_row(number, values, today, category, phone_required=everyone_reachable) for number, values in listed
    ]
    return RosterReport(tuple(_mark_duplicates(checked)), tuple(total_rows))


def _is_total(cells: tuple[Cell, ...], values: dict[Column, Cell]) -> bool:
    """A row labelled 合计 (or 总计, 小计, 共计) in any of its cells, under 序号 as often as under 姓名, and naming
    no worker by ID number."""
    labels = {re.sub(r"[\s:：]", "", unicodedata.normalize("NFKC", _text(cell))) for cell in cells}
    return bool(labels & _TOTAL_NAMES) and not _text(values[Column.ID_NUMBER])


def _check_row(
    number: int, shown: dict[Column, Cell], today: date, category: Category | None, *, phone_required: bool
) -> RosterRow:
    values = {column: cell.value if isinstance(cell, _Merged) else cell for column, cell in shown.items()}
    merged = {
        column: _merged_problem(number, cell, column)
        for column, cell in shown.items()
        if isinstance(cell, _Merged) and column in _ONE_WORKERS
    }
    problems: list[Problem] = []

    def checked(column: Column, check: Callable[..., T], *args: object, **kwargs: object) -> T | None:
        """``check(*args, **kwargs)``, or None after noting its refusal as the row's problem in ``column``."""
        try:
            return check(*args, **kwargs)
        except InvalidInput as error:
            problems.append(Problem(column, error.message))
            return None

    name = _text(values[Column.NAME])
    name = checked(Column.NAME, clean_name, name, field="name", required=True) or name

    id_cell = values[Column.ID_NUMBER]
    id_number = _text(id_cell)
    if _lost_digits(id_cell):
        problems.append(_rounded_by_excel(Column.ID_NUMBER, id_cell, _ID_NUMBER_ROUNDED))
    else:
        resident = checked(Column.ID_NUMBER, parse_resident_id, id_number, today=today)
        id_number = resident.number if resident else id_number

    phone = _text(values.get(Column.PHONE))
    representative = _representative(values.get(Column.REPRESENTATIVE), problems)
    if phone or representative or phone_required:
        phone = checked(Column.PHONE, normalise_mobile, phone) or phone

    claimed = _text(values[Column.CLAIMED])
    checked(Column.CLAIMED, parse_claim, claimed, category)

    details = {
        attribute: checked(column, clean_line, text, field=attribute, max_length=limit) or text
        for column, (attribute, limit) in _DETAILS.items()
        if (text := _text(values.get(column)))
    }
    account_cell = values.get(Column.ACCOUNT_NUMBER)
    if _lost_digits(account_cell):
        problems.append(_rounded_by_excel(Column.ACCOUNT_NUMBER, account_cell, _ACCOUNT_ROUNDED))
    elif account := _text(account_cell):
        details["account_number"] = (
            checked(Column.ACCOUNT_NUMBER, normalise_account_number, account, field="account_number") or account
        )
    entry = WorkerEntry(
        name=name, id_number=id_number, phone=phone, claimed=claimed, representative=representative, **details
    )
    if (name, id_number) == TEMPLATE_EXAMPLE[:2]:
        problems.append(
            Problem(
                Column.NAME,
                Message(QT_TRANSLATE_NOOP("Domain", "This is the template's example row: delete it.")),
            )
        )
    # A merged cell's problem replaces the others of its column: "Enter the amount." beside a visible 9500 puzzles.
    problems = [*merged.values(), *(problem for problem in problems if problem.column not in merged)]
    return RosterRow(number, entry, tuple(problems))


def _merged_problem(number: int, cell: _Merged, column: Column) -> Problem:
    # The other row of two, else the whole range: a middle row's others are no one span.
    others = [row for row in cell.rows if row != number]
    rows = str(others[0]) if len(others) == 1 else f"{cell.rows[0]}–{cell.rows[-1]}"
    return Problem(
        column,
        Message(
            QT_TRANSLATE_NOOP(
                "Domain", "This cell is merged with row {rows}: unmerge it and enter each worker's own {column}."
            ),
            {"rows": rows, "column": column},
        ),
    )


_ID_NUMBER_ROUNDED = QT_TRANSLATE_NOOP(
    "Domain",
    "Excel stored this ID number as a number ({shown}) and kept only 15 digits, so the last "
    "digits are lost. Format the column as text and type the number again from the ID card.",
)
_ACCOUNT_ROUNDED = QT_TRANSLATE_NOOP(
    "Domain",
    "Excel stored this account number as a number ({shown}) and kept only 15 digits, so the last digits are lost. "
    "Format the column as text and type the number again from the bank card.",
)


def _rounded_by_excel(column: Column, cell: Cell, text: str) -> Problem:
    # Shown as Excel shows such a cell, so the coordinator recognises it in the spreadsheet.
    shown = f"{cell:.5E}" if isinstance(cell, int | float) else _text(cell)
    return Problem(column, Message(text, {"shown": shown}))


def _lost_digits(cell: Cell) -> bool:
    """Whether an ID number cell holds a number Excel has rounded (a number cell, or "3.71702E+17" in a CSV)."""
    if isinstance(cell, bool) or not isinstance(cell, int | float | str):
        return False
    if isinstance(cell, str):
        return bool(_SCIENTIFIC.fullmatch(unicodedata.normalize("NFKC", cell).strip().upper()))
    # A number of up to 15 digits is kept whole (an old 15-digit ID number, which parse_resident_id explains).
    return abs(cell) >= 10**_EXCEL_DIGITS


def _representative(cell: Cell, problems: list[Problem]) -> bool:
    if isinstance(cell, bool):
        return cell
    mark = unicodedata.normalize("NFKC", _text(cell)).strip().lower()
    if mark in _YES:
        return True
    if mark not in _NO:
        problems.append(
            Problem(
                Column.REPRESENTATIVE,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        'Mark a representative with 是 (or √, Y) and leave the others empty; "{mark}" is not clear.',
                    ),
                    {"mark": _text(cell)},
                ),
            )
        )
    return False


def _mark_duplicates(rows: list[RosterRow]) -> Iterator[RosterRow]:
    """Each row whose ID number appeared above names that first row, and the first row names them all."""
    rows_of_id: dict[str, list[int]] = {}
    for row in rows:
        if not any(problem.column is Column.ID_NUMBER for problem in row.problems):
            rows_of_id.setdefault(row.entry.id_number, []).append(row.row)
    for row in rows:
        numbers = rows_of_id.get(row.entry.id_number, [])
        if len(numbers) < 2 or any(problem.column is Column.ID_NUMBER for problem in row.problems):
            yield row
            continue
        if row.row == numbers[0]:
            message = Message(
                QT_TRANSLATE_NOOP("Domain", "The same ID number is also in row {rows}."),
                {"rows": "、".join(str(number) for number in numbers[1:])},
            )
        else:
            message = Message(
                QT_TRANSLATE_NOOP("Domain", "The same ID number is already in row {row}."), {"row": numbers[0]}
            )
        yield RosterRow(row.row, row.entry, (*row.problems, Problem(Column.ID_NUMBER, message)))


# ---- the template -------------------------------------------------------------------------------------------------


def write_template(path: Path) -> Path:
    """Save an .xlsx with the headings the reader knows and one example row, its ID, phone and account columns
    formatted as text so that Excel keeps every digit of what is typed there; returns ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "花名册"
    sheet.append(TEMPLATE_HEADINGS)
    sheet.append(TEMPLATE_EXAMPLE)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGHIJK", (14, 24, 16, 14, 10, 8, 30, 12, 30, 28, 26), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in range(2, MAX_WORKERS + 2):
        for letter in "BCK":  # ID number, phone, bank account
            sheet[f"{letter}{row}"].number_format = "@"
    choice = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    choice.add(f"E2:E{MAX_WORKERS + 1}")
    sheet.add_data_validation(choice)
    sheet.freeze_panes = "A2"
    workbook.save(path)
    return path
