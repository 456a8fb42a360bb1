"""The device credential (``<profile>/device.json``): central's URL, our device id and token.

The token is a bearer secret, so the file is written owner-only (0600, atomically). On Windows
file modes mean little, so the token is additionally sealed with DPAPI (CryptProtectData, the
current user's key) when available: a copied profile folder then carries no usable token, and
the desk asks to be enrolled again. Central stores only the token's SHA-256.
"""

from __future__ import annotations

import base64
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class DeviceCredential:
    central_url: str
    device_id: str
    device_token: str
    ca_pem: str | None = None  # the centre's own CA, pinned at enrolment (public, not sealed)


class Sealer(Protocol):
    """Seals the token at rest; ``name`` is recorded so a file is only opened the same way."""

    name: str

    def seal(self, data: bytes) -> bytes: ...

    def unseal(self, data: bytes) -> bytes: ...


class PlainSealer:
    name = "none"  # protection comes from the 0600 file mode alone

    def seal(self, data: bytes) -> bytes:
        return data

    def unseal(self, data: bytes) -> bytes:
        return data


class DpapiSealer:
    """Windows DPAPI through ctypes (no pywin32 needed); only constructed on win32."""

    name = "dpapi"

    def seal(self, data: bytes) -> bytes:
        return self._call("CryptProtectData", data)

    def unseal(self, data: bytes) -> bytes:
        return self._call("CryptUnprotectData", data)

    @staticmethod
    def _call(func: str, data: bytes) -> bytes:
        import ctypes
        from ctypes import wintypes

        class Blob(ctypes.Structure):
            _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

        buf = ctypes.create_string_buffer(data, len(data))
        blob_in = Blob(len(data), ctypes.cast(buf, ctypes.POINTER(ctypes.c_char)))
        blob_out = Blob()
        ui_forbidden = 0x1
        fn = getattr(ctypes.windll.crypt32, func)  # type: ignore[attr-defined]
        if not fn(
            ctypes.byref(blob_in), None, None, None, None, ui_forbidden, ctypes.byref(blob_out)
        ):
            raise ctypes.WinError()  # type: ignore[attr-defined]
        try:
            return ctypes.string_at(blob_out.pbData, blob_out.cbData)
        finally:
            ctypes.windll.kernel32.LocalFree(blob_out.pbData)  # type: ignore[attr-defined]


class CredentialStore:
    def __init__(self, path: Path, sealer: Sealer | None = None):
        self.path = path
        self._sealer = sealer or PlainSealer()

    def load(self) -> DeviceCredential | None:
        """The stored credential; None when absent or unreadable (the desk is then unenrolled)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("sealed_with") != self._sealer.name:
                return None
            token = self._sealer.unseal(base64.b64decode(data["token"])).decode("utf-8")
            return DeviceCredential(
                data["central_url"], data["device_id"], token, data.get("ca_pem")
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def save(self, cred: DeviceCredential) -> None:
        token = base64.b64encode(self._sealer.seal(cred.device_token.encode("utf-8"))).decode()
        text = json.dumps(
            {
                "central_url": cred.central_url,
                "device_id": cred.device_id,
                "sealed_with": self._sealer.name,
                "token": token,
                **({"ca_pem": cred.ca_pem} if cred.ca_pem else {}),
            },
            indent=1,
        )
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.unlink(missing_ok=True)
        # Created 0600 from the start: no moment where another user could read the token.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)
        if sys.platform != "win32":
            os.chmod(self.path, 0o600)  # in case an older file with looser bits was replaced

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


def default_credential_store(profile_root: Path) -> CredentialStore:
    sealer: Sealer | None = DpapiSealer() if sys.platform == "win32" else None
    return CredentialStore(profile_root / "device.json", sealer)
