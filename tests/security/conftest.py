"""The security suite plays the hostile device, the outsider and the other local user.

Central-side tests run against the same kind of live uvicorn central as tests/central, on SQLite
and on PostgreSQL (``central`` is parametrized over both; ``desk`` is an enrolled counter of a
fresh centre on it). Desk-side tests use real profiles on disk.
"""

from tests.central.conftest import (  # noqa: F401 — fixtures shared with tests/central
    central,
    desk,
    desk_factory,
    pg_admin_url,
    pg_url,
    postgresql_server,
    sqlite_server,
)
