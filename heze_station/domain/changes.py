"""What a saved change touched: the tables written and the cases they belong to.

Every write is recorded as outbox operations in its transaction (storage/outbox.py); the same hook notes which
tables and cases it wrote, so a window showing one case reloads only when that case changed, and a page of
employers only when employers or cases did. A change whose extent is not known (what a sync brought in) is
``EVERYTHING``.
"""

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    tables: frozenset[str] = frozenset()
    case_ids: frozenset[uuid.UUID] = frozenset()
    everything: bool = False

    def touches(self, *tables: str) -> bool:
        """Whether any of ``tables`` (their names in the database, e.g. "case_file", "payment") was written."""
        return self.everything or not self.tables.isdisjoint(tables)

    def concerns_case(self, case_id: uuid.UUID) -> bool:
        return self.everything or case_id in self.case_ids

    def __bool__(self) -> bool:
        return self.everything or bool(self.tables)

    def __or__(self, other: "Change") -> "Change":
        return Change(self.tables | other.tables, self.case_ids | other.case_ids, self.everything or other.everything)


EVERYTHING = Change(everything=True)
NOTHING = Change()
