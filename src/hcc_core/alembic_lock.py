"""Alembic keeps the running migration's context in a module global: two upgrades at once in one
process (desks as threads, or a desk and hcc-central) would run in each other's context. Both
packages hold this lock around every Alembic command, before any database lock."""

from __future__ import annotations

import threading

ALEMBIC_LOCK = threading.Lock()
