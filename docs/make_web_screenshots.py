"""Screenshots of central's web pages for the docs, taken in a real headless Chromium.

    python3 docs/make_web_screenshots.py [--out docs/screenshots]

Starts a throw-away central (uvicorn on 127.0.0.1, its own SQLite file) and a counter desk with
a throw-away profile enrolled on it, receives a dozen dossiers at the desk (some weeks ago, so
some are overdue), syncs them, moves them on as the police agency would on central (processing,
a supplement request, a result with its PDF, a stop), hands two results back at the desk and
rates them on the citizen's page, then saves at 1366×768:

- ``web-login.png``: the back office's login page;
- ``web-agency-queue.png``: the agency's queue (/co-quan);
- ``web-dossier.png``: a dossier page, and ``web-dossier-steps.png`` further down: its
  supplement notice, history and the forms of the steps the agency may record;
- ``web-search.png``: the centre-wide search for an applicant's name;
- ``web-supervisor.png``: the supervisors' dashboard (/giam-sat), and
  ``web-supervisor-ratings.png`` further down: the citizens' ratings;
- ``web-status.png``: the citizen's status page after the hand-back;

and, 390×844 as on a phone, ``web-status-phone.png`` (the same page) and
``web-status-rating-phone.png`` (its rating form). Needs the Debian
``chromium`` and ``chromium-driver`` packages and ``selenium`` (the test requirements).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests/web: the same centre and browser as the browser tests

# (applicant, procedure, days ago received, what happens on central)
DOSSIERS = (
    ("Nguyễn Thị Hương", "1.001456", 1, "supplement"),
    ("Trần Văn Bình", "1.001456", 14, "processing"),
    ("Lê Thị Cúc", "2.001195", 10, "processing"),
    ("Phạm Quốc Dũng", "2.001194", 3, "new"),
    ("Hoàng Thị Én", "3.000333", 2, "new"),
    ("Võ Văn Phúc", "2.000200", 0, "new"),
    ("Đặng Thị Giang", "1.010384", 6, "result"),
    ("Bùi Minh Hải", "2.001195", 5, "handed_back"),
    ("Ngô Thị Lan", "1.001456", 12, "handed_back"),
    ("Đỗ Văn Khoa", "2.001410", 9, "stop"),
    ("Phan Thị Mai", "2.001194", 1, "new"),
    ("Lý Văn Nam", "1.001445", 0, "processing"),
)
SUPPLEMENT_PAPERS = ["Ảnh chân dung 4x6 cm nền trắng", "Bản sao giấy khai sinh"]
SUPPLEMENT_REASON = "Ảnh chân dung không đúng kích thước; thiếu giấy khai sinh để đối chiếu"
RATINGS = {"Bùi Minh Hải": ("3", "Cán bộ hướng dẫn tận tình, trả kết quả sớm."),
           "Ngô Thị Lan": ("2", "")}  # fmt: skip


def received(days_ago: int, index: int) -> datetime:
    """A working morning ``days_ago`` days back (weekends move to the Friday before)."""
    day = datetime.now().replace(hour=8, minute=0, second=0, microsecond=0)
    day -= timedelta(days=days_ago)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    stamp = day + timedelta(minutes=17 * index)
    return min(stamp, datetime.now().replace(microsecond=0) - timedelta(minutes=5))


def intake(ctx: Any) -> dict[str, Any]:
    """The DOSSIERS received at the desk; name → the saved dossier."""
    from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput

    saved = {}
    for index, (name, procedure, days_ago, _) in enumerate(DOSSIERS, start=1):
        proc = ctx.catalogue.get(procedure)
        person = PersonInput(
            full_name=name,
            id_number=f"04619{index:07d}",
            phone=f"09051{index:05d}",
            email=f"nguoi.nop{index}@example.vn",
            address="Phường Thuận Hóa, thành phố Huế",
        )
        request = IntakeRequest(
            procedure_code=procedure,
            submitter=person,
            papers=[
                PaperInput(p.name, p.originals, p.certified_copies, p.photocopies)
                for p in proc.papers
            ],
            received_at=received(days_ago, index),
        )
        saved[name] = ctx.intake.submit(request, "lan")
    return saved


def agency_steps(centre: Any, saved: dict[str, Any], officer: str, tmp: Path) -> None:
    """What the police agency records on central for each dossier."""
    from sqlalchemy import select

    from hcc_central import steps
    from hcc_central.models import Agency
    from tests.web.centre import UNIT

    c = centre.server.app.state.central
    pdf = result_pdf(tmp / "ket-qua.pdf").read_bytes()
    actor = f"web:{officer}"
    for name, _, _, outcome in DOSSIERS:
        code = saved[name].code
        with c.db.write() as s:
            agency = s.scalar(select(Agency).where(Agency.unit_code == UNIT))
            if outcome == "supplement":
                steps.request_supplement(
                    s, code, agency, actor, SUPPLEMENT_PAPERS, SUPPLEMENT_REASON
                )
            elif outcome == "processing":
                steps.processing(s, code, agency, actor, "Đang thẩm định hồ sơ")
            elif outcome == "stop":
                steps.processing(s, code, agency, actor)
            elif outcome in ("result", "handed_back"):
                steps.result_ready(
                    s, code, agency, actor, store=c.store, pdf=pdf, filename="ket-qua.pdf",
                    max_bytes=c.settings.max_result_bytes,
                )  # fmt: skip
        if outcome == "stop":
            with c.db.write() as s:
                agency = s.scalar(select(Agency).where(Agency.unit_code == UNIT))
                steps.refuse(
                    s, code, agency, actor, "Cơ sở kinh doanh không đáp ứng điều kiện về an ninh"
                )


def name_officers(s: Any, officers: dict[str, tuple[str, str]]) -> None:
    """The web officers' names as a centre would have them (the test helper names the role)."""
    from sqlalchemy import select

    from hcc_central.models import Officer

    names = {"agency": "Lê Văn Sơn (Công an tỉnh)", "supervisor": "Phạm Thị Giám Sát"}
    for role, (username, _) in officers.items():
        officer = s.scalar(select(Officer).where(Officer.username == username))
        officer.full_name = names.get(role, officer.full_name)


def result_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "KET QUA GIAI QUYET THU TUC HANH CHINH")
    c.save()
    return path


def scroll_to(driver: Any, css: str = "", *, heading: str = "") -> None:
    """Bring a part of the page (or the heading starting with ``heading``) to the top of the
    window (no smooth scrolling to wait for)."""
    from selenium.webdriver.common.by import By

    if heading:
        element = driver.find_element(By.XPATH, f"//*[starts-with(normalize-space(), '{heading}')]")
    else:
        element = driver.find_element(By.CSS_SELECTOR, css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", element)


def shoot(driver: Any, out: Path, name: str) -> None:
    path = out / f"web-{name}.png"
    driver.save_screenshot(str(path))
    print(f"saved {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    from selenium.webdriver.common.by import By

    from hcc_desk import cli
    from hcc_desk.app import open_context
    from hcc_desk.services.return_desk import Recipient
    from tests.web.centre import (
        PASSWORD,
        central_settings,
        log_in,
        open_centre,
        submit_and_wait,
    )
    from tests.web.chrome import DESKTOP, PHONE, chromium, missing_parts, set_viewport

    why = missing_parts()
    if why:
        print(f"make_web_screenshots: {why}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="hcc-web-shots-") as tmp_name:
        tmp = Path(tmp_name)
        centre = open_centre(central_settings(tmp / "central", None))
        try:
            centre.server.write(name_officers, centre.officers)
            profile = tmp / "desk"
            enrol = ["enrol", "--profile", str(profile), "--central", centre.url]
            assert cli.main([*enrol, "--code", centre.enrol_code, "--name", "PC quầy 01"]) == 0
            ctx = open_context(profile)
            try:
                ctx.auth.login("lan", PASSWORD)
                saved = intake(ctx)
                ctx.sync.sync_now()
                agency_name, agency_password = centre.officers["agency"]
                agency_steps(centre, saved, agency_name, tmp)
                ctx.sync.sync_now()
                for name, (_, _, _, outcome) in zip(saved, DOSSIERS, strict=True):
                    if outcome == "handed_back":
                        owner = Recipient(
                            "owner", id_number=f"04619{list(saved).index(name) + 1:07d}"
                        )
                        ctx.return_desk.hand_back(saved[name].code, owner, "lan")
                ctx.sync.sync_now()
            finally:
                ctx.close()

            with chromium(DESKTOP) as driver:
                driver.get(centre.url + "/dang-nhap")
                shoot(driver, out, "login")
                log_in(driver, centre.url, agency_name, agency_password)
                shoot(driver, out, "agency-queue")
                driver.get(f"{centre.url}/co-quan/ho-so/{saved['Nguyễn Thị Hương'].code}")
                shoot(driver, out, "dossier")
                scroll_to(driver, heading="Thông báo cho người nộp")
                shoot(driver, out, "dossier-steps")
                driver.get(centre.url + "/tim-kiem")
                form = driver.find_element(By.CSS_SELECTOR, "form[action='/tim-kiem']")
                form.find_element(By.NAME, "q").send_keys("nguyen thi")
                submit_and_wait(driver, form, "/tim-kiem")
                shoot(driver, out, "search")

                driver.delete_all_cookies()  # now the citizens, then the supervisor
                for name, (level, comment) in RATINGS.items():
                    dossier = saved[name]
                    driver.get(f"{centre.url}/tra-cuu?ma={dossier.code}&pin={dossier.lookup_pin}")
                    if level == "3":
                        shoot(driver, out, "status")
                        set_viewport(driver, PHONE, phone=True)
                        driver.refresh()
                        shoot(driver, out, "status-phone")
                        scroll_to(driver, "form[action='/tra-cuu/danh-gia']")
                        shoot(driver, out, "status-rating-phone")
                        set_viewport(driver, DESKTOP)
                    rating = driver.find_element(
                        By.CSS_SELECTOR, "form[action='/tra-cuu/danh-gia']"
                    )
                    rating.find_element(
                        By.CSS_SELECTOR, f"input[name=level][value='{level}']"
                    ).click()
                    rating.find_element(By.NAME, "comment").send_keys(comment)
                    submit_and_wait(driver, rating, "/tra-cuu/danh-gia")
                driver.delete_all_cookies()
                log_in(driver, centre.url, *centre.officers["supervisor"])
                shoot(driver, out, "supervisor")
                scroll_to(driver, heading="Đánh giá của người dân")
                shoot(driver, out, "supervisor-ratings")
        finally:
            centre.server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
