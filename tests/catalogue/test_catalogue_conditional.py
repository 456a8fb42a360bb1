"""Which published papers are needed only in some cases."""

from __future__ import annotations

import pytest

from hcc_core.catalogue.conditional import is_conditional


@pytest.mark.parametrize(
    ("name", "note", "conditional"),
    [
        ("Tờ khai đăng ký khai sinh theo mẫu", None, False),
        ("Bản chính Giấy chứng sinh", None, False),
        ("Văn bản ủy quyền (trong trường hợp nộp thay)", None, True),
        ("Giấy tờ chứng minh nơi cư trú (nếu có)", None, True),
        ("Điều lệ của doanh nghiệp đối với công ty đấu giá hợp danh", None, True),
        ("Bản sao Quyết định bổ nhiệm", "Nếu người nộp là người đại diện thì nộp thêm", True),
        ("Ảnh 4x6", "chụp không quá 6 tháng", False),
    ],
)
def test_conditional_papers(name, note, conditional):
    assert is_conditional(name, note) is conditional


def test_the_shipped_catalogue_keeps_most_papers_unconditional():
    import json

    from hcc_core.catalogue import default_catalogue_path

    data = json.loads(default_catalogue_path().read_text("utf-8"))
    records = data if isinstance(data, list) else data["procedures"]
    papers = [p for r in records for p in r.get("papers", [])]
    share = sum(is_conditional(p["name"], p.get("note")) for p in papers) / len(papers)
    assert 0.1 < share < 0.6, share  # a pattern that caught everything would tick nothing
