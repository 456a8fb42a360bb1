"""Whatever a user types into any field, the receipt still renders: both copies, each with the
form's title and its copy marker."""

from __future__ import annotations

import dataclasses
import io
import typing
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hcc_desk.core.printing.forms.data import FormSet
from hcc_desk.core.printing.paper_qr import QrFacts
from hcc_desk.core.printing.receipt import COPY_MARKERS, render_receipt_pdf
from hcc_desk.core.printing.receipt_data import FeeLine, ReceiptData, ReceiptPaper
from tests.support.printed import pdf_text

# Mostly short text from all of Unicode (no surrogates: a str from the UI cannot hold them),
# sometimes a very long paste.
texts = st.one_of(
    st.text(max_size=60),
    st.text(min_size=1, max_size=12).map(lambda s: s * 400),
)
counts = st.integers(min_value=0, max_value=10**9)
papers = st.builds(
    ReceiptPaper, name=texts, originals=counts, certified_copies=counts, photocopies=counts
)
times = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31))
fees = st.builds(
    FeeLine,
    case=st.none() | texts,
    amount_vnd=st.none() | counts,
    text=texts,
    basis=st.none() | texts,
)
kinds = st.sampled_from(["individual", "organisation"])
SPECIAL = {  # fields that are not free text
    "fees": st.lists(fees, max_size=6).map(tuple),
    "applicant_kind": kinds,
    "owner_kind": st.none() | kinds,
    "form_set": st.sampled_from(list(FormSet)),
    "template": st.none(),
    "trace": st.none()
    | st.builds(QrFacts, procedure_code=texts, holder_id=texts, link=texts, system_name=texts),
}


def _strategy_for(field: dataclasses.Field[typing.Any]) -> st.SearchStrategy[typing.Any]:
    if field.name in SPECIAL:
        return SPECIAL[field.name]
    kind = typing.get_type_hints(ReceiptData)[field.name]
    if kind is str:
        return texts
    if kind == str | None:
        return st.none() | texts
    if kind is int:
        return counts
    if kind is datetime:
        return times
    return st.lists(papers, max_size=12).map(tuple)


receipts = st.builds(
    ReceiptData, **{f.name: _strategy_for(f) for f in dataclasses.fields(ReceiptData)}
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=receipts, paper=st.sampled_from(["A4", "A5"]))
def test_any_text_in_any_field_renders(data: ReceiptData, paper: str) -> None:
    buf = io.BytesIO()
    render_receipt_pdf(data, buf, paper=paper)
    text = pdf_text(buf.getvalue())
    assert text.count("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ") >= 2
    assert all(marker in text for marker in COPY_MARKERS)
