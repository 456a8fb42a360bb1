"""Which agency steps are offered for a dossier in which status: one rule for the desk's return
desk and central's back office (docs/after-intake.md).

Narrower than the status machine on purpose (e.g. no "processing" for a result already at the
counter); the machine still has the last word when a step is recorded. Views and web pages
never keep their own copy: they ask ``allowed_steps`` / ``central_steps``.
"""

from __future__ import annotations

from .status import DossierStatus

_S = DossierStatus

# The steps in the order the return desk offers them (its buttons, the step dialog).
STEPS = (
    "transfer",
    "processing",
    "supplement",
    "supplement_received",
    "result_ready",
    "refusal",
    "apology",
)
STEP_STATES: dict[str, frozenset[DossierStatus]] = {
    "transfer": frozenset({_S.NEW, _S.PROCESSING, _S.INTEROPERATING}),
    "processing": frozenset({_S.NEW, _S.INTEROPERATING}),
    "supplement": frozenset({_S.RECEIVING, _S.NEW, _S.PROCESSING, _S.INTEROPERATING}),
    "supplement_received": frozenset({_S.WAITING_SUPPLEMENT}),
    "result_ready": frozenset(
        {_S.NEW, _S.PROCESSING, _S.INTEROPERATING, _S.WAITING_PAYMENT, _S.UNRESOLVED}
    ),
    "refusal": frozenset(
        {
            _S.RECEIVING,
            _S.NEW,
            _S.PROCESSING,
            _S.INTEROPERATING,
            _S.WAITING_SUPPLEMENT,
            _S.WAITING_PAYMENT,
        }
    ),
    "apology": frozenset({_S.NEW, _S.PROCESSING, _S.INTEROPERATING, _S.WAITING_PAYMENT}),
}

# Central's back office: the agency itself works there, so its rules differ in one place. A
# transfer (liên thông) there is always to another agency and moves the dossier to
# INTEROPERATING; from INTEROPERATING the receiving agency first takes it up ("processing"),
# so every transfer is one status change desks can pull.
CENTRAL_STEP_STATES: dict[str, frozenset[DossierStatus]] = {
    **STEP_STATES,
    "transfer": frozenset({_S.NEW, _S.PROCESSING}),
}


def allowed_steps(status: int, handed_back: bool) -> tuple[str, ...]:
    """The steps to offer for a dossier in ``status`` (none once the result was handed back)."""
    if handed_back:
        return ()
    current = DossierStatus(status)
    return tuple(step for step in STEPS if current in STEP_STATES[step])


def central_steps(status: int) -> tuple[str, ...]:
    """The steps central's back office offers an agency for a dossier in ``status``."""
    current = DossierStatus(status)
    return tuple(step for step in STEPS if current in CENTRAL_STEP_STATES[step])
