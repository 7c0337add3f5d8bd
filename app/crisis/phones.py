"""Phone numbers, validated and normalised with ``phonenumbers`` (libphonenumber's data).

Numbers are stored in E.164 (``+15035550101``); short codes that are valid where the
programme runs, such as 988 and 911, are stored as dialled. Numbers written without a
country code are read as US numbers: 42 CFR Part 2 and the 988 Lifeline are US-wide.
"""

from __future__ import annotations

from typing import Annotated

import phonenumbers
from phonenumbers import shortnumberinfo
from pydantic import AfterValidator, Field

DEFAULT_REGION = "US"


def normalise(raw: str) -> str:
    """``raw`` in E.164, or as a short code; ``ValueError`` when it is neither."""
    text = raw.strip()
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException as exc:
        raise ValueError("not a phone number") from exc
    if phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not text.startswith("+") and shortnumberinfo.is_valid_short_number_for_region(
        number, DEFAULT_REGION
    ):
        return str(number.national_number)
    raise ValueError("not a valid phone number")


Phone = Annotated[
    str,
    Field(min_length=2, max_length=32, examples=["(503) 555-0101", "+15035550101", "988"]),
    AfterValidator(normalise),
]
