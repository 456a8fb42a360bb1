"""What an officer hands to the intake use case: one dossier as typed at the counter.

The same shape is read from the CLI's JSON file (docs/intake-json.md) and filled by the intake
screen, so both paths go through one validator. Everything here is plain data; the rules live in
``hcc_core.domain`` and ``hcc_desk.services.intake``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

ApplicantKind = Literal["individual", "organisation"]
DeliveryMethod = Literal["counter", "post"]


@dataclass
class PersonInput:
    full_name: str = ""
    id_number: str = ""
    old_id_number: str = ""
    date_of_birth: date | None = None
    sex: str = ""  # "Nam" / "Nữ" / ""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class OrganisationInput:
    name: str = ""
    tax_code: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class PaperInput:
    name: str = ""
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0


@dataclass
class IntakeRequest:
    procedure_code: str = ""
    applicant_kind: ApplicantKind = "individual"
    submitter: PersonInput = field(default_factory=PersonInput)
    # The dossier owner when it is not the submitter: a person (individual dossiers handed in by
    # someone else) or an organisation (always, for applicant_kind == "organisation").
    owner_is_submitter: bool = True
    owner_person: PersonInput | None = None
    owner_organisation: OrganisationInput | None = None
    papers: list[PaperInput] | None = None  # the papers handed in; None = none named
    sets: int = 1
    delivery_method: DeliveryMethod = "counter"
    delivery_address: str = ""
    notes: str = ""
    citizen_qr: str | None = None  # raw chip-card QR; fills the submitter's empty fields
    received_at: datetime | None = None  # None: now

    def to_json_dict(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


class RequestFormatError(ValueError):
    """The JSON does not have the shape of an intake request (wrong types, unknown keys)."""

    def __init__(self, message: str, message_en: str):
        super().__init__(message)
        self.message = message
        self.message_en = message_en


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def request_from_json_text(text: str) -> IntakeRequest:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RequestFormatError(
            f"Tệp JSON hỏng ở dòng {exc.lineno}, cột {exc.colno}: {exc.msg}",
            f"Broken JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
        ) from None
    return request_from_dict(data)


def request_from_dict(data: Any) -> IntakeRequest:
    obj = _object(data, "")
    _no_unknown_keys(obj, IntakeRequest, "")
    req = IntakeRequest()
    for key in ("procedure_code", "delivery_address", "notes"):
        if key in obj:
            setattr(req, key, _string(obj[key], key))
    if "applicant_kind" in obj:
        req.applicant_kind = _choice(
            obj["applicant_kind"], "applicant_kind", ("individual", "organisation")
        )  # type: ignore[assignment]
    if "delivery_method" in obj:
        req.delivery_method = _choice(
            obj["delivery_method"], "delivery_method", ("counter", "post")
        )  # type: ignore[assignment]
    if "submitter" in obj:
        req.submitter = _person(obj["submitter"], "submitter")
    if "owner_is_submitter" in obj:
        req.owner_is_submitter = _bool(obj["owner_is_submitter"], "owner_is_submitter")
    if obj.get("owner_person") is not None:
        req.owner_person = _person(obj["owner_person"], "owner_person")
    if obj.get("owner_organisation") is not None:
        org = _object(obj["owner_organisation"], "owner_organisation")
        _no_unknown_keys(org, OrganisationInput, "owner_organisation.")
        req.owner_organisation = OrganisationInput(
            **{k: _string(v, f"owner_organisation.{k}") for k, v in org.items()}
        )
    if obj.get("papers") is not None:
        if not isinstance(obj["papers"], list):
            raise _type_error("papers", "danh sách", "a list")
        req.papers = [_paper(p, f"papers[{i}]") for i, p in enumerate(obj["papers"])]
    if "sets" in obj:
        req.sets = _int(obj["sets"], "sets")
    if obj.get("citizen_qr") is not None:
        req.citizen_qr = _string(obj["citizen_qr"], "citizen_qr")
    if obj.get("received_at") is not None:
        raw = _string(obj["received_at"], "received_at")
        try:
            req.received_at = datetime.fromisoformat(raw)
        except ValueError:
            raise _type_error(
                "received_at",
                "ngày giờ ISO (YYYY-MM-DDTHH:MM)",
                "an ISO date-time (YYYY-MM-DDTHH:MM)",
            ) from None
        if req.received_at.tzinfo is not None:
            raise _type_error(
                "received_at",
                "giờ địa phương, không kèm múi giờ",
                "local time without a UTC offset",
            )
    return req


def _person(value: Any, where: str) -> PersonInput:
    obj = _object(value, where)
    _no_unknown_keys(obj, PersonInput, f"{where}.")
    person = PersonInput()
    for key, raw in obj.items():
        if key == "date_of_birth":
            if raw in (None, ""):
                continue
            text = _string(raw, f"{where}.date_of_birth")
            try:
                person.date_of_birth = date.fromisoformat(text)
            except ValueError:
                raise _type_error(
                    f"{where}.date_of_birth", "ngày dạng YYYY-MM-DD", "a date as YYYY-MM-DD"
                ) from None
        else:
            setattr(person, key, _string(raw, f"{where}.{key}"))
    return person


def _paper(value: Any, where: str) -> PaperInput:
    obj = _object(value, where)
    _no_unknown_keys(obj, PaperInput, f"{where}.")
    paper = PaperInput(name=_string(obj.get("name", ""), f"{where}.name"))
    for key in ("originals", "certified_copies", "photocopies"):
        if key in obj:
            setattr(paper, key, _int(obj[key], f"{where}.{key}"))
    return paper


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _type_error(where or "(gốc)", "một đối tượng JSON", "a JSON object")
    return value


def _no_unknown_keys(obj: dict[str, Any], cls: type, prefix: str) -> None:
    known = set(cls.__dataclass_fields__)  # type: ignore[attr-defined]
    unknown = sorted(set(obj) - known)
    if unknown:
        names = ", ".join(prefix + k for k in unknown)
        raise RequestFormatError(f"Trường không được hỗ trợ: {names}", f"Unknown field(s): {names}")


def _string(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _type_error(where, "chuỗi ký tự", "a string")
    return value


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _type_error(where, "số nguyên", "an integer")
    return value


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise _type_error(where, "true hoặc false", "true or false")
    return value


def _choice(value: Any, where: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        options = " | ".join(allowed)
        raise RequestFormatError(
            f"{where} phải là một trong: {options}", f"{where} must be one of: {options}"
        )
    return value


def _type_error(where: str, vi: str, en: str) -> RequestFormatError:
    return RequestFormatError(f"{where}: cần {vi}", f"{where}: expected {en}")
