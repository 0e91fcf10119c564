"""Station accounts: what a login and a password must look like, and how long a wrong password makes one wait.

Passwords are hashed elsewhere (services.accounts, Argon2id); here are only the rules a person types against.
"""

import enum
import re
from datetime import timedelta

from .errors import refusal
from .messages import QT_TRANSLATE_NOOP


class StaffRole(enum.StrEnum):
    COORDINATOR = "coordinator"
    MEDIATOR = "mediator"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    StaffRole.COORDINATOR: QT_TRANSLATE_NOOP("Domain", "Coordinator"),
    StaffRole.MEDIATOR: QT_TRANSLATE_NOOP("Domain", "Mediator"),
    StaffRole.ADMINISTRATOR: QT_TRANSLATE_NOOP("Domain", "Administrator"),
}

LOGIN_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
PASSWORD_MIN = 8
PASSWORD_MAX = 128

# The demo station's accounts, documented in the README and on the demo's sign-in window.
DEMO_PASSWORD = "demo"

# Why only the administrator may sign in on a laptop the city revoked (services.accounts, the sign-in window).
REVOKED_LAPTOP = QT_TRANSLATE_NOOP(
    "Domain",
    "The city bureau has blocked this computer (for example after it was reported lost). Only the station's "
    "administrator can sign in now, to enrol it again; all records on it are kept.",
)

# Wrong passwords in a row before the first wait, and the longest wait: slow enough that guessing through the
# sign-in window is hopeless, short enough that a forgetful administrator is never locked out for good.
FREE_ATTEMPTS = 3
LONGEST_WAIT = timedelta(minutes=5)


def normalise_login(text: str, *, field: str = "login") -> str:
    """A login as stored: trimmed, lower case, 2-32 letters, digits, dots, dashes or underscores."""
    login = text.strip().lower()
    if not login:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "Please enter a login."))
    if not LOGIN_PATTERN.fullmatch(login):
        raise refusal(
            field,
            QT_TRANSLATE_NOOP(
                "Domain",
                "A login is 2 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit.",
            ),
        )
    return login


def check_new_password(password: str, *, field: str = "password") -> str:
    """A password a person chooses: at least 8 characters, not only spaces; kept exactly as typed."""
    if not password.strip():
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "Please enter a password."))
    if len(password) < PASSWORD_MIN:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "A password has at least {count} characters."), count=8)
    if len(password) > PASSWORD_MAX:
        raise refusal(field, QT_TRANSLATE_NOOP("Domain", "A password has at most {count} characters."), count=128)
    return password


def wait_after_failures(failures: int) -> timedelta:
    """How long the sign-in window refuses to try again after ``failures`` wrong passwords in a row.

    Nothing for the first few, then 5 s doubling to at most five minutes; it never grows into a lock-out.
    """
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    return min(timedelta(seconds=5 * 2 ** (failures - FREE_ATTEMPTS)), LONGEST_WAIT)
