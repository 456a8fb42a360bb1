"""Administrative units of two-level local government (from 1 July 2025): 34 provinces and
their communes, wards and special zones, read from ``hcc_core/data/places/places.json``.

There is no district level any more, so an address is "<street/house>, <commune>, <province>",
e.g. "12 Lê Lợi, phường Phú Xuân, thành phố Huế". Sources and caveats are in the data file
and in docs/legal-basis.md. The 63 pre-2025 province codes live on in ``provinces.py``, only
to check the 12-digit personal ID number.

Search is accent-free (``fold``), so an officer types "phu xuan" and gets "Phú Xuân"; a
commune can also be found by the name of a unit it was formed from (Huế's old wards), because
citizens still read out the address printed on their old papers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .text import fold, squash

# Prefix of a unit in running text: "phường Phú Xuân, thành phố Huế".
KINDS = ("xã", "phường", "đặc khu", "tỉnh", "thành phố")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Named:
    """A unit's name with its kind ("phường", "tỉnh"…)."""

    __slots__ = ()
    kind: str
    name: str

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def label(self) -> str:
        """As listed in a picker: "Phường Phú Xuân"."""
        return _capitalised(self.full_name)


@dataclass(frozen=True, slots=True)
class Commune(_Named):
    code: str
    kind: str  # "xã" / "phường" / "đặc khu"
    name: str
    province_code: str
    formed_from: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Province(_Named):
    code: str
    kind: str  # "tỉnh" / "thành phố"
    name: str
    formed_from: tuple[str, ...]
    legacy_id_codes: tuple[str, ...]
    communes_resolution: str | None
    communes_resolution_date: str | None
    communes: tuple[Commune, ...] = field(repr=False)


class Places:
    """The loaded data with accent-free lookups. Build it off the GUI thread (it reads a file)."""

    def __init__(self, provinces: list[Province], sources: dict[str, str], in_force_from: str):
        self.provinces = tuple(provinces)
        self.sources = dict(sources)
        self.in_force_from = in_force_from
        self._by_code = {p.code: p for p in provinces}
        # Precomputed keys: searching 3 321 communes per keystroke must stay well under a frame.
        self._keys: dict[str, list[tuple[Commune, str, tuple[str, ...]]]] = {
            p.code: [
                (c, fold(c.name), tuple(_strip_kind(fold(old)) for old in c.formed_from))
                for c in p.communes
            ]
            for p in provinces
        }

    def province(self, code: str) -> Province | None:
        return self._by_code.get(code)

    def find_province(self, text: str) -> Province | None:
        """The province named ``text`` ("Huế", "thanh pho hue", "TP Huế"), or None."""
        key = _strip_kind(fold(text))
        for p in self.provinces:
            if fold(p.name) == key:
                return p
        return None

    def search_provinces(self, text: str) -> list[Province]:
        key = _strip_kind(fold(text))
        return [p for p in self.provinces if key in fold(p.name)] if key else list(self.provinces)

    def search_communes(self, province_code: str, text: str, limit: int = 30) -> list[Commune]:
        """Communes of the province where every typed word begins a word of the name, best
        first: names that start with the text, then the other matches, then communes formed
        from a unit of that name (an address from before July 2025)."""
        words = _strip_kind(fold(text)).split()
        rows = self._keys.get(province_code, [])
        if not words:
            return [c for c, _, _ in rows][:limit]
        starts, contains, former = [], [], []
        phrase = " ".join(words)
        for commune, name_key, old_keys in rows:
            if name_key.startswith(phrase):
                starts.append(commune)
            elif _words_match(words, name_key):
                contains.append(commune)
            elif any(_words_match(words, old) for old in old_keys):
                former.append(commune)
        return (starts + contains + former)[:limit]

    def find_commune(self, province_code: str, text: str) -> Commune | None:
        """The commune named exactly ``text`` (accents and "xã"/"phường" optional), or None."""
        key = _strip_kind(fold(text))
        for commune, name_key, _ in self._keys.get(province_code, []):
            if name_key == key:
                return commune
        return None

    def province_for_id_code(self, legacy_code: str) -> Province | None:
        """Today's province for a birth-registration code of a former province ("046" → Huế)."""
        for p in self.provinces:
            if legacy_code in p.legacy_id_codes:
                return p
        return None


def format_address(
    street: str, commune: Commune | str | None, province: Province | str | None
) -> str:
    """ "12 Lê Lợi, phường Phú Xuân, thành phố Huế". A place typed by hand (not in the list)
    is kept as typed, so the officer is never blocked; empty parts are left out."""
    parts = [squash(street).strip(" ,")]
    for unit in (commune, province):
        if isinstance(unit, (Commune, Province)):
            parts.append(unit.full_name)
        elif unit:
            parts.append(squash(unit).strip(" ,"))
    return ", ".join(p for p in parts if p)


# Words that open an administrative unit in an address line, old (district level) or new.
_UNIT_WORDS = (
    "phuong ",
    "xa ",
    "thi tran ",
    "dac khu ",
    "quan ",
    "huyen ",
    "thi xa ",
    "thanh pho ",
    "tp ",
    "tp. ",
    "tinh ",
)


def street_part(address: str, province: Province | None = None) -> str:
    """The street/house part of an address line: trailing segments naming a unit ("phường
    Thuận Hóa", "huyện Phú Vang", "tỉnh Thừa Thiên Huế") or the province ("Huế") are dropped,
    so a place picked now replaces the one a card's QR printed before July 2025."""
    names = set()
    if province is not None:
        names = {fold(province.name), *(fold(n) for n in province.formed_from)}
    parts = [p.strip() for p in squash(address).split(",")]
    while parts and (_names_a_unit(fold(parts[-1])) or fold(parts[-1]) in names or not parts[-1]):
        parts.pop()
    return ", ".join(parts)


def _names_a_unit(key: str) -> bool:
    # "Xa lộ Hà Nội" is a road, not a commune called "lộ Hà Nội"
    return key.startswith(_UNIT_WORDS) and not key.startswith("xa lo ")


def _words_match(words: list[str], key: str) -> bool:
    """Each typed word is the start of some word of ``key`` ("phu x" matches "phu xuan")."""
    have = key.split()
    return all(any(h.startswith(w) for h in have) for w in words)


def _strip_kind(key: str) -> str:
    """Drop a leading unit word the officer may type: "phuong ", "tp ", "tinh "..."""
    for prefix in (
        "thanh pho ",
        "tp. ",
        "tp ",
        "tinh ",
        "phuong ",
        "xa ",
        "dac khu ",
        "thi tran ",
        "p. ",
        "x. ",
    ):
        if key.startswith(prefix):
            return key[len(prefix) :].strip()
    return key


def load_places(path: Path) -> Places:
    data = json.loads(path.read_text(encoding="utf-8"))
    provinces = []
    for p in data["provinces"]:
        communes = tuple(
            Commune(c["code"], c["kind"], c["name"], p["code"], tuple(c.get("formed_from", ())))
            for c in p["communes"]
        )
        provinces.append(
            Province(
                p["code"],
                p["kind"],
                p["name"],
                tuple(p["formed_from"]),
                tuple(p["legacy_id_codes"]),
                p.get("communes_resolution"),
                p.get("communes_resolution_date"),
                communes,
            )
        )
    return Places(provinces, data["sources"], data["in_force_from"])


def default_places_path() -> Path:
    from hcc_core.data_files import data_path

    return data_path("places", "places.json")


@lru_cache(maxsize=1)
def bundled_places() -> Places:
    """The bundled data, loaded once per process (call it from a worker thread first)."""
    return load_places(default_places_path())
