"""Regenerate docs/receipt-a4.png: page 1 of the sample receipt at 80 dpi.

Run from the repository root: ``PYTHONPATH=src python3 docs/make_receipt_image.py``
(needs ``pdftoppm`` from poppler-utils).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from hcc_desk.core.printing.receipt import render_receipt_pdf
from hcc_desk.core.printing.sample import sample_receipt

DOCS = Path(__file__).resolve().parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "receipt.pdf"
        render_receipt_pdf(sample_receipt(), pdf, paper="A4")
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-png",
                "-singlefile",
                str(pdf),
                str(DOCS / "receipt-a4"),
            ],
            check=True,
        )
    print(DOCS / "receipt-a4.png")


if __name__ == "__main__":
    main()
