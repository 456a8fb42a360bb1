"""Digitised copies with legal weight (issue 14): PAdES signing with the officer's PKCS#11 token
(``sign.py``, ``token.py``) and verification of every signature in a PDF (``verify.py``).

Qt-free. The PIN only ever lives in the caller's memory for the one signing call: it is never
logged, stored or put in an error message. See docs/digitising.md.
"""
