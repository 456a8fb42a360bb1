"""Dossiers walked through the real after-intake services on a demo desk (SQLite on disk), at
chosen times: the facts the forms and the ledger are filled from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from hcc_desk.app import AppContext, open_context
from hcc_desk.services.agency_steps import AgencyStepsService
from hcc_desk.services.intake import IntakeService
from hcc_desk.services.intake_request import IntakeRequest, PersonInput
from hcc_desk.services.return_desk import Recipient, ReturnDeskService

QR = "046185012345|191234567|Nguyễn Thị Hương|12031985|Nữ|12 Lê Lợi, Huế|15082021"
OWNER_ID = "046185012345"
APPLICANT = QR.split("|")[2]  # the name on the chip card's QR
PROCEDURE = "1.001456"  # Cấp hộ chiếu phổ thông (demo catalogue), 8 working days
IMMIGRATION = "Phòng Quản lý xuất nhập cảnh"
POLICE = "Công an phường Thuận Hóa"
PROXY = Recipient("authorised", "Trần Văn Phước", "046085012345", "Giấy ủy quyền số 15/UQ")
# What the steps record, for the forms to print.
MISSING_PAPERS = ["Ảnh chân dung 4x6 cm", "Tờ khai TK01 có xác nhận"]
SUPPLEMENT_REASON = "Ảnh không đúng quy cách"
REFUSAL_REASON = "Hồ sơ không thuộc thẩm quyền giải quyết của Trung tâm"
APOLOGY_REASON = "Chờ xác minh nhân thân"
RESULT_SUMMARY = "Hộ chiếu phổ thông"


@dataclass
class Desk:
    ctx: AppContext
    now: datetime = datetime(2026, 11, 20, 8, 0)
    codes: dict[str, str] = field(default_factory=dict)

    def clock(self) -> datetime:
        return self.now

    @property
    def intake(self) -> IntakeService:
        return IntakeService(self.ctx.store, self.ctx.calendars, clock=self.clock)

    @property
    def steps(self) -> AgencyStepsService:
        return AgencyStepsService(self.ctx.store, self.ctx.calendars, clock=self.clock)

    @property
    def returns(self) -> ReturnDeskService:
        return ReturnDeskService(self.ctx.store, clock=self.clock)

    def at(self, when: datetime) -> Desk:
        self.now = when
        return self

    def take(self, name: str, when: datetime, **changes) -> str:
        self.at(when)
        req = IntakeRequest(
            procedure_code=PROCEDURE,
            citizen_qr=QR,
            submitter=PersonInput(phone="0912345678"),
            received_at=when,
        )
        for key, value in changes.items():
            setattr(req, key, value)
        self.codes[name] = self.intake.submit(req, "demo").code
        return self.codes[name]


def open_desk(folder: Path) -> Desk:
    ctx = open_context(folder)
    ctx.setup.create_demo()
    return Desk(ctx)


def walk(desk: Desk) -> Desk:
    """Six dossiers around the period 25–30/11/2026 (see each comment)."""
    d = desk
    # "full": every step; handed back late to an authorised person.
    full = d.take("full", datetime(2026, 11, 25, 9, 0))
    d.at(datetime(2026, 11, 25, 10, 0)).steps.transfer(
        full, IMMIGRATION, "demo", note="Giao đủ hồ sơ"
    )
    d.at(datetime(2026, 11, 26, 15, 0)).steps.request_supplement(
        full, "demo", missing_papers=MISSING_PAPERS, reason=SUPPLEMENT_REASON
    )
    d.at(datetime(2026, 11, 27, 10, 0)).steps.supplement_received(full, "demo")
    d.at(datetime(2026, 11, 30, 9, 0)).steps.transfer(
        full, POLICE, "demo", note="Xác minh nhân thân"
    )
    d.at(datetime(2026, 12, 7, 16, 0)).steps.apologise(
        full, "demo", new_due_at=datetime(2026, 12, 10, 10, 0), reason=APOLOGY_REASON, agency=POLICE
    )
    d.at(datetime(2026, 12, 9, 9, 0)).steps.result_ready(full, "demo", agency=POLICE)
    d.at(datetime(2026, 12, 9, 14, 0)).returns.hand_back(
        full, PROXY, "demo", result_summary=RESULT_SUMMARY
    )
    # "refused": refused at the counter.
    refused = d.take("refused", datetime(2026, 11, 25, 10, 0))
    d.at(datetime(2026, 11, 25, 10, 30)).steps.refuse(refused, "demo", reasons=REFUSAL_REASON)
    # "before": received the day before the period.
    d.take("before", datetime(2026, 11, 24, 8, 0))
    # "early": result ready and handed back to the owner days before the appointment.
    early = d.take("early", datetime(2026, 11, 26, 8, 30))
    d.at(datetime(2026, 11, 26, 9, 0)).steps.transfer(early, IMMIGRATION, "demo")
    d.at(datetime(2026, 11, 27, 9, 0)).steps.result_ready(early, "demo")
    d.at(datetime(2026, 11, 27, 10, 0)).returns.hand_back(
        early, Recipient("owner", id_number=OWNER_ID), "demo"
    )
    # "waiting": nothing after intake (overdue once the appointment passes).
    d.take("waiting", datetime(2026, 11, 30, 16, 0))
    # "after": received the day after the period.
    d.take("after", datetime(2026, 12, 1, 8, 0))
    return d
