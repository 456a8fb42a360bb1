"""What a digitised paper is, read from its OCR text (issue 14, item 3): its kind, number,
issuer, dates and owner's ID number, each with an honest confidence. Pure and Qt-free.

These are only *suggestions*: the officer checks them (services/paper_records.py), and a
value reaches central only once checked. OCR of Vietnamese papers is noisy: marks are lost or
wrong, O/0 and l/1 swap, the two columns of the header land on one line. So every rule reads
the accent-free folded text (``hcc_core.domain.text.fold``, kept aligned with the printed text
so values keep their marks), digits are repaired only inside number-like runs, and a
confidence reaches ``PREFILL`` only for an unambiguous, labelled pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from hcc_core.domain.citizen_id import issuing_authority, validate_id_number
from hcc_core.domain.errors import ValidationError
from hcc_core.domain.text import fold

from .metadata_text import (
    Line,
    admin_marks,
    cut_national,
    kind_match,
    lines_of,
    looks_upper,
    prepare_kinds,
    sentence_case,
)

FIELDS = ("kind", "number", "issuer", "issued_on", "valid_until", "owner_id_number")
PREFILL = 0.8  # a suggestion at least this sure is pre-filled; below it is only shown
MAX_TEXT = 200_000  # characters read: a paper's text is a few KB; more is not a paper
TOP_LINES = 25  # the title and the issuer are printed near the top
MAX_TITLES = 16  # title-like lines (and pairs of them) tried against the paper names


@dataclass(frozen=True)
class PaperFields:
    """A paper's metadata as the officer typed or checked it."""

    kind: str
    number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    owner_id_number: str | None = None


@dataclass(frozen=True)
class Suggestion:
    value: str  # dates as ISO yyyy-mm-dd
    confidence: float  # 0..1; >= PREFILL is pre-filled, lower only shown


def suggest(
    text: str, paper_kinds: list[str], known_ids: list[str], today: date
) -> dict[str, Suggestion]:
    """Suggestions for the :data:`FIELDS` found in ``text``; a field not found is absent.

    ``paper_kinds``: the procedure's paper names; the kind is the one best matching the
    paper's title, ties going to the earlier name (give the paper's own name first).
    ``known_ids``: the dossier's applicants' ID numbers (an owner among them is near certain).
    """
    lines = lines_of(text[:MAX_TEXT])
    out: dict[str, Suggestion] = {}
    signatures = [ln.index for ln in lines if _is_signature(ln)]
    issuer_lines, issuer = _issuer(lines, signatures)
    title = _kind(lines, issuer_lines, paper_kinds)
    if title is not None:
        out["kind"] = title[0]
    number = _number(lines)
    if number is not None:
        out["number"] = number
    issued = _issued_on(lines, signatures, today)
    if issued is not None:
        out["issued_on"] = Suggestion(issued[0].isoformat(), issued[1])
    until = _valid_until(lines, issued[0] if issued else None)
    if until is not None:
        out["valid_until"] = until
    if title is not None and "can cuoc" in title[1] and issued is not None:
        issuer = _card_issuer(issuer, issued[0])
    if issuer is not None:
        out["issuer"] = issuer
    owner = _owner(lines, known_ids, today)
    if owner is not None:
        out["owner_id_number"] = owner
    return out


# --- kind -------------------------------------------------------------------------------------
TITLE_HEADS = re.compile(
    r"^(giay|quyet dinh|can cuoc|the can cuoc|chung minh|trich luc|ban sao|chung nhan|"
    r"so ho|so hong|so do|ho chieu|bang|hop dong|van bang|chung chi|phieu|to khai|don|"
    r"bien ban|thong bao|van ban|nghi quyet|xac nhan)\b"
)


def _kind(
    lines: list[Line], issuer_lines: set[int], kinds: list[str]
) -> tuple[Suggestion, str] | None:
    """(suggestion, the folded title) for the title lines near the top."""
    candidates: list[tuple[str, str, int]] = []  # (printed, folded, line index)
    top = [ln for ln in lines[:TOP_LINES] if ln.index not in issuer_lines]
    for i, ln in enumerate(top):
        printed, folded = cut_national(ln)
        if not _title_like(printed, folded):
            continue
        candidates.append((printed, folded, ln.index))
        nxt = top[i + 1] if i + 1 < len(top) else None
        if nxt is not None and nxt.index == ln.index + 1:
            p2, f2 = cut_national(nxt)
            if _title_like(p2, f2) and not TITLE_HEADS.match(f2):
                candidates.append((f"{printed} {p2}", f"{folded} {f2}", ln.index))
    if not candidates:
        return None
    if not kinds:  # nothing to match against: the title itself, never pre-filled
        for printed, folded, _ in candidates:
            if TITLE_HEADS.match(folded):
                return Suggestion(sentence_case(printed)[:500], 0.5), folded
        return None
    best: tuple[tuple[bool, int, float, int], str, str, bool] | None = None
    prepared = prepare_kinds(kinds)
    for _printed, folded, _index in candidates[:MAX_TITLES]:
        scored = kind_match(folded, prepared)
        if scored is None:
            continue
        score, matched, position, tied = scored
        # A good fit of more title words ("GIẤY CHỨNG NHẬN" + "QUYỀN SỬ DỤNG ĐẤT…") beats a
        # perfect fit of fewer; then the better fit; then the earlier name.
        key = (score >= 0.85, matched, score, -position)
        if best is None or key > best[0]:
            best = (key, kinds[position], folded, tied)
    if best is None or best[0][2] < 0.5:
        return None
    (_, matched, score, _), name, folded, tied = best
    if score >= 0.95 and TITLE_HEADS.match(folded):
        confidence = 0.9 if matched >= 3 else 0.85
    elif score >= 0.95:
        confidence = 0.7
    else:
        confidence = round(0.75 * score, 2)
    if tied:  # another name fits the title as well, and is not the paper's own
        confidence = min(confidence, 0.6)
    if matched <= 2 and len(name.split()) > matched + 2:
        # "QUYẾT ĐỊNH" fits every "Quyết định …" name: which one, the officer says.
        confidence = min(confidence, 0.7)
    return Suggestion(" ".join(name.split())[:500], confidence), folded


def _title_like(printed: str, folded: str) -> bool:
    if not looks_upper(printed) or ":" in printed or _SIGNATURE.match(folded):
        return False
    letters = sum(c.isalpha() for c in folded)
    return letters >= 4 and sum(c.isdigit() for c in folded) <= 2


# --- issuer -----------------------------------------------------------------------------------
# Words may be run together or split by a stray mark ("ỦY BAN:NHÂN DÂN"): \W* between them.
_ISSUER_HEAD = re.compile(
    r"^(uy\W*ban\W*nhan\W*dan|ubnd|cong\W*an|bo|cuc|chi\W*cuc|tong\W*cuc|so|phong|"
    r"van\W*phong|toa\W*an|vien\W*kiem\W*sat|ban\W*quan\W*ly)\b(?!\s*[:\d/])"
)
_BARE_HEADS = ("uy ban nhan dan", "ubnd", "cong an", "bo", "so")
_PLACE_HEAD = re.compile(
    r"^(phuong|xa|thi tran|quan|huyen|thi xa|thanh pho|tp|tinh|dac khu|dac biet)\b"
)
# "SỐ ĐỊNH DANH", "SỔ HỘ KHẨU", "BỐ": words that fold like an issuer's head but are not one.
_NOT_AFTER_SO = ("dinh", "vao", "hieu", "dien", "nha", "ho", "do", "hong")
_HEAD_MARKS = {"so": ("sở", "so"), "bo": ("bộ", "bo"), "cuc": ("cục", "cuc")}


def _issuer(lines: list[Line], signatures: list[int]) -> tuple[set[int], Suggestion | None]:
    """The administrative header at the top left (lines used, suggestion); else the body
    named in the signature block ("TM. ỦY BAN NHÂN DÂN …", "CỤC TRƯỞNG CỤC …")."""
    top = lines[:8]
    for i, ln in enumerate(top):
        printed, folded = cut_national(ln)
        if not _issuer_head(printed, folded):
            continue
        used, parts, bare = {ln.index}, [printed], _words(folded) in _BARE_HEADS
        for nxt in top[i + 1 : i + 3]:
            p2, f2 = cut_national(nxt)
            if not p2 or not looks_upper(p2) or TITLE_HEADS.match(f2) or re.search(r"\d", f2):
                break
            if not (bare or _PLACE_HEAD.match(f2) or _issuer_head(p2, f2)):
                break
            used.add(nxt.index)
            # A place completes the unit above it; another unit is a level below it.
            parts.append(p2 if bare or _PLACE_HEAD.match(f2) else f"- {p2}")
            bare = False
        value = " ".join(parts)
        confidence = 0.5 if bare else 0.85
        return used, _issuer_value(value, confidence)
    for index in signatures:
        found = _issuer_from_signature(lines, index)
        if found is not None:
            return set(), _issuer_value(found, 0.6)
    return set(), None


def _card_issuer(read: Suggestion | None, issued: date) -> Suggestion:
    """An ID card's issuer is fixed by its date of issue (hcc_core.domain.citizen_id): sure
    when the card's text says the same, a hint when it says nothing."""
    authority = issuing_authority(issued)
    if read is None:
        return Suggestion(authority, 0.7)
    if fold(authority) in fold(read.value):
        return Suggestion(authority, 0.85)
    return read


def _issuer_head(printed: str, folded: str) -> bool:
    if not printed or not looks_upper(printed):
        return False
    match = _ISSUER_HEAD.match(folded)
    if match is None:
        return False
    head = _words(match.group(1))
    words, first = _words(folded).split(), printed.split()[0].lower()
    if head in _HEAD_MARKS and first not in _HEAD_MARKS[head]:
        return False  # "SỐ", "BỐ": same letters, other marks
    return not (head == "so" and len(words) > 1 and words[1] in _NOT_AFTER_SO)


def _issuer_from_signature(lines: list[Line], index: int) -> str | None:
    ln = lines[_position(lines, index)]
    start = len(ln.folded) - len(ln.folded.lstrip(_JUNK))
    folded, printed = ln.folded[start:], ln.text[start:]
    for prefix in ("tm.", "tm ", "kt.", "tl.", "tuq."):
        if folded.startswith(prefix):
            body = printed[len(prefix) :].strip(" .")
            nxt = _next_line(lines, index)
            if nxt is not None and _PLACE_HEAD.match(nxt.folded) and looks_upper(nxt.text):
                body = f"{body} {nxt.text}"
            return body if _ISSUER_HEAD.match(fold(body)) else None
    match = re.match(r"^(cuc truong|giam doc|truong phong|chu tich)\s+", folded)
    if match:
        body = printed[match.end() :].strip()
        return body if _ISSUER_HEAD.match(fold(body)) else None
    return None


def _issuer_value(value: str, confidence: float) -> Suggestion:
    """Printed without any Vietnamese mark, the officer should retype it; with a slipped mark
    on a word of the header (put right here), the rest of the line may have slipped too."""
    if value.isascii():  # all marks lost: shown as read, never half put right
        return Suggestion(value[:300], min(confidence, 0.7))
    fixed, slipped = admin_marks(value)
    return Suggestion(fixed[:300], min(confidence, 0.7) if slipped else confidence)


# --- number -----------------------------------------------------------------------------------
_VALUE = r"([a-z0-9]+(?:\s?[/\-]\s?[a-z0-9]+)*)"
_NUMBER_LABELS = (
    # (pattern on the folded line, confidence of a structured value)
    # "Số: 123/2021/QĐ-UBND" under the issuer, "Số / No.:" on a card: at a line's start.
    (re.compile(r"^s[o06]\s*(?:/\s*no\.?\s*)?[:;]\s*" + _VALUE), 0.85),  # "Sô", "S6"
    (re.compile(r"^so\s+" + _VALUE), 0.8),
    (re.compile(r"ma\W*so\W*doanh\W*nghiep\W*" + _VALUE), 0.85),
    (
        re.compile(
            r"so vao so cap(?: gcn| giay chung nhan)?\s*[:.]?\s*([a-z]{0,3}\s?\d[\da-z/\-]*)"
        ),
        0.7,
    ),
    (re.compile(r"so dinh danh ca nhan\b[^:\d]{0,40}[:.]?\s*" + _VALUE), 0.6),
)
_STRUCTURED = re.compile(r"^\d+(?:/\d{4})?(?:/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)+$")
_DIGITS_ONLY = re.compile(r"^\d+(?:-\d+)?$")


def _number(lines: list[Line]) -> Suggestion | None:
    for pattern, sure in _NUMBER_LABELS:
        for ln in lines:
            if ln.folded.startswith("can cu"):
                continue  # a law or decision the paper refers to
            match = pattern.search(ln.folded)
            if match is None or not re.search(r"\d", match.group(1)):
                continue
            value = _clean_number(ln.text[match.start(1) : match.end(1)], match.group(1))
            if not value or len(value) > 64:
                continue
            if _STRUCTURED.match(value):
                confidence = sure
            elif _DIGITS_ONLY.match(value):
                confidence = min(sure, 0.85 if len(value) >= 9 else 0.7)
            else:
                confidence = min(sure, 0.6)
            return Suggestion(value, confidence)
    return None


def _clean_number(printed: str, folded: str) -> str:
    """The printed value (keeps "QĐ") without OCR's spaces, digits repaired from the folded
    text (O→0, l→1 in mostly-digit parts)."""
    out = []
    for p, f in zip(printed, folded, strict=True):
        if p.isspace():
            continue
        out.append(f if f.isdigit() else p.upper() if p.isalpha() else p)
    return "".join(out).strip("-/.")


# --- dates ------------------------------------------------------------------------------------
# "ngày 05 tháng 3 năm 2021", with OCR's stray marks ("năm.2021") and "năm" read "nănh".
_LONG_DATE = re.compile(
    r"ngay\W{0,3}(\d{1,2})\W{0,3}thang\W{0,3}(\d{1,2})\W{0,3}na[mn]h?\W{0,3}(\d{4})"
)
_SHORT_DATE = re.compile(r"(?<!\d)(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{4})(?!\d)")
_LABELS = (
    ("expiry", re.compile(r"gia tri den|thoi han den|han den|het han|expiry|valid until")),
    ("birth", re.compile(r"sinh|birth")),
    ("issue", re.compile(r"ngay cap|cap ngay|date of issue|ngay,? thang,? nam|date, month")),
    ("changed", re.compile(r"dang ky thay doi")),
    ("registered", re.compile(r"dang ky lan dau")),
    ("reference", re.compile(r"can cu|nghi dinh|thong tu|luat|nghi quyet|cong van|quyet dinh so")),
)
# A business registration is issued anew at each change: its last change is its date.
_ISSUE_BASE = {
    "issue": 0.9,
    "place": 0.85,
    "changed": 0.85,
    "registered": 0.8,
    "long": 0.7,
    "bare": 0.4,
}
_JUNK = " '\"`.,;:-_|~*•·§"
_SIGNATURE = re.compile(
    r"^(tm[. ]|kt[. ]|tl[. ]|tuq[. ]|chu tich|pho chu tich|giam doc|pho giam doc|cuc truong|"
    r"truong phong|truong cong an|thu truong|nguoi ky|nguoi cap|\(ky|ky ten|cong chung vien|"
    r"director)"
)


@dataclass(frozen=True)
class _Date:
    day: date
    role: str  # issue / place / long / registered / bare / expiry / birth / reference
    line: int


def _dates(lines: list[Line]) -> list[_Date]:
    found: list[_Date] = []
    for i, ln in enumerate(lines):
        folded = ln.folded
        if "ngay" in folded and not _LONG_DATE.search(folded) and i + 1 < len(lines):
            folded = f"{folded} {lines[i + 1].folded}"  # "…, ngày 05 tháng 3" / "năm 2021"
        for pattern, long_form in ((_LONG_DATE, True), (_SHORT_DATE, False)):
            for match in pattern.finditer(folded):
                day = _date(*match.groups())
                if day is None:
                    continue
                if not long_form and match.start() >= len(ln.folded):
                    continue  # the next line's own date: read there
                prefix = folded[: match.start()]
                if not re.search(r"[a-z]", prefix) and i > 0:
                    prefix = lines[i - 1].folded + " " + prefix  # the label on the line above
                role = _label(prefix)
                if role is None:
                    before = folded[: match.start()].rstrip()
                    if not long_form and before.endswith("ngay"):
                        before = before[:-4].rstrip()  # "Huế, ngày 05/03/2021"
                    if before[-1:] in (",", ":", ";") and re.search(r"[a-z]", before):
                        role = "place"  # "Huế, ngày 05 tháng 3 năm 2021": the paper's own date
                    else:
                        role = "long" if long_form else "bare"
                found.append(_Date(day, role, ln.index))
    return found


def _label(prefix: str) -> str | None:
    """The role named by the label nearest before a date (the last one in ``prefix``)."""
    best: tuple[int, str] | None = None
    for role, pattern in _LABELS:
        for match in pattern.finditer(prefix[-80:]):
            if best is None or match.end() > best[0]:
                best = (match.end(), role)
    return best[1] if best else None


def _date(d: str, m: str, y: str) -> date | None:
    try:
        day = date(int(y), int(m), int(d))
    except ValueError:
        return None
    return day if day.year >= 1900 else None


def _issued_on(lines: list[Line], signatures: list[int], today: date) -> tuple[date, float] | None:
    candidates = [
        d for d in _dates(lines) if d.role in _ISSUE_BASE and d.day <= today
    ]  # a date after today is a misread, or not the issue
    if not candidates:
        return None
    base = max(_ISSUE_BASE[d.role] for d in candidates)
    top = [d for d in candidates if _ISSUE_BASE[d.role] == base]
    if signatures:  # the date printed nearest the signature block
        chosen = min(top, key=lambda d: (min(abs(d.line - s) for s in signatures), -d.line))
    else:
        chosen = top[-1]
    confidence = base if len({d.day for d in top}) == 1 else round(base * 0.85, 2)
    return chosen.day, confidence


def _valid_until(lines: list[Line], issued: date | None) -> Suggestion | None:
    for d in _dates(lines):
        if d.role == "expiry" and (issued is None or d.day >= issued):
            return Suggestion(d.day.isoformat(), 0.85)
    return None


# --- owner ------------------------------------------------------------------------------------
_ID_RUN = re.compile(
    r"(?<![\d])(\d{12}|\d{3}[ .]\d{3}[ .]\d{3}[ .]\d{3}|\d{4}[ .]\d{4}[ .]\d{4}|\d{9})(?![\d])"
)
_ID_LABEL = re.compile(
    r"(dinh danh|can cuoc|cccd|cmnd|chung minh|identification|\bno\b|\bso\b)[^0-9]{0,40}$"
)


_NOT_ID = re.compile(
    r"(tai khoan|account|dien thoai|phone|fax|ma so thue|mst|ma ho so|ma giao dich|"
    r"ma so doanh nghiep)[^0-9]{0,40}$"
)


def _owner(lines: list[Line], known_ids: list[str], today: date) -> Suggestion | None:
    known = {"".join(k.split()) for k in known_ids if k}
    ranked: list[tuple[float, int, str]] = []  # (confidence, order, number)
    found = ((ln, m) for ln in lines for m in _ID_RUN.finditer(ln.folded))
    for order, (line, match) in enumerate(found):
        number = re.sub(r"[ .]", "", match.group(1))
        before = line.folded[: match.start()]
        if number in known:
            ranked.append((0.95, order, number))
            continue
        near = [k for k in known if _one_digit_off(number, k)]
        if len(near) == 1:  # an applicant's number with one digit misread
            ranked.append((0.7, order, near[0]))
            continue
        if _NOT_ID.search(before):
            continue  # an account, a phone, a tax or file code that happens to fit
        labelled = _ID_LABEL.search(before) is not None
        if len(number) == 9:
            if labelled and re.search(r"cmnd|chung minh", before):
                ranked.append((0.6, order, number))  # an old identity card
            continue
        try:
            parsed = validate_id_number(number, today=today)
        except ValidationError:
            continue  # 12 digits, but no personal ID number (a code, an account)
        if parsed.born_abroad and not labelled:
            continue  # a first digit other than 0 is rare; unlabelled it is likely no ID
        ranked.append((0.85 if labelled and not parsed.born_abroad else 0.5, order, number))
    if not ranked:
        return None
    best = max(r[0] for r in ranked)
    top = [r for r in ranked if r[0] == best]
    confidence = best if len({r[2] for r in top}) == 1 else round(best * 0.8, 2)
    return Suggestion(min(top, key=lambda r: r[1])[2], confidence)


def _one_digit_off(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


# --- lines ------------------------------------------------------------------------------------
def _words(folded: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", folded))


def _is_signature(ln: Line) -> bool:
    return _SIGNATURE.match(ln.folded.lstrip(_JUNK)) is not None


def _position(lines: list[Line], index: int) -> int:
    return next(i for i, ln in enumerate(lines) if ln.index == index)


def _next_line(lines: list[Line], index: int) -> Line | None:
    i = _position(lines, index) + 1
    return lines[i] if i < len(lines) else None
