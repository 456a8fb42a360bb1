"""The simulator's applicants pass the intake screen's own validation, and a seed repeats them."""

from __future__ import annotations

import random
from datetime import date

from hcc_desk.services.intake_validation import validate_request
from hcc_desk.sim.people import People


def test_generated_requests_are_valid_and_varied():
    people = People(random.Random(5), today=date(2026, 11, 25))
    requests = [people.request("1.001456", has_papers=i % 2 == 0) for i in range(400)]
    for req in requests:
        _, errors = validate_request(req, lambda ref: True, date(2026, 11, 25))
        assert errors == [], (req, errors)
    assert any(r.applicant_kind == "organisation" for r in requests)
    assert any(r.delivery_method == "post" for r in requests)
    family = [r.submitter.full_name.split()[0] for r in requests]
    assert 0.25 < family.count("Nguyễn") / len(family) < 0.5  # the real skew, roughly


def test_same_seed_same_people():
    a, b = People(random.Random("x")), People(random.Random("x"))
    assert [a.person() for _ in range(5)] == [b.person() for _ in range(5)]
