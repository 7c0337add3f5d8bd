"""Base classes for request and response bodies."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field


class InputModel(BaseModel):
    """Request bodies refuse unknown fields, so a typo is an error and not silently lost."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _in_utc(value: datetime) -> datetime:
    # A year-1 time with a positive offset has no UTC equivalent; say so instead of
    # failing later when it is stored.
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("the time is out of range") from exc


Instant = Annotated[
    AwareDatetime,
    AfterValidator(_in_utc),
    Field(description="ISO 8601 with a time zone offset; stored and returned in UTC."),
]
