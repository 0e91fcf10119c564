"""The 登记 page: the form (page.py), its workers table (workers_table.py) and the roster import (roster.py)."""

from .page import IntakeView
from .workers_table import (
    ACCOUNT_NUMBER,
    ADDRESS,
    BANK,
    CLAIMED,
    ETHNICITY,
    ID_NUMBER,
    IDENTITY,
    NAME,
    PHONE,
    POST,
    REPRESENTATIVE,
    SERVICE_ADDRESS,
)

__all__ = [
    "ACCOUNT_NUMBER",
    "ADDRESS",
    "BANK",
    "CLAIMED",
    "ETHNICITY",
    "IDENTITY",
    "ID_NUMBER",
    "NAME",
    "PHONE",
    "POST",
    "REPRESENTATIVE",
    "SERVICE_ADDRESS",
    "IntakeView",
]
