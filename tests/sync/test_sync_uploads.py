"""Attachments: chunked, resumed from central's offset after a break, verified, limits first."""

from __future__ import annotations

import hashlib
import os
from datetime import timedelta

from sqlalchemy import select

from hcc_desk.core import sealed_files
from hcc_desk.core.store.models import Attachment, OutboxOp


def _attach(desk, size, name="scan.pdf"):
    [uuid] = desk.intake()
    data = os.urandom(size)
    att = desk.ctx.sync.attach(uuid, data, name, "application/pdf", paper_position=1)
    return uuid, att, data


def _att(desk, att_uuid):
    with desk.ctx.store.session() as s:
        return s.scalar(select(Attachment).where(Attachment.uuid == att_uuid))


def test_attachment_is_listed_in_the_dossier_and_uploaded_in_chunks(desk):
    uuid, att, data = _attach(desk, 200_000)
    report = desk.engine().run_once()
    assert report.completed and report.uploaded_bytes == 200_000
    assert desk.central.dossiers[uuid]["attachments"][0]["uuid"] == att
    assert desk.central.blobs[hashlib.sha256(data).hexdigest()] == data
    puts = [r for r in desk.central.requests if r.startswith("PUT")]
    assert len(puts) == 4  # 64 KiB chunks
    row = _att(desk, att)
    assert row.upload_state == "done" and row.uploaded_offset == 200_000
    assert sealed_files.read(desk.ctx.sync.attachments_dir, row.path) == data


def test_upload_resumes_from_centrals_offset_after_a_broken_connection(desk):
    _, att, data = _attach(desk, 300_000)
    desk.central.faults["chunk"].extend(["ok", "ok", "partial"])  # breaks mid third chunk
    first = desk.engine().run_once()
    assert first.offline and not first.completed
    row = _att(desk, att)
    assert row.upload_state == "uploading" and row.uploaded_offset == 2 * 65536
    held = len(desk.central.uploads[row.upload_id]["data"])
    assert held == 2 * 65536 + 65536 // 2  # central kept half of the broken chunk

    status_during = desk.ctx.sync.status()
    assert status_during.pending == 1

    second = desk.engine().run_once()
    assert second.completed and second.uploaded_bytes == 300_000 - held  # from central's offset
    assert desk.central.blobs[hashlib.sha256(data).hexdigest()] == data
    assert _att(desk, att).upload_state == "done"


def test_checksum_mismatch_restarts_from_zero(desk):
    _, att, data = _attach(desk, 100_000)
    desk.central.corrupt_next_complete = 1
    report = desk.engine().run_once()
    assert report.completed and report.uploaded_bytes == 200_000  # sent twice
    assert desk.central.blobs[hashlib.sha256(data).hexdigest()] == data
    assert _att(desk, att).upload_state == "done"


def test_repeated_checksum_mismatch_parks(desk):
    _, att, _ = _attach(desk, 10_000)
    desk.central.corrupt_next_complete = 2
    report = desk.engine().run_once()
    assert report.parked == 1 and _att(desk, att).upload_state == "parked"
    assert "checksum" in _att(desk, att).last_error
    assert desk.ctx.sync.retry_parked([att]) == 1
    assert desk.engine().run_once().uploaded_bytes == 10_000


def test_file_over_the_limit_is_parked_before_a_byte_is_sent(desk):
    desk.central.limits["max_attachment_bytes"] = 50_000
    _, att, _ = _attach(desk, 60_000, "big scan.pdf")
    report = desk.engine().run_once()
    assert report.parked == 1 and report.uploaded_bytes == 0
    assert not any("/uploads" in r for r in desk.central.requests)
    row = _att(desk, att)
    assert row.upload_state == "parked" and "big scan.pdf" in row.last_error
    assert "limit" in row.last_error
    assert [p.kind for p in desk.ctx.sync.status().parked_items] == ["attachment"]


def test_upload_waits_until_the_dossier_state_is_pushed(desk):
    uuid, att, _ = _attach(desk, 1000)
    with desk.ctx.store.write() as s:
        for op in s.scalars(select(OutboxOp).where(OutboxOp.entity_uuid == uuid)):
            op.next_attempt_at = desk.clock() + timedelta(seconds=60)
    desk.engine().run_once()
    assert _att(desk, att).upload_state == "pending"
    assert not any("/uploads" in r for r in desk.central.requests)


def test_file_changed_on_disk_is_parked(desk):
    _, att, _ = _attach(desk, 1000)
    row = _att(desk, att)
    (desk.ctx.sync.attachments_dir / row.path).write_bytes(b"tampered")
    desk.engine().run_once()
    assert "changed on disk" in _att(desk, att).last_error


def test_content_central_already_has_is_not_sent_again(desk):
    _, _, data = _attach(desk, 100_000)  # over one chunk: central is asked first
    desk.central.blobs[hashlib.sha256(data).hexdigest()] = data
    report = desk.engine().run_once()
    assert report.uploaded_bytes == 0 and report.completed


def _upload_requests(desk) -> list[str]:
    return [r for r in desk.central.requests if "/uploads" in r]


def test_a_file_within_one_chunk_goes_in_one_request(desk):
    uuid = desk.intake()[0]
    pages = [os.urandom(30_000 + i) for i in range(3)]
    atts = [
        desk.ctx.sync.attach(uuid, data, f"trang-{i}.pdf", "application/pdf")
        for i, data in enumerate(pages)
    ]
    report = desk.engine().run_once()
    assert report.completed and report.uploaded_bytes == sum(map(len, pages))
    assert _upload_requests(desk) == ["POST /uploads/single"] * 3
    assert all(desk.central.blobs[hashlib.sha256(d).hexdigest()] == d for d in pages)
    assert {_att(desk, a).upload_state for a in atts} == {"done"}
    assert {_att(desk, a).uploaded_offset for a in atts} == {len(d) for d in pages}


def test_an_older_central_without_single_uploads_gets_chunks(desk):
    desk.central.single_upload = False
    uuid = desk.intake()[0]
    atts = [
        desk.ctx.sync.attach(uuid, os.urandom(1000), f"p{i}.pdf", "application/pdf")
        for i in range(2)
    ]
    report = desk.engine().run_once()
    assert report.completed and report.uploaded_bytes == 2000
    # Tried (by the requests already in flight at most), then POST /uploads + PUT + complete.
    requests = _upload_requests(desk)
    assert 1 <= requests.count("POST /uploads/single") <= 2
    assert sorted(r for r in requests if not r.endswith("/single")) == sorted(
        r
        for a in atts
        for r in ("POST /uploads", f"PUT /uploads/u-{a}", f"POST /uploads/u-{a}/complete")
    )
    assert {_att(desk, a).upload_state for a in atts} == {"done"}


def test_a_single_upload_broken_mid_body_is_sent_again_next_pass(desk):
    _, att, data = _attach(desk, 20_000)
    desk.central.faults["chunk"].append("partial")
    first = desk.engine().run_once()
    assert first.offline and not first.completed
    assert _att(desk, att).upload_state == "pending"  # nothing was stored, nothing to resume
    second = desk.engine().run_once()
    assert second.completed and second.uploaded_bytes == 20_000
    assert desk.central.blobs[hashlib.sha256(data).hexdigest()] == data
    assert _att(desk, att).upload_state == "done"


def test_a_small_file_changed_on_disk_is_parked_unsent(desk):
    _, att, _ = _attach(desk, 1000)
    row = _att(desk, att)
    (desk.ctx.sync.attachments_dir / row.path).write_bytes(b"x" * 1000)  # same size
    desk.engine().run_once()
    assert "changed on disk" in _att(desk, att).last_error
    assert _upload_requests(desk) == []
