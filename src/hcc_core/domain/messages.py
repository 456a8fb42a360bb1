"""Bilingual message table for every user-facing domain error and warning.

Officers read the Vietnamese text; the English text goes to logs and to developers.
Each entry is ``code: (vi, en)`` with ``str.format`` placeholders. ``{label}`` is filled
from FIELD_LABELS when the error names a field.
"""

from __future__ import annotations

# Field keys used by the domain layer -> (vi, en) labels shown in messages.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "text": ("Nội dung", "Text"),
    "full_name": ("Họ và tên", "Full name"),
    "address": ("Địa chỉ", "Address"),
    "note": ("Ghi chú", "Note"),
    "id_number": ("Số định danh cá nhân", "Personal ID number"),
    "old_id_number": ("Số CMND cũ", "Old ID card number"),
    "date_of_birth": ("Ngày sinh", "Date of birth"),
    "sex": ("Giới tính", "Sex"),
    "issue_date": ("Ngày cấp", "Issue date"),
    "qr": ("Mã QR căn cước", "Citizen ID QR code"),
    "tax_code": ("Mã số thuế", "Tax code"),
    "phone": ("Số điện thoại", "Phone number"),
    "unit_code": ("Mã đơn vị", "Unit code"),
    "dossier_code": ("Mã hồ sơ", "Dossier code"),
    "duration": ("Thời hạn giải quyết", "Processing time"),
    "calendar": ("Lịch làm việc", "Work calendar"),
    "office_hours": ("Giờ làm việc", "Office hours"),
    "status": ("Trạng thái hồ sơ", "Dossier status"),
    "slot": ("Số thứ tự quầy", "Counter slot"),
    "name": ("Tên", "Name"),
    "email": ("Email", "E-mail"),
    "notes": ("Ghi chú", "Notes"),
    "delivery_address": ("Địa chỉ nhận kết quả", "Delivery address"),
    "centre_name": ("Tên trung tâm", "Centre name"),
    "governing_body": ("Cơ quan chủ quản", "Governing body"),
    "place_name": ("Địa danh", "Place name"),
    "counter_name": ("Tên quầy", "Counter name"),
    "admin_full_name": ("Họ tên quản trị viên", "Admin's full name"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    # text
    "text.too_long": (
        "{label} quá dài: tối đa {max_len} ký tự, nội dung nhập có {length} ký tự.",
        "{label} is too long: at most {max_len} characters, got {length}.",
    ),
    "text.required": ("Chưa nhập {label}.", "{label} is required."),
    # 12-digit personal ID
    "id.empty": ("Chưa nhập số định danh cá nhân.", "The personal ID number is empty."),
    "id.not_digits": (
        "Số định danh cá nhân chỉ gồm chữ số (0–9).",
        "The personal ID number must contain digits only.",
    ),
    "id.length": (
        "Số định danh cá nhân phải có đúng 12 chữ số (đang có {length}).",
        "The personal ID number must have exactly 12 digits (got {length}).",
    ),
    "id.province_unknown": (
        "Mã tỉnh nơi đăng ký khai sinh '{code}' (3 chữ số đầu) không tồn tại.",
        "Unknown birth-registration province code '{code}' (first 3 digits).",
    ),
    "id.birth_year_future": (
        "Năm sinh suy ra từ số định danh ({year}) nằm trong tương lai.",
        "The birth year encoded in the ID number ({year}) is in the future.",
    ),
    # citizen ID QR
    "qr.empty": ("Chưa có dữ liệu quét mã QR.", "No QR data was scanned."),
    "qr.too_long": (
        "Dữ liệu quét quá dài ({length} ký tự), không phải mã QR thẻ căn cước.",
        "Scanned data is too long ({length} characters) for a citizen ID QR code.",
    ),
    "qr.not_qr": (
        "Dữ liệu không phải mã QR thẻ căn cước (thiếu dấu phân cách '|').",
        "The data is not a citizen ID QR code (no '|' separators).",
    ),
    "qr.no_id": (
        "Mã QR không chứa số định danh 12 chữ số ở vị trí đầu tiên.",
        "The QR code does not start with a 12-digit ID number.",
    ),
    "qr.too_few_fields": (
        "Mã QR thiếu thông tin (chỉ có {count} trường, cần ít nhất 5).",
        "The QR code has too few fields ({count}, need at least 5).",
    ),
    "qr.id_invalid": (
        "Số định danh trong mã QR không hợp lệ: {reason}",
        "The ID number in the QR code is invalid: {reason_en}",
    ),
    "qr.name_missing": ("Mã QR không có họ và tên.", "The QR code has no full name."),
    "qr.dob_invalid": (
        "Không đọc được ngày sinh '{value}' trong mã QR.",
        "Could not read the date of birth '{value}' in the QR code.",
    ),
    "qr.dob_future": (
        "Ngày sinh {value} trong mã QR nằm trong tương lai.",
        "The date of birth {value} in the QR code is in the future.",
    ),
    "qr.sex_unreadable": (
        "Không đọc được giới tính '{value}' trong mã QR.",
        "Could not read the sex '{value}' in the QR code.",
    ),
    "qr.old_id_invalid": (
        "Số CMND cũ '{value}' trong mã QR không hợp lệ (cần 9 hoặc 12 chữ số), đã bỏ qua.",
        "The old ID number '{value}' in the QR code is invalid (need 9 or 12 digits); ignored.",
    ),
    "qr.issue_date_missing": (
        "Mã QR không có ngày cấp.",
        "The QR code has no issue date.",
    ),
    "qr.issue_date_invalid": (
        "Không đọc được ngày cấp '{value}' trong mã QR.",
        "Could not read the issue date '{value}' in the QR code.",
    ),
    "qr.issue_date_future": (
        "Ngày cấp {value} trong mã QR nằm trong tương lai.",
        "The issue date {value} in the QR code is in the future.",
    ),
    "qr.issue_before_birth": (
        "Ngày cấp {issue} trước ngày sinh {birth}.",
        "The issue date {issue} is before the date of birth {birth}.",
    ),
    "qr.birth_year_mismatch": (
        "Năm sinh theo số định danh ({id_year}) khác năm sinh trong mã QR ({dob_year}).",
        "Birth year from the ID number ({id_year}) differs from the QR date of birth ({dob_year}).",
    ),
    "qr.sex_mismatch": (
        "Giới tính theo số định danh ({id_sex}) khác giới tính trong mã QR ({qr_sex}).",
        "Sex from the ID number ({id_sex}) differs from the sex in the QR code ({qr_sex}).",
    ),
    "qr.extra_fields": (
        "Mã QR có thêm {count} trường không xác định sau ngày cấp, đã bỏ qua.",
        "The QR code has {count} unknown extra field(s) after the issue date; ignored.",
    ),
    # tax code
    "tax.empty": ("Chưa nhập mã số thuế.", "The tax code is empty."),
    "tax.format": (
        "Mã số thuế phải có 10 chữ số, hoặc 10 chữ số + '-' + 3 chữ số cho đơn vị phụ thuộc.",
        "A tax code has 10 digits, or 10 digits + '-' + 3 digits for a dependent unit.",
    ),
    "tax.personal_id": (
        "Đây là số định danh cá nhân 12 chữ số, không phải mã số thuế doanh nghiệp.",
        "This is a 12-digit personal ID number, not an enterprise tax code.",
    ),
    "tax.check_digit": (
        "Mã số thuế {number} sai chữ số kiểm tra, vui lòng kiểm tra lại.",
        "Tax code {number} has a wrong check digit.",
    ),
    "tax.sequence_zero": (
        "Mã số thuế {number} không hợp lệ (phần số thứ tự bằng 0).",
        "Tax code {number} is invalid (sequence part is zero).",
    ),
    "tax.branch_zero": (
        "Mã đơn vị phụ thuộc phải từ 001 đến 999.",
        "The dependent-unit suffix must be 001 to 999.",
    ),
    # phone
    "phone.empty": ("Chưa nhập số điện thoại.", "The phone number is empty."),
    "phone.invalid_chars": (
        "Số điện thoại chỉ gồm chữ số, có thể có dấu cách, chấm, gạch ngang hoặc +84.",
        "A phone number may contain only digits, spaces, dots, dashes or +84.",
    ),
    "phone.length": (
        "Số điện thoại phải có 10 chữ số (di động) hoặc 11 chữ số (cố định), đang có {length}.",
        "A phone number has 10 digits (mobile) or 11 digits (landline); got {length}.",
    ),
    "phone.old_mobile_prefix": (
        "Đầu số {old_prefix} đã chuyển sang {new_prefix} từ năm 2018; số mới là {suggestion}.",
        "Prefix {old_prefix} became {new_prefix} in 2018; the new number is {suggestion}.",
    ),
    "phone.unknown_prefix": (
        "Đầu số {prefix} không phải đầu số di động hay cố định của Việt Nam.",
        "Prefix {prefix} is not a Vietnamese mobile or landline prefix.",
    ),
    # calendar / duration
    "duration.invalid": (
        "Thời hạn giải quyết không hợp lệ: {reason}",
        "Invalid processing time: {reason_en}",
    ),
    "calendar.office_hours_invalid": (
        "Giờ làm việc không hợp lệ: {reason}",
        "Invalid office hours: {reason_en}",
    ),
    "calendar.config_invalid": (
        "Cấu hình lịch làm việc không hợp lệ: {reason}",
        "Invalid work-calendar configuration: {reason_en}",
    ),
    "calendar.no_working_days": (
        "Lịch làm việc không có ngày làm việc nào, không tính được ngày hẹn trả.",
        "The work calendar has no working days; cannot compute an appointment.",
    ),
    "calendar.pause_order": (
        "Thời điểm bổ sung hồ sơ ({end}) trước thời điểm yêu cầu bổ sung ({start}).",
        "Resubmission time ({end}) is before the supplement request time ({start}).",
    ),
    # dossier code
    "code.unit_invalid": (
        "Mã đơn vị '{value}' không đúng dạng 000.00.00.H00.",
        "Unit code '{value}' does not match the form 000.00.00.H00.",
    ),
    "code.format": (
        "Mã hồ sơ '{value}' không đúng dạng <mã đơn vị>-YYMMDD-NNNN.",
        "Dossier code '{value}' does not match <unit code>-YYMMDD-NNNN.",
    ),
    "code.date_invalid": (
        "Ngày trong mã hồ sơ '{value}' không hợp lệ.",
        "The date in dossier code '{value}' is invalid.",
    ),
    "code.sequence_range": (
        "Số thứ tự hồ sơ phải từ 0001 đến 9999 (đang là {seq}).",
        "The dossier sequence number must be 0001 to 9999 (got {seq}).",
    ),
    "code.slot_invalid": (
        "Số thứ tự quầy {slot} không hợp lệ (phải từ 1 đến {slots}).",
        "Counter slot {slot} is invalid (must be 1 to {slots}).",
    ),
    "code.sequence_exhausted": (
        "Quầy đã dùng hết {capacity} số hồ sơ trong ngày; "
        "vui lòng liên hệ quản trị để cấp thêm số thứ tự quầy.",
        "This counter has used all {capacity} dossier numbers for today; "
        "ask an administrator for another counter slot.",
    ),
    # status
    "status.invalid_transition": (
        "Không thể chuyển hồ sơ từ trạng thái '{source}' sang '{target}'.",
        "Cannot move a dossier from '{source_en}' to '{target_en}'.",
    ),
    "status.initial_invalid": (
        "Hồ sơ mới phải bắt đầu ở trạng thái 'Mới đăng ký' hoặc 'Được tiếp nhận' "
        "(không phải '{target}').",
        "A new dossier must start as 'receiving' or 'new' (not '{target_en}').",
    ),
    "status.time_backwards": (
        "Thời điểm chuyển trạng thái ({at}) sớm hơn lần chuyển trước ({previous}).",
        "The status change time ({at}) is earlier than the previous change ({previous}).",
    ),
}
