"""The words of the messages to applicants: Vietnamese defaults here, the admin's edits in
``notification_template`` rows (kind, channel) that replace them.

Placeholders are ``$name`` (``string.Template``): nothing is evaluated, no attribute or index
can be reached from a template, and a placeholder this module does not know is refused when the
template is saved, so a typo never reaches an applicant as ``$ma_hs``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from string import Template

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..changes import audit
from ..models import NotificationTemplate

KINDS = ("supplement", "result", "refused")
CHANNELS = ("email", "sms")
KIND_LABELS = {
    "supplement": "Yêu cầu bổ sung hồ sơ",
    "result": "Đã có kết quả",
    "refused": "Từ chối / dừng giải quyết",
}
CHANNEL_LABELS = {"email": "Thư điện tử", "sms": "Tin nhắn SMS"}

# Every value a template may use, and what it holds (shown on the editing page).
PLACEHOLDERS: dict[str, str] = {
    "code": "mã hồ sơ",
    "procedure": "tên thủ tục",
    "centre": "tên Trung tâm",
    "hotline": "đường dây nóng của Trung tâm",
    "link": "địa chỉ trang tra cứu của hồ sơ (người nộp nhập mã PIN in trên giấy tiếp nhận)",
    "date": "ngày của bước xử lý",
    "agency": "cơ quan giải quyết",
    "missing_papers": (
        "giấy tờ cần bổ sung (mỗi giấy tờ một dòng; bước ghi tại quầy: lời mời xem Phiếu yêu "
        "cầu bổ sung hoặc liên hệ Trung tâm)"
    ),
    "reason": "lý do (bổ sung, từ chối hoặc dừng giải quyết)",
    "collect": "nơi và thời gian nhận kết quả",
}

SUBJECT_MAX = 300
BODY_MAX = 5000
SMS_MAX = 480  # three concatenated SMS of Unicode text would be ~200: kept short by the templates


@dataclass(frozen=True)
class Words:
    subject: str  # empty for SMS
    body: str


_FOOTER = (
    "\n\nTra cứu tình trạng hồ sơ: $link (nhập mã PIN in trên Giấy tiếp nhận hồ sơ)."
    "\n$centre - Đường dây nóng: $hotline"
    "\n\nĐây là thư gửi tự động, xin đừng trả lời thư này."
)

DEFAULTS: dict[tuple[str, str], Words] = {
    ("supplement", "email"): Words(
        "Hồ sơ $code cần bổ sung giấy tờ",
        "Kính gửi Ông/Bà,\n\n"
        "Hồ sơ $code ($procedure) cần được bổ sung trước khi tiếp tục giải quyết.\n\n"
        "Giấy tờ cần bổ sung:\n$missing_papers\n\n"
        "Lý do: $reason\n\n"
        "Mời Ông/Bà mang giấy tờ đến Bộ phận tiếp nhận và trả kết quả của $centre "
        "trong giờ hành chính. Thời gian chờ bổ sung không tính vào thời hạn giải quyết." + _FOOTER,
    ),
    ("supplement", "sms"): Words(
        "",
        "Hồ sơ $code cần bổ sung giấy tờ. Chi tiết: $link. Hotline: $hotline",
    ),
    ("result", "email"): Words(
        "Hồ sơ $code đã có kết quả",
        "Kính gửi Ông/Bà,\n\n"
        "Hồ sơ $code ($procedure) đã có kết quả từ ngày $date.\n\n"
        "Nhận kết quả: $collect\n\n"
        "Khi đến nhận, mời Ông/Bà mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng "
        "giấy tờ tùy thân." + _FOOTER,
    ),
    ("result", "sms"): Words(
        "",
        "Hồ sơ $code đã có kết quả. Nhận tại: $collect. Hotline: $hotline",
    ),
    ("refused", "email"): Words(
        "Hồ sơ $code không được tiếp tục giải quyết",
        "Kính gửi Ông/Bà,\n\n"
        "Hồ sơ $code ($procedure) không được tiếp tục giải quyết ($agency, ngày $date).\n\n"
        "Lý do: $reason\n\n"
        "Mời Ông/Bà đến Bộ phận tiếp nhận và trả kết quả của $centre để nhận lại hồ sơ và "
        "văn bản trả lời." + _FOOTER,
    ),
    ("refused", "sms"): Words(
        "",
        "Hồ sơ $code không được tiếp tục giải quyết. Xem lý do: $link. Hotline: $hotline",
    ),
}


class TemplateError(ValueError):
    """A template the admin typed that cannot be used (the message says why, in Vietnamese)."""


def check(kind: str, channel: str, subject: str, body: str) -> tuple[str, str]:
    """The template as it will be stored, or TemplateError: a known kind and channel, sizes
    within bounds, only known ``$placeholders`` and no stray ``$``."""
    if kind not in KINDS or channel not in CHANNELS:
        raise TemplateError("Loại thông báo hoặc kênh gửi không có.")
    subject = " ".join(subject.split())
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    if channel == "email" and not subject:
        raise TemplateError("Thư điện tử cần có tiêu đề.")
    if not body:
        raise TemplateError("Nội dung không được để trống.")
    if len(subject) > SUBJECT_MAX:
        raise TemplateError(f"Tiêu đề dài quá {SUBJECT_MAX} ký tự.")
    limit = SMS_MAX if channel == "sms" else BODY_MAX
    if len(body) > limit:
        raise TemplateError(f"Nội dung dài quá {limit} ký tự.")
    for part, text in (("Tiêu đề", subject), ("Nội dung", body)):
        template = Template(text)
        if not template.is_valid():
            raise TemplateError(
                f"{part} có dấu $ không đúng cách. Dùng $$ để viết chính dấu $, "
                "hoặc $tên cho một giá trị."
            )
        unknown = sorted(set(template.get_identifiers()) - PLACEHOLDERS.keys())
        if unknown:
            names = ", ".join(f"${n}" for n in unknown)
            raise TemplateError(f"{part} dùng giá trị không có: {names}.")
    return subject, body


def words_for(s: Session, kind: str, channel: str) -> Words:
    """The admin's template if there is one, else the default."""
    row = s.get(NotificationTemplate, (kind, channel))
    return Words(row.subject, row.body) if row is not None else DEFAULTS[(kind, channel)]


def render(words: Words, values: Mapping[str, str], *, ascii_only: bool = False) -> Words:
    """The message: values substituted (a value is text, never read as a template itself),
    the subject on one line."""
    subject = Template(words.subject).safe_substitute(values)
    body = Template(words.body).safe_substitute(values)
    subject = " ".join(subject.split())[:SUBJECT_MAX]
    if ascii_only:
        subject, body = without_diacritics(subject), without_diacritics(body)
    return Words(subject, body)


_D = str.maketrans({"đ": "d", "Đ": "D"})
_NON_GSM = re.compile(r"[^\x20-\x7e\n]")


def without_diacritics(text: str) -> str:
    """Vietnamese in plain ASCII for gateways that would otherwise send UCS-2 (70 characters
    per SMS instead of 160): marks dropped, đ → d, anything else outside ASCII → ?."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_GSM.sub("?", plain)


def save_template(
    s: Session, kind: str, channel: str, subject: str, body: str, *, actor: str
) -> None:
    """Check and store the admin's words for (kind, channel); audited. Messages already queued
    keep the words they were made with."""
    subject, body = check(kind, channel, subject, body)
    row = s.get(NotificationTemplate, (kind, channel))
    if row is None:
        row = NotificationTemplate(kind=kind, channel=channel)
        s.add(row)
    row.subject, row.body = subject, body
    row.updated_at, row.updated_by = datetime.now().replace(microsecond=0), actor[:64]
    audit(s, actor, "notification.template", kind=kind, channel=channel)


def reset_template(s: Session, kind: str, channel: str, *, actor: str) -> None:
    """Back to the built-in words."""
    if kind not in KINDS or channel not in CHANNELS:
        raise TemplateError("Loại thông báo hoặc kênh gửi không có.")
    s.execute(
        delete(NotificationTemplate).where(
            NotificationTemplate.kind == kind, NotificationTemplate.channel == channel
        )
    )
    audit(s, actor, "notification.template_reset", kind=kind, channel=channel)
