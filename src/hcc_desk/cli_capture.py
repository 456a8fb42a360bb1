"""``hcc-desk scan`` and ``hcc-desk doctor``.

scan: the same pipeline as the counter screen (scanner worker → spool → clean-up → PDF) into a
file. Pages are kept in ``FILE.pdf.pages/`` until the PDF is written, so after a scanner fault
the same command, run again, continues where it stopped.

doctor: what a support call asks first — scanners, printers, the database, disk space, central —
each with a plain statement of what is wrong and what to do.

Exit status: 0 success / all OK, 1 device fault or a problem found, 2 bad usage.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from hcc_core.vn_format import vn_number

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def add_arguments(subparsers, common_parent: argparse.ArgumentParser) -> None:
    scan = subparsers.add_parser(
        "scan",
        parents=[common_parent],
        help="scan paper into a PDF (same pipeline as the counter screen)",
    )
    scan.add_argument("--device", required=True, help="scanner name (see 'hcc-desk doctor')")
    scan.add_argument(
        "--source",
        choices=("flatbed", "adf", "duplex"),
        default="flatbed",
        help="flatbed (one page), adf (the feeder until empty), duplex",
    )
    scan.add_argument("--resolution", type=int, default=300, metavar="DPI")
    scan.add_argument("--mode", choices=("gray", "color", "lineart"), default="gray")
    scan.add_argument("--page-size", default="A4", choices=("A4", "A5", "A3", "LETTER", "LEGAL"))
    scan.add_argument("--pdfa", action="store_true", help="write PDF/A-2b (archival)")
    scan.add_argument("--no-deskew", action="store_true", help="keep pages as scanned")
    scan.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        metavar="S",
        help="give up when the scanner is silent this long (default 120)",
    )
    scan.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="raw device option, e.g. a vendor switch (repeatable)",
    )
    scan.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")

    subparsers.add_parser(
        "doctor",
        parents=[common_parent],
        help="check scanners, printers, database, disk space and central; say what is wrong",
    )


def run(args: argparse.Namespace) -> int:
    if args.command == "scan":
        return _scan(args)
    if args.command == "doctor":
        return _doctor(args)
    raise ValueError(args.command)


def _err(message, /, **params) -> None:
    from hcc_desk.cli import _err as say

    say(message, **params)


# ------------------------------------------------------------------------------------ scan
def _parse_options(pairs: list[str]) -> dict | None:
    out: dict = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            return None
        low = value.lower()
        out[name] = (
            True
            if low in ("yes", "true")
            else False
            if low in ("no", "false")
            else int(value)
            if value.lstrip("-").isdigit()
            else value
        )
    return out


def _scan(args) -> int:
    from hcc_desk.core.capture.model import ColourMode, ScanProfile, Source
    from hcc_desk.core.capture.pdf_output import write_pdf
    from hcc_desk.core.capture.scanner import scan_batch
    from hcc_desk.core.capture.spool import CaptureSpool

    out = args.out.expanduser().resolve()
    options = _parse_options(args.option)
    if options is None:
        _err("cli_capture.option_must_name_value")
        return EXIT_INVALID
    if out.suffix.lower() != ".pdf":
        _err("cli_capture.output_must_pdf_file", out=out)
        return EXIT_INVALID
    if not out.parent.is_dir():
        _err("cli_capture.such_folder", parent=out.parent)
        return EXIT_INVALID
    if not 50 <= args.resolution <= 1200:
        _err("cli_capture.resolution_must_dpi")
        return EXIT_INVALID
    profile = ScanProfile(
        args.device, Source(args.source), args.resolution, ColourMode(args.mode), args.page_size
    )
    pages_dir = out.with_name(out.name + ".pages")
    spool = CaptureSpool(pages_dir)
    session = spool.open_session("cli", None, out.stem)
    session.ingest_incoming(deskew=not args.no_deskew)
    earlier = len(session.pages())
    if earlier:
        print(
            f"Tiếp tục: {earlier} trang đã quét lần trước / continuing with {earlier} earlier "
            "page(s)",
            file=sys.stderr,
        )

    def on_page(page) -> None:
        flag = "  (trang trắng? / blank?)" if page.blank else ""
        print(
            f"trang {len(session.pages())}: {page.width}x{page.height} {page.dpi} dpi "
            f"{page.mode}{flag}",
            file=sys.stderr,
        )

    outcome = scan_batch(
        profile,
        session,
        on_page,
        deskew=not args.no_deskew,
        page_timeout=args.timeout,
        extra_options=options,
    )
    total = len(session.pages())
    if outcome.fault is not None:
        _err(outcome.fault)
        if total:
            print(
                f"Các trang đã quét ({total}) được giữ trong {pages_dir}. Khắc phục máy quét "
                "rồi chạy lại đúng lệnh này để quét tiếp; tệp PDF sẽ gồm cả các trang này.\n"
                f"  (The {total} scanned page(s) are kept in {pages_dir}; fix the scanner and "
                "run the same command again to continue.)",
                file=sys.stderr,
            )
        else:
            session.discard()
            _remove_if_empty(pages_dir)
        return EXIT_FAILED
    if total == 0:
        _err("cli_capture.scanner_returned_pages")
        session.discard()
        _remove_if_empty(pages_dir)
        return EXIT_FAILED
    built = write_pdf(session.pages(), out, title=out.stem, pdfa=args.pdfa)
    session.mark_attached()
    _remove_if_empty(pages_dir)
    print(
        f"{built.path}\t{built.page_count} trang/pages\t{built.size} bytes\tsha256 {built.sha256}"
    )
    return EXIT_OK


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


# ---------------------------------------------------------------------------------- doctor
class _Report:
    def __init__(self):
        self.problems = 0

    def ok(self, text: str) -> None:
        print(f"[OK]   {text}")

    def info(self, text: str) -> None:
        print(f"[--]   {text}")  # tagged like the checks, so no line reads as a stray one

    def warn(self, what: str, todo: str) -> None:
        """Worth doing soon, but nothing is wrong yet: not counted as a problem."""
        print(f"[CHÚ Ý] {what}\n       → {todo}")

    def bad(self, what: str, todo: str) -> None:
        self.problems += 1
        print(f"[LỖI]  {what}\n       → {todo}")


def _doctor(args) -> int:
    from hcc_desk.profile import Profile, default_profile_dir

    profile = Profile(args.profile or default_profile_dir())
    r = _Report()
    print(f"Hồ sơ cấu hình / profile: {profile.root}")
    _check_scanners(r)
    _check_printers(r)
    set_up = _check_database(r, profile)
    if set_up:
        _check_calendar(r, profile)
    _check_disk(r, profile.root)
    if set_up:
        _check_central_and_spool(r, profile)
    _check_crash_log(r, profile)
    print()
    if r.problems:
        print(f"Có {r.problems} vấn đề cần xử lý (xem [LỖI] ở trên). / {r.problems} problem(s).")
        return EXIT_FAILED
    print("Mọi thứ đều ổn. / All checks passed.")
    return EXIT_OK


def _check_crash_log(r: _Report, profile) -> None:
    """A process that died of a fatal signal left its stacks there (hcc_desk.log_setup); the
    log file never saw it, so this is the only trace support gets."""
    from datetime import datetime

    from hcc_desk.log_setup import crash_log_path

    path = crash_log_path(profile.logs)
    try:
        stat = path.stat()
    except OSError:
        return
    if stat.st_size == 0:
        return
    when = datetime.fromtimestamp(stat.st_mtime).strftime("%d/%m/%Y %H:%M")
    r.warn(
        f"Ứng dụng đã bị dừng đột ngột (lần cuối {when}); nhật ký sự cố: {path} / "
        f"the desk crashed (last at {when}); crash log: {path}",
        "Gửi tệp này (và thư mục nhật ký) cho bộ phận kỹ thuật; nó không chứa dữ liệu cá "
        "nhân. / Send this file (and the log folder) to support; it holds no personal data.",
    )


def _check_scanners(r: _Report) -> None:
    from hcc_desk.core.capture.scanner import list_devices

    devices = list_devices(timeout=20)
    if not devices:
        r.bad(
            "Không tìm thấy máy quét nào.",
            "Kiểm tra cáp USB / mạng và nguồn của máy quét, cài driver (Linux: gói SANE của "
            "hãng, thử 'scanimage -L'; Windows: driver WIA của hãng), rồi chạy lại.",
        )
        return
    r.ok(f"Máy quét: {len(devices)}")
    for d in devices:
        r.info(
            f"{d.name}  —  {d.vendor} {d.model} ({d.kind}); nguồn giấy: "
            f"{', '.join(str(s) for s in d.sources)}; chế độ: "
            f"{', '.join(str(m) for m in d.modes)}"
        )


def _check_printers(r: _Report) -> None:
    from hcc_desk.core.printing.dispatch import default_printer, list_printers
    from hcc_desk.core.printing.errors import PrinterError

    try:
        names = list_printers()
    except PrinterError as exc:
        r.bad(
            f"Không liệt kê được máy in: {exc.message}",
            "Khởi động dịch vụ in (Linux: CUPS; Windows: Print Spooler) rồi chạy lại.",
        )
        return
    if not names:
        r.bad(
            "Chưa có máy in nào được cài đặt.",
            "Cài máy in trong hệ điều hành (Linux: CUPS http://localhost:631; Windows: "
            "Cài đặt → Máy in), rồi chạy lại.",
        )
        return
    try:
        default = default_printer()
    except PrinterError:
        default = None
    r.ok(f"Máy in: {', '.join(names)}" + (f" (mặc định: {default})" if default else ""))


def _check_calendar(r: _Report, profile) -> None:
    """Next year's official calendar loaded in time (services/calendars.py)."""
    from hcc_desk.core import db_cipher
    from hcc_desk.core.keystore import profile_key
    from hcc_desk.services.calendars import warning_from_connection

    db = profile.db_path
    key = None if db_cipher.is_plain_sqlite(db) else profile_key(profile.root, create=False)
    con = db_cipher.connect(db, key, read_only=True)
    try:
        warning = warning_from_connection(con)
    finally:
        con.close()
    if warning is None:
        r.ok("Lịch làm việc chính thức đã có cho năm nay (và năm sau nếu đã đến tháng 12).")
    elif warning.urgent:
        r.bad(warning.text("vi"), warning.text("en"))
    else:
        r.warn(warning.text("vi"), warning.text("en"))


def _check_database(r: _Report, profile) -> bool:
    from hcc_desk.core import db_cipher
    from hcc_desk.core.keystore import KeyUnavailable, profile_key
    from hcc_desk.core.store.schema_version import StoreError, file_revision, script_head

    db = profile.db_path
    if not db.exists():
        r.bad(
            f"Chưa có cơ sở dữ liệu ({db}).",
            "Mở ứng dụng để thiết lập lần đầu, hoặc 'hcc-desk enrol' / 'hcc-desk demo'.",
        )
        return False
    try:
        key = None if db_cipher.is_plain_sqlite(db) else profile_key(profile.root, create=False)
    except KeyUnavailable as exc:
        r.bad(
            f"Không đọc được khoá mã hoá của hồ sơ: {exc}",
            "Mở trên máy và tài khoản đã tạo hồ sơ này, hoặc gọi bộ phận kỹ thuật.",
        )
        return False
    sql_error = db_cipher.dbapi().Error
    try:
        con = db_cipher.connect(db, key, read_only=True)
        try:
            check = con.execute("PRAGMA quick_check").fetchone()[0]
            set_up = con.execute("SELECT 1 FROM counter WHERE is_this_device = 1").fetchone()
        finally:
            con.close()
    except sql_error as exc:
        r.bad(
            f"Không mở được cơ sở dữ liệu: {exc}",
            "Đóng các chương trình khác đang dùng tệp; nếu tệp hỏng, khôi phục bản sao lưu "
            f"mới nhất trong {profile.backups}.",
        )
        return False
    if check != "ok":
        r.bad(
            f"Cơ sở dữ liệu bị hỏng: {check}",
            f"Khôi phục bản sao lưu mới nhất trong {profile.backups} và gọi bộ phận kỹ thuật.",
        )
        return False
    found = file_revision(db, key)
    try:
        head = script_head()
    except StoreError as exc:
        r.bad(f"Bộ cài ứng dụng bị lỗi: {exc}", "Cài lại ứng dụng.")
        return False
    if found == head:
        r.ok(f"Cơ sở dữ liệu mở được, đúng phiên bản ({head}).")
    elif found is None:
        r.bad(
            "Cơ sở dữ liệu không có thông tin phiên bản.",
            "Mở ứng dụng một lần (sẽ tự tạo/nâng cấp, có sao lưu trước).",
        )
        return False
    else:
        known = found in shipped_revisions()
        if known:
            r.ok(
                f"Cơ sở dữ liệu mở được; phiên bản {found} sẽ tự nâng cấp lên {head} khi mở "
                "ứng dụng (có sao lưu trước)."
            )
        else:
            r.bad(
                f"Cơ sở dữ liệu do phiên bản ứng dụng mới hơn tạo ({found}).",
                "Cài phiên bản ứng dụng mới nhất trên máy này.",
            )
            return False
    if not set_up:
        r.bad(
            "Máy này chưa được thiết lập (trung tâm, quầy).",
            "Mở ứng dụng để thiết lập lần đầu, hoặc 'hcc-desk enrol'.",
        )
        return False
    return True


def shipped_revisions() -> set[str]:
    import ast

    from hcc_desk.core.store.schema_version import VERSIONS_DIR

    found = set()
    for script in VERSIONS_DIR.glob("*.py"):
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id == "revision"
                and isinstance(node.value, ast.Constant)
            ):
                found.add(node.value.value)
    return found


MIN_FREE = 1024**3  # 1 GiB: a day of colour scans, backups and the database's growth


def _check_disk(r: _Report, root: Path) -> None:
    probe = root
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    usage = shutil.disk_usage(probe)
    free_gb = usage.free / 1024**3
    if usage.free < MIN_FREE:
        r.bad(
            f"Ổ đĩa chứa {root} chỉ còn {vn_number(free_gb, 2)} GB trống.",
            "Giải phóng dung lượng (xóa tệp tạm, chuyển bản sao lưu cũ sang nơi khác): cần "
            "ít nhất 1 GB để quét và lưu hồ sơ an toàn.",
        )
    else:
        r.ok(f"Dung lượng trống: {vn_number(free_gb, 1)} GB")


def _check_central_and_spool(r: _Report, profile) -> None:
    from hcc_desk.app import open_context

    ctx = open_context(profile.root)
    try:
        cred = ctx.credentials.load()
        if cred is None:
            r.info("Chưa đăng ký với máy chủ trung tâm (làm việc độc lập). / Not enrolled.")
        else:
            _check_central(r, cred)
        waiting = ctx.capture.spool.recoverable()
        if waiting:
            r.info(
                f"{len(waiting)} giấy tờ có trang đã quét nhưng chưa đính kèm: mở ứng dụng "
                "để lấy lại. / scanned pages waiting to be attached."
            )
    finally:
        ctx.close()


def _check_central(r: _Report, cred) -> None:
    import httpx

    from hcc_desk.core.sync.client import AuthFailed, CentralClient, SyncError

    client = CentralClient(cred.central_url, cred.device_token, ca_pem=cred.ca_pem)
    try:
        limits = client.limits(timeout=httpx.Timeout(10.0))
    except AuthFailed:
        r.bad(
            f"Máy chủ trung tâm {cred.central_url} từ chối quầy này.",
            "Quản trị viên cấp mã đăng ký mới, rồi chạy 'hcc-desk enrol'.",
        )
    except (SyncError, httpx.HTTPError) as exc:
        r.bad(
            f"Không kết nối được máy chủ trung tâm {cred.central_url}: {exc}",
            "Kiểm tra mạng / Internet; hồ sơ vẫn được lưu trên máy và tự đồng bộ khi có mạng.",
        )
    else:
        r.ok(
            f"Máy chủ trung tâm {cred.central_url} trả lời (giới hạn tệp "
            f"{limits.max_attachment_bytes // (1024 * 1024)} MB)."
        )
    finally:
        client.close()
