"""The risk level of a check-in: one pure function, the single source of these rules.

The levels, from most to least urgent (the first that matches wins):

crisis
    - the participant asks to be contacted while at mood 1 or craving 9 or more;
    - or reports use with mood 1 and craving 8 or more.
high
    - mood 1; or craving 8 or more;
    - or use reported together with craving 7 or more or mood 2 or less;
    - or a request for contact at mood 2 or less.
elevated
    - any reported use (a return to use is when overdose risk is greatest, not a failure);
    - craving 5 or more; mood 2 or less; a request for contact;
    - sleep under 4 or over 12 hours, when given.
low
    - none of the above.

Worse answers never lower the level: a lower mood, a higher craving, reported use or a
request for contact can only keep or raise it. High and crisis check-ins are the ones the
crisis side turns into alerts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RiskLevel = Literal["low", "elevated", "high", "crisis"]
LEVELS: tuple[RiskLevel, ...] = ("low", "elevated", "high", "crisis")


@dataclass(frozen=True)
class CheckInAnswers:
    mood: int  # 1 (very low) .. 5 (very good)
    craving: int  # 0 (none) .. 10 (overwhelming)
    used_since_last: bool
    wants_contact: bool
    sleep_hours: float | None = None


@dataclass(frozen=True)
class RiskAssessment:
    level: RiskLevel
    reasons: tuple[str, ...]


def assess_risk(answers: CheckInAnswers) -> RiskAssessment:
    a = answers
    crisis = [
        reason
        for condition, reason in (
            (a.wants_contact and a.mood == 1, "asked for contact at the lowest mood"),
            (a.wants_contact and a.craving >= 9, "asked for contact with overwhelming craving"),
            (
                a.used_since_last and a.mood == 1 and a.craving >= 8,
                "reported use with the lowest mood and strong craving",
            ),
        )
        if condition
    ]
    if crisis:
        return RiskAssessment("crisis", tuple(crisis))

    high = [
        reason
        for condition, reason in (
            (a.mood == 1, "lowest mood"),
            (a.craving >= 8, "strong craving"),
            (a.used_since_last and a.craving >= 7, "reported use with strong craving"),
            (a.used_since_last and a.mood <= 2, "reported use with low mood"),
            (a.wants_contact and a.mood <= 2, "asked for contact with low mood"),
        )
        if condition
    ]
    if high:
        return RiskAssessment("high", tuple(high))

    sleep_out_of_range = a.sleep_hours is not None and not 4 <= a.sleep_hours <= 12
    elevated = [
        reason
        for condition, reason in (
            (a.used_since_last, "reported use"),
            (a.craving >= 5, "moderate craving"),
            (a.mood <= 2, "low mood"),
            (a.wants_contact, "asked for contact"),
            (sleep_out_of_range, "very short or very long sleep"),
        )
        if condition
    ]
    if elevated:
        return RiskAssessment("elevated", tuple(elevated))
    return RiskAssessment("low", ())


def most_urgent(levels: list[str]) -> RiskLevel | None:
    """The most urgent of several levels (a day's check-ins), or None for none."""
    known: list[RiskLevel] = [level for level in LEVELS if level in levels]
    return known[-1] if known else None
