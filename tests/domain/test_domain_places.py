"""Two-level government data: 34 provinces, their communes, sources, search and the address."""

from __future__ import annotations

import json

from hcc_core.domain.places import bundled_places, default_places_path, format_address, load_places
from hcc_core.domain.provinces import PROVINCES

# Resolution 1675/NQ-UBTVQH15 (16/6/2025), art. 1: Thành phố Huế's 21 wards and 19 communes.
HUE_WARDS = {
    "Phong Điền",
    "Phong Thái",
    "Phong Dinh",
    "Phong Phú",
    "Phong Quảng",
    "Hương Trà",
    "Kim Trà",
    "Kim Long",
    "Hương An",
    "Phú Xuân",
    "Thuận An",
    "Hóa Châu",
    "Mỹ Thượng",
    "Vỹ Dạ",
    "Thuận Hóa",
    "An Cựu",
    "Thủy Xuân",
    "Thanh Thủy",
    "Hương Thủy",
    "Phú Bài",
    "Dương Nỗ",
}
HUE_COMMUNES = {
    "Đan Điền",
    "Quảng Điền",
    "Bình Điền",
    "Phú Vinh",
    "Phú Hồ",
    "Phú Vang",
    "Vinh Lộc",
    "Hưng Lộc",
    "Lộc An",
    "Phú Lộc",
    "Chân Mây - Lăng Cô",
    "Long Quảng",
    "Nam Đông",
    "Khe Tre",
    "A Lưới 1",
    "A Lưới 2",
    "A Lưới 3",
    "A Lưới 4",
    "A Lưới 5",
}


def test_34_provinces_and_their_communes_load_with_sources():
    places = bundled_places()
    assert len(places.provinces) == 34
    assert sum(len(p.communes) for p in places.provinces) == 3321
    assert {p.kind for p in places.provinces} == {"tỉnh", "thành phố"}
    assert sum(p.kind == "thành phố" for p in places.provinces) == 6
    assert all(p.communes for p in places.provinces)
    for key in ("provinces", "communes", "codes", "legacy_id_codes"):
        assert places.sources[key].strip()
    assert "202/2025/QH15" in places.sources["provinces"]
    assert places.in_force_from == "2025-07-01"
    raw = json.loads(default_places_path().read_text(encoding="utf-8"))
    # every province names the resolution that rearranged its communes: 1654..1687, one each
    numbers = sorted(int(p["communes_resolution"].split("/")[0]) for p in raw["provinces"])
    assert numbers == list(range(1654, 1688))
    for p in raw["provinces"]:
        assert p["communes_resolution"].endswith("/NQ-UBTVQH15")
        assert p["communes_resolution_date"] == "2025-06-16"
        assert p["communes_resolution_read_in"] in ("text", "dataset")
    codes = [c.code for p in places.provinces for c in p.communes]
    assert len(codes) == len(set(codes)) and all(len(c) == 5 and c.isdigit() for c in codes)


def test_every_legacy_id_code_belongs_to_exactly_one_of_todays_provinces():
    places = bundled_places()
    legacy = [c for p in places.provinces for c in p.legacy_id_codes]
    assert sorted(legacy) == sorted(PROVINCES)  # the 63 codes, each once
    assert places.province_for_id_code("046").name == "Huế"
    assert places.province_for_id_code("074").name == "Hồ Chí Minh"  # former Bình Dương


def test_hue_is_complete_per_its_resolution():
    hue = bundled_places().find_province("Thành phố Huế")
    assert hue is not None and hue.communes_resolution == "1675/NQ-UBTVQH15"
    wards = {c.name for c in hue.communes if c.kind == "phường"}
    communes = {c.name for c in hue.communes if c.kind == "xã"}
    assert wards == HUE_WARDS and communes == HUE_COMMUNES
    # every unit but the one left as it was (Dương Nỗ) says what it was formed from
    assert all(c.formed_from for c in hue.communes if c.name != "Dương Nỗ")


def test_search_without_accents_and_by_a_former_name():
    places = bundled_places()
    hue = places.find_province("thanh pho hue")
    assert hue is not None and places.find_province("TP Huế") == hue
    assert places.search_communes(hue.code, "phu xuan")[0].label == "Phường Phú Xuân"
    assert places.search_communes(hue.code, "phuong phu b")[0].name == "Phú Bài"
    assert places.search_communes(hue.code, "chan may")[0].name == "Chân Mây - Lăng Cô"
    # the old ward "Tây Lộc" is part of Phú Xuân since 1 July 2025
    assert [c.name for c in places.search_communes(hue.code, "tay loc")] == ["Phú Xuân"]
    assert places.search_communes(hue.code, "zzz") == []
    assert places.find_commune(hue.code, "xa a luoi 2").name == "A Lưới 2"
    assert places.find_commune(hue.code, "Bến Thành") is None  # another province's ward


def test_the_address_reads_street_commune_province():
    places = bundled_places()
    hue = places.find_province("Huế")
    ward = places.find_commune(hue.code, "Phú Xuân")
    assert format_address("12  Lê Lợi,", ward, hue) == "12 Lê Lợi, phường Phú Xuân, thành phố Huế"
    hcm = places.find_province("Hồ Chí Minh")
    assert (
        format_address("", places.find_commune(hcm.code, "Bến Thành"), hcm)
        == "phường Bến Thành, thành phố Hồ Chí Minh"
    )
    # a place not in the list is kept as typed: the officer is never blocked
    assert (
        format_address("Thôn 3", "xã Mới Lập", "tỉnh Gia Lai") == "Thôn 3, xã Mới Lập, tỉnh Gia Lai"
    )
    assert format_address("Thôn 3", None, None) == "Thôn 3"


def test_load_places_reads_a_given_file(tmp_path):
    data = json.loads(default_places_path().read_text(encoding="utf-8"))
    data["provinces"] = data["provinces"][:1]
    path = tmp_path / "places.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert len(load_places(path).provinces) == 1


def test_the_street_part_drops_the_place_a_card_printed_before_july_2025():
    from hcc_core.domain.places import street_part

    hue = bundled_places().find_province("Huế")
    assert street_part("12 Lê Lợi, phường Thuận Hóa, thành phố Huế", hue) == "12 Lê Lợi"
    # the three levels of an old card, and the former province's name
    assert street_part("Thôn 3, xã Phú Thuận, huyện Phú Vang, tỉnh Thừa Thiên Huế", hue) == "Thôn 3"
    assert street_part("12 Lê Lợi, Huế", hue) == "12 Lê Lợi"
    assert street_part("Tổ 5, Khu phố 2", hue) == "Tổ 5, Khu phố 2"
    assert street_part("Xa lộ Hà Nội", None) == "Xa lộ Hà Nội"  # a road, not a commune
