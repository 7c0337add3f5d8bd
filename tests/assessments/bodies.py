"""Request bodies for the assessments tests."""

from __future__ import annotations

from typing import Any

# Hand-computed: 5*6 + 4*4 = 46, one short of the threshold.
JUST_BELOW_THRESHOLD = [5, 5, 5, 5, 5, 5, 4, 4, 4, 4]

Body = dict[str, Any]


def barc10(responses: list[Any] | None = None, **extra: Any) -> Body:
    return {
        "instrument": "barc10",
        "responses": JUST_BELOW_THRESHOLD if responses is None else responses,
        **extra,
    }


def cssrs(*, administered_at: str | None = None, **answers: Any) -> Body:
    """A screen answered no throughout unless ``answers`` says otherwise."""
    responses: dict[str, Any] = {"wish_dead": False, "suicidal_thoughts": False, "behavior": False}
    responses.update(answers)
    body: Body = {"instrument": "cssrs_screen", "responses": responses}
    if administered_at is not None:
        body["administered_at"] = administered_at
    return body
