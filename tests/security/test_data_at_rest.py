"""Data at rest (issue 9, item 1): the other local user, the stolen disk and the copied profile.

A real desk profile is made with the real CLI (``hcc-desk demo``, ``hcc-desk intake``) under a
permissive umask, a file is attached, and then:

- every folder is 0700 and every file 0600, and user ``nobody`` can read none of them (nor the key);
- no byte of any file of the profile (nor of the key folder) holds the applicant's ID number or
  name, while the desk itself still finds the dossier by both;
- a copy of the profile on a PC without its key does not open (a clear message, no traceback);
- an old, plain profile is encrypted on open, its data intact;
- an attached file moved onto another's name, or cut short, is refused, not misread.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest

from hcc_core.owner_only import restrict_windows_acl, tighten
from hcc_desk.app import open_context
from hcc_desk.core import db_cipher, sealed_files
from hcc_desk.core.keystore import FileKeyStore, KeyUnavailable, profile_key
from hcc_desk.core.store import open_store
from hcc_desk.services.errors import UserError

ID_NUMBER = "046185012345"
OLD_ID = "191234567"
NAME = "Nguyễn Thị Hương"
FOLDED = "nguyen thi huong"
INTAKE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "intake-individual.json"


@pytest.fixture
def world():
    """A folder anyone may traverse (as /home/<user> is often 0755), holding the profile and the
    key folder: only the app's own modes then keep user ``nobody`` out."""
    base = Path(tempfile.mkdtemp(prefix="hcc-at-rest-"))
    os.chmod(base, 0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


def _env(world: Path) -> dict[str, str]:
    return {**os.environ, "HCC_DESK_KEY_DIR": str(world / "keys")}


def _cli(
    world: Path, *args: str, check: bool = True, stdin: str | None = None
) -> subprocess.CompletedProcess:
    run = subprocess.run(
        [sys.executable, "-m", "hcc_desk", *args],
        env=_env(world),
        capture_output=True,
        text=True,
        timeout=120,
        umask=0o000,
        check=False,
        input=stdin,
    )
    if check:
        assert run.returncode == 0, run.stderr
    return run


@pytest.fixture
def used_profile(world, monkeypatch, cups_queue):
    """demo + one intake and its receipt printed through the CLI (umask 000), then a file
    attached in-process."""
    profile = world / "desk"
    _cli(world, "demo", "--profile", str(profile))
    code = _cli(
        world,
        "intake",
        "--profile",
        str(profile),
        "--officer",
        "demo",
        "--password-stdin",
        str(INTAKE),
        stdin="demo\n",
    ).stdout.strip()
    job = _cli(
        world,
        "print",
        "receipt",
        code,
        "--profile",
        str(profile),
        "--officer",
        "demo",
        "--printer",
        cups_queue.name,
        "--password-stdin",
        stdin="demo\n",
    ).stdout.strip()
    cups_queue.wait_for_pdf(job)
    monkeypatch.setenv("HCC_DESK_KEY_DIR", str(world / "keys"))
    ctx = open_context(profile)
    try:
        dossier = ctx.dossiers.search(ID_NUMBER, "demo")[0]
        scan = f"%PDF-1.4 CCCD {ID_NUMBER} {NAME} {OLD_ID}".encode()
        ctx.sync.attach(dossier.uuid, scan, "cccd.pdf", "application/pdf")
    finally:
        ctx.close()
    return profile, code


def _all_files(*roots: Path) -> list[Path]:
    return [p for root in roots for p in root.rglob("*") if p.is_file()]


def test_every_folder_and_file_is_owner_only_whatever_the_umask(world, used_profile):
    profile, _ = used_profile
    folders = [profile, *(p for p in profile.rglob("*") if p.is_dir())]
    files = _all_files(profile, world / "keys")
    assert {"hcc-desk.db", "hcc-desk.log", "profile-id"} <= {f.name for f in files}
    assert any("attachments" in f.parts for f in files)
    assert {oct(d.stat().st_mode & 0o777) for d in [*folders, world / "keys"]} == {"0o700"}
    assert {oct(f.stat().st_mode & 0o777) for f in files} == {"0o600"}, [
        (str(f), oct(f.stat().st_mode & 0o777)) for f in files
    ]


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to act as user nobody")
def test_another_local_user_reads_nothing(world, used_profile):
    profile, _ = used_profile
    targets = [*_all_files(profile, world / "keys"), profile, world / "keys"]
    # The probe itself works: nobody can read a world-readable file next to the profile.
    probe = world / "public.txt"
    probe.write_text("public")
    probe.chmod(0o644)
    readable = []
    for path in [probe, *targets]:
        verb = "ls" if path.is_dir() else "cat"
        run = subprocess.run(
            ["su", "nobody", "-s", "/bin/sh", "-c", f"{verb} '{path}'"],
            capture_output=True,
            timeout=30,
            check=False,
        )
        if run.returncode == 0:
            readable.append(path)
    assert readable == [probe]


def test_no_id_number_or_name_in_any_file_of_the_profile(world, used_profile, monkeypatch):
    profile, code = used_profile
    needles = {
        ID_NUMBER,
        OLD_ID,
        FOLDED,
        NAME,
        unicodedata.normalize("NFD", NAME),
        ID_NUMBER[-6:] + "\x00",
    }
    encoded = {n.encode("utf-8") for n in needles} | {n.encode("utf-16-le") for n in needles}
    files = _all_files(profile, world / "keys")
    assert len(files) >= 5
    found = [(str(f), n) for f in files for n in encoded if n in f.read_bytes()]
    assert found == []
    # A PDF's text may be compressed, so the needles alone would miss a printed receipt left
    # behind: no file of the profile may be a readable PDF at all.
    assert [str(f) for f in files if f.read_bytes()[:5] == b"%PDF-"] == []
    # …while the desk, with its key, still has it all.
    monkeypatch.setenv("HCC_DESK_KEY_DIR", str(world / "keys"))
    ctx = open_context(profile)
    try:
        assert [d.code for d in ctx.dossiers.search(ID_NUMBER, "demo")] == [code]
        assert [d.code for d in ctx.dossiers.search(FOLDED, "demo")] == [code]
        [att] = ctx.capture.attachments(code)
        assert ID_NUMBER.encode() in ctx.capture.attachment_bytes(att.uuid)
    finally:
        ctx.close()


def test_a_copied_profile_does_not_open_on_another_pc(world, used_profile):
    profile, _ = used_profile
    elsewhere = world / "stolen"
    shutil.copytree(profile, elsewhere / "desk")
    env = {**os.environ, "HCC_DESK_KEY_DIR": str(elsewhere / "keys")}  # no key there
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "hcc_desk",
            "search",
            "--profile",
            str(elsewhere / "desk"),
            ID_NUMBER,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "không giữ khoá" in run.stderr and "does not hold its key" in run.stderr
    assert ID_NUMBER not in run.stdout
    # A wrong key (a key file put there by hand) is refused the same way.
    with pytest.raises(db_cipher.WrongKey):
        open_store(elsewhere / "desk" / "hcc-desk.db", key=b"\x01" * 32)


def test_plain_database_backups_and_attachments_are_encrypted_in_place(world, monkeypatch):
    monkeypatch.setenv("HCC_DESK_KEY_DIR", str(world / "keys"))
    profile = world / "old"
    (profile / "backups").mkdir(parents=True)
    plain = open_store(profile / "hcc-desk.db")  # no key: how a desk before encryption wrote
    from sqlalchemy import text

    with plain.write() as s:
        s.execute(text("CREATE TABLE note (body TEXT)"))
        s.execute(text("INSERT INTO note VALUES (:b)"), {"b": f"{NAME} {ID_NUMBER}"})
    plain.close()
    shutil.copy(profile / "hcc-desk.db", profile / "backups" / "hcc-desk-rev0004-old.db")
    (profile / "attachments" / "ab").mkdir(parents=True)
    (profile / "attachments" / "ab" / "abc.pdf").write_bytes(f"%PDF {ID_NUMBER}".encode())
    assert any(ID_NUMBER.encode() in f.read_bytes() for f in _all_files(profile))

    ctx = open_context(profile)
    try:
        with ctx.store.session() as s:
            assert s.execute(text("SELECT body FROM note")).scalar() == f"{NAME} {ID_NUMBER}"
        assert (
            sealed_files.read(profile / "attachments", "ab/abc.pdf") == f"%PDF {ID_NUMBER}".encode()
        )
    finally:
        ctx.close()
    assert [str(f) for f in _all_files(profile) if ID_NUMBER.encode() in f.read_bytes()] == []
    assert not db_cipher.is_plain_sqlite(profile / "backups" / "hcc-desk-rev0004-old.db")
    key = profile_key(profile, create=False)
    con = db_cipher.connect(profile / "backups" / "hcc-desk-rev0004-old.db", key, read_only=True)
    assert con.execute("SELECT body FROM note").fetchone()[0] == f"{NAME} {ID_NUMBER}"
    con.close()


def test_an_attached_file_moved_or_cut_short_is_refused(tmp_path):
    folder = tmp_path / "attachments"
    sealed_files.register(folder, b"\x07" * 32)
    sealer = sealed_files.FileSealer(b"\x07" * 32, chunk=64)
    data = os.urandom(64 * 3 + 10)
    blob = sealer.seal(data, "aa/one.pdf")
    assert sealer.unseal(blob, "aa/one.pdf") == data
    for bad_blob, identity in [
        (blob, "bb/two.pdf"),  # swapped onto another's name
        (blob[: -(64 + 16 + 26)], "aa/one.pdf"),  # last chunk dropped
        (blob[:-1], "aa/one.pdf"),  # cut short
        (blob[:40] + bytes([blob[40] ^ 1]) + blob[41:], "aa/one.pdf"),
    ]:
        with pytest.raises(sealed_files.SealedFileError):
            sealer.unseal(bad_blob, identity)
    with pytest.raises(sealed_files.SealedFileError):  # another profile's key
        sealed_files.FileSealer(b"\x08" * 32).unseal(
            sealed_files.FileSealer(b"\x07" * 32).seal(b"x", "f"), "f"
        )
    # Plain bytes slipped into an encrypted folder are not taken as ours.
    (folder / "cc").mkdir(parents=True)
    (folder / "cc" / "three.pdf").write_bytes(b"%PDF forged")
    with pytest.raises(sealed_files.SealedFileError):
        sealed_files.read(folder, "cc/three.pdf")


# --- the key store and the owner-only helper, on their own -----------------------------------
class FakeDpapi:
    name = "dpapi"

    def seal(self, data: bytes) -> bytes:
        return b"sealed:" + bytes(b ^ 0x5A for b in data)

    def unseal(self, data: bytes) -> bytes:
        if not data.startswith(b"sealed:"):
            raise OSError("the data is invalid (another account)")
        return bytes(b ^ 0x5A for b in data[len(b"sealed:") :])


def test_key_store_creates_once_seals_and_reports_what_is_wrong(tmp_path):
    store = FileKeyStore(tmp_path / "keys", FakeDpapi())
    profile = tmp_path / "p"
    profile.mkdir()
    key = profile_key(profile, store)
    assert len(key) == 32 and profile_key(profile, store) == key
    blob = next((tmp_path / "keys").iterdir()).read_bytes()
    assert key not in blob and blob.startswith(b"sealed:")  # what DPAPI stores, not the key
    assert oct(next((tmp_path / "keys").iterdir()).stat().st_mode & 0o777) == "0o600"
    next((tmp_path / "keys").iterdir()).write_bytes(b"garbage")
    with pytest.raises(KeyUnavailable):
        profile_key(profile, store)
    next((tmp_path / "keys").iterdir()).write_bytes(FakeDpapi().seal(b"short"))
    with pytest.raises(KeyUnavailable):
        profile_key(profile, store)


@pytest.mark.expect_log_warnings  # the missing key is logged as an ERROR
def test_the_desk_says_so_when_the_key_is_gone(world, used_profile, monkeypatch):
    profile, _ = used_profile
    shutil.rmtree(world / "keys")
    monkeypatch.setenv("HCC_DESK_KEY_DIR", str(world / "keys"))
    ctx = open_context(profile)
    try:
        with pytest.raises(UserError) as err:
            ctx.dossiers.search(ID_NUMBER, "demo")
        assert "does not hold its key" in err.value.text("en")
        assert not ctx.is_set_up()  # the first window cannot peek either
    finally:
        ctx.close()
    assert not (world / "keys").exists() or not any((world / "keys").iterdir())  # no new key


def test_tighten_fixes_an_existing_loose_profile(tmp_path):
    root = tmp_path / "p"
    (root / "logs").mkdir(parents=True)
    (root / "logs" / "x.log").write_text("x")
    os.chmod(root, 0o755)
    os.chmod(root / "logs", 0o777)
    os.chmod(root / "logs" / "x.log", 0o666)
    tighten(root, platform="linux")
    assert [
        oct(p.stat().st_mode & 0o777) for p in (root, root / "logs", root / "logs" / "x.log")
    ] == ["0o700", "0o700", "0o600"]


def test_windows_gets_an_inherited_owner_only_acl(tmp_path):
    calls = []
    tighten(tmp_path, platform="win32", runner=calls.append)
    restrict_windows_acl(tmp_path, runner=calls.append, user="HUE\\canbo", recursive=False)
    whole, new_folder = calls
    assert whole[:3] == ["icacls", str(tmp_path), "/inheritance:r"]
    assert "/T" in whole and "/T" not in new_folder
    grants = [new_folder[i + 1] for i, a in enumerate(new_folder) if a == "/grant:r"]
    assert grants == ["HUE\\canbo:(OI)(CI)F", "*S-1-5-18:(OI)(CI)F"]  # that user and SYSTEM only
