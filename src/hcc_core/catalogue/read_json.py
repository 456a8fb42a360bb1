"""Read our JSON catalogue format (docs/catalogue-format.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .schema import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Parsed,
    RowError,
    agency_from_dict,
    check_duplicates,
    paper_from_dict,
    procedure_from_dict,
)


def read_json(path: Path) -> Parsed:
    parsed = Parsed([], [], [])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        parsed.errors.append(f"{path.name}: cannot read file ({err})")
        return parsed
    except json.JSONDecodeError as err:
        parsed.errors.append(
            f"{path.name}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})"
        )
        return parsed
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        parsed.errors.append(
            f'{path.name}: not an HCC Desk catalogue (needs "format": "{FORMAT_NAME}")'
        )
        return parsed
    if not isinstance(data.get("version"), int) or data["version"] > FORMAT_VERSION:
        parsed.errors.append(
            f"{path.name}: catalogue version {data.get('version')!r} is not "
            f"supported (this program reads up to {FORMAT_VERSION})"
        )
        return parsed
    _agencies(data.get("agencies") or [], parsed)
    labels = _procedures(data.get("procedures") or [], parsed)
    if not parsed.errors:
        check_duplicates(parsed, labels)
    return parsed


def _agencies(rows: list[Any], parsed: Parsed) -> None:
    for i, raw in enumerate(rows):
        try:
            parsed.agencies.append(agency_from_dict(_obj(raw)))
        except RowError as err:
            parsed.errors.append(f"agencies[{i}]: {err}")


def _procedures(rows: list[Any], parsed: Parsed) -> list[str]:
    labels = []
    for i, raw in enumerate(rows):
        label = f"procedures[{i}]"
        try:
            raw = _obj(raw)
            papers = []
            for j, paper in enumerate(raw.get("papers") or []):
                try:
                    papers.append(paper_from_dict(_obj(paper)))
                except RowError as err:
                    raise RowError(f"papers[{j}]: {err}") from None
            parsed.procedures.append(procedure_from_dict(raw, tuple(papers)))
            labels.append(label)
        except RowError as err:
            name = raw.get("name") if isinstance(raw, dict) else None
            parsed.errors.append(f"{label}{f' ({name})' if name else ''}: {err}")
    return labels


def _obj(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise RowError(f"expected an object, got {type(raw).__name__}")
    return raw
