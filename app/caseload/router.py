"""Routes of the caseload domain."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["caseload"])
