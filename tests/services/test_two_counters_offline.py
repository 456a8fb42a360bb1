"""Two counters of one unit, each with its own database and no network, never share a code."""

from datetime import datetime

from hcc_core.domain.dossier_code import parse_code
from hcc_desk.app import open_context
from hcc_desk.services.intake_request import IntakeRequest, PersonInput
from hcc_desk.services.setup import demo_input


def _desk(path, slot):
    ctx = open_context(path)
    data = demo_input()
    data.counter_slot, data.counter_name = slot, f"Quầy {slot:02d}"
    ctx.setup._create(data)  # the demo centre, but this PC holds its own counter slot
    return ctx


def test_two_offline_counters_never_issue_the_same_code(tmp_path):
    a, b = _desk(tmp_path / "a", 1), _desk(tmp_path / "b", 2)
    try:
        codes = {1: [], 2: []}
        for i in range(60):
            at = datetime(2026, 11, 25, 8, 0, i % 60)
            for slot, ctx in ((1, a), (2, b)):
                req = IntakeRequest(
                    procedure_code="1.001456",
                    received_at=at,
                    submitter=PersonInput(full_name=f"Người nộp {i}", id_number="046185012345"),
                )
                codes[slot].append(ctx.intake.submit(req, "demo").code)
        assert not set(codes[1]) & set(codes[2])
        assert len(set(codes[1])) == len(set(codes[2])) == 60
        for slot, issued in codes.items():
            seqs = [parse_code(c).seq for c in issued]
            assert all(s % 20 == slot for s in seqs)  # slot s owns s, s+20, s+40, ...
            assert seqs == sorted(seqs)
    finally:
        a.close(), b.close()


def test_concurrent_processes_on_one_desk_get_distinct_codes(tmp_path):
    import subprocess
    import sys

    ctx = open_context(tmp_path / "desk")
    ctx.setup.create_demo()
    ctx.close()
    script = (
        "import sys\n"
        "from datetime import datetime\n"
        "from hcc_desk.app import open_context\n"
        "from hcc_desk.services.intake_request import IntakeRequest, PersonInput\n"
        "ctx = open_context(sys.argv[1])\n"
        "for i in range(15):\n"
        "    r = IntakeRequest(procedure_code='1.001456', received_at=datetime(2026,11,25,9),\n"
        "        submitter=PersonInput(full_name='A', id_number='046185012345'))\n"
        "    print(ctx.intake.submit(r, 'demo').code)\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path / "desk")],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [p.communicate(timeout=120)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    issued = [c for out in outputs for c in out]
    assert len(issued) == 45 and len(set(issued)) == 45
