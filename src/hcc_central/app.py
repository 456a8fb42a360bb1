"""The ASGI application. Stateless: every request reads and writes only the database and the
file store, so any number of processes can serve behind a load balancer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI
from sqlalchemy import text

from hcc_core.wire.protocol import API

from . import web
from .api import desk, papers, public, status_page, supervision, uploads
from .api.deps import Central, CentralDep
from .auth import DeviceCache
from .db import Database
from .ingest import Ingest
from .notify.worker import start_worker
from .protocol_gate import PROTOCOL_RESPONSES, ProtocolGate
from .settings import Settings
from .store import FileStore
from .wire_errors import install_error_handlers
from .wire_guard import GUARD_RESPONSES, WireGuard
from .wire_logs import redact_access_log


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
        redact_access_log()  # after uvicorn configured its loggers
        notifier = start_worker(db, settings)  # messages to applicants, if a channel is set
        yield
        if notifier is not None:
            await to_thread.run_sync(notifier.stop)
        db.dispose()

    app = FastAPI(
        title="HCC Central",
        version="1",
        lifespan=lifespan,
        responses={**GUARD_RESPONSES, **PROTOCOL_RESPONSES},
    )
    devices = DeviceCache(settings.auth_cache_seconds)
    app.state.central = Central(settings, db, store, devices, Ingest(db, settings, devices))
    app.include_router(desk.router, prefix=API)
    app.include_router(uploads.router, prefix=API)
    app.include_router(public.router, prefix=API)
    app.include_router(supervision.router, prefix=API)
    app.include_router(papers.router, prefix=API)
    app.include_router(status_page.router)
    web.install(app)
    app.add_exception_handler(uploads.OffsetConflict, uploads.offset_conflict_handler)
    install_error_handlers(app)

    @app.get("/healthz", tags=["ops"])
    def healthz(c: CentralDep) -> dict[str, str]:
        """For the load balancer: this process is up and reaches the database."""
        with c.db.read() as s:
            s.execute(text("SELECT 1"))
        return {"status": "ok"}

    app.add_middleware(ProtocolGate)
    app.add_middleware(web.SecurityHeaders)
    # Outermost of ours: nothing reads a body before the caller and its size are checked.
    app.add_middleware(WireGuard, central=app.state.central)
    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory hcc_central.app:app_from_env`` (HCC_CENTRAL_DB, …)."""
    return create_app(Settings.resolve())
