"""Routes of the assessments domain."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["assessments"])
