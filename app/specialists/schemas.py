"""Specialist profiles as staff read them."""

from __future__ import annotations

import uuid

from app.core.schemas import ReadModel


class SpecialistRead(ReadModel):
    id: uuid.UUID
    user_id: uuid.UUID
    display_name: str
    max_caseload: int
    accepting_new: bool
    active_caseload: int
