"""The station rows of this computer's station, for its case numbers.

Every computer's setup makes a station row of its own, and a station's second laptop, enrolled in the same city
station, pulls the first one's row and cases. Its case numbers must continue after theirs (intake.next_sequence),
not start again at 1 and collide with each of them. The city says which station owns each pulled row; the rows of
the station this computer is enrolled in are remembered here. Another station's row (that of a case the city
assigned here) is not among them: its numbers are its own.
"""

import json
import uuid
from collections.abc import Iterable

from sqlalchemy.orm import Session

from . import settings

CITY_STATION_SETTING = "sync_city_station"  # the city's id of the station this computer is enrolled in
STATION_ROWS_SETTING = "sync_station_rows"  # station rows of that station made on its other computers


def remember(session: Session, pulled: Iterable[tuple[uuid.UUID, uuid.UUID | None]]) -> None:
    """Of pulled station rows (row id, the city station that owns it), keep those of this computer's station."""
    city_station = settings.get(session, CITY_STATION_SETTING)
    ours = {str(row_id) for row_id, owner in pulled if city_station is not None and str(owner) == city_station}
    known = set(json.loads(settings.get(session, STATION_ROWS_SETTING) or "[]"))
    if not ours <= known:
        settings.put(session, STATION_ROWS_SETTING, json.dumps(sorted(known | ours)))


def of_station(session: Session, own: uuid.UUID) -> list[uuid.UUID]:
    """This computer's station row and those of the same station made on its other computers."""
    others = {uuid.UUID(each) for each in json.loads(settings.get(session, STATION_ROWS_SETTING) or "[]")}
    return [own, *sorted(others - {own})]
