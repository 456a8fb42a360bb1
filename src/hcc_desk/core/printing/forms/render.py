"""One entry point for the per-dossier forms: pick the renderer by the data's type."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hcc_desk.core.printing.forms.apology import render_apology_pdf
from hcc_desk.core.printing.forms.common import Out
from hcc_desk.core.printing.forms.control import render_control_pdf
from hcc_desk.core.printing.forms.data import (
    ApologyData,
    ControlData,
    FormSet,
    RefusalData,
    ResultSlipData,
    StopData,
    SupplementData,
)
from hcc_desk.core.printing.forms.refusal import render_refusal_pdf
from hcc_desk.core.printing.forms.result import render_result_pdf
from hcc_desk.core.printing.forms.stop import render_stop_pdf
from hcc_desk.core.printing.forms.supplement import render_supplement_pdf
from hcc_desk.core.printing.forms.templates import Template, template_for

FormData = SupplementData | RefusalData | StopData | ApologyData | ControlData | ResultSlipData

_RENDERERS: dict[type, tuple[str, Any]] = {
    SupplementData: ("supplement", render_supplement_pdf),
    RefusalData: ("refusal", render_refusal_pdf),
    StopData: ("stop", render_stop_pdf),
    ApologyData: ("apology", render_apology_pdf),
    ControlData: ("control", render_control_pdf),
    ResultSlipData: ("result", render_result_pdf),
}


def kind_of(data: FormData) -> str:
    return _RENDERERS[type(data)][0]


def form_template(
    data: FormData, form_set: FormSet, overrides: Mapping[str, Any] | None = None
) -> Template:
    return template_for(kind_of(data), form_set, overrides)


def render_form(
    data: FormData,
    out: Out,
    *,
    paper: str = "A4",
    form_set: FormSet = FormSet.TT01_2018,
    overrides: Mapping[str, Any] | None = None,
) -> None:
    """Write the PDF of ``data`` (its form chosen by type) under ``form_set``'s templates."""
    kind, renderer = _RENDERERS[type(data)]
    renderer(
        data, out, paper=paper, form_set=form_set, template=template_for(kind, form_set, overrides)
    )
