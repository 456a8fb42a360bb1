"""The ASGI application. Stateless: every request reads and writes only the database and the
file store, so any number of processes can serve behind a load balancer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from anyio import to_thread
from fastapi import FastAPI
from sqlalchemy import text

from hcc_desk.core.sync.protocol import API

from .api import desk, public, supervision, uploads
from .api.deps import Central, CentralDep
from .api.openapi import BODY_LIMIT
from .auth import DeviceCache
from .db import Database
from .ingest import Ingest
from .settings import Settings
from .store import FileStore

Scope = dict[str, Any]


def create_app(settings: Settings) -> FastAPI:
    db = Database(settings.db_url, pool_size=settings.db_pool_size)
    store = FileStore(settings.store_dir)
    store.ensure()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Sync routes run in anyio's thread pool (40 threads by default). One thread per pooled
        # connection: more would only wait for a connection (or open and close overflow ones)
        # and fight over the GIL.
        to_thread.current_default_thread_limiter().total_tokens = settings.db_pool_size
        yield
        db.dispose()

    app = FastAPI(title="HCC Central", version="1", lifespan=lifespan, responses=BODY_LIMIT)
    devices = DeviceCache(settings.auth_cache_seconds)
    app.state.central = Central(settings, db, store, devices, Ingest(db, settings, devices))
    app.include_router(desk.router, prefix=API)
    app.include_router(uploads.router, prefix=API)
    app.include_router(public.router, prefix=API)
    app.include_router(supervision.router, prefix=API)
    app.include_router(public.page_router)
    app.add_exception_handler(uploads.OffsetConflict, uploads.offset_conflict_handler)

    @app.get("/healthz", tags=["ops"])
    def healthz(c: CentralDep) -> dict[str, str]:
        """For the load balancer: this process is up and reaches the database."""
        with c.db.read() as s:
            s.execute(text("SELECT 1"))
        return {"status": "ok"}

    limit = max(settings.max_request_bytes, settings.chunk_bytes + 65536)
    app.add_middleware(BodyLimit, limit=limit)
    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory hcc_central.app:app_from_env`` (HCC_CENTRAL_DB, …)."""
    return create_app(Settings.resolve())


class BodyLimit:
    """413 for a declared body over the limit; 411 for a chunked body (unbounded, not read)."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            headers = dict(scope["headers"])
            length = headers.get(b"content-length")
            if length is not None and (not length.isdigit() or int(length) > self.limit):
                return await _reply(send, 413, b'{"detail":"request body too large"}')
            if length is None and b"chunked" in headers.get(b"transfer-encoding", b""):
                return await _reply(send, 411, b'{"detail":"Content-Length required"}')
        await self.app(scope, receive, send)


async def _reply(send: Any, status: int, body: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
