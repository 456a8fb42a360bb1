"""Write the intake JSON's schema (docs/intake-schema.json) from its pydantic model.

    python3 scripts/intake_schema.py [--check]

Run it after changing a field of ``hcc_desk.services.intake_json``; ``--check`` only says
whether the published file is current (exit 1 when it is not). A test checks the same.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hcc_desk.services.intake_json import json_schema_text  # noqa: E402

SCHEMA = ROOT / "docs" / "intake-schema.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args()
    text = json_schema_text()
    current = SCHEMA.read_text(encoding="utf-8") if SCHEMA.exists() else ""
    if args.check:
        print(f"{SCHEMA.name} is {'current' if current == text else 'OUT OF DATE'}")
        return 0 if current == text else 1
    SCHEMA.write_text(text, encoding="utf-8")
    print(f"wrote {SCHEMA}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
