"""The whole centre, with real parts end to end: a counter desk (real profile, real sync over
HTTP), central on uvicorn, its back office and the citizen's page in a headless Chromium, the
applicant's e-mail through a local SMTP server, Mẫu 02 on a real CUPS queue.

Intake at the desk → the agency officer opens the dossier from /co-quan in Chromium and asks for
papers → the desk pulls the request and prints Mẫu 02 → the applicant is e-mailed → the agency
records the papers received and uploads the result PDF in the browser (the applicant is e-mailed
again) → the desk hands the result back → the citizen opens the status page on a phone-sized
window and rates → the supervisor sees the rating on /giam-sat.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("hcc_central.app")
pytest.importorskip("selenium")  # a failure in CI (tests/conftest.py fails every skip there)

from selenium.webdriver.common.by import By
from sqlalchemy import select

from hcc_central.models import Attachment, Rating
from hcc_central.models import Dossier as CentralDossier
from hcc_core.domain.status import DossierStatus
from hcc_desk import cli
from hcc_desk.app import open_context
from hcc_desk.services.intake_request import request_from_json_text
from hcc_desk.services.return_desk import Recipient
from tests.conftest_cups import CupsQueue
from tests.support.printed import pdf_text, queue_text, skeleton
from tests.support.waits import wait_until
from tests.sync.conftest import EXAMPLE
from tests.web.centre import (
    AGENCY,
    PASSWORD,
    SmtpServer,
    central_settings,
    log_in,
    open_centre,
    page_errors,
    page_text,
    step_form,
    submit_and_wait,
)
from tests.web.chrome import DESKTOP, PHONE, set_viewport

EMAIL = "huong.nguyen@example.vn"  # the example intake's applicant
OWNER_ID = "046185012345"  # her citizen ID (the example's ID card QR)
MISSING = "Bản sao giấy khai sinh có chứng thực"
REASON = "Ảnh chân dung không đúng kích thước 4x6 cm"
COMMENT = "Cán bộ hướng dẫn tận tình"


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def centre(tmp_path, smtp):
    c = open_centre(central_settings(tmp_path / "central", smtp.port))
    yield c
    c.server.stop()


def _desk(centre, root: Path):
    argv = ["enrol", "--profile", str(root), "--central", centre.url, "--code", centre.enrol_code]
    assert cli.main([*argv, "--name", "PC quầy 01"]) == cli.EXIT_OK
    ctx = open_context(root)
    assert ctx.setup.is_set_up()
    ctx.auth.login("lan", PASSWORD)  # online: the desk's officer as central knows her
    return ctx


def _sync(ctx) -> None:
    report = ctx.sync.sync_now()
    assert not report.offline and not report.errors, report
    assert ctx.sync.status().pending == 0


def _central_dossier(centre, code: str) -> CentralDossier:
    with centre.server.db.read() as s:
        found = s.scalar(select(CentralDossier).where(CentralDossier.code == code))
        assert found is not None
        s.expunge(found)
        return found


def _result_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "QUYET DINH cap ho chieu pho thong")
    c.save()
    return path


def test_a_dossier_goes_round_the_whole_centre(
    centre, smtp, chrome, cups_queue: CupsQueue, tmp_path
):
    desk = _desk(centre, tmp_path / "desk")
    try:
        # --- the counter receives the dossier and sends it to central -------------------------
        saved = desk.intake.submit(request_from_json_text(EXAMPLE.read_text("utf-8")), "lan")
        _sync(desk)
        assert _central_dossier(centre, saved.code).status == DossierStatus.NEW

        # --- the agency asks for papers, in Chromium ------------------------------------------
        name, password = centre.officers["agency"]
        log_in(chrome, centre.url, name, password)
        assert chrome.current_url.endswith("/co-quan")
        assert page_errors(chrome) == []  # nothing refused by the CSP, no script error
        chrome.find_element(By.LINK_TEXT, saved.code).click()
        wait_until(lambda: saved.code in chrome.title or saved.code in page_text(chrome), 30)
        assert chrome.current_url.endswith(f"/co-quan/ho-so/{saved.code}")
        form = step_form(chrome, "bo-sung")
        listed = form.find_elements(By.CSS_SELECTOR, "input[name=paper]")
        assert listed, "the dossier's papers are offered"
        picked = listed[1].get_attribute("value")  # the portrait photos
        listed[1].click()
        form.find_element(By.NAME, "other_papers").send_keys(MISSING)
        form.find_element(By.NAME, "reason").send_keys(REASON)
        submit_and_wait(chrome, form, f"/co-quan/ho-so/{saved.code}")
        shown = page_text(chrome)
        assert REASON in shown and MISSING in shown and picked in shown
        assert page_errors(chrome) == []
        assert _central_dossier(centre, saved.code).status == DossierStatus.WAITING_SUPPLEMENT

        # --- the desk pulls the request and prints Mẫu 02 on the counter's printer ------------
        _sync(desk)
        assert desk.dossiers.detail(saved.code, "lan").status == DossierStatus.WAITING_SUPPLEMENT
        sent = desk.forms.render("supplement", saved.code, tmp_path / "mau02.pdf", "lan")
        text = pdf_text(sent)
        for fact in (picked, MISSING, REASON, AGENCY, saved.code):
            assert " ".join(fact.split()) in text, fact
        job = desk.forms.print_form("supplement", saved.code, "lan", printer=cups_queue.name).job
        printed = queue_text(cups_queue.wait_for_pdf(job))
        for fact in (MISSING, REASON, saved.code):
            assert skeleton(fact) in printed, fact

        # --- the applicant is told by e-mail (no PIN in it) -----------------------------------
        mail = smtp.box.wait_for(EMAIL, "bổ sung")
        body = mail.get_body(preferencelist=("plain",)).get_content()
        for fact in (saved.code, picked, MISSING, REASON):
            assert fact in body, fact
        assert saved.lookup_pin not in body

        # --- papers brought; the agency uploads the result in the browser ---------------------
        submit_and_wait(chrome, step_form(chrome, "da-bo-sung"), f"/co-quan/ho-so/{saved.code}")
        form = step_form(chrome, "ket-qua")
        pdf = _result_pdf(tmp_path / "quyet-dinh.pdf")
        form.find_element(By.NAME, "pdf").send_keys(str(pdf))
        submit_and_wait(chrome, form, f"/co-quan/ho-so/{saved.code}")
        assert "quyet-dinh.pdf" in page_text(chrome)
        assert page_errors(chrome) == []
        with centre.server.db.read() as s:
            [result] = s.scalars(
                select(Attachment).where(
                    Attachment.dossier_uuid == saved.uuid, Attachment.kind == "result"
                )
            ).all()
            assert result.size == pdf.stat().st_size
        assert _central_dossier(centre, saved.code).status == DossierStatus.RELEASING
        smtp.box.wait_for(EMAIL, "kết quả")

        # --- the counter hands the result back -------------------------------------------------
        _sync(desk)
        assert desk.dossiers.detail(saved.code, "lan").status == DossierStatus.RELEASING
        desk.return_desk.hand_back(saved.code, Recipient("owner", id_number=OWNER_ID), "lan")
        _sync(desk)
        assert _central_dossier(centre, saved.code).status == DossierStatus.DONE
    finally:
        desk.close()

    # --- the citizen checks the dossier on a phone and rates ----------------------------------
    chrome.delete_all_cookies()
    set_viewport(chrome, PHONE, phone=True)
    chrome.get(f"{centre.url}/tra-cuu?ma={saved.code}&pin={saved.lookup_pin}")
    shown = page_text(chrome)
    assert saved.code in shown and "Kết quả đã được trả" in shown
    assert page_errors(chrome) == []
    rating = chrome.find_element(By.CSS_SELECTOR, "form[action='/tra-cuu/danh-gia']")
    rating.find_element(By.CSS_SELECTOR, "input[name=level][value='3']").click()
    rating.find_element(By.NAME, "comment").send_keys(COMMENT)
    submit_and_wait(chrome, rating, "/tra-cuu/danh-gia")
    assert "Cảm ơn" in page_text(chrome) and page_errors(chrome) == []
    with centre.server.db.read() as s:
        [row] = s.scalars(select(Rating).where(Rating.dossier_uuid == saved.uuid)).all()
        assert (row.level, row.comment) == (3, COMMENT)

    # --- the supervisor sees it on the dashboard -----------------------------------------------
    chrome.delete_all_cookies()
    set_viewport(chrome, DESKTOP)
    name, password = centre.officers["supervisor"]
    log_in(chrome, centre.url, name, password)
    assert chrome.current_url.endswith("/giam-sat")
    shown = page_text(chrome)
    assert "Rất hài lòng" in shown and COMMENT in shown
    assert page_errors(chrome) == []
