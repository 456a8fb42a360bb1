"""The citizen's satisfaction rating of a dossier handed back: one per dossier, the three official
levels, an optional comment. The caller has checked the code's PIN (api/status_page.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_core.domain.status import DossierStatus

from .changes import audit
from .dashboard import LEVELS
from .models import Dossier, Rating

MAX_COMMENT = 1000


class RatingRefused(Exception):
    """Why a rating is not recorded: ``reason`` is one of the keys of ``REFUSALS``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# What the citizen reads for each refusal.
REFUSALS = {
    "not_done": "Hồ sơ chỉ được đánh giá sau khi anh/chị đã nhận kết quả.",
    "already": "Hồ sơ này đã được đánh giá. Cảm ơn anh/chị đã góp ý.",
    "level": "Mời chọn một mức đánh giá.",
    "comment": f"Ý kiến góp ý dài quá {MAX_COMMENT} ký tự: mời rút gọn.",
}


def check_rating(level: str, comment: str) -> tuple[int, str | None]:
    """The level (1..3) and the comment (None when empty) of a posted form."""
    if not level.strip().isdigit() or int(level) not in LEVELS:
        raise RatingRefused("level")
    text = comment.replace("\x00", "").replace("\r\n", "\n").strip()
    if len(text) > MAX_COMMENT:
        raise RatingRefused("comment")
    return int(level), text or None


def record_rating(
    s: Session, code: str, level: int, comment: str | None, *, at: datetime, actor: str
) -> None:
    """Store the rating of ``code`` (handed back, not rated yet) and audit it: the level and
    whether there was a comment, never the comment's words."""
    dossier = s.scalar(select(Dossier).where(Dossier.code == code).with_for_update())
    if dossier is None or dossier.status != DossierStatus.DONE:
        raise RatingRefused("not_done")
    if s.get(Rating, dossier.uuid) is not None:
        raise RatingRefused("already")
    s.add(
        Rating(
            dossier_uuid=dossier.uuid,
            centre_id=dossier.centre_id,
            level=level,
            comment=comment,
            at=at,
        )
    )
    s.flush()  # a rating posted twice at once fails here (primary key), not silently later
    audit(s, actor, "rating.create", code=dossier.code, level=level, comment=comment is not None)


def is_rated(s: Session, dossier_uuid: str) -> bool:
    return s.get(Rating, dossier_uuid) is not None
