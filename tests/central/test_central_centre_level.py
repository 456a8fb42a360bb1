"""A centre is provincial or commune-level (issue 10, item 6); the wire field is optional."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from hcc_central import admin
from hcc_central.admin import AdminError
from hcc_central.models import Centre
from hcc_core.domain.dossier_code import DEMO_FIRST, slot_of
from hcc_core.wire.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, EnrolResponse
from tests.central.helpers import make_doc, op, outcomes, push
from tests.central.live import LiveServer, make_centre, new_key


def _enrol_body(central: LiveServer, centre_id: int, slot: int, version: int) -> dict:
    code, _ = central.write(admin.enrol_counter, centre_id, name=f"Quầy {slot}", slot=slot)
    with central.client() as http:
        r = http.post(
            "/enrol",
            json={"code": code, "device_name": "PC", "key": new_key()},
            headers={PROTOCOL_HEADER: str(version)},
        )
    assert r.status_code == 200, r.text
    return r.json()


def test_a_commune_level_centre_tells_its_desks_and_a_provincial_one_sends_no_field(
    central: LiveServer,
):
    centre_id, _ = make_centre(central)
    assert central.write(lambda s: s.get_one(Centre, centre_id).level) == "province"
    body = _enrol_body(central, centre_id, 1, PROTOCOL_VERSION)
    assert "level" not in body["centre"]  # provincial: the field is left out
    central.write(
        lambda s: s.execute(update(Centre).where(Centre.id == centre_id).values(level="commune"))
    )
    body = _enrol_body(central, centre_id, 2, PROTOCOL_VERSION)
    assert body["centre"]["level"] == "commune"
    assert EnrolResponse.model_validate(body).centre.level == "commune"
    assert "level" not in _enrol_body(central, centre_id, 3, 1)["centre"]  # a version-1 desk


def test_create_centre_checks_the_level_and_keeps_the_demo_block_free(central: LiveServer):
    def create(s, **kw):
        return admin.create_centre(
            s, name="TT PVHCC xã thử", governing_body="UBND xã thử", place_name="Huế", **kw
        )

    made = central.write(lambda s: create(s, code_slots=10, level="commune").id)
    assert (
        central.write(lambda s: s.scalar(select(Centre.level).where(Centre.id == made)))
        == "commune"
    )
    with pytest.raises(AdminError, match="level"):
        central.write(lambda s: create(s, code_slots=10, level="district"))
    with pytest.raises(AdminError, match="below"):
        central.write(lambda s: create(s, code_slots=DEMO_FIRST))


def test_a_code_from_the_demo_block_is_refused_even_on_the_pushing_counters_slot(
    central: LiveServer, desk
):
    demo = make_doc(desk, k=1)
    # 9901 ≡ slot 1 (mod 10 or 20): without the demo block it would pass the slot check
    demo["code"] = demo["code"][:-4] + "9901"
    assert slot_of(9901, desk.code_slots) == desk.slot
    results = push(desk, op(demo), op(make_doc(desk)))
    assert outcomes(results) == [("rejected", 403), ("applied", 200)]
    assert "demo block" in results[0]["reason"]


def test_admin_sets_a_centres_level_from_the_command_line(tmp_path, capsys):
    from hcc_central.cli import main

    db = ["--db", f"sqlite:///{tmp_path / 'c.db'}"]
    assert (
        main(
            [
                "admin",
                *db,
                "create-centre",
                "--name",
                "TT PVHCC phường Phú Xuân",
                "--governing-body",
                "UBND phường Phú Xuân",
                "--place",
                "Huế",
                "--level",
                "commune",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == "1"
    assert main(["admin", *db, "set-centre-level", "--centre", "1", "--level", "province"]) == 0
    assert capsys.readouterr().out.strip() == "centre 1: province"
    with pytest.raises(SystemExit):  # argparse refuses a third level
        main(["admin", *db, "set-centre-level", "--centre", "1", "--level", "district"])
    assert "invalid choice" in capsys.readouterr().err
