"""``hcc-desk backup`` and ``hcc-desk restore`` (admin): the commands of docs/backups.md.

Exit status as every command (cli.py): 0 done, 1 failed (cannot write, damaged database),
2 the file given is refused (not a backup of this profile, wrong key, damaged, missing),
3 the officer is not a proven admin. A refused restore changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hcc_desk.cli_auth import ADMIN, add_proof_arguments


def add_arguments(sub, common: argparse.ArgumentParser) -> None:
    backup = sub.add_parser(
        "backup", parents=[common], help="back the database up now, encrypted (admin)"
    )
    backup.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FILE",
        help="write the backup here (a new file; default: <profile>/backups/)",
    )
    add_proof_arguments(backup, "the admin who backs up")
    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="replace the database with a backup of this profile (admin); "
        "the current one is set aside, never deleted",
    )
    restore.add_argument("file", type=Path, help="a backup made by HCC Desk for this profile")
    add_proof_arguments(restore, "the admin who restores (checked against the backup)")


def run_backup(args, profile) -> int:
    from hcc_desk.cli_auth import authorised

    with authorised(profile, args, "backup", ADMIN) as (ctx, _admin):
        path = ctx.backups.backup_to(args.out)
    print(path)
    return 0


class _Proof:
    """What cli_auth.authorise needs, on the staged backup: the admin proves it against the
    officers of the data being restored (the current file may be unreadable)."""

    def __init__(self, store, profile):
        from hcc_desk.services.auth import AuthService

        self.store, self.profile, self.auth = store, profile, AuthService(store)


def run_restore(args, profile) -> int:
    from hcc_desk.cli_auth import authorise, read_password
    from hcc_desk.core.keystore import profile_key
    from hcc_desk.services import backups
    from hcc_desk.services.errors import NotFound

    password = read_password(args)
    if not (profile.root / "profile-id").is_file():  # restore never creates a profile
        raise NotFound("cli_backup.hcc_desk_profile_check", root=profile.root)
    from hcc_desk.app import _key_errors

    with _key_errors(profile):
        key = profile_key(profile.root, create=False)
    staged = backups.stage(profile, key, args.file)
    try:
        who = authorise(_Proof(staged.store, profile), args, password, "restore", ADMIN)
    except BaseException:
        backups.discard(staged)
        raise
    done = backups.commit(profile, key, staged, who)
    previous = done.previous
    taken = staged.source.taken_at
    print(
        f"Đã khôi phục {staged.source.path} ({taken:%d/%m/%Y %H:%M}, "
        f"{staged.source.dossiers} hồ sơ). / Restored {staged.source.path} "
        f"({taken:%Y-%m-%d %H:%M}, {staged.source.dossiers} dossiers)."
    )
    if previous is not None:
        print(f"Cơ sở dữ liệu trước đó được giữ tại / the previous database is kept at: {previous}")
    if not done.sequences_read:
        print(
            "Cảnh báo: không đọc được số thứ tự đã cấp từ tệp cũ; mã hồ sơ tiếp theo hôm nay có "
            "thể trùng mã đã in sau thời điểm sao lưu (trung tâm sẽ từ chối và báo). / Warning: "
            "the sequence numbers handed out by the old file could not be read; today's next "
            "codes may repeat codes printed after the backup was taken (central refuses and "
            "reports them).",
            file=sys.stderr,
        )
    print(
        "Bàn làm việc sẽ đồng bộ lại với trung tâm khi mở (hoặc chạy 'hcc-desk sync'). / "
        "The desk re-syncs with central when it starts (or run 'hcc-desk sync').",
        file=sys.stderr,
    )
    return 0
