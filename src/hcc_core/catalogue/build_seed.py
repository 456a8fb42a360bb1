"""Developer tool: build src/hcc_core/data/catalogue/procedures.json from the research data set.

    python -m hcc_core.catalogue.build_seed \
        src/hcc_core/data/catalogue/sources/procedures-research.json src/hcc_core/data/catalogue/procedures.json

Not used at runtime. Inputs, all in the research file's folder:
- the research file: provincial procedures as published (time, fees, papers, source);
- ``audit.json``: per published code (or name), what the audit fixed — structured fees, a
  time limit whose stages were not all the centre's, start rules — each with a note;
- ``commune-procedures.json``: commune-level procedures, already in our format.
Records keep their source; every interpretation (channel chosen, stages dropped, default paper
counts) is written into notes.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from hcc_core.domain.text import fold

from .parse import national_code, parse_quantity, parse_time_limit
from .schema import FORMAT_NAME, FORMAT_VERSION

DEMO_STATUS = "demo — replace with QĐ 2240/QĐ-UBND list at setup"
# (name, short name, group, research agency_group). Level-2 (Y1Y2) demo slots of the Huế
# pattern 000.00.Y1Y2.H57: departments sit directly under UBND (QCVN 102:2016).
AGENCIES = [
    ("Sở Tư pháp", "STP", "Sở, ngành cấp tỉnh", "Sở Tư pháp"),
    ("Sở Y tế", "SYT", "Sở, ngành cấp tỉnh", "Sở Y tế"),
    ("Sở Xây dựng", "SXD", "Sở, ngành cấp tỉnh", "Sở Xây dựng"),
    ("Sở Nông nghiệp và Môi trường", "SNNMT", "Sở, ngành cấp tỉnh", "Sở Nông nghiệp và Môi trường"),
    ("Sở Tài chính", "STC", "Sở, ngành cấp tỉnh", "Sở Tài chính"),
    ("Sở Khoa học và Công nghệ", "SKHCN", "Sở, ngành cấp tỉnh", "Sở Khoa học và Công nghệ"),
    ("Sở Công Thương", "SCT", "Sở, ngành cấp tỉnh", "Sở Công Thương"),
    ("Sở Văn hóa và Thể thao", "SVHTT", "Sở, ngành cấp tỉnh", "Sở Văn hóa và Thể thao"),
    ("Sở Nội vụ", "SNV", "Sở, ngành cấp tỉnh", "Sở Nội vụ"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT", "Sở, ngành cấp tỉnh", "Sở Giáo dục và Đào tạo"),
    ("Công an cấp tỉnh", "CA", "Công an", "Công an tỉnh"),
    ("Ủy ban nhân dân cấp xã", "UBNDX", "Cấp xã", None),
    ("Công an cấp xã", "CAX", "Cấp xã", None),
]
DEMO_SLOT_BASE = 51


def build(
    records: list[dict[str, Any]],
    audit: dict[str, dict[str, Any]] | None = None,
    commune: list[dict[str, Any]] | None = None,
) -> tuple[dict[str, Any], list[str]]:
    audit = audit or {}
    group_to_agency = {group: name for name, _, _, group in AGENCIES if group}
    national_papers = {
        national_code(r["code"]): r["documents"]
        for r in records
        if r["province"] is None and r["documents"] and r["code"]
    }
    procedures, skipped = [], []
    for r in records:
        limit = parse_time_limit(r["processing_time"])
        if limit is None:
            skipped.append(f"{r['code']} {r['name'][:60]}: no usable processing time")
            continue
        fixes = audit.get(r["code"] or r["name"], {})
        procedures.append(_procedure(r, limit, group_to_agency, national_papers, fixes))
    procedures.extend(commune or [])
    agencies = [
        {
            "name": name,
            "short_name": short,
            "group": group,
            "unit_code": f"000.00.{DEMO_SLOT_BASE + i:02d}.H57",
            "unit_code_status": DEMO_STATUS,
        }
        for i, (name, short, group, _) in enumerate(AGENCIES)
    ]
    doc = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "description": "Seed catalogue of HCC Desk: real provincial- and commune-level "
        "procedures from public sources (see each record's time_source, source, origin_url). "
        "Verify against the source and the centre's published list before use.",
        "agencies": agencies,
        "procedures": procedures,
    }
    return doc, skipped


def _procedure(
    r: dict[str, Any],
    limit: Any,
    group_to_agency: dict[str, str],
    national_papers: dict[str | None, list[dict[str, Any]]],
    fixes: dict[str, Any],
) -> dict[str, Any]:
    code = national_code(r["code"])
    time = fixes.get("time")
    limit_notes = [] if time else list(limit.notes)
    notes = list(r.get("notes") or []) + limit_notes + list(r.get("document_notes") or [])
    notes += list(fixes.get("notes") or [])
    documents = r["documents"]
    if not documents and code in national_papers:
        documents = national_papers[code]
        notes.append(f"Papers taken from the national record {code}.")
    papers = [_paper(d) for d in documents or []]
    if any(_EXTENSION.search(p["name"]) for p in papers):
        notes.append(
            "A paper name still carries a form file name from the crawl; check "
            "it against origin_url."
        )
    if any(not parse_quantity(d.get("quantity")).parsed for d in documents or []):
        notes.append("Some paper quantities were not published: 1 original assumed.")
    quote = fixes.get("time_quote") or in_person_text(r["processing_time"])
    fees = fixes["fees"] if "fees" in fixes else simple_fees(r["fees"])
    if fees is None:
        fees = []
        notes.append("Fee wording not turned into amounts: see fees_text.")
    return {
        "code": code,
        "published_code": r["code"],
        "name": r["name"],
        "agency": group_to_agency[r["agency_group"]],
        "published_agency": r["agency"],
        "field": r["field"],
        "level": _level(r["level"]),
        "published_level": r["level"],
        "duration_hours": (time or {}).get("duration_hours", limit.hours),
        "duration_kind": (time or {}).get("duration_kind", limit.kind),
        "duration_unit": (time or {}).get("duration_unit", limit.unit),
        "day_kind_assumed": False if time else limit.day_kind_assumed,
        "cutoff": (time or {}).get("cutoff", None if time else limit.cutoff),
        "processing_time_text": r["processing_time"],
        "time_source": _time_source(r),
        "time_quote": quote,
        "start_rule": fixes.get("start_rule") or start_rule(quote),
        "cutoff_source": fixes.get("cutoff_source"),
        "fees_text": r["fees"],
        "fees": fees,
        "legal_basis": r["legal_basis"] or [],
        "decision": r["decision"],
        "province": r["province"],
        "source": r["source"],
        "origin_url": r["origin_url"],
        "notes": notes,
        "papers": papers,
    }


def _level(published: str | None) -> str:
    """The research set is a provincial centre's list: "Cấp tỉnh, Cấp xã" is provincial here."""
    return "province" if "tinh" in fold(published or "") else "commune"


def _time_source(r: dict[str, Any]) -> str:
    """The published text the time limit is read from: the decision, or the portal page."""
    where = r["decision"] and f"Quyết định {r['decision']}"
    page = r["origin_url"] or r["source"]
    return f"{where} — {page}" if where and page else (where or page)


def in_person_text(text: str) -> str:
    """The part of a per-channel text the limit is taken from ("Trực tiếp: …")."""
    parts = [p.strip() for p in text.split(";") if p.strip()]
    in_person = [p for p in parts if "truc tiep" in fold(p)]
    return in_person[0] if len(parts) > 1 and in_person else text.strip()


_START = re.compile(r"(k[eể] từ [^.;()]*)", re.IGNORECASE)


def start_rule(quote: str | None) -> str | None:
    """ "… kể từ ngày nhận được hồ sơ hợp lệ." → "kể từ ngày nhận được hồ sơ hợp lệ"."""
    m = _START.search(quote or "")
    return m.group(1).strip().rstrip(",") if m else None


_FREE = {
    "mien phi",
    "khong",
    "khong co",
    "khong quy dinh",
    "mien phi khong co",
    "mien phi khong quy dinh",
    "mien phi chua quy dinh",
}
_UNKNOWN = {"", "khong co thong tin"}


def simple_fees(text: str | None) -> list[dict[str, Any]] | None:
    """Plain published fee wording → entries; [] when unknown; None when it needs a person."""
    key = re.sub(r"[^a-z ]+", " ", fold(text or "")).split()
    words = " ".join(key)
    if words in _UNKNOWN:
        return []
    if words in _FREE:
        return [
            {"case": None, "amount_vnd": 0, "text": (text or "").strip().rstrip("."), "basis": None}
        ]
    return None


_GLUED_FORMS = re.compile(r"(?:M[aẫ]u\s?\d+[\w.-]*?\.docx?)+$", re.IGNORECASE)
_FILE_TAIL = re.compile(r";([^;]{1,60}\.(?:docx?|pdf|xlsx?))$", re.IGNORECASE)
_EXTENSION = re.compile(r"\.(?:docx?|pdf|xlsx?)$", re.IGNORECASE)


def _paper(d: dict[str, Any]) -> dict[str, Any]:
    """The crawl glued form file names onto some paper names; split off the clear cases."""
    q = parse_quantity(d.get("quantity"))
    name, forms = d["name"].strip(), [d["form"]] if d.get("form") else []
    for rx in (_GLUED_FORMS, _FILE_TAIL):
        m = rx.search(name)
        if m:
            forms.insert(0, m.group(m.lastindex or 0).strip())
            name = name[: m.start()].strip()
    return {
        "name": name.rstrip(";").strip(),
        "originals": q.originals,
        "certified_copies": q.certified_copies,
        "photocopies": q.photocopies,
        "quantity_text": d.get("quantity"),
        "note": ("Mẫu: " + ", ".join(forms)) if forms else None,
    }


def read_sources(
    research: Path,
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """The research file and, next to it, audit.json and commune-procedures.json."""

    def load(path: Path) -> Any:
        return json.loads(path.read_text(encoding="utf-8"))

    folder = research.parent
    return (
        load(research),
        load(folder / "audit.json"),
        load(folder / "commune-procedures.json"),
    )


def main(argv: list[str]) -> int:
    src, dst = Path(argv[1]), Path(argv[2])
    doc, skipped = build(*read_sources(src))
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with_papers = sum(1 for p in doc["procedures"] if p["papers"])
    print(
        f"{len(doc['procedures'])} procedures ({with_papers} with papers), "
        f"{len(doc['agencies'])} agencies → {dst}"
    )
    for line in skipped:
        print("skipped:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
