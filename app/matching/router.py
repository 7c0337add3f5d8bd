"""Routes of the matching domain."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["matching"])
