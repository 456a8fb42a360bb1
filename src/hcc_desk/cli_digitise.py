"""``hcc-desk digitise`` (sign a digitised copy with the officer's PKCS#11 token) and
``hcc-desk verify`` (check every signature of a PDF). docs/digitising.md.

The PIN comes from stdin (``--pin-stdin``) or a prompt that does not echo: never from the
command line, where other users of the PC could read it, and it is never logged or stored.
Exit status of verify: 0 every signature valid, 1 not (the reason is printed), 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hcc_core.errors import ExpectedError
from hcc_desk.cli_errors import EXIT_FAILED, EXIT_INVALID, EXIT_OK


def add_arguments(subparsers, common_parent: argparse.ArgumentParser) -> None:
    digitise = subparsers.add_parser(
        "digitise", parents=[common_parent], help="make a signed digitised copy of a PDF"
    )
    digitise.add_argument("input", type=Path, help="the scanned or imported PDF")
    digitise.add_argument("--out", type=Path, required=True, help="the digitised copy (PDF)")
    digitise.add_argument("--sign", action="store_true", help="sign with the officer's token")
    digitise.add_argument("--ocr", action="store_true", help="add a searchable text layer")
    digitise.add_argument(
        "--pkcs11-lib", type=Path, help="the CA's PKCS#11 library (.dll / .so) for --sign"
    )
    digitise.add_argument("--slot-label", help="the token's label (default: the only token)")
    digitise.add_argument("--key-label", help="the key's label (default: the first signing key)")
    digitise.add_argument(
        "--pin-stdin", action="store_true", help="read the PIN from the first line of stdin"
    )
    digitise.add_argument("--centre", help="centre named in the stamp (default: the desk's)")
    digitise.add_argument("--timestamp-url", help="an RFC 3161 timestamp server: PAdES B-T")
    _add_trust(digitise, "refuse a certificate these CAs did not issue")
    verify = subparsers.add_parser(
        "verify", parents=[common_parent], help="check the signatures of a PDF (0 valid, 1 not)"
    )
    verify.add_argument("file", type=Path, help="the signed PDF")
    _add_trust(verify, "the CAs to trust")
    verify.add_argument(
        "--fetch-revocation",
        action="store_true",
        help="ask the CA online (OCSP/CRL) whether the certificate was revoked",
    )


def _add_trust(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--ca-dir",
        type=Path,
        action="append",
        help=f"folder of CA certificates (.pem/.crt/.cer): {what} "
        "(default: the profile's trusted-ca folder)",
    )


def run_digitise(args, profile) -> int:
    from hcc_desk.core.digitise.errors import DigitiseError

    if not args.input.is_file():
        _say("cli.os.not_found", where=args.input)
        return EXIT_INVALID
    if args.out.resolve() == args.input.resolve():
        _say("digitise.same_file", file=args.out)
        return EXIT_INVALID
    if not args.sign and not args.ocr:
        _say("digitise.nothing_to_do")
        return EXIT_INVALID
    if not args.sign:
        return _ocr_to(args.input, args.out)
    if args.pkcs11_lib is None:
        _say("digitise.needs_library")
        return EXIT_INVALID
    centre = args.centre or _desk_centre(profile)
    if not centre:
        _say("digitise.needs_centre")
        return EXIT_INVALID
    from hcc_desk.core.digitise.sign import sign_pdf
    from hcc_desk.core.digitise.token import TokenSpec
    from hcc_desk.core.digitise.trust import profile_trust

    trust = _trust(args, profile) if args.ca_dir else profile_trust(profile.root)
    token = TokenSpec(args.pkcs11_lib, args.slot_label, args.key_label)
    if not args.pin_stdin and not sys.stdin.isatty():  # getpass would echo it, or hang
        _say("digitise.pin_no_terminal")
        return EXIT_INVALID
    source = args.input
    if args.ocr:  # the text layer first: a change after signing would break the signature
        source = args.out.with_name(f".{args.out.name}.ocr.pdf")
        code = _ocr_to(args.input, source)
        if code != EXIT_OK:
            return code
    pin = _read_pin(args)
    try:
        signed = sign_pdf(
            source,
            args.out,
            token,
            pin,
            centre=centre,
            trust=trust,
            timestamp_url=args.timestamp_url,
        )
    except DigitiseError as exc:
        from hcc_desk.cli import _err

        _err(exc)
        return EXIT_FAILED
    finally:
        del pin
        if source != args.input:
            source.unlink(missing_ok=True)
    _print("digitise.signed", file=signed.path, signer=signed.signer)
    return EXIT_OK


def _ocr_to(src: Path, out: Path) -> int:
    """The Vietnamese text layer (core/digitise/ocr.py), in the foreground: all cores."""
    import os
    import shutil

    from hcc_desk.core.digitise.ocr import ocr_pdf

    try:
        result = ocr_pdf(src, out, jobs=max(1, min(4, os.cpu_count() or 1)))
    except ExpectedError as exc:
        from hcc_desk.cli import _err

        _err(exc)
        return EXIT_FAILED
    if result.kept:
        shutil.copyfile(src, out)
        _print("ocr.kept", file=out)
    else:
        _print("ocr.done", file=out, pages=result.pages, seconds=f"{result.seconds:.1f}")
    return EXIT_OK


def run_verify(args, profile) -> int:
    from hcc_desk.core.digitise.verify import verify_pdf

    if not args.file.is_file():
        _say("cli.os.not_found", where=args.file)
        return EXIT_INVALID
    verdict = verify_pdf(args.file, _trust(args, profile), fetch_revocation=args.fetch_revocation)
    if verdict.problem is not None:
        _say_message(verdict.problem)
        return EXIT_FAILED
    for signature in verdict.signatures:
        if signature.valid:
            _print_message(signature.summary())
        else:
            _say_message(signature.summary())
    return EXIT_OK if verdict.valid else EXIT_FAILED


def _trust(args, profile):
    from hcc_desk.core.digitise.trust import load_trust_roots

    return load_trust_roots(args.ca_dir or [_profile_trust(profile)])


def _profile_trust(profile) -> Path:
    from hcc_desk.core.digitise.trust import TRUST_FOLDER

    return Path(profile.root) / TRUST_FOLDER


def _desk_centre(profile) -> str:
    """The centre's name from the desk's settings, or "" where no desk is set up here."""
    if not profile.db_path.exists():
        return ""
    from hcc_desk.app import open_context
    from hcc_desk.core.store.repositories.lookups import the_centre

    ctx = open_context(profile.root)
    try:
        with ctx.store.session() as s:
            centre = the_centre(s)
            return centre.name if centre else ""
    finally:
        ctx.close()


def _read_pin(args) -> str:
    if args.pin_stdin and not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    from hcc_core.i18n import msg

    return getpass.getpass(msg("digitise.pin_prompt").text("vi") + " ")


def _say(msg_id: str, /, **params: object) -> None:
    from hcc_desk.cli import _err

    _err(msg_id, **params)


def _say_message(message) -> None:
    from hcc_desk.cli import _err

    _err(message)


def _print(msg_id: str, /, **params: object) -> None:
    from hcc_core.i18n import msg

    _print_message(msg(msg_id, **params))


def _print_message(message) -> None:
    print(f"{message.text('vi')}\n  ({message.text('en')})")
