"""An in-memory stand-in for the AppContext, for fast unit tests of single screens.

It follows the services' documented API (including their error types); the end-to-end tests use
the real ``open_context`` instead.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from hcc_core.domain.errors import DomainWarning
from hcc_desk.services.errors import AuthError, FieldError, IntakeRejected, SetupRejected, UserError
from hcc_desk.services.intake_request import IntakeRequest, PersonInput
from hcc_desk.services.settings import REGISTRY, Setting, lookup


@dataclass
class PaperInfo:
    name: str
    originals: int = 1
    certified_copies: int = 0
    photocopies: int = 0


@dataclass
class ProcedureInfo:
    code: str
    name: str
    agency_name: str
    duration_text: str
    fees_text: str
    papers: list[PaperInfo] = field(default_factory=list)


@dataclass
class Officer:
    username: str
    full_name: str
    role: str = "officer"


@dataclass
class QrResult:
    person: PersonInput
    warnings: list


@dataclass
class Submitted:
    uuid: str
    code: str
    lookup_pin: str
    received_at: datetime
    due_at: datetime


@dataclass
class Summary:
    uuid: str
    code: str
    received_at: datetime
    due_at: datetime
    status: int
    procedure_name: str
    submitter_name: str
    owner_name: str
    id_number: str
    phone: str
    agency_name: str


@dataclass
class Draft:
    draft_id: str
    updated_at: datetime
    payload: dict


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


CATALOGUE = [
    ProcedureInfo(
        "1.001612.000.00.00.H57",
        "Đăng ký thành lập hộ kinh doanh",
        "Phòng Kinh tế",
        "3 ngày làm việc",
        "100.000 đồng",
        [
            PaperInfo("Giấy đề nghị đăng ký hộ kinh doanh", 1),
            PaperInfo("Bản sao giấy tờ pháp lý của chủ hộ", 0, 1, 0),
        ],
    ),
    ProcedureInfo(
        "2.000815.000.00.00.H57",
        "Chứng thực bản sao từ bản chính",
        "Phòng Tư pháp",
        "Trong ngày",
        "2.000 đồng/trang",
        [PaperInfo("Bản chính giấy tờ", 1)],
    ),
    ProcedureInfo(
        "1.004227.000.00.00.H57",
        "Đăng ký khai sinh",
        "UBND phường",
        "1 ngày làm việc",
        "Miễn phí",
        [PaperInfo("Tờ khai đăng ký khai sinh", 1), PaperInfo("Giấy chứng sinh", 1, 0, 1)],
    ),
]


class FakeContext:
    def __init__(self, set_up: bool = True):
        self.setup = _Setup(self, set_up)
        self.auth = _Auth()
        self.settings = _Settings()
        self.catalogue = _Catalogue()
        self.intake = _Intake(self)
        self.receipts = _Receipts(self)
        self.dossiers = _Dossiers(self)
        self.drafts = _Drafts()
        self.submitted: list[tuple[IntakeRequest, Summary]] = []

    # The real AppContext's cheap pre-store checks and background warm-up.
    def is_set_up(self) -> bool:
        return self.setup.is_set_up()

    def quick_setting(self, key: str, default: Any = None) -> Any:
        return self.settings.get(key, default)

    def warm_up(self) -> None:
        pass

    def recovery_pending(self) -> bool:
        return False

    def peek_centre_name(self) -> str:
        return "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG (thử)"


class _Setup:
    def __init__(self, ctx: FakeContext, set_up: bool):
        self.ctx, self._set_up, self.inputs = ctx, set_up, []

    def identity(self) -> Any:
        from hcc_desk.ui.desk_info import DeskInfo

        return DeskInfo("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG (thử)", "Quầy 1", 1)

    def is_set_up(self) -> bool:
        return self._set_up

    def first_run(self, data: Any) -> None:
        problems = []
        if data.admin_username == "taken":
            problems.append(FieldError("admin_username", "Tên đã có"))
        if data.centre_name == "bad":
            problems.append(FieldError("centre_name", "Tên không hợp lệ"))
        if problems:
            raise SetupRejected(problems)
        self.inputs.append(data)
        self.ctx.auth.users[data.admin_username] = (
            data.admin_password,
            Officer(data.admin_username, data.admin_full_name, "admin"),
        )
        self._set_up = True

    def create_demo(self) -> None:
        self._set_up = True


class _Auth:
    def __init__(self) -> None:
        self.users = {"demo": ("demo", Officer("demo", "Nguyễn Thị Demo"))}
        self.logged_out: list[str] = []

    def logout(self, username: str) -> None:
        self.logged_out.append(username)

    def login(self, username: str, password: str) -> Officer:
        entry = self.users.get(username)
        if entry is None or entry[0] != password:
            raise AuthError("Sai tên đăng nhập hoặc mật khẩu")
        return entry[1]

    def verify(self, username: str, password: str) -> bool:
        entry = self.users.get(username)
        return bool(entry and entry[0] == password)


class _Settings:
    def __init__(self) -> None:
        self.values: dict[str, Any] = {"counter_name": "Quầy 1", "counter_slot": 1}

    def get(self, key: Any, default: Any = None) -> Any:
        # Declared settings give their declared default (services/settings.py), like the real one.
        if key in REGISTRY or isinstance(key, Setting):
            declared = lookup(key)
            return self.values.get(declared.key, declared.default)
        return self.values.get(key, default)

    def set(self, key: Any, value: Any) -> None:
        self.values[lookup(key).key if isinstance(key, Setting) else key] = value


class _Catalogue:
    def search(self, query: str) -> list[ProcedureInfo]:
        words = fold(query).split()
        return [p for p in CATALOGUE if all(w in fold(f"{p.code} {p.name}") for w in words)]


class _Intake:
    def __init__(self, ctx: FakeContext):
        self.ctx = ctx
        self._seq = itertools.count(1)

    def read_qr(self, raw: str) -> QrResult:
        parts = raw.strip().split("|")
        if len(parts) < 6 or not re.fullmatch(r"\d{12}", parts[0]):
            raise UserError("Không đọc được mã QR")
        dob = datetime.strptime(parts[3], "%d%m%Y").date()
        person = PersonInput(
            full_name=parts[2],
            id_number=parts[0],
            old_id_number=parts[1],
            date_of_birth=dob,
            sex=parts[4],
            address=parts[5],
        )
        old = len(parts) > 6 and int(parts[6][-4:]) < 2010
        warnings = [DomainWarning.make("qr.card_expired")] if old else []
        return QrResult(person, warnings)

    def validate(self, req: IntakeRequest) -> list[FieldError]:
        found = []
        if not req.procedure_code:
            found.append(FieldError("procedure_code", "Chọn thủ tục"))
        if not req.submitter.full_name:
            found.append(FieldError("submitter.full_name", "Nhập họ tên"))
        if not re.fullmatch(r"\d{12}", req.submitter.id_number):
            found.append(
                FieldError(
                    "submitter.id_number",
                    "Số định danh có 12 chữ số",
                )
            )
        if not re.fullmatch(r"0\d{9}", req.submitter.phone):
            found.append(FieldError("submitter.phone", "Số điện thoại không hợp lệ"))
        if req.procedure_code and not req.papers:
            found.append(FieldError("papers", "Chưa nhận giấy tờ nào"))
        for i, paper in enumerate(req.papers or []):
            if not paper.name:
                found.append(FieldError(f"papers[{i}].name", "Nhập tên giấy tờ"))
        if req.delivery_method == "post" and not req.delivery_address:
            found.append(FieldError("delivery_address", "Nhập địa chỉ nhận"))
        return found

    def appointment(self, procedure_code: str, received_at: datetime) -> datetime:
        return (received_at + timedelta(days=3)).replace(hour=16, minute=0, second=0, microsecond=0)

    def submit(self, req: IntakeRequest, officer_username: str) -> Submitted:
        found = self.validate(req)
        if found:
            raise IntakeRejected(found)
        n = next(self._seq)
        now = datetime.now().replace(microsecond=0)
        code = f"000.00.00.H57-{now:%y%m%d}-{n:04d}"
        proc = next(p for p in CATALOGUE if p.code == req.procedure_code)
        due = self.appointment(req.procedure_code, now)
        owner = (
            req.owner_organisation.name
            if req.owner_organisation
            else (req.owner_person.full_name if req.owner_person else req.submitter.full_name)
        )
        summary = Summary(
            f"uuid-{n}",
            code,
            now,
            due,
            2,
            proc.name,
            req.submitter.full_name,
            owner,
            req.submitter.id_number,
            req.submitter.phone,
            proc.agency_name,
        )
        self.ctx.submitted.append((req, summary))
        return Submitted(summary.uuid, code, "AB12", now, due)


class _Receipts:
    def __init__(self, ctx: FakeContext):
        self.ctx, self.printed, self.fail_print = ctx, [], None

    def render_pdf(self, code: str, out_path: Path, paper: str = "A4") -> Path:
        from reportlab.lib.pagesizes import A4, A5
        from reportlab.pdfgen.canvas import Canvas

        canvas = Canvas(str(out_path), pagesize=A5 if paper == "A5" else A4)
        canvas.drawString(72, 720 if paper == "A4" else 500, f"Receipt {code}")
        canvas.save()
        return out_path

    def print(
        self, code: str, officer_username: str, printer: str | None = None, paper: str | None = None
    ) -> str:
        if self.fail_print is not None:
            raise self.fail_print
        self.printed.append((code, officer_username, printer, paper))
        return f"job-{len(self.printed)}"

    def printers(self) -> list[str]:
        return ["HCC_PDF"]


class _Dossiers:
    def __init__(self, ctx: FakeContext):
        self.ctx = ctx

    def today(self, officer_username: str) -> list[Summary]:
        return [s for _r, s in reversed(self.ctx.submitted) if s.received_at.date() == date.today()]

    def search(self, query: str, officer_username: str) -> list[Summary]:
        q = fold(query)
        return [
            s
            for _r, s in reversed(self.ctx.submitted)
            if q in fold(f"{s.code} {s.id_number} {s.submitter_name} {s.owner_name} {s.phone}")
        ]


class _Drafts:
    def __init__(self) -> None:
        self.store: dict[str, Draft] = {}

    def save(self, officer_username: str, draft_id: str, payload: dict) -> None:
        self.store[draft_id] = Draft(draft_id, datetime.now(), payload)

    def pending(self, officer_username: str) -> list[Draft]:
        return list(self.store.values())

    def discard(self, draft_id: str) -> None:
        self.store.pop(draft_id, None)
