"""The parts of a whole centre for the browser tests: a real central (uvicorn on 127.0.0.1, its
own SQLite file) whose e-mail goes to a local SMTP server, an enrolled counter desk with a real
profile, and the steps a person does in Chromium (log in, open a dossier, fill a step's form)."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from hcc_central import admin
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.settings import Settings
from tests.central.browser import web_officer
from tests.central.live import LiveServer
from tests.support.waits import wait_until

UNIT = "000.00.61.H57"  # the seed's "Công an cấp tỉnh": its procedures include the example's
AGENCY = "Công an cấp tỉnh"
PASSWORD = "mat-khau-123"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Mailbox:
    """What a local SMTP server (aiosmtpd) received."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        mail = message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), mail))  # type: ignore[arg-type]
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [m for rcpt, m in self.messages if address in rcpt]

    def wait_for(self, address: str, subject_part: str, timeout: float = 60) -> EmailMessage:
        def arrived() -> EmailMessage | None:
            return next((m for m in self.to(address) if subject_part in str(m["Subject"])), None)

        return wait_until(arrived, timeout, f"an e-mail to {address} about {subject_part!r}")


class SmtpServer:
    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.box = Mailbox()
        self.port = free_port()
        self._controller = Controller(self.box, hostname="127.0.0.1", port=self.port)

    def start(self) -> SmtpServer:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()


@dataclass
class Centre:
    """A running central with one centre, its counter enrolment code and web officers."""

    server: LiveServer
    centre_id: int
    enrol_code: str
    officers: dict[str, tuple[str, str]] = field(default_factory=dict)  # role → (name, password)

    @property
    def url(self) -> str:
        return self.server.base_url


def central_settings(root: Path, smtp_port: int | None) -> Settings:
    root.mkdir(parents=True, exist_ok=True)
    db_url = f"sqlite:///{root / 'central.db'}"
    db = Database(db_url, pool_size=1)
    upgrade(db.engine)
    db.dispose()
    mail: dict[str, Any] = {}
    if smtp_port is not None:
        mail = {
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp_port,
            "smtp_starttls": False,  # a local relay in plain text
            "smtp_from": "Trung tâm PVHCC <hcc@example.vn>",
            "notify_poll_seconds": 1,
        }
    return Settings(db_url=db_url, store_dir=root / "store", **mail)


def open_centre(settings: Settings) -> Centre:
    """Central serving one centre with the seed's police agency, a counter officer ("lan"), an
    enrolment code for counter slot 1 and the web officers of each role."""
    server = LiveServer(settings).start()

    def create(s: Any) -> tuple[int, str]:
        centre = admin.create_centre(
            s,
            name="TRUNG TÂM PVHCC TỈNH THỬ",
            governing_body="UBND TỈNH THỬ",
            place_name="Huế",
            code_slots=20,
            hotline="0234 3822 123",
        )
        admin.add_agency(s, centre.id, name=AGENCY, short_name="CA", unit_code=UNIT)
        admin.create_officer(
            s,
            username="lan",
            full_name="Trần Thị Lan",
            role="officer",
            password=PASSWORD,
            centre_id=centre.id,
        )
        return centre.id, admin.enrol_counter(s, centre.id, name="Quầy 01", slot=1)[0]

    centre_id, code = server.write(create)
    centre = Centre(server, centre_id, code)
    centre.officers["agency"] = web_officer(server, centre_id, "agency", unit=UNIT)
    centre.officers["supervisor"] = web_officer(server, centre_id, "supervisor")
    return centre


# --- Chromium ----------------------------------------------------------------------------------


def log_in(driver: Any, base_url: str, username: str, password: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(base_url + "/dang-nhap")
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_until(lambda: "/dang-nhap" not in driver.current_url, 30, "the login to finish")


def step_form(driver: Any, slug: str) -> Any:
    """The form of one step on the dossier page (its action ends in the step's slug)."""
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f"form[action$='/{slug}']")


def submit_and_wait(driver: Any, form: Any, path_part: str) -> None:
    """Submit and wait for the page the server answers with (its address has ``path_part``)."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    old = driver.find_element(By.TAG_NAME, "html")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()

    def answered() -> bool:
        try:
            return not old.is_enabled()  # answers while the old page is still shown
        except StaleElementReferenceException:  # the browser moved on
            return path_part in driver.current_url

    wait_until(answered, 30, f"the answer page at {path_part}")


def page_text(driver: Any) -> str:
    from selenium.webdriver.common.by import By

    return " ".join(driver.find_element(By.TAG_NAME, "body").text.split())


def page_errors(driver: Any) -> list[str]:
    """The console's errors since the last call (tests/web/chrome.py console_errors), but for
    the browser's own request of /favicon.ico, which central does not serve."""
    from tests.web.chrome import console_errors

    return [e for e in console_errors(driver) if "/favicon.ico " not in e]
