"""The dossier's status page a citizen reaches from the QR or the link on any paper
(``/tra-cuu?ma=<code>&pin=<pin>``): server-rendered HTML, mobile first, no script.

It shows exactly what the public lookup API returns (code, procedure, status, received, due)
and nothing else; every value is escaped. The lookup itself — PIN rules, rate limits, audit —
is ``public.lookup``; this module only renders its answer. Dates and times as Vietnamese
papers write them (``hcc_core.vn_format``).
"""

from __future__ import annotations

from html import escape

from hcc_core.domain.status import DossierStatus
from hcc_core.vn_format import vn_datetime
from hcc_core.wire.protocol import PublicStatus

# What each status means for the citizen, in a sentence (the label alone is officialese).
_MEANING = {
    DossierStatus.RECEIVING: "Hồ sơ đã đăng ký, đang chờ Bộ phận tiếp nhận kiểm tra.",
    DossierStatus.NEW: "Hồ sơ đã được tiếp nhận và chuyển giải quyết.",
    DossierStatus.INTEROPERATING: "Hồ sơ đang được các cơ quan liên thông giải quyết.",
    DossierStatus.PROCESSING: "Hồ sơ đang được cơ quan có thẩm quyền giải quyết.",
    DossierStatus.WAITING_SUPPLEMENT: "Hồ sơ cần bổ sung, hoàn thiện: xem phiếu yêu cầu bổ "
    "sung. Thời hạn giải quyết tạm dừng đến khi nộp đủ.",
    DossierStatus.WAITING_PAYMENT: "Hồ sơ chờ thực hiện nghĩa vụ tài chính.",
    DossierStatus.DENIED: "Hồ sơ không được tiếp nhận: xem phiếu từ chối.",
    DossierStatus.UNRESOLVED: "Hồ sơ đã dừng giải quyết: xem thông báo dừng giải quyết.",
    DossierStatus.CANCELLED: "Hồ sơ đã được rút theo yêu cầu.",
    DossierStatus.RELEASING: "Đã có kết quả: mời đến nhận theo giấy hẹn.",
    DossierStatus.DONE: "Kết quả đã được trả.",
}

_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Tra cứu tình trạng hồ sơ</title>
<style>
*{{box-sizing:border-box}}
body{{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:1rem;
line-height:1.45;color:#1a1a1a;background:#f6f7f9;font-size:1rem}}
main{{max-width:32rem;margin:0 auto}}
h1{{font-size:1.25rem;margin:.25rem 0 1rem}}
.card{{background:#fff;border-radius:.75rem;padding:1rem;box-shadow:0 1px 3px #0002;
margin-bottom:1rem}}
.status{{font-size:1.15rem;font-weight:700;margin:0 0 .25rem}}
dl{{margin:0}}dt{{color:#555;font-size:.85rem;margin-top:.75rem}}
dd{{margin:0;font-size:1.05rem;word-break:break-word}}
label{{display:block;margin:.5rem 0 .25rem;font-size:.9rem}}
input{{font-size:1.1rem;width:100%;padding:.6rem;border:1px solid #bbb;border-radius:.5rem}}
button{{font-size:1.1rem;width:100%;padding:.7rem;margin-top:1rem;border:0;
border-radius:.5rem;background:#0b5cad;color:#fff}}
.nf{{color:#a00;font-weight:600}}
@media (min-width:40rem){{body{{padding:2rem}}}}
</style></head>
<body><main>
<h1>Tra cứu tình trạng hồ sơ</h1>
{result}
<form class="card" method="get" action="/tra-cuu">
<label for="ma">Mã hồ sơ</label>
<input id="ma" name="ma" value="{code}" maxlength="40" autocomplete="off" required>
<label for="pin">Mã tra cứu</label>
<input id="pin" name="pin" value="{pin}" maxlength="16" autocomplete="off" required>
<button type="submit">Tra cứu</button>
</form>
</main></body></html>
"""


def found_card(found: PublicStatus) -> str:
    status = DossierStatus(found.status)
    rows = [
        ("Mã hồ sơ", found.code),
        ("Thủ tục", found.procedure_name),
        ("Ngày tiếp nhận", vn_datetime(found.received_at)),
        ("Hẹn trả kết quả", vn_datetime(found.due_at) if found.due_at else "Chưa có"),
    ]
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    return (
        f'<section class="card" aria-live="polite">'
        f'<p class="status">{escape(found.status_label)}</p>'
        f"<p>{escape(_MEANING.get(status, ''))}</p><dl>{items}</dl></section>"
    )


NOT_FOUND_CARD = (
    '<section class="card"><p class="nf">Không tìm thấy hồ sơ với mã hồ sơ và mã '
    "tra cứu này. Hãy kiểm tra lại theo Giấy tiếp nhận hồ sơ.</p></section>"
)


def limited_card(seconds: int) -> str:
    return (
        f'<section class="card"><p class="nf">Tra cứu quá nhiều lần: vui lòng thử lại sau '
        f"{int(seconds)} giây.</p></section>"
    )


def page(*, code: str, pin: str, result: str) -> str:
    """The whole page: ``result`` is one of the cards above (already escaped) or ""."""
    return _PAGE.format(code=escape(code), pin=escape(pin), result=result)
