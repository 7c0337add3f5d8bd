"""Base classes for request and response bodies."""

from __future__ import annotations

import re
import types
from datetime import UTC, date, datetime
from functools import cache
from typing import Annotated, Any, ClassVar, Self, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    ValidationError,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, InitErrorDetails, PydanticCustomError


class InputModel(BaseModel):
    """Request bodies refuse unknown fields, so a typo is an error and not silently lost.

    They also take each value only in the JSON type their schema names. Pydantic's lax
    mode would read ``0`` as ``false``, ``false`` as ``0`` and a number as a Unix time;
    a client sending those has a bug, and the answer says so instead of guessing.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    # Fields a change (PATCH) may leave out, which keeps them, but may not send as null,
    # which would erase something the record cannot be without. The schema says so too.
    never_null: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="after")
    def _never_null(self) -> Self:
        for name in self.never_null:
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(core_schema)
        properties = handler.resolve_ref_schema(json_schema).get("properties", {})
        for field in properties.values():
            _say_blank_is_empty(field)
        for name in cls.never_null:
            field = properties[name]
            kinds = [kind for kind in field.pop("anyOf", []) if kind != {"type": "null"}]
            if len(kinds) == 1:
                field.update(kinds[0])
            elif kinds:
                field["anyOf"] = kinds
            if field.get("default", ...) is None:
                del field["default"]
        return json_schema

    @model_validator(mode="before")
    @classmethod
    def _json_types(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        errors: list[InitErrorDetails] = []
        for key, kinds in _scalar_fields(cls).items():
            if key in data and not any(_is_kind(data[key], kind) for kind in kinds):
                expected = " or ".join(sorted(kinds))
                errors.append(
                    {
                        "type": PydanticCustomError("json_type", f"expected {expected}"),
                        "loc": (key,),
                        "input": data[key],
                    }
                )
        for key, value in data.items():
            if _holds_nul(value):
                # PostgreSQL cannot store it in text, and no person types it.
                errors.append(
                    {
                        "type": PydanticCustomError("text_nul", "text cannot contain U+0000"),
                        "loc": (key,),
                        "input": "",
                    }
                )
        if errors:
            raise ValidationError.from_exception_data(cls.__name__, errors)
        return data


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list):
        return any(_holds_nul(item) for item in value)
    if isinstance(value, dict):
        return any(_holds_nul(key) or _holds_nul(item) for key, item in value.items())
    return False


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# Some character that stripping keeps. Pydantic strips Unicode's White_Space, which is not
# the same set as a JSON Schema (ECMAScript) \s: that lacks U+0085 and adds U+FEFF.
_NOT_ONLY_SPACE = (
    "[^\\t\\n\\u000b\\u000c\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a"
    "\\u2028\\u2029\\u202f\\u205f\\u3000]"
)


def _say_blank_is_empty(schema: dict[str, Any]) -> None:
    """Text is stripped before its length is checked, so text that must not be empty must
    hold something other than whitespace: the schema says so with a pattern."""
    if schema.get("type") == "string" and schema.get("minLength", 0) >= 1:
        schema.setdefault("pattern", _NOT_ONLY_SPACE)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            _say_blank_is_empty(schema[key])
    for alternative in schema.get("anyOf", []):
        _say_blank_is_empty(alternative)


_KIND_OF: dict[Any, str] = {
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    datetime: "an ISO 8601 date-time",
    AwareDatetime: "an ISO 8601 date-time",
    date: "an ISO 8601 date",
    type(None): "null",
}


@cache
def _scalar_fields(model: type[BaseModel]) -> dict[str, frozenset[str]]:
    """The JSON kinds each boolean, number or date field of ``model`` accepts, by key."""
    found = {}
    for name, field in model.model_fields.items():
        kinds = _json_kinds(field.annotation)
        if kinds is not None:
            found[field.alias or name] = kinds
    return found


def _json_kinds(annotation: Any) -> frozenset[str] | None:
    """The JSON kinds a field of this annotation accepts, or None when it is not only
    booleans, numbers, dates and null (strings, lists, models: pydantic checks those)."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    members = get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else ()
    kinds = set()
    for member in members or (annotation,):
        while get_origin(member) is Annotated:
            member = get_args(member)[0]
        if member not in _KIND_OF:
            return None
        kinds.add(_KIND_OF[member])
    return frozenset(kinds)


def _is_kind(value: Any, kind: str) -> bool:
    if kind == "a boolean":
        return isinstance(value, bool)
    if kind == "an integer":  # JSON Schema counts 4.0 as an integer too
        if isinstance(value, float):
            return value.is_integer()
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "a number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "null":
        return value is None
    return _is_date_text(value)


# Pydantic reads a number, or text that is one, as a Unix time.
_NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")


def _is_date_text(value: Any) -> bool:
    """A date or date-time already parsed, or text pydantic will parse as ISO 8601."""
    if isinstance(value, date):  # a datetime is a date too
        return True
    return isinstance(value, str) and _NUMBER.fullmatch(value) is None


def json_integer(value: Any) -> Any:
    """A ``BeforeValidator`` for integers inside lists, which ``InputModel`` does not see:
    a JSON integer (4 or 4.0), never a boolean or text."""
    if not _is_kind(value, "an integer"):
        raise PydanticCustomError("json_type", "expected an integer")
    return value


def _iso_8601(value: Any) -> Any:
    if not _is_date_text(value):
        raise ValueError("expected an ISO 8601 date-time")
    return value


def _in_utc(value: datetime) -> datetime:
    # A year-1 time with a positive offset has no UTC equivalent; say so instead of
    # failing later when it is stored.
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("the time is out of range") from exc


Instant = Annotated[
    AwareDatetime,
    BeforeValidator(_iso_8601),  # also for query parameters, which the model check misses
    AfterValidator(_in_utc),
    Field(description="ISO 8601 with a time zone offset; stored and returned in UTC."),
]
