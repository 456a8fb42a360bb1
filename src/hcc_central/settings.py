"""Run-time settings of one central API process (all state lives in the database + file store)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

MiB = 1024 * 1024


def default_data_dir() -> Path:
    env = os.environ.get("HCC_CENTRAL_DATA")
    return Path(env) if env else platformdirs.user_data_path("hcc-central", appauthor=False)


def default_db_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'central.db'}"


@dataclass(frozen=True)
class Settings:
    db_url: str
    store_dir: Path
    max_attachment_bytes: int = 20 * MiB
    max_dossier_bytes: int = 100 * MiB  # sum of one dossier's attachments
    chunk_bytes: int = 1 * MiB
    max_request_bytes: int = 16 * MiB  # a 200-op push is ~1 MiB; anything far above is abuse
    enrol_code_hours: int = 72
    db_pool_size: int = 20  # also the number of request threads (no connection churn)
    auth_cache_seconds: int = 5  # a revoked device is refused within this time (0: at once)

    @classmethod
    def resolve(
        cls, db: str | None = None, store: str | Path | None = None, data: str | Path | None = None
    ) -> Settings:
        """CLI / environment → settings: --db, else HCC_CENTRAL_DB, else SQLite in the data dir."""
        data_dir = Path(data) if data else default_data_dir()
        db_url = db or os.environ.get("HCC_CENTRAL_DB") or default_db_url(data_dir)
        store_dir = Path(store or os.environ.get("HCC_CENTRAL_STORE") or data_dir / "store")
        if db_url.startswith("sqlite:///"):
            Path(db_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        limits = {
            name: int(os.environ[env])
            for name, env in _ENV_INTS.items()
            if os.environ.get(env, "").isdigit()
        }
        return cls(db_url=db_url, store_dir=store_dir, **limits)


_ENV_INTS = {
    "max_attachment_bytes": "HCC_CENTRAL_MAX_ATTACHMENT_BYTES",
    "max_dossier_bytes": "HCC_CENTRAL_MAX_DOSSIER_BYTES",
    "chunk_bytes": "HCC_CENTRAL_CHUNK_BYTES",
    "db_pool_size": "HCC_CENTRAL_DB_POOL",
    "auth_cache_seconds": "HCC_CENTRAL_AUTH_CACHE_SECONDS",
}
