"""Developer tool: build resources/catalogue/procedures.json from the research data set.

    python -m hcc_desk.core.catalogue.build_seed \
        resources/catalogue/sources/procedures-research.json resources/catalogue/procedures.json

Not used at runtime. Records keep their source and origin URL; every interpretation made
here (channel chosen, stages added, bare "ngày", default paper counts) is written into notes.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

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
]
DEMO_SLOT_BASE = 51


def build(records: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    group_to_agency = {group: name for name, _, _, group in AGENCIES}
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
        procedures.append(_procedure(r, limit, group_to_agency, national_papers))
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
        "description": "Seed catalogue of HCC Desk: real provincial-level procedures from "
        "public sources (see each record's source/origin_url). Verify against the source and "
        "the centre's published list before use.",
        "agencies": agencies,
        "procedures": procedures,
    }
    return doc, skipped


def _procedure(
    r: dict[str, Any],
    limit: Any,
    group_to_agency: dict[str, str],
    national_papers: dict[str | None, list[dict[str, Any]]],
) -> dict[str, Any]:
    code = national_code(r["code"])
    notes = list(r.get("notes") or []) + list(limit.notes) + list(r.get("document_notes") or [])
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
    return {
        "code": code,
        "published_code": r["code"],
        "name": r["name"],
        "agency": group_to_agency[r["agency_group"]],
        "published_agency": r["agency"],
        "field": r["field"],
        "level": r["level"],
        "duration_hours": limit.hours,
        "duration_kind": limit.kind,
        "duration_unit": limit.unit,
        "day_kind_assumed": limit.day_kind_assumed,
        "cutoff": limit.cutoff,
        "processing_time_text": r["processing_time"],
        "fees_text": r["fees"],
        "legal_basis": r["legal_basis"] or [],
        "decision": r["decision"],
        "province": r["province"],
        "source": r["source"],
        "origin_url": r["origin_url"],
        "notes": notes,
        "papers": papers,
    }


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


def main(argv: list[str]) -> int:
    src, dst = Path(argv[1]), Path(argv[2])
    doc, skipped = build(json.loads(src.read_text(encoding="utf-8")))
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
