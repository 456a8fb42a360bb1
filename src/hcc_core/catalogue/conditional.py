"""Papers of a procedure that are needed only in some cases.

Published paper lists mix papers every applicant brings with papers for a case ("… trong trường
hợp ủy quyền", "… (nếu có)", "… đối với công ty hợp danh"). "Received all" at the counter must
tick only the first kind: the officer ticks a conditional paper when the applicant's case needs
it and hands it in.
"""

from __future__ import annotations

import re

from hcc_core.domain.text import fold

# Matched on the accent-free, lower-case name and note.
_CONDITIONAL = re.compile(r"\bneu co\b|\bneu\b.*\bthi\b|\btruong hop\b|\bdoi voi\b|\bkhi co\b")


def is_conditional(name: str, note: str | None = None) -> bool:
    return bool(_CONDITIONAL.search(fold(f"{name} {note or ''}")))
