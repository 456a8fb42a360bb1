"""Officer administration on a real demo profile: admin-only in the service, audited, central's
rules for names and passwords, read-only once the desk is enrolled."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from hcc_desk.core.store.models import AuditLog, Officer
from hcc_desk.core.sync.credentials import DeviceCredential
from hcc_desk.services.admin_officers import AdminOfficers
from hcc_desk.services.auth import AuthService
from hcc_desk.services.errors import AuthError, FieldErrors, UserError

GOOD = "Hue-quay-07!"  # 12 characters: enough for every role


@pytest.fixture
def admin(demo_ctx):
    return AdminOfficers(demo_ctx.store, demo_ctx.credentials)


def audit(ctx, action):
    with ctx.store.session() as s:
        return [
            (r.actor, r.detail)
            for r in s.scalars(
                select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)
            )
        ]


def test_an_added_officer_can_log_in_and_it_is_audited(demo_ctx, admin):
    row = admin.add("demo", "  Lan.Nguyen ", "Nguyễn  Thị Lan", "officer", GOOD, GOOD)
    assert (row.username, row.full_name) == ("lan.nguyen", "Nguyễn Thị Lan")
    officer = demo_ctx.auth.login("lan.nguyen", GOOD)
    assert (officer.username, officer.role) == ("lan.nguyen", "officer")
    assert audit(demo_ctx, "officer.created") == [
        ("demo", {"officer": "lan.nguyen", "role": "officer"})
    ]
    listed = {o.username: o for o in admin.list("demo").officers}
    assert listed["lan.nguyen"].active and not admin.list("demo").managed_by_central


def test_non_admins_are_refused_by_the_service_and_the_refusal_is_audited(demo_ctx, admin):
    admin.add("demo", "giamsat", "Giám Sát", "supervisor", GOOD, GOOD)
    admin.add("demo", "canbo", "Cán Bộ", "officer", GOOD, GOOD)
    for who in ("giamsat", "canbo", "nobody", ""):
        with pytest.raises(AuthError):
            admin.add(who, "x1", "X", "admin", GOOD)
        with pytest.raises(AuthError):
            admin.reset_password(who, "demo", GOOD)
        with pytest.raises(AuthError):
            admin.set_active(who, "canbo", False)
        with pytest.raises(AuthError):
            admin.unlock(who, "canbo")
        with pytest.raises(AuthError):
            admin.list(who)
    assert [a for a, _ in audit(demo_ctx, "admin.refused")].count("canbo") == 5
    with demo_ctx.store.session() as s:
        assert s.scalar(select(Officer).where(Officer.username == "x1")) is None
    # a disabled admin is no admin any more
    admin.add("demo", "admin2", "Quản Trị Hai", "admin", GOOD, GOOD)
    admin.set_active("demo", "admin2", False)
    with pytest.raises(AuthError):
        admin.list("admin2")


@pytest.mark.parametrize(
    ("username", "password", "field"),
    [
        ("giаmsat", GOOD, "username"),  # Cyrillic а: looks Latin, would be another account
        ("có dấu", GOOD, "username"),
        ("", GOOD, "username"),
        ("lan", "ngắn-quá", "password"),  # 8 < 10
        ("lan", "1234567890", "password"),  # among the most common
        ("lan", "lan-lan-1", "password"),
    ],
)
def test_names_and_passwords_follow_centrals_rules(admin, username, password, field):
    with pytest.raises(FieldErrors) as err:
        admin.add("demo", username, "Tên", "officer", password, password)
    assert field in [e.field for e in err.value.errors]
    assert all(e.message and e.text("en") for e in err.value.errors)


def test_admins_need_twelve_characters_and_names_are_nfkc_and_unique(admin):
    with pytest.raises(FieldErrors, match="12"):
        admin.add("demo", "admin3", "A", "admin", "Eleven-char", "Eleven-char")
    wide = "ｌａｎ"  # full-width: NFKC makes it "lan"
    assert admin.add("demo", wide, "Lan", "officer", GOOD, GOOD).username == "lan"
    with pytest.raises(FieldErrors, match="lan"):
        admin.add("demo", "LAN", "Lan khác", "officer", GOOD, GOOD)
    with pytest.raises(FieldErrors) as err:
        admin.add("demo", "lan2", "Lan", "officer", GOOD, "other-one-12")
    assert [e.field for e in err.value.errors] == ["password_confirm"]


def test_reset_password_disable_enable_and_unlock(demo_ctx, admin):
    admin.add("demo", "lan", "Lan", "officer", GOOD, GOOD)
    local = AuthService(demo_ctx.store)
    for _ in range(5):  # the default lockout threshold
        with pytest.raises(AuthError):
            local.login("lan", "wrong-password")
    assert admin.list("demo").officers[-1].locked_until is not None
    admin.unlock("demo", "lan")
    assert [o.locked_until for o in admin.list("demo").officers if o.username == "lan"] == [None]
    assert local.login("lan", GOOD).username == "lan"

    admin.reset_password("demo", "lan", "Mat-khau-moi-9", "Mat-khau-moi-9")
    with pytest.raises(AuthError):
        local.login("lan", GOOD)
    assert local.login("lan", "Mat-khau-moi-9").username == "lan"

    admin.set_active("demo", "lan", False)
    with pytest.raises(AuthError):
        local.login("lan", "Mat-khau-moi-9")
    admin.set_active("demo", "lan", True)
    assert local.login("lan", "Mat-khau-moi-9").username == "lan"
    assert [d["officer"] for _, d in audit(demo_ctx, "officer.password_reset")] == ["lan"]
    assert len(audit(demo_ctx, "officer.disabled")) == len(audit(demo_ctx, "officer.enabled")) == 1
    assert [d["officer"] for _, d in audit(demo_ctx, "officer.unlocked")] == ["lan"]


def test_the_last_admin_and_oneself_cannot_be_disabled(admin):
    with pytest.raises(UserError):
        admin.set_active("demo", "demo", False)
    admin.add("demo", "admin2", "Quản Trị Hai", "admin", GOOD, GOOD)
    admin.set_active("admin2", "demo", False)  # another admin remains: allowed
    admin.set_active("admin2", "demo", True)


def test_when_enrolled_officers_are_centrals_and_read_only(demo_ctx, admin):
    demo_ctx.credentials.save(DeviceCredential("https://central.invalid", "dev-1", "tok"))
    listing = admin.list("demo")
    assert listing.managed_by_central and [o.username for o in listing.officers] == ["demo"]
    for call in (
        lambda: admin.add("demo", "lan", "Lan", "officer", GOOD, GOOD),
        lambda: admin.reset_password("demo", "demo", GOOD, GOOD),
        lambda: admin.set_active("demo", "demo", True),
    ):
        with pytest.raises(UserError, match="trung tâm"):
            call()
    admin.unlock("demo", "demo")  # the desk's own offline lockout can still be lifted


def test_locks_that_ran_out_are_not_shown(demo_ctx, admin):
    with demo_ctx.store.write() as s:
        s.scalar(select(Officer).where(Officer.username == "demo")).locked_until = (
            datetime.now() - timedelta(minutes=1)
        )
    assert admin.list("demo").officers[0].locked_until is None
