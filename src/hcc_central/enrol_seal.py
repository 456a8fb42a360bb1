"""The device token kept for a retried enrolment, sealed under the desk's enrolment key.

Central keeps only hashes of secrets, yet a desk whose enrolment answer was lost must get the
same device and the same token back when it retries (a fresh token would race with a late copy
of the first request and leave the desk holding a dead one). So the token is stored encrypted:
AES-256-GCM under HKDF-SHA256(enrolment key), bound to the device id. Only the desk knows the
key; central keeps SHA-256(key) to recognise it, which says nothing about the AES key.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_INFO = b"hcc-central enrolment token v1"
_NONCE = 12


def _aead(key: str, device_id: str) -> AESGCM:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=device_id.encode(), info=_INFO)
    return AESGCM(hkdf.derive(key.encode()))


def seal_token(key: str, device_id: str, token: str) -> str:
    nonce = os.urandom(_NONCE)
    sealed = _aead(key, device_id).encrypt(nonce, token.encode(), device_id.encode())
    return base64.urlsafe_b64encode(nonce + sealed).decode()


def open_token(key: str, device_id: str, sealed: str) -> str | None:
    """The token, or None when ``sealed`` was not made with this key for this device."""
    try:
        raw = base64.urlsafe_b64decode(sealed.encode())
        plain = _aead(key, device_id).decrypt(raw[:_NONCE], raw[_NONCE:], device_id.encode())
    except (ValueError, InvalidTag):
        return None
    return plain.decode()
