"""Who may call a service: each public service declares the roles it needs, and refuses everyone else.

The GUI hides what a role cannot do, but the check is here, so no other way in (a script, a future screen) skips it.
"""

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from ..domain.accounts import StaffRole
from ..domain.errors import DomainError
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.personal import PersonalField

# Casework (complaints, mediation, agreements, payments, documents) is done by every account of a small station;
# administration (accounts, seal, enrolment with the city) only by its administrator.
EVERYONE = frozenset(StaffRole)
CASEWORK = EVERYONE
ADMINISTRATION = frozenset({StaffRole.ADMINISTRATOR})

# What each role may see in full (services.audit.revealed checks and records it). ID numbers and bank accounts are
# sensitive personal information (PIPL art. 28): shown to those who draw up agreements and arrange payment. A
# coordinator types them at intake (and sees a cell in full while editing it) but browses them masked; phones he
# needs, to call the parties.
REVEALABLE = {
    StaffRole.ADMINISTRATOR: frozenset(PersonalField),
    StaffRole.MEDIATOR: frozenset(PersonalField),
    StaffRole.COORDINATOR: frozenset({PersonalField.PHONE}),
}

# A document names the parties by their ID numbers: a file of it is for those who may see them in full. Everyone
# doing casework prints it, for the parties to sign and keep.
DOCUMENT_FILES = frozenset(role for role, shown in REVEALABLE.items() if PersonalField.ID_NUMBER in shown)

P = ParamSpec("P")
R = TypeVar("R")


class SignedIn(Protocol):
    user_role: StaffRole


class NotPermitted(DomainError):
    """The signed-in account's role may not do this; nothing was changed."""


def requires(roles: frozenset[StaffRole]):
    """Decorate a service whose first argument is the StationContext: only ``roles`` may call it."""

    def decorate(service: Callable[Concatenate[SignedIn, P], R]) -> Callable[Concatenate[SignedIn, P], R]:
        @functools.wraps(service)
        def checked(context: SignedIn, *args: P.args, **kwargs: P.kwargs) -> R:
            if context.user_role not in roles:
                raise NotPermitted(
                    Message(
                        QT_TRANSLATE_NOOP("Domain", "A {role}'s account may not do this; ask the administrator."),
                        {"role": context.user_role},
                    )
                )
            return service(context, *args, **kwargs)

        checked.required_roles = roles  # type: ignore[attr-defined]
        return checked

    return decorate
