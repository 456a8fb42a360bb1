"""A centre is provincial or commune-level and the desk offers the procedures of its level."""

from __future__ import annotations

from sqlalchemy import select, update

from hcc_desk.app import open_context
from hcc_desk.core.store.models import Centre, Procedure
from hcc_desk.services.setup import demo_input


def _levels(ctx, **by_code: str | None) -> None:
    with ctx.store.write() as s:
        for code, level in by_code.items():
            s.execute(update(Procedure).where(Procedure.code == code).values(level=level))


def _set_centre_level(ctx, level: str) -> None:
    with ctx.store.write() as s:
        s.execute(update(Centre).values(level=level))


def test_the_desk_offers_the_procedures_of_its_centres_level(demo_ctx):
    with demo_ctx.store.session() as s:
        codes = list(
            s.scalars(
                select(Procedure.code).where(Procedure.code.is_not(None)).order_by(Procedure.id)
            )
        )[:3]
    commune, legacy_wording, unstated = codes
    # normalised, as published ("Cấp tỉnh"), and a record without the field
    _levels(demo_ctx, **{commune: "commune", legacy_wording: "Cấp tỉnh", unstated: None})

    province_list = {c.national_code for c in demo_ctx.catalogue.search("")}
    assert commune not in province_list and {legacy_wording, unstated} <= province_list

    _set_centre_level(demo_ctx, "commune")
    commune_list = {c.national_code for c in demo_ctx.catalogue.search("")}
    assert commune in commune_list and unstated in commune_list
    assert legacy_wording not in commune_list
    # typed search filters the same way
    found = {c.national_code for c in demo_ctx.catalogue.search(commune)}
    assert commune in found
    _set_centre_level(demo_ctx, "province")
    assert commune not in {c.national_code for c in demo_ctx.catalogue.search(commune)}


def test_setup_records_the_level_and_refuses_an_unknown_one(tmp_path):
    ctx = open_context(tmp_path / "desk")
    try:
        data = demo_input()
        data.level = "district"  # no such level since 1 July 2025
        data.counter_slot = 1
        assert "level" in {e.field for e in ctx.setup.validate(data)}
        data.level = "commune"
        assert "level" not in {e.field for e in ctx.setup.validate(data)}
        ctx.setup._create(data)
        with ctx.store.session() as s:
            assert s.scalar(select(Centre.level)) == "commune"
    finally:
        ctx.close()
