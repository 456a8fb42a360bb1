"""The status page the papers' QR and link open (``/tra-cuu?ma=…&pin=…``), over real HTTP:
a printed receipt's QR, decoded by zxing, opens it; the same PIN rules and rate limit as the
lookup API; everything escaped; nothing personal; mobile first."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import httpx

from hcc_central.ratelimit import Buckets
from hcc_desk.core.printing.paper_qr import QrFacts, lookup_link, parse_fragment
from hcc_desk.core.printing.receipt import render_receipt_pdf
from hcc_desk.core.printing.sample import sample_receipt
from tests.central.helpers import make_doc, op, push
from tests.central.live import LiveServer
from tests.security.sessions_helpers import controlled
from tests.support.printed import barcodes

PERSONAL = ("Nguyễn Văn An", "046090001234", "0905123456", "Lê Lợi")


def test_the_receipts_qr_opens_the_dossiers_status_page(central: LiveServer, desk, tmp_path):
    doc = make_doc(desk, lookup_pin="QR78ST")
    push(desk, op(doc))
    base = f"{central.base_url}/tra-cuu"
    link = lookup_link(base, doc["code"], "QR78ST")
    receipt = dataclasses.replace(
        sample_receipt(),
        dossier_code=doc["code"],
        lookup_pin="QR78ST",
        lookup_url=link,
        trace=QrFacts(procedure_code=doc["procedure_code"], holder_id="046090001234", link=link),
    )
    pdf = tmp_path / "receipt.pdf"
    render_receipt_pdf(receipt, pdf)
    [scanned] = barcodes(pdf)["qr"]
    assert scanned.startswith(f"{link}#") and parse_fragment(scanned)["hs"] == doc["code"]
    page = httpx.get(scanned)  # what a phone does: the fragment stays on the phone
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert 'name="viewport" content="width=device-width' in page.text
    assert "Được tiếp nhận" in page.text and doc["procedure_name"] in page.text
    received = datetime.fromisoformat(doc["received_at"])
    assert f"{received:%H:%M %d/%m/%Y}" in page.text  # Vietnamese date format
    for secret in (*PERSONAL, "QR78ST"):
        assert secret not in page.text.replace('value="QR78ST"', "")
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["cache-control"] == "no-store"


def test_wrong_pin_and_unknown_code_read_alike_and_text_is_escaped(central: LiveServer, desk):
    doc = make_doc(
        desk, lookup_pin="EE12FF", procedure_name="<img src=x onerror=alert(1)> Đăng ký kết hôn"
    )
    push(desk, op(doc))
    with httpx.Client(base_url=central.base_url) as http:
        found = http.get("/tra-cuu", params={"ma": doc["code"].lower(), "pin": "ee12ff"})
        wrong = http.get("/tra-cuu", params={"ma": doc["code"], "pin": "EE12FG"})
        unknown = http.get("/tra-cuu", params={"ma": "000.00.00.H00-261125-0001", "pin": "EE12FG"})
        hostile = http.get("/tra-cuu", params={"ma": '"><script>x</script>', "pin": "<b>"})
        empty = http.get("/tra-cuu")
    assert found.status_code == 200 and "Đăng ký kết hôn" in found.text
    assert "<img" not in found.text and "&lt;img src=x" in found.text
    assert wrong.status_code == unknown.status_code == 200
    assert "Không tìm thấy" in wrong.text
    assert wrong.text.replace(doc["code"], "X") == unknown.text.replace(
        "000.00.00.H00-261125-0001", "X"
    )
    assert "<script>" not in hostile.text and "&lt;script&gt;" in hostile.text
    assert empty.status_code == 200 and "<form" in empty.text and "Không tìm thấy" not in empty.text


def test_the_page_spends_the_same_rate_limit_as_the_lookup_api(central: LiveServer, desk):
    doc = make_doc(desk, lookup_pin="RL34MN")
    push(desk, op(doc))
    right = {"ma": doc["code"], "pin": "RL34MN"}
    with controlled(central) as (guard, clock), httpx.Client(base_url=central.base_url) as http:
        guard.lookup_ip = Buckets(3, clock=guard.monotonic)
        guard.lookup_code = Buckets(1_000_000, clock=guard.monotonic)
        statuses = [http.get("/tra-cuu", params=right).status_code for _ in range(3)]
        api = http.get("/api/v1/public/status", params={"code": doc["code"], "pin": "RL34MN"})
        page = http.get("/tra-cuu", params=right)
        assert statuses == [200, 200, 200]
        assert api.status_code == 429 and page.status_code == 429
        assert "thử lại sau" in page.text and page.headers["Retry-After"]
        clock.advance(seconds=60)
        assert http.get("/tra-cuu", params=right).status_code == 200


def test_a_receipt_linked_to_the_old_status_address_opens_the_status_too(central: LiveServer, desk):
    doc = make_doc(desk, lookup_pin="OL56DS")
    push(desk, op(doc))
    # A centre whose lookup base is ".../status" (as documented before /tra-cuu): the desks'
    # link is /status?ma=…&pin=…, which used to land on an empty form.
    link = lookup_link(f"{central.base_url}/status", doc["code"], "OL56DS")
    page = httpx.get(f"{link}#hs={doc['code']}")
    assert page.status_code == 200 and "Được tiếp nhận" in page.text
    assert doc["procedure_name"] in page.text
