"""One palette: what a colour means is the same on every page (the workbench, the case list, the case file).

Clocks warm as the deadline nears, red is kept for what is already late; a case's badge says where it stands.
"""

from dataclasses import dataclass

from ...domain.cases import CaseStatus
from ...domain.clocks import ClockState
from ...domain.ledger import RiskLevel
from ...domain.performance import InstalmentState, PerformanceState

GOOD = "#2e7d32"
WARNING = "#d35400"
ERROR = "#b03a2e"
MUTED = "#6b7580"
NAVY = "#1f3a5f"  # the station's own colour: titles, the navigation
OFFICIAL_RED = "#c0392b"  # the red of an official header, not an alarm

ERROR_STYLE = f"color: {ERROR};"
BANNER_STYLE = f"color: {ERROR}; background: #fdecea; border: 1px solid #f5c6cb; border-radius: 3px; padding: 6px;"
NOTICE_STYLE = "background: #fff4e0; border: 1px solid #f0c36d; border-radius: 3px; padding: 4px 8px;"
SUCCESS_STYLE = (
    "background: #e7f4ea; color: #1e6b35; border: 1px solid #9fd3ad; border-radius: 4px; padding: 8px 12px;"
    " font-weight: bold;"
)


@dataclass(frozen=True)
class Tint:
    """A state's colour as text (``ink``) and as a cell's background (``wash``, None where it stays plain)."""

    ink: str
    wash: str | None = None


CLOCKS = {
    ClockState.OK: Tint(GOOD),
    ClockState.WARNING: Tint("#9c640c", "#fcf8e3"),
    ClockState.URGENT: Tint("#a04000", "#fdf1d8"),
    ClockState.DUE_TODAY: Tint(ERROR, "#fde7c8"),
    ClockState.OVERDUE: Tint(ERROR, "#fbe0de"),
    ClockState.UNKNOWN: Tint(WARNING),
    ClockState.DONE: Tint(MUTED),
    ClockState.INTERRUPTED: Tint(MUTED),
    ClockState.NOT_STARTED: Tint(MUTED),
    ClockState.NOT_RUNNING: Tint(MUTED),
    ClockState.SUSPENDED: Tint(MUTED),
}
# States a person must act on today or has already missed.
ALERT_CLOCKS = frozenset({ClockState.URGENT, ClockState.DUE_TODAY, ClockState.OVERDUE})

# A case's badge (ink) and its row in the case list (wash): blue waiting, teal/amber in hand, green settled,
# red for what failed, purple handed to another body, grey ended.
STATUSES = {
    CaseStatus.REGISTERED: Tint("#1f5fa8", "#e3eefb"),
    CaseStatus.ACCEPTED: Tint("#13827a", "#fdf1d8"),
    CaseStatus.IN_MEDIATION: Tint("#c77700", "#fde7c8"),
    CaseStatus.AGREEMENT: Tint(GOOD, "#dff3e2"),
    CaseStatus.MEDIATION_FAILED: Tint(ERROR, "#fbe0de"),
    CaseStatus.REFUSED: Tint("#8e3b3b", "#fbe0de"),
    CaseStatus.WITHDRAWN: Tint(MUTED, "#ececec"),
    CaseStatus.REFERRED_ARBITRATION: Tint("#6a3d9a", "#ebe3f5"),
    CaseStatus.REFERRED_INSPECTION: Tint("#6a3d9a", "#ebe3f5"),
    CaseStatus.REFERRED_COURT: Tint("#6a3d9a", "#ebe3f5"),
    CaseStatus.CLOSED: Tint("#4a5058", "#ececec"),
    CaseStatus.VOIDED: Tint("#8a8f96", "#f4f4f4"),  # registered by mistake: paler than any case that ran
}
# An agreement still being paid, or whose payer is late, must not look settled.
PERFORMANCE = {
    PerformanceState.PERFORMING: Tint("#13827a", "#dff3e2"),
    PerformanceState.IN_DEFAULT: Tint(ERROR, "#fbe0de"),
    PerformanceState.PERFORMED: Tint(GOOD),
}

# An employer's or project's risk on the ledger: red for what the city follows up first.
RISKS = {RiskLevel.HIGH: ERROR, RiskLevel.MEDIUM: "#b9770e", RiskLevel.LOW: None}

INSTALMENTS = {
    InstalmentState.PAID: GOOD,
    InstalmentState.PARTLY_PAID: WARNING,
    InstalmentState.UPCOMING: "#4a5058",
    InstalmentState.IN_DEFAULT: ERROR,
}
