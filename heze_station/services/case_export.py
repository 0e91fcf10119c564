"""The case list as the 案件 page filters it, exported to .xlsx: one row per case, as the list shows it.

The list carries no ID number, phone or account (only the first worker's name and the respondents), so the file
holds nothing the role could not see on screen; the export is audited all the same.
"""

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from .. import spreadsheet
from ..domain import chinatime
from ..domain.audit import AuditAction
from ..domain.messages import QT_TRANSLATE_NOOP
from ..storage import disk
from . import audit
from .access import CASEWORK, requires
from .case_queries import CaseFilter, count_cases, list_cases
from .station import StationContext

Translate = Callable[[str], str]

CASE_LIST = QT_TRANSLATE_NOOP("Domain", "Case list")
_HEADINGS = (
    QT_TRANSLATE_NOOP("Domain", "Case number"),
    QT_TRANSLATE_NOOP("Domain", "Registered"),
    QT_TRANSLATE_NOOP("Domain", "Applicant"),
    QT_TRANSLATE_NOOP("Domain", "Workers"),
    QT_TRANSLATE_NOOP("Domain", "Respondent"),
    QT_TRANSLATE_NOOP("Domain", "Category"),
    QT_TRANSLATE_NOOP("Domain", "Channel"),
    QT_TRANSLATE_NOOP("Domain", "Status"),
    QT_TRANSLATE_NOOP("Domain", "Claimed (yuan)"),
)
PAGE = 5_000  # cases read per query: the list's own paging, so 100,000 cases never sit in memory twice


@requires(CASEWORK)
def export_cases(context: StationContext, case_filter: CaseFilter, path: Path, translate: Translate) -> int:
    """Every case ``case_filter`` finds, newest first, to ``path`` (beside it first, then renamed: never half a
    file); returns how many."""
    spreadsheet.refuse_more_rows_than_held(count_cases(context, case_filter))
    count = 0
    with disk.written_whole(path) as partial:
        workbook = spreadsheet.PersonalWorkbook(partial)
        sheet = workbook.sheet(translate(CASE_LIST))
        sheet.append([translate(heading) for heading in _HEADINGS])
        while rows := list_cases(context, case_filter, offset=count, limit=PAGE):
            for row in rows:
                sheet.append(
                    [
                        row.number,
                        row.registered_at.astimezone(chinatime.CHINA_TZ).strftime("%Y-%m-%d %H:%M"),
                        row.claimant_summary,
                        row.worker_count,
                        row.respondent_summary,
                        translate(row.category.label),
                        translate(row.channel.label),
                        translate(row.standing.label),
                        Decimal(row.claimed_total_fen) / 100,
                    ]
                )
            count += len(rows)
        workbook.close()
    audit.record(context, AuditAction.EXPORTED, CASE_LIST, rows=count)
    return count
