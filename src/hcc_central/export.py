"""Export every dossier as JSON Lines, sorted by code: the doc, its status history from the
event table, and each attachment's SHA-256 and size (and whether its bytes are stored)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, TextIO

from sqlalchemy import select

from .db import Database
from .models import Attachment, Dossier, StatusEvent
from .store import FileStore

PAGE = 500  # keyset pages by code: bounded memory, three queries per page


def export_jsonl(db: Database, out: TextIO, store: FileStore | None = None) -> int:
    count, last = 0, ""
    while True:
        with db.read() as s:
            page = s.execute(
                select(Dossier.uuid, Dossier.code, Dossier.centre_id, Dossier.doc)
                .where(Dossier.code > last)
                .order_by(Dossier.code)
                .limit(PAGE)
            ).all()
            if not page:
                return count
            uuids = [r.uuid for r in page]
            events: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for e in s.scalars(
                select(StatusEvent)
                .where(StatusEvent.dossier_uuid.in_(uuids))
                .order_by(StatusEvent.at, StatusEvent.uuid)
            ):
                events[e.dossier_uuid].append(
                    {
                        "uuid": e.uuid,
                        "status": e.status,
                        "at": e.at.isoformat(),
                        "actor": e.actor,
                        "note": e.note,
                        "origin": e.origin,
                    }
                )
            atts: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for a in s.scalars(
                select(Attachment)
                .where(Attachment.dossier_uuid.in_(uuids))
                .order_by(Attachment.uuid)
            ):
                atts[a.dossier_uuid].append(
                    {
                        "uuid": a.uuid,
                        "filename": a.filename,
                        "content_type": a.content_type,
                        "size": a.size,
                        "sha256": a.sha256,
                        "stored": store.has(a.sha256) if store else None,
                    }
                )
        for r in page:
            position = {a["uuid"]: a.get("paper_position") for a in r.doc["attachments"]}
            for att in atts[r.uuid]:
                att["paper_position"] = position.get(att["uuid"])
            line = {
                **r.doc,
                "centre_id": r.centre_id,
                "events": events[r.uuid],
                "attachments": atts[r.uuid],
            }
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
        last = page[-1].code
