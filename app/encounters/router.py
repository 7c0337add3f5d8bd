"""Routes of the encounters domain."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["encounters"])
