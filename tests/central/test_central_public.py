"""Citizen lookup: JSON and the HTML page; wrong PIN = unknown code; nothing personal."""

from __future__ import annotations

import httpx

from tests.central.helpers import make_doc, op, push
from tests.central.live import LiveServer


def test_public_status_by_code_and_pin(central: LiveServer, desk):
    doc = make_doc(desk, lookup_pin="XY34ZW")
    push(desk, op(doc))
    with central.client() as http:  # no device token: public
        ok = http.get("/public/status", params={"code": doc["code"].lower(), "pin": "xy34zw"})
        assert ok.status_code == 200
        assert ok.json() == {
            "code": doc["code"],
            "status": 2,
            "status_label": "Được tiếp nhận",
            "received_at": doc["received_at"],
            "due_at": doc["due_at"],
            "procedure_name": doc["procedure_name"],
        }
        wrong_pin = http.get("/public/status", params={"code": doc["code"], "pin": "XY34ZX"})
        unknown = http.get(
            "/public/status", params={"code": "000.00.00.H00-261125-0001", "pin": "XY34ZW"}
        )
    assert wrong_pin.status_code == unknown.status_code == 404
    assert wrong_pin.content == unknown.content
    for secret in ("Nguyễn Văn An", "046090001234", "0905123456", "Lê Lợi", "XY34ZW"):
        assert secret not in ok.text


def test_status_page_escapes_and_shows_status(central: LiveServer, desk):
    doc = make_doc(
        desk, lookup_pin="PQ56RS", procedure_name='<script>alert("x")</script> Đăng ký khai sinh'
    )
    push(desk, op(doc))
    with httpx.Client(base_url=central.base_url) as http:
        empty = http.get("/status")
        found = http.get("/status", params={"code": doc["code"], "pin": "PQ56RS"})
        missing = http.get("/status", params={"code": '"><img src=x>', "pin": "<b>"})
    assert empty.status_code == 200 and "<form" in empty.text and "<table>" not in empty.text
    assert found.headers["content-type"].startswith("text/html")
    assert found.headers["referrer-policy"] == "no-referrer"
    assert "default-src 'none'" in found.headers["content-security-policy"]
    assert "Được tiếp nhận" in found.text and "Đăng ký khai sinh" in found.text
    assert "<script>" not in found.text and "&lt;script&gt;" in found.text
    assert "Nguyễn Văn An" not in found.text
    assert "<img" not in missing.text and "&lt;b&gt;" in missing.text
    assert "Không tìm thấy" in missing.text
