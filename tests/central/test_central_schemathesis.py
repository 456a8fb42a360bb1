"""Property-based API fuzzing from /openapi.json against the live SQLite server: no 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from tests.central.live import Desk, LiveServer


@pytest.fixture
def fuzz_desk(sqlite_server: LiveServer) -> Desk:
    from tests.central.live import desk_for

    d = desk_for(sqlite_server)
    d.http.close()  # only its token is used
    return d


@pytest.fixture
def api_schema(sqlite_server: LiveServer):
    return schemathesis.openapi.from_url(f"{sqlite_server.base_url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors(case, fuzz_desk: Desk):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {fuzz_desk.token}"},
        checks=[not_a_server_error],
        timeout=30,
    )
