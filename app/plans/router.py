"""Routes of the plans domain."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["plans"])
