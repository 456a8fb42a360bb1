"""Run-time settings of one central API process (all state lives in the database + file store)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    max_result_bytes: int = 20 * MiB  # an agency's result document, uploaded in the back office
    chunk_bytes: int = 1 * MiB
    max_request_bytes: int = 16 * MiB  # a 200-op push is ~1 MiB; anything far above is abuse
    max_small_request_bytes: int = 64 * 1024  # enrol, login, upload start: small JSON
    enrol_code_hours: int = 72
    db_pool_size: int = 20  # also the number of request threads (no connection churn)
    auth_cache_seconds: int = 5  # a revoked device is refused within this time (0: at once)
    # What one device may do (docs/security.md). Quotas in bytes; 0: no limit.
    device_inflight_bytes: int = 256 * MiB  # started, not completed uploads of one device
    centre_inflight_bytes: int = 2048 * MiB  # … of all the devices of one centre
    device_stored_bytes: int = 200 * 1024 * MiB  # attachments one device has stored
    centre_stored_bytes: int = 2048 * 1024 * MiB  # attachments one centre has stored
    upload_expiry_hours: int = 24  # an upload not completed by then is dropped, space freed
    clock_skew_seconds: int = 300  # an event or receipt later than central's now + this: refused
    # Officer sessions and guessing (guard.py, docs/security.md).
    session_minutes: int = 480  # an officer session's life from login (8 h: one working day)
    session_idle_minutes: int = 60  # unused this long: expired (0: no idle timeout)
    login_max_failures: int = 5  # failed logins in a row before an officer is locked
    login_lock_seconds: int = 60  # first lock; doubles with each further failure …
    login_lock_max_seconds: int = 3600  # … up to this
    hash_concurrency: int = 2  # argon2 verifications at once (~64 MiB each)
    hash_queue: int = 16  # logins waiting for one; more → 503
    lookup_ip_per_minute: int = 30  # public lookups per client address (burst as large)
    lookup_code_per_minute: int = 5  # wrong PINs per dossier code (burst as large)
    # Messages to applicants (notify/, docs/notifications.md). No host / URL: channel off.
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_starttls: bool = True  # STARTTLS after connecting (off: a local relay in plain text)
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_from: str = ""
    sms_url: str = ""  # the gateway: a JSON POST with a bearer token
    sms_token: str = ""
    sms_ascii: bool = False  # strip Vietnamese marks (gateways that only send GSM 7-bit text)
    notify_timeout_seconds: int = 20  # one SMTP or gateway exchange
    notify_max_attempts: int = 6  # then the message is "failed", its last error shown
    notify_retry_seconds: int = 60  # first retry; doubles each time, at most an hour
    notify_poll_seconds: int = 5  # the worker looks for due messages this often
    notify_max_age_hours: int = 72  # not sent by then (e.g. channel not configured): failed
    notify_pushed_within_hours: int = 72  # a counter's step pushed later than this: not told
    # Signed digitised copies (signatures.py): the CA certificates a signed PDF's signer must
    # chain to. Empty: integrity and expiry are checked, not who issued the certificate.
    signature_ca_dir: str = ""
    # Reusing signed digitised papers (api/papers.py): whose papers a lookup lists — "all" the
    # centres on this central (it serves one province), or only the asking device's "centre"
    # (any other value counts as "centre", the narrower); how many lookups one device may make
    # in a window of minutes (then 429 with Retry-After).
    reuse_scope: str = "all"
    paper_lookups_per_device: int = 30
    paper_lookup_window_minutes: int = 10

    @classmethod
    def resolve(
        cls, db: str | None = None, store: str | Path | None = None, data: str | Path | None = None
    ) -> Settings:
        """CLI / environment → settings: --db, else HCC_CENTRAL_DB, else SQLite in the data dir."""
        data_dir = Path(data) if data else default_data_dir()
        db_url = db or os.environ.get("HCC_CENTRAL_DB") or default_db_url(data_dir)
        store_dir = Path(store or os.environ.get("HCC_CENTRAL_STORE") or data_dir / "store")
        if db_url.startswith("sqlite:///"):
            # Central's data is owner-only: folder 0700, the database and its WAL 0600.
            from hcc_core.owner_only import make_private_dir, private_files, private_umask

            private_umask()
            private_files(make_private_dir(Path(db_url.removeprefix("sqlite:///")).parent))
        limits: dict[str, Any] = {
            name: int(os.environ[env])
            for name, env in _ENV_INTS.items()
            if os.environ.get(env, "").isdigit()
        }
        texts: dict[str, Any] = {
            name: os.environ[env] for name, env in _ENV_STRS.items() if os.environ.get(env)
        }
        for name, env in _ENV_BOOLS.items():
            if os.environ.get(env, "").strip().lower() in _TRUE | _FALSE:
                texts[name] = os.environ[env].strip().lower() in _TRUE
        return cls(db_url=db_url, store_dir=store_dir, **limits, **texts)


_ENV_INTS = {
    "max_attachment_bytes": "HCC_CENTRAL_MAX_ATTACHMENT_BYTES",
    "max_dossier_bytes": "HCC_CENTRAL_MAX_DOSSIER_BYTES",
    "max_result_bytes": "HCC_CENTRAL_MAX_RESULT_BYTES",
    "chunk_bytes": "HCC_CENTRAL_CHUNK_BYTES",
    "max_request_bytes": "HCC_CENTRAL_MAX_PUSH_BYTES",
    "max_small_request_bytes": "HCC_CENTRAL_MAX_SMALL_REQUEST_BYTES",
    "db_pool_size": "HCC_CENTRAL_DB_POOL",
    "auth_cache_seconds": "HCC_CENTRAL_AUTH_CACHE_SECONDS",
    "device_inflight_bytes": "HCC_CENTRAL_DEVICE_INFLIGHT_BYTES",
    "centre_inflight_bytes": "HCC_CENTRAL_CENTRE_INFLIGHT_BYTES",
    "device_stored_bytes": "HCC_CENTRAL_DEVICE_STORED_BYTES",
    "centre_stored_bytes": "HCC_CENTRAL_CENTRE_STORED_BYTES",
    "upload_expiry_hours": "HCC_CENTRAL_UPLOAD_EXPIRY_HOURS",
    "clock_skew_seconds": "HCC_CENTRAL_CLOCK_SKEW_SECONDS",
    "session_minutes": "HCC_CENTRAL_SESSION_MINUTES",
    "session_idle_minutes": "HCC_CENTRAL_SESSION_IDLE_MINUTES",
    "login_max_failures": "HCC_CENTRAL_LOGIN_MAX_FAILURES",
    "login_lock_seconds": "HCC_CENTRAL_LOGIN_LOCK_SECONDS",
    "login_lock_max_seconds": "HCC_CENTRAL_LOGIN_LOCK_MAX_SECONDS",
    "hash_concurrency": "HCC_CENTRAL_HASH_CONCURRENCY",
    "hash_queue": "HCC_CENTRAL_HASH_QUEUE",
    "lookup_ip_per_minute": "HCC_CENTRAL_LOOKUP_IP_PER_MINUTE",
    "lookup_code_per_minute": "HCC_CENTRAL_LOOKUP_CODE_PER_MINUTE",
    "smtp_port": "HCC_CENTRAL_SMTP_PORT",
    "notify_timeout_seconds": "HCC_CENTRAL_NOTIFY_TIMEOUT_SECONDS",
    "notify_max_attempts": "HCC_CENTRAL_NOTIFY_MAX_ATTEMPTS",
    "notify_retry_seconds": "HCC_CENTRAL_NOTIFY_RETRY_SECONDS",
    "notify_poll_seconds": "HCC_CENTRAL_NOTIFY_POLL_SECONDS",
    "notify_max_age_hours": "HCC_CENTRAL_NOTIFY_MAX_AGE_HOURS",
    "notify_pushed_within_hours": "HCC_CENTRAL_NOTIFY_PUSHED_WITHIN_HOURS",
    "paper_lookups_per_device": "HCC_CENTRAL_PAPER_LOOKUPS_PER_DEVICE",
    "paper_lookup_window_minutes": "HCC_CENTRAL_PAPER_LOOKUP_WINDOW_MINUTES",
}
_ENV_STRS = {
    "smtp_host": "HCC_CENTRAL_SMTP_HOST",
    "smtp_user": "HCC_CENTRAL_SMTP_USER",
    "smtp_password": "HCC_CENTRAL_SMTP_PASSWORD",
    "smtp_from": "HCC_CENTRAL_SMTP_FROM",
    "sms_url": "HCC_CENTRAL_SMS_URL",
    "sms_token": "HCC_CENTRAL_SMS_TOKEN",
    "signature_ca_dir": "HCC_CENTRAL_SIGNATURE_CA_DIR",
    "reuse_scope": "HCC_CENTRAL_REUSE_SCOPE",
}
_ENV_BOOLS = {"smtp_starttls": "HCC_CENTRAL_SMTP_STARTTLS", "sms_ascii": "HCC_CENTRAL_SMS_ASCII"}
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}
