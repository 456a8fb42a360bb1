"""Expected printing failures, worded for the counter officer and for the log."""

from __future__ import annotations

from enum import StrEnum


class Problem(StrEnum):
    NOT_INSTALLED = "not_installed"  # no CUPS client tools / no print system
    SCHEDULER_DOWN = "scheduler_down"  # cupsd not running or not answering
    NO_DEFAULT = "no_default"  # no printer given and none set as default
    NO_SUCH_PRINTER = "no_such_printer"
    DISABLED = "disabled"  # queue paused, or printer stopped after a fault
    FAULT = "fault"  # enabled, but the printer reports an error (out of paper, jam...)
    REJECTING = "rejecting"  # queue refuses new jobs
    SUBMIT_FAILED = "submit_failed"  # lp (or the Windows helper) failed for another reason


class PrinterError(Exception):
    """``str(e)`` and ``e.message`` are Vietnamese for the UI; ``e.message_en`` is for logs."""

    def __init__(self, problem: Problem, message: str, message_en: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message
        self.message_en = message_en


def not_installed(detail: str) -> PrinterError:
    return PrinterError(
        Problem.NOT_INSTALLED,
        f"Máy tính chưa cài đặt hệ thống in ({detail}). Hãy liên hệ bộ phận kỹ thuật.",
        f"Printing system not installed ({detail}).",
    )


def scheduler_down() -> PrinterError:
    return PrinterError(
        Problem.SCHEDULER_DOWN,
        "Dịch vụ in (CUPS) không chạy hoặc không phản hồi. Hãy khởi động lại dịch vụ in "
        "hoặc máy tính.",
        "The print service (CUPS scheduler) is not running or not responding.",
    )


def no_default() -> PrinterError:
    return PrinterError(
        Problem.NO_DEFAULT,
        "Chưa chọn máy in và máy tính chưa có máy in mặc định. Hãy chọn máy in trong phần Cài đặt.",
        "No printer selected and no default printer is set.",
    )


def no_such_printer(name: str) -> PrinterError:
    return PrinterError(
        Problem.NO_SUCH_PRINTER,
        f"Không tìm thấy máy in “{name}”. Hãy kiểm tra tên máy in trong phần Cài đặt.",
        f"No such printer: {name!r}.",
    )


def disabled(name: str, reason_vi: str, reason_en: str) -> PrinterError:
    return PrinterError(
        Problem.DISABLED,
        f"Máy in “{name}” đang bị dừng ({reason_vi}). Hãy khắc phục rồi bật lại hàng đợi in; "
        "giấy sẽ được in khi máy in hoạt động trở lại.",
        f"Printer {name!r} is stopped/paused ({reason_en}).",
    )


def fault(name: str, reason_vi: str, reason_en: str) -> PrinterError:
    return PrinterError(
        Problem.FAULT,
        f"Máy in “{name}” đang báo lỗi: {reason_vi}. Hãy kiểm tra máy in rồi in lại.",
        f"Printer {name!r} reports an error: {reason_en}.",
    )


def rejecting(name: str) -> PrinterError:
    return PrinterError(
        Problem.REJECTING,
        f"Máy in “{name}” đang từ chối nhận lệnh in. Hãy cho phép hàng đợi nhận lệnh in "
        "(cupsaccept) hoặc chọn máy in khác.",
        f"Printer {name!r} is not accepting jobs.",
    )


def submit_failed(name: str, detail: str) -> PrinterError:
    return PrinterError(
        Problem.SUBMIT_FAILED,
        f"Không gửi được lệnh in tới máy in “{name}”: {detail}",
        f"Could not submit the print job to {name!r}: {detail}",
    )
