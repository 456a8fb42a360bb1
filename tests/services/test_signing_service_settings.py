"""The signing settings an admin sets on the Cài đặt page (services/admin_settings.py): saved
through the settings service (so the signing service reads them at once), audited, refused with
the field named when they cannot be used, and cleared back to "unset"."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from hcc_desk.core.store.models import AuditLog
from hcc_desk.services.admin_settings import AdminSettings, SigningSettings
from hcc_desk.services.errors import FieldErrors

LIB = "/usr/lib/vnpt-ca/libvnptpkcs11.so"


def test_signing_settings_are_saved_audited_and_used_by_the_signing_service(demo_ctx):
    admin = AdminSettings(demo_ctx.store, demo_ctx.settings)
    before = admin.read("demo")
    assert before.signing == SigningSettings()  # nothing set: signing is not set up
    assert demo_ctx.signing.config().library is None

    changed = admin.save(
        "demo",
        replace(
            before,
            signing=SigningSettings(f"  {LIB} ", "VNPT-CA 01", "", "https://tsa.example.vn/tsr"),
        ),
    )

    assert changed == {
        "signing.pkcs11_lib": [None, LIB],
        "signing.slot_label": [None, "VNPT-CA 01"],
        "signing.timestamp_url": [None, "https://tsa.example.vn/tsr"],
    }
    config = demo_ctx.signing.config()
    assert (config.library, config.slot_label, config.key_label) == (LIB, "VNPT-CA 01", None)
    assert admin.read("demo").signing.pkcs11_lib == LIB
    with demo_ctx.store.session() as s:
        [audit] = s.scalars(select(AuditLog).where(AuditLog.action == "settings.changed")).all()
        assert audit.actor == "demo" and "signing.pkcs11_lib" in audit.detail["changed"]

    admin.save("demo", replace(admin.read("demo"), signing=SigningSettings()))  # cleared
    assert demo_ctx.signing.config().library is None


@pytest.mark.parametrize(
    ("signing", "field"),
    [
        (SigningSettings(timestamp_url="ftp://tsa.example.vn"), "signing.timestamp_url"),
        (SigningSettings(timestamp_url="https://tsa example.vn"), "signing.timestamp_url"),
        (SigningSettings(slot_label="x" * 65), "signing.slot_label"),
    ],
)
def test_unusable_signing_settings_are_refused_with_the_field(demo_ctx, signing, field):
    admin = AdminSettings(demo_ctx.store, demo_ctx.settings)
    with pytest.raises(FieldErrors) as refused:
        admin.save("demo", replace(admin.read("demo"), signing=signing))
    assert [e.field for e in refused.value.errors] == [field]
    assert admin.read("demo").signing == SigningSettings()  # nothing saved
