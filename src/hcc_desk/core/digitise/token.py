"""The officer's PKCS#11 token: load the CA's library, find the token and the signing key with its
certificate, log in with the PIN.

A Vietnamese CA's USB token comes with its vendor's PKCS#11 library (a DLL on Windows, a ``.so``
on Linux); SoftHSM2 stands in for it in the tests. The PIN is handed straight to the library.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hcc_desk.core.digitise.errors import DigitiseError, WrongPin


@dataclass(frozen=True)
class TokenSpec:
    """Where the key is: the library, the token's label (None: the only token present) and the
    key's label (None: the first private key that has its certificate on the token)."""

    library: Path
    token_label: str | None = None
    key_label: str | None = None


@dataclass(frozen=True)
class OpenedKey:
    session: Any  # pkcs11.Session, logged in
    key_id: bytes
    certificate_der: bytes


@contextmanager
def open_key(spec: TokenSpec, pin: str) -> Iterator[OpenedKey]:
    """The logged-in session and the signing key's id and certificate; logs out on exit."""
    import pkcs11
    from pkcs11 import exceptions as p11

    if not spec.library.is_file():
        raise DigitiseError("digitise.library_missing", path=spec.library)
    if not pin:
        raise DigitiseError("digitise.pin_empty")
    try:
        lib = pkcs11.lib(str(spec.library))
    except (OSError, RuntimeError) as exc:
        raise DigitiseError("digitise.library_unloadable", path=spec.library, detail=exc) from None
    token = _find_token(lib, spec.token_label)
    try:
        session = token.open(user_pin=pin)
    except (p11.PinIncorrect, p11.PinLenRange, p11.PinInvalid):
        raise _wrong_pin(lib, spec.token_label, token.label) from None
    except p11.PinLocked:
        raise DigitiseError("digitise.pin_locked", token=token.label) from None
    except p11.PKCS11Error as exc:
        raise DigitiseError("digitise.token_failed", token=token.label, detail=_name(exc)) from None
    try:
        key_id, der = _find_key(session, spec.key_label, token.label)
        yield OpenedKey(session, key_id, der)
    finally:
        session.close()


def _wrong_pin(lib: Any, spec_label: str | None, label: str) -> DigitiseError:
    """The refusal of a wrong PIN, with what the token says of the tries left (read again:
    its flags change with the failed login). Tokens do not say how many are left, only
    "few" or "the last one"."""
    from pkcs11 import TokenFlag
    from pkcs11 import exceptions as p11

    try:
        flags = _find_token(lib, spec_label).flags
    except (DigitiseError, p11.PKCS11Error):
        flags = 0
    if flags & TokenFlag.USER_PIN_LOCKED:
        return DigitiseError("digitise.pin_locked", token=label)
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return WrongPin("digitise.wrong_pin_final_try", token=label)
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        return WrongPin("digitise.wrong_pin_count_low", token=label)
    return WrongPin("digitise.wrong_pin", token=label)


def read_signer(spec: TokenSpec) -> str | None:
    """The signing certificate's holder, read without the PIN (certificates are public objects
    on most tokens); None when it cannot be read so (no token, a token that hides them)."""
    import pkcs11
    from pkcs11 import exceptions as p11

    if not spec.library.is_file():
        return None
    try:
        token = _find_token(pkcs11.lib(str(spec.library)), spec.token_label)
        with token.open() as session:
            der = _find_certificate(session, spec.key_label)
    except (DigitiseError, p11.PKCS11Error, OSError, RuntimeError):
        return None
    if der is None:
        return None
    from asn1crypto import x509  # type: ignore[import-untyped]

    from hcc_desk.core.digitise.trust import certificate_name

    return certificate_name(x509.Certificate.load(der))


def _find_certificate(session: Any, key_label: str | None) -> bytes | None:
    """The first certificate on the token that is not a CA's (with a key label: the one with
    that label, as CAs' tokens label a key and its certificate alike), without logging in."""
    from pkcs11 import Attribute, ObjectClass

    certificates = [
        (c[Attribute.LABEL], bytes(c[Attribute.VALUE]))
        for c in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})
    ]
    candidates = [(label, der) for label, der in certificates if not _is_ca(der)]
    if key_label is not None:
        labelled = [der for label, der in candidates if label == key_label]
        if labelled:
            return labelled[0]
        return candidates[0][1] if len(candidates) == 1 else None
    return candidates[0][1] if candidates else None


def _find_token(lib: Any, label: str | None) -> Any:
    from pkcs11 import exceptions as p11

    try:
        tokens = [slot.get_token() for slot in lib.get_slots(token_present=True)]
    except p11.PKCS11Error as exc:
        raise DigitiseError("digitise.no_token", labels="", detail=_name(exc)) from None
    tokens = [t for t in tokens if _initialised(t)]
    labels = ", ".join(sorted(t.label for t in tokens)) or "—"
    matching = [t for t in tokens if label is None or t.label == label]
    if label is None and len(matching) > 1:
        raise DigitiseError("digitise.several_tokens", labels=labels)
    if not matching:
        if label is None:
            raise DigitiseError("digitise.no_token", labels=labels, detail="")
        raise DigitiseError("digitise.token_not_found", label=label, labels=labels)
    return matching[0]


def _initialised(token: Any) -> bool:
    from pkcs11 import TokenFlag

    return bool(token.flags & TokenFlag.TOKEN_INITIALIZED)


def _find_key(session: Any, key_label: str | None, token_label: str) -> tuple[bytes, bytes]:
    """The id and certificate of the key to sign with: the labelled one, or the first private
    key whose certificate (same CKA_ID) is on the token and is not a CA's."""
    from pkcs11 import Attribute, ObjectClass

    query: dict[Any, Any] = {Attribute.CLASS: ObjectClass.PRIVATE_KEY}
    if key_label is not None:
        query[Attribute.LABEL] = key_label
    certificates = {
        bytes(c[Attribute.ID]): bytes(c[Attribute.VALUE])
        for c in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})
    }
    for key in list(session.get_objects(query)):  # exhausted: its search is closed now
        key_id = bytes(key[Attribute.ID])
        der = certificates.get(key_id)
        if der is not None and not _is_ca(der):
            return key_id, der
    if key_label is not None:
        raise DigitiseError("digitise.key_not_found", label=key_label, token=token_label)
    raise DigitiseError("digitise.no_key", token=token_label)


def _is_ca(der: bytes) -> bool:
    from asn1crypto import x509

    return bool(x509.Certificate.load(der).ca)


def _name(exc: Exception) -> str:
    """A PKCS#11 failure by its class name (the library's own words may be empty)."""
    return type(exc).__name__
