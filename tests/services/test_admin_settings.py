"""Desk settings through the admin service: checked, admin-only, persisted and audited."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from hcc_desk.app import open_context
from hcc_desk.core.store.models import AuditLog
from hcc_desk.services.admin_officers import AdminOfficers
from hcc_desk.services.admin_settings import AdminSettings, DeskSettings, ScanSettings
from hcc_desk.services.errors import AuthError, FieldErrors

GOOD = "Hue-quay-07!"


def changes(ctx):
    with ctx.store.session() as s:
        return [
            (r.actor, r.detail["changed"])
            for r in s.scalars(
                select(AuditLog).where(AuditLog.action == "settings.changed").order_by(AuditLog.id)
            )
        ]


def test_settings_persist_across_a_restart_and_are_audited(tmp_path):
    ctx = open_context(tmp_path / "desk")
    ctx.setup.create_demo()
    service = AdminSettings(ctx.store, ctx.settings)
    before = service.read("demo")
    assert before == DeskSettings()  # the defaults
    new = DeskSettings(
        printer="HCC_PDF",
        paper="A5",
        idle_lock_minutes=3,
        language="en",
        scan=ScanSettings("test:0", "adf", 200, "color"),
    )
    changed = service.save("demo", new)
    assert set(changed) == {"printer", "paper", "idle_lock_minutes", "language", "capture_profile"}
    assert service.save("demo", new) == {}  # nothing changed: nothing written, no audit row
    ctx.close()

    ctx = open_context(tmp_path / "desk")  # what the next start of the program reads
    try:
        assert AdminSettings(ctx.store, ctx.settings).read("demo") == new
        assert ctx.settings.get("paper") == "A5" and ctx.settings.get("idle_lock_minutes") == 3
        assert ctx.quick_setting("language") == "en"  # read before the store opens
        profile = ctx.capture.profile()
        assert (profile.device, str(profile.source), profile.resolution, str(profile.mode)) == (
            "test:0",
            "adf",
            200,
            "color",
        )
        assert changes(ctx) == [
            (
                "demo",
                {
                    "printer": [None, "HCC_PDF"],
                    "paper": ["A4", "A5"],
                    "idle_lock_minutes": [10, 3],
                    "language": ["vi", "en"],
                    "capture_profile": [None, profile.to_dict()],
                },
            )
        ]
        # back to the system default printer and no scanner profile
        AdminSettings(ctx.store, ctx.settings).save(
            "demo", replace(new, printer=None, scan=ScanSettings())
        )
        assert ctx.settings.get("printer") is None and ctx.capture.profile() is None
    finally:
        ctx.close()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"paper": "A3"}, "paper"),
        ({"idle_lock_minutes": 0}, "idle_lock_minutes"),
        ({"idle_lock_minutes": 500}, "idle_lock_minutes"),
        ({"language": "fr"}, "language"),
        ({"printer": "  "}, "printer"),
        ({"scan": ScanSettings("dev", "tray", 300, "gray")}, "scan.source"),
        ({"scan": ScanSettings("dev", "adf", 333, "gray")}, "scan.resolution"),
        ({"scan": ScanSettings("dev", "adf", 300, "sepia")}, "scan.mode"),
    ],
)
def test_invalid_settings_are_refused_and_nothing_is_written(demo_ctx, change, field):
    service = AdminSettings(demo_ctx.store, demo_ctx.settings)
    with pytest.raises(FieldErrors) as err:
        service.save("demo", replace(DeskSettings(paper="A5"), **change))
    assert [e.field for e in err.value.errors] == [field]
    assert demo_ctx.settings.get("paper") == "A4" and changes(demo_ctx) == []


def test_non_admins_cannot_read_or_change_settings(demo_ctx):
    AdminOfficers(demo_ctx.store, demo_ctx.credentials).add(
        "demo", "giamsat", "Giám Sát", "supervisor", GOOD, GOOD
    )
    service = AdminSettings(demo_ctx.store, demo_ctx.settings)
    with pytest.raises(AuthError):
        service.read("giamsat")
    with pytest.raises(AuthError):
        service.save("giamsat", DeskSettings(paper="A5"))
    assert demo_ctx.settings.get("paper") == "A4"
