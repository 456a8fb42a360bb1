"""Central's API against its own OpenAPI document, on the live server (SQLite and PostgreSQL).

Schemathesis's default checks, all of them: no 5xx; status code, content type, headers and body
as documented; schema-violating input refused, schema-valid input accepted; auth enforced.
Calls go as an enrolled desk's, with its device token.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from collections import Counter
from datetime import date, datetime, timedelta
from uuid import uuid4

import pytest
import schemathesis
from hypothesis import settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig
from schemathesis.transport.serialization import Binary

from hcc_central import admin
from hcc_core.domain.dossier_code import CodeScheme, make_lookup_pin
from tests.central.helpers import make_doc
from tests.central.helpers import op as make_op
from tests.central.live import Desk, LiveServer, desk_for

# What a schema-valid request may get (schemathesis's default list: 2xx, 3xx, 401, 403, 404,
# 409, 429, 5xx), plus 413 where a size is bounded by what the schema cannot say: a setting
# central publishes at GET /limits (max_attachment_bytes, chunk_bytes), or the size an upload
# declared when it started.
ACCEPTED_OR_TOO_LARGE = ["2xx", "3xx", "401", "403", "404", "409", "413", "429", "5xx"]
SIZE_BOUNDED = ["start_upload", "put_chunk"]
# A login of a user name that failed often enough is locked (423, guard.py): schema-valid,
# refused for what the schema cannot say.
ACCEPTED_OR_LOCKED = ["2xx", "3xx", "401", "403", "404", "409", "423", "429", "5xx"]
# A schema-violating request must be refused (schemathesis's list), or for a push of more ops
# than the schema's maxItems, 413 as documented ("more than MAX_PUSH_OPS ops"): too large.
REFUSED_OR_TOO_LARGE = [
    "400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx",
]  # fmt: skip
SUPERVISOR_PASSWORD = "mật-khẩu-giám-sát"
MAX_SIZE = 64 * 1024  # of a fitted attachment: within tests/central/conftest.py's limits
# Sequence numbers of the fuzz desk's codes. The desk outlives one test (module scope): a count
# restarting per test would mint codes it already pushed, and those pushes (and the uploads
# linked to them) would be rejected as code collisions.
SEQUENCE = itertools.count(1)


def config(token: str, session: str) -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "auth": {
                "openapi": {
                    "HTTPBearer": {"bearer": token},
                    "OfficerSession": {"api_key": session},  # a supervisor's, at this desk
                }
            },
            "request-timeout": 30,
            "operations": [
                *(
                    {
                        "include-operation-id": operation_id,
                        "checks": {"positive_data_acceptance": {"expected-statuses": statuses}},
                    }
                    for operation_id, statuses in [
                        *((op, ACCEPTED_OR_TOO_LARGE) for op in SIZE_BOUNDED),
                        ("login", ACCEPTED_OR_LOCKED),
                    ]
                ),
                {
                    "include-operation-id": "push",
                    "checks": {
                        "negative_data_rejection": {"expected-statuses": REFUSED_OR_TOO_LARGE}
                    },
                },
            ],
        }
    )


def matching_content(context, case):
    """A schema-valid single upload describes its own bytes: the schema cannot say that the
    query's ``size`` and ``sha256`` are those of the body, so valid cases are made so."""
    if (
        case.operation.definition.raw.get("operationId") == "single_upload"
        and case.meta is not None
        and case.meta.generation.mode is GenerationMode.POSITIVE
        and isinstance(case.body, Binary)
    ):
        data = case.body.data
        case.query = {**case.query, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return case


class FitToDesk:
    """Schema-valid pushes and uploads the desk could have made: each generated dossier gets a
    code of the desk's unit and slot, a PIN as the desk makes them, naive local times;
    attachments and uploads fit the limits. Without this every generated op is rejected (an
    unknown unit), most uploads are too large, and nothing of a pushed dossier (its lookup,
    its uploads) nor of a started upload (its chunks) is ever reached."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.scheme = CodeScheme(desk.unit, desk.slot, desk.code_slots)
        self.k = SEQUENCE  # shared by every test of the module: no code is minted twice
        self.rng = random.Random(0)
        # Hypothesis replays op ids and uuids: a replayed op (a duplicate) or dossier (an
        # update) keeps what it was first given, as the desk's would.
        self.uuid_of: dict[str, str] = {}
        self.ident: dict[str, dict[str, str]] = {}

    def __call__(self, context, case):
        if not (
            case.meta is not None
            and case.meta.generation.mode is GenerationMode.POSITIVE
            and isinstance(case.body, dict)
        ):
            return case
        operation = case.operation.definition.raw.get("operationId")
        if operation == "push":
            for op in case.body.get("ops", []):
                if isinstance(op, dict) and isinstance(op.get("payload"), dict):
                    self.fit(op)
            if isinstance(case.body.get("ops"), list) and case.body["ops"]:
                case.body["ops"][0] = self.desk_op()
        elif operation == "start_upload" and isinstance(case.body.get("size"), int):
            case.body["size"] = min(case.body["size"], MAX_SIZE)
        return case

    def desk_op(self) -> dict:
        """An op as the desk makes it, naming one attachment of real bytes: the links from a
        push follow its first op (uploads are taken only for attachments a pushed dossier
        names, docs/security.md), and generated first ops are mostly rejected."""
        data = self.rng.randbytes(self.rng.randint(1, 3000))
        att = {"uuid": str(uuid4()), "paper_position": None, "filename": "trang.pdf",
               "content_type": "application/pdf", "size": len(data),
               "sha256": hashlib.sha256(data).hexdigest()}  # fmt: skip
        yesterday = date.today() - timedelta(days=1)  # its hours are all past central's clock
        doc = make_doc(self.desk, k=next(self.k), day=yesterday, attachments=[att])
        return make_op(doc)

    def fit(self, op: dict) -> None:
        doc = op["payload"]
        now = datetime.now().replace(microsecond=0).isoformat()
        uuid = op["entity_uuid"] = self.uuid_of.setdefault(op["op_id"], doc["uuid"])
        if uuid not in self.ident:
            code = self.scheme.code(date.today(), next(self.k))
            self.ident[uuid] = {"uuid": uuid, "code": code, "lookup_pin": make_lookup_pin(self.rng)}
        doc.update(
            self.ident[uuid],
            unit_code=self.desk.unit,
            counter_slot=self.desk.slot,
            received_at=now,
            due_at=None,
        )
        # Central applies the desk's status machine to new events and takes them only from
        # its officers (docs/security.md): one intake step by the desk's officer.
        events = doc.get("events", [])
        del events[1:]
        for event in events:
            event.update(at=now, status=2, actor="demo")
        doc["status"] = 2
        # Central takes uploads only for attachments a pushed dossier names, with their size
        # and hash (docs/security.md): each pushed dossier names one, of real bytes, so its
        # link to start_upload starts an upload that chunks and completion then reach.
        data = self.rng.randbytes(self.rng.randint(1, 3000))
        named = {"filename": "trang.pdf", "content_type": "application/pdf", "size": len(data)}
        doc["attachments"] = [
            {**named, "uuid": str(uuid4()), "sha256": hashlib.sha256(data).hexdigest()}
        ]


@pytest.fixture(scope="module")
def fuzz_desk(central: LiveServer) -> tuple[Desk, str]:
    """A counter PC enrolled on this server: the calls go as the desk's would."""
    desk = desk_for(central)
    name = f"fuzz.{desk.centre_id}"
    central.write(
        admin.create_officer,
        username=name,
        full_name="Giám sát",
        role="supervisor",
        password=SUPERVISOR_PASSWORD,
        centre_id=desk.centre_id,
    )
    r = desk.http.post("/officers/login", json={"username": name, "password": SUPERVISOR_PASSWORD})
    desk.http.close()  # only its token, session and identity are used
    return desk, r.json()["session"]


@pytest.fixture
def api_schema(central: LiveServer, fuzz_desk: tuple[Desk, str]):
    desk, session = fuzz_desk
    schema = schemathesis.openapi.from_url(
        f"{central.base_url}/openapi.json", config=config(desk.token, session)
    )
    schema.hook("map_case")(matching_content)
    schema.hook("map_case")(FitToDesk(desk))
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None)
@pytest.mark.expect_log_warnings  # fuzzed logins lock names: a WARNING each
def test_api_conforms(case):
    case.call_and_validate()


LINKED = ["push", "start_upload", "put_chunk", "complete_upload", "public_status"]


def test_linked_calls_conform(api_schema):
    """Stateful: calls chained by the document's links, so uploads see real ids: a started
    upload's id and offset go to its chunks and completion, a pushed dossier's attachment to
    a started upload, its code and PIN to the public lookup. Every answer is checked as above,
    and the chains must really reach what only a real id or code reaches."""
    seen: Counter[tuple[str, int]] = Counter()
    # A push names attachments (papers[].digitised.attachment_uuid, protocol 3): schemathesis's
    # dependency analysis takes that for a foreign key to a resource no call makes, and then
    # never starts a chain with a push. It is where chains start: said so here.
    linked = api_schema.include(operation_id=LINKED)
    linked.analysis.dependency_graph.operations["POST /api/v1/sync/push"].inputs.clear()

    class Machine(linked.as_state_machine()):
        def after_call(self, response, case):
            super().after_call(response, case)
            seen[case.operation.definition.raw["operationId"], response.status_code] += 1

    Machine.run(settings=settings(max_examples=40, stateful_step_count=8, deadline=None))
    # 200 or 409 (resume from the offset): the call found the upload by the id a link gave.
    reached = [(op, status) for op in ("put_chunk", "complete_upload") for status in (200, 409)]
    found = sum(seen[key] for key in reached)
    assert found, f"no chunk or completion reached a started upload: {seen}"
    assert seen["public_status", 200], f"no pushed dossier was found by its code and PIN: {seen}"
