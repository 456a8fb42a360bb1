"""A supplement wait recorded on central keeps a dossier out of "overdue" in the supervision
of another counter, and its result counts as early (real uvicorn central, real SQLite desks)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

pytest.importorskip("hcc_central.app")

from hcc_central.status_change import set_status
from hcc_core.domain.status import DossierStatus as S
from hcc_desk.core.store.models import CentreDossier, Dossier
from hcc_desk.services.supervision import SupervisionService
from tests.services.after_intake_helpers import Clock, intake
from tests.services.test_supervision_central import (  # noqa: F401 (server: a fixture)
    RECEIVED,
    _centre,
    _desk,
    _sync,
    server,
)

ORIGINAL_DUE = datetime(2026, 12, 7, 9, 0)  # 8 working days from Wed 25/11 09:00
MOVED_DUE = datetime(2026, 12, 15, 9, 0)  # + the six working days waited (26/11 → 04/12)


def test_central_pause_moves_supervision_due_date_and_rates(server, tmp_path):  # noqa: F811
    _, (code1, code2) = _centre(server)
    one = _desk(server, code1, tmp_path / "quay1", ("giamsat",))
    two = _desk(server, code2, tmp_path / "quay2", ("mai",))
    try:
        theirs = intake(two, RECEIVED, "mai")
        _sync(two)
        server.write(
            set_status, theirs, S.WAITING_SUPPLEMENT, actor="ca", at=datetime(2026, 11, 26, 8, 0)
        )
        server.write(set_status, theirs, S.PROCESSING, actor="ca", at=datetime(2026, 12, 4, 8, 0))

        clock = Clock(datetime(2026, 12, 8, 10, 0))  # after the receipt's date, before the new
        sup = SupervisionService(one.store, one.calendars, one.credentials, clock)
        assert sup.refresh("giamsat").complete
        lists = sup.overview("giamsat").lists
        assert theirs not in [r.code for r in lists.overdue]  # was "Quá hạn" before the fix
        with one.store.session() as s:  # the supervision cache, as fetched from central
            cached = s.scalar(select(CentreDossier.due_at).where(CentreDossier.code == theirs))
        assert cached == MOVED_DUE

        server.write(set_status, theirs, S.RELEASING, actor="ca", at=datetime(2026, 12, 10, 9))
        assert sup.refresh("giamsat").rows >= 1
        total = sup.rates("giamsat", date(2026, 11, 1), date(2026, 12, 31), "officer")[-1]
        assert (total.early, total.on_time, total.late) == (1, 0, 0)  # was late before the fix

        _sync(two)  # the counter that took it shows the same date
        with two.store.session() as s:
            assert s.scalar(select(Dossier.due_at).where(Dossier.code == theirs)) == MOVED_DUE
    finally:
        one.close()
        two.close()
