"""What the status filter of the 案件 page can be asked to list: the workbench's tiles ask for it at start.

On its own, not in case_list.py: the workbench is the first page, and the case list (with its filter widgets)
is imported only when it is first visited, not on every start.
"""

from enum import Enum

from ...domain.cases import CaseStatus
from ...domain.performance import PerformanceState


class OpenCases(Enum):
    """The status filter's 全部在办: not decided yet, in mediation, or an agreement still owed money."""

    ALL = "all_open"


# A choice of the status filter: a status, how an agreement is being paid, or all open cases.
StatusChoice = CaseStatus | PerformanceState | OpenCases
