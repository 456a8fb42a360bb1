"""What the OpenAPI document declares beyond the routes' own types: error answers and links.

Every route lists each error status it can answer with and the body it carries, so a client
(and the contract test, tests/central/test_central_schemathesis.py) can rely on the document.
Links say where a value an answer gives is used next (an upload id into its chunks).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class FieldError(BaseModel):
    """One invalid input, as FastAPI reports it."""

    loc: list[str | int]
    msg: str
    type: str


class ApiError(BaseModel):
    """``{"detail": message}``; for input FastAPI found invalid, the list of what is wrong."""

    detail: str | list[FieldError]


# A route's `responses=`: status (or "default") → what the answer carries.
Responses = dict[int | str, dict[str, Any]]


def err(description: str) -> dict[str, Any]:
    return {"model": ApiError, "description": description}


UNAUTHORISED: Responses = {401: err("missing, unknown or revoked device token")}
# FastAPI answers 400 for a JSON body it cannot decode (not UTF-8), before the route runs.
JSON_BODY: Responses = {400: err("the body is not UTF-8 JSON")}


def link(
    operation_id: str, body: dict[str, str] | None = None, **parameters: str
) -> dict[str, Any]:
    """An OpenAPI link to ``operation_id``: its parameters (and body fields) taken from this
    call by runtime expressions (``$response.body#/upload_id``, ``$request.path.upload_id``)."""
    found: dict[str, Any] = {"operationId": operation_id, "parameters": parameters}
    if body:
        found["requestBody"] = body
    return found
