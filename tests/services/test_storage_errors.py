"""A full disk while saving: a clear message, nothing half-written, the next save works."""
import pytest
from sqlalchemy import event, func, select

from hcc_desk.core.store.models import Dossier
from hcc_desk.services.errors import UserError
from hcc_desk.services.intake_request import IntakeRequest, PersonInput


def _request(i: int) -> IntakeRequest:
    return IntakeRequest(procedure_code="1.001456", notes="x" * 1500, submitter=PersonInput(
        full_name=f"Người nộp {i}", id_number="046185012345", address="y" * 400))


def test_disk_full_during_save_is_a_clear_message_and_writes_nothing(demo_ctx):
    demo_ctx.intake.submit(_request(0), "demo")
    engine = demo_ctx.store.get().engine
    with demo_ctx.store.session() as s:
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_connection, _record):  # SQLite's own "disk full" once the file would grow
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()
    event.listen(engine, "connect", cap)
    with pytest.raises(UserError) as err:
        for i in range(1, 200):
            demo_ctx.intake.submit(_request(i), "demo")
    assert "đầy" in err.value.message and "full" in err.value.message_en
    with demo_ctx.store.session() as s:
        saved = s.scalar(select(func.count()).select_from(Dossier))
    event.remove(engine, "connect", cap)
    engine.dispose()
    # Every dossier that was reported saved is there, complete; then saving works again.
    done = demo_ctx.intake.submit(_request(999), "demo")
    assert demo_ctx.dossiers.detail(done.code, "demo").submitter.full_name == "Người nộp 999"
    with demo_ctx.store.session() as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == saved + 1
