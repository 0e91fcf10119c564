"""The look-up of a push's unique values (F6) on PostgreSQL reads the lookup index key by key, also before
PostgreSQL has statistics of the station's values (a new server, a station's first big pushes): planned on stale
statistics, the query it replaced read every value of the station's field for each push."""

import pytest
from sqlalchemy import insert

from heze_station.domain.ids import new_id
from heze_station.server import ingest
from heze_station.server.db import _compiled
from heze_station.server.models import UniqueValue

from .conftest import Server

VALUES = 2000  # one station's people, as the benchmark's stations hold after their pushes


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_pushs_unique_values_are_looked_up_whole_whatever_postgresqls_statistics(server: Server) -> None:
    station = server.create_station("城区驿站")
    with server.database.transaction() as session:
        session.execute(
            insert(UniqueValue),
            [
                {"row_id": new_id(), "field_name": "id_number", "station_id": station, "table_name": "person",
                 "value": f"37170019800101{n:04d}"}
                for n in range(VALUES)
            ],
        )  # fmt: skip
    query, _ = _compiled(ingest._UNIQUE_HOLDERS_POSTGRESQL, server.database.engine.dialect)
    wanted = {"station": station, "tables": ["person", "person"], "names": ["id_number", "id_number"],
              "values": ["371700198001010007", "37170019800101X"]}  # fmt: skip
    with server.database.transaction() as session:
        connection = session.connection()
        found = connection.exec_driver_sql(query, wanted).all()
        plan = "\n".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN ANALYZE {query}", wanted))

    assert [(table, name, value) for _, table, name, value in found] == [("person", "id_number", "371700198001010007")]
    assert "Rows Removed by Filter" not in plan, plan
    assert "(value)::text = (wanted.value)::text" in plan, plan
