"""``hcc-central export``: every dossier, sorted by code, with history and attachment hashes."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from hcc_central.cli import main
from tests.central.helpers import attachment, make_doc, op, push
from tests.central.live import LiveServer


def test_export_matches_what_was_pushed(central: LiveServer, desk, tmp_path: Path, capsys):
    scans = [os.urandom(2000 + i) for i in range(3)]
    docs = [make_doc(desk) for _ in range(3)]
    docs[0]["attachments"] = [attachment(scans[0]), attachment(scans[1], paper_position=None)]
    docs[2]["attachments"] = [attachment(scans[2])]
    push(desk, *[op(d) for d in reversed(docs)])
    # Upload one attachment's bytes; the other two stay metadata only.
    a = docs[0]["attachments"][0]
    up = desk.http.post(
        "/uploads",
        json={
            "sha256": a["sha256"],
            "size": a["size"],
            "dossier_uuid": docs[0]["uuid"],
            "attachment_uuid": a["uuid"],
            "filename": a["filename"],
            "content_type": a["content_type"],
        },
    ).json()
    if not up["complete"]:
        desk.http.put(f"/uploads/{up['upload_id']}", params={"offset": 0}, content=scans[0])
        assert desk.http.post(f"/uploads/{up['upload_id']}/complete").status_code == 200
    main(
        [
            "admin",
            "--db",
            central.settings.db_url,
            "set-status",
            docs[1]["code"],
            "--status",
            "processing",
            "--at",
            "2026-11-25T15:00:00",
        ]
    )
    out = tmp_path / "export.jsonl"
    rc = main(
        [
            "export",
            "--db",
            central.settings.db_url,
            "--store",
            str(central.settings.store_dir),
            "--jsonl",
            str(out),
        ]
    )
    assert rc == 0 and "exported" in capsys.readouterr().err
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    codes = [line["code"] for line in lines]
    assert codes == sorted(codes)
    by_code = {line["code"]: line for line in lines}
    for doc in docs:
        line = by_code[doc["code"]]
        assert line["uuid"] == doc["uuid"] and line["centre_id"] == desk.centre_id
        assert line["submitter"]["full_name"] == doc["submitter"]["full_name"]
        assert [
            (x["uuid"], x["sha256"], x["size"], x["paper_position"]) for x in line["attachments"]
        ] == sorted(
            (x["uuid"], x["sha256"], x["size"], x["paper_position"]) for x in doc["attachments"]
        )
        assert [e["uuid"] for e in line["events"]][: len(doc["events"])] == [
            e["uuid"] for e in doc["events"]
        ]
    stored = {x["sha256"]: x["stored"] for line in lines for x in line["attachments"]}
    assert stored[hashlib.sha256(scans[0]).hexdigest()] is True
    assert stored[hashlib.sha256(scans[1]).hexdigest()] is False
    moved = by_code[docs[1]["code"]]
    assert [(e["status"], e["origin"]) for e in moved["events"]] == [(2, "desk"), (4, "central")]
    assert moved["status"] == 4


def test_export_to_stdout_of_an_empty_database(tmp_path: Path, capsys):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    assert main(["export", "--db", url, "--store", str(tmp_path / "s"), "--jsonl", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "exported 0 dossiers" in captured.err
