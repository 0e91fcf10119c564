"""Fuzz every operation of the published OpenAPI schema (schemathesis): whatever arrives, valid or not, the
server never answers 5xx, and every answer matches the schema (status codes, content types, bodies)."""

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from heze_station.server import migrations
from heze_station.server.app import create_app
from heze_station.server.config import Settings
from heze_station.server.db import Database

from .conftest import Server, fresh_postgresql_database, serve_in_thread

schema = schemathesis.openapi.from_dict(create_app(Settings(database_url="sqlite://")).openapi())
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fuzzed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict]]:
    url = fresh_postgresql_database(request.getfixturevalue("pg_cluster")) if request.param == "postgresql" else None
    server_settings = Settings(
        database_url=url, data_dir=tmp_path_factory.mktemp("fuzz"), auth_failures_allowed=1_000_000
    )
    database = Database(server_settings)
    migrations.upgrade(database.engine)
    running, thread, base_url = serve_in_thread(server_settings, database)
    station = Server(base_url, server_settings, database)
    device = station.device(station.create_station("城区驿站"))
    yield base_url, {"Authorization": f"Bearer {device.token}"}
    running.should_exit = True
    thread.join()
    database.close()


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_server_fail_or_break_its_schema(case, fuzzed) -> None:
    base_url, headers = fuzzed
    case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS)
