"""Keyset pagination with opaque cursors: stable under inserts, no OFFSET scans."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import ColumnElement, Integer, Select, and_, literal, or_
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.core.errors import Unprocessable

T = TypeVar("T")
ModelT = TypeVar("ModelT")

DEFAULT_LIMIT = 50
MAX_LIMIT = 100

LimitParam = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (at most {MAX_LIMIT}).")
]
CursorParam = Annotated[
    str | None,
    Query(max_length=512, description="Opaque cursor from a previous page's `next_cursor`."),
]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"u": str(value)}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        if "t" in value:
            return datetime.fromisoformat(value["t"])
        if "d" in value:
            return date.fromisoformat(value["d"])
        if "u" in value:
            return uuid.UUID(value["u"])
    if isinstance(value, str | int | float) or value is None:
        return value
    raise ValueError("unexpected cursor value")


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, width: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(values, list) or len(values) != width:
            raise ValueError("wrong width")
        return [_decode_value(v) for v in values]
    except (ValueError, TypeError) as exc:
        raise Unprocessable("The cursor is not valid; start again without it.") from exc


def _after(keys: Sequence[tuple[InstrumentedAttribute[Any], bool]], values: list[Any]) -> Any:
    """The keyset condition "comes after `values`" for keys with mixed directions."""
    clauses: list[ColumnElement[bool]] = []
    for i, (column, descending) in enumerate(keys):
        equal_prefix = [keys[j][0] == values[j] for j in range(i)]
        step = column < values[i] if descending else column > values[i]
        clauses.append(and_(*equal_prefix, step))
    return or_(*clauses)


def paginate(
    session: Session,
    stmt: Select[ModelT],
    *,
    keys: Sequence[tuple[InstrumentedAttribute[Any], bool]],
    limit: int,
    cursor: str | None,
) -> tuple[list[ModelT], str | None]:
    """Fetch one page of ``stmt`` ordered by ``keys`` ((column, descending) pairs, the
    last one unique)."""
    rows = list(session.scalars(page_query(stmt, keys, limit, cursor)))
    return split_page(rows, keys, limit)


def page_query(
    stmt: Select[Any],
    keys: Sequence[tuple[InstrumentedAttribute[Any], bool]],
    limit: int,
    cursor: str | None,
) -> Select[Any]:
    """``stmt`` limited to the page after ``cursor`` (the first page without one), one
    row longer than the page, which ``split_page`` cuts off."""
    if cursor:
        stmt = stmt.where(_after(keys, decode_cursor(cursor, len(keys))))
    order = [column.desc() if descending else column.asc() for column, descending in keys]
    # One row more than the page: whether there is a next page, without a count. The
    # limit is written into the statement (at most MAX_LIMIT + 1 forms of it), so that a
    # plan PostgreSQL keeps for the statement knows how few rows are wanted.
    return stmt.order_by(*order).limit(literal(limit + 1, Integer, literal_execute=True))


def split_page(
    rows: list[T], keys: Sequence[tuple[InstrumentedAttribute[Any], bool]], limit: int
) -> tuple[list[T], str | None]:
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    return rows, encode_cursor([getattr(last, column.key) for column, _ in keys])
