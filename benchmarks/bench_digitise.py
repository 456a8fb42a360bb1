"""Signed digitised copies: seconds per signature and PDF size before and after signing.

Signing here is the whole ``hcc-desk digitise --sign`` path minus argument parsing: open the
PKCS#11 library and token, log in with the PIN, find the key and its certificate, check the
certificate, draw the visible stamp (Noto Serif subset), PAdES-sign (B-B), write the file
durably. The token is SoftHSM2 (a real USB token adds its own RSA time, ~0.1-0.5 s).

Baseline measured in the same run: hashing the same PDF and one RSA-2048 signature in memory
(python ``cryptography``), the least any signature of the file could cost.
Target (issue 14): signing well under the 3 s/page budget of the background digitising.

    python3 benchmarks/bench_digitise.py [--n 20]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import padding  # noqa: E402

from benchmarks.report import figure, parse_args  # noqa: E402
from benchmarks.stats import median, summary  # noqa: E402
from hcc_desk.core.digitise.sign import sign_pdf  # noqa: E402
from hcc_desk.core.digitise.token import TokenSpec  # noqa: E402
from hcc_desk.core.digitise.trust import load_trust_roots  # noqa: E402
from tests.digitise.documents import vietnamese_pdf  # noqa: E402
from tests.digitise.tokens import CENTRE, PIN, make_store, softhsm_library  # noqa: E402


def _scanned_pdf(path: Path, pages: int) -> Path:
    """A grey A4 scan at 200 dpi per page (JPEG), as the capture pipeline writes them."""
    import img2pdf
    from PIL import Image, ImageDraw

    images = []
    for number in range(pages):
        page = Image.new("L", (1654, 2339), 235)
        draw = ImageDraw.Draw(page)
        for line in range(60):
            draw.text((120, 140 + line * 34), f"Trang {number + 1} dong {line} " * 6, fill=30)
        out = path.with_name(f"{path.stem}-{number}.jpg")
        page.save(out, quality=60)
        images.append(str(out))
    path.write_bytes(img2pdf.convert(images))
    return path


def _baseline(data: bytes, key) -> float:
    start = time.perf_counter()
    digest = hashlib.sha256(data).digest()
    key.sign(digest, padding.PKCS1v15(), hashes.SHA256())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=20, help="signatures per document")
    parser.add_argument("--pages", type=int, default=10, help="pages of the scanned document")
    args = parse_args(parser, short={"n": 3, "pages": 2})
    library = softhsm_library()
    if library is None:
        sys.exit("SoftHSM2 is not installed (scripts/install-system-deps.sh installs it)")
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        store = make_store(library, tmp / "softhsm")
        trust = load_trust_roots([store.trust_dir])
        token = TokenSpec(library, "officer")
        documents = {
            "1-page Vietnamese text": vietnamese_pdf(tmp / "text.pdf"),
            f"{args.pages}-page grey scan": _scanned_pdf(tmp / "scan.pdf", args.pages),
        }
        for label, source in documents.items():
            sign_pdf(source, tmp / "warm.pdf", token, PIN, centre=CENTRE, trust=trust)
            took, base = [], []
            for i in range(args.n):
                start = time.perf_counter()
                signed = sign_pdf(
                    source, tmp / f"signed-{i}.pdf", token, PIN, centre=CENTRE, trust=trust
                )
                took.append(time.perf_counter() - start)
                base.append(_baseline(source.read_bytes(), store.officer.key))
            ms = summary(took).scaled(1000)
            before, after = signed.size_before, signed.size_after
            figure(
                f"sign {label:24s} median {ms.p50:7.1f} ms   p95 {ms.p95:7.1f} ms   "
                f"size {before / 1024:8.1f} KiB -> {after / 1024:8.1f} KiB "
                f"(+{(after - before) / 1024:.1f} KiB)"
            )
            ratio = median(took) / median(base)
            figure(
                f"ratio sign / baseline (hash + RSA in memory, "
                f"{summary(base).scaled(1000).p50:.2f} ms) for {label}: {ratio:.0f}x   (n={args.n})"
            )


if __name__ == "__main__":
    main()
