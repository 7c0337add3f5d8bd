"""The instruments' content and scoring rules: BARC-10 and the C-SSRS screener.

Pure functions over plain values, with no database or HTTP, so the rules can be read in
one place and tested exhaustively. The request schemas, the service and the instrument
definitions served to the web UI all take their rules and wording from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Instrument = Literal["barc10", "cssrs_screen"]
Risk = Literal["low", "moderate", "high"]

INSTRUMENTS: tuple[Instrument, ...] = ("barc10", "cssrs_screen")
RISK_LEVELS: tuple[Risk, ...] = ("low", "moderate", "high")


class InvalidResponses(ValueError):
    """The answers are incomplete, out of range, or contradict the instrument's rules."""


# --- BARC-10 -------------------------------------------------------------------------

BARC10_NAME = "Brief Assessment of Recovery Capital (BARC-10)"
BARC10_CITATION = (
    "Vilsaint CL, Kelly JF, Bergman BG, Groshkova T, Best D, White W. Development and "
    "validation of a Brief Assessment of Recovery Capital (BARC-10) for alcohol and drug "
    "use disorder. Drug and Alcohol Dependence. 2017;177:71-76."
)
BARC10_ITEMS: tuple[str, ...] = (
    "There are more important things to me in life than using substances.",
    "In general I am happy with my life.",
    "I have enough energy to complete the tasks I set myself.",
    "I am proud of the community I live in and feel a part of it.",
    "I get lots of support from friends.",
    "I regard my life as challenging and fulfilling without the need for using drugs or alcohol.",
    "My living space has helped to drive my recovery journey.",
    "I take full responsibility for my actions.",
    "I am happy dealing with a range of professional people.",
    "I am making good progress on my recovery journey.",
)
BARC10_SCALE: tuple[tuple[int, str], ...] = (
    (1, "Strongly disagree"),
    (2, "Disagree"),
    (3, "Somewhat disagree"),
    (4, "Somewhat agree"),
    (5, "Agree"),
    (6, "Strongly agree"),
)
BARC10_ITEM_COUNT = len(BARC10_ITEMS)
BARC10_MIN_ANSWER = BARC10_SCALE[0][0]
BARC10_MAX_ANSWER = BARC10_SCALE[-1][0]
BARC10_MIN_TOTAL = BARC10_ITEM_COUNT * BARC10_MIN_ANSWER
BARC10_MAX_TOTAL = BARC10_ITEM_COUNT * BARC10_MAX_ANSWER
# Vilsaint et al. found 47 or more separates sustained remission; it is a marker of strong
# recovery capital, not a diagnosis, so it is reported as a flag beside the total.
BARC10_THRESHOLD = 47


@dataclass(frozen=True)
class Barc10Score:
    total: int
    meets_threshold: bool


def score_barc10(responses: object) -> Barc10Score:
    """Total and threshold flag of ten answers given in item order.

    The published instrument has no subscales and no missing-item rule, so anything but
    exactly ten answers on the 1-6 scale is refused rather than prorated.
    """
    if not isinstance(responses, Sequence) or isinstance(responses, str | bytes):
        raise InvalidResponses(f"BARC-10 takes a list of {BARC10_ITEM_COUNT} answers.")
    if len(responses) != BARC10_ITEM_COUNT:
        raise InvalidResponses(
            f"BARC-10 takes exactly {BARC10_ITEM_COUNT} answers, one per item in order; "
            f"{len(responses)} were given."
        )
    for number, answer in enumerate(responses, start=1):
        # bool is a subclass of int: True would otherwise count as "strongly disagree".
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise InvalidResponses(f"BARC-10 item {number} must be a whole number.")
        if not BARC10_MIN_ANSWER <= answer <= BARC10_MAX_ANSWER:
            raise InvalidResponses(
                f"BARC-10 item {number} must be between {BARC10_MIN_ANSWER} and "
                f"{BARC10_MAX_ANSWER}."
            )
    total = sum(responses)
    return Barc10Score(total=total, meets_threshold=total >= BARC10_THRESHOLD)


# --- C-SSRS screener -----------------------------------------------------------------

CSSRS_NAME = "Columbia-Suicide Severity Rating Scale (C-SSRS), screener"
CSSRS_CITATION = (
    "Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide Severity Rating Scale. "
    "American Journal of Psychiatry. 2011;168(12):1266-1277. Screener version, "
    "The Columbia Lighthouse Project."
)

CssrsKey = Literal[
    "wish_dead", "suicidal_thoughts", "method", "intent", "plan", "behavior", "behavior_recent"
]
Period = Literal["past_month", "lifetime", "past_3_months"]


@dataclass(frozen=True)
class AskedWhen:
    """A question is asked only when an earlier one got this answer."""

    key: CssrsKey
    answer: bool


@dataclass(frozen=True)
class CssrsQuestion:
    key: CssrsKey
    number: str
    text: str
    period: Period
    asked_when: AskedWhen | None = None


_AFTER_THOUGHTS = AskedWhen(key="suicidal_thoughts", answer=True)

# In asking order; a question's condition always names an earlier question, which is
# what lets the skip logic be checked in one pass.
CSSRS_QUESTIONS: tuple[CssrsQuestion, ...] = (
    CssrsQuestion(
        "wish_dead",
        "1",
        "Have you wished you were dead or wished you could go to sleep and not wake up?",
        "past_month",
    ),
    CssrsQuestion(
        "suicidal_thoughts",
        "2",
        "Have you actually had any thoughts of killing yourself?",
        "past_month",
    ),
    CssrsQuestion(
        "method",
        "3",
        "Have you been thinking about how you might do this?",
        "past_month",
        _AFTER_THOUGHTS,
    ),
    CssrsQuestion(
        "intent",
        "4",
        "Have you had these thoughts and had some intention of acting on them?",
        "past_month",
        _AFTER_THOUGHTS,
    ),
    CssrsQuestion(
        "plan",
        "5",
        "Have you started to work out or worked out the details of how to kill yourself? "
        "Do you intend to carry out this plan?",
        "past_month",
        _AFTER_THOUGHTS,
    ),
    CssrsQuestion(
        "behavior",
        "6",
        "Have you ever done anything, started to do anything, or prepared to do anything "
        "to end your life?",
        "lifetime",
    ),
    CssrsQuestion(
        "behavior_recent",
        "6a",
        "Was this within the past 3 months?",
        "past_3_months",
        AskedWhen(key="behavior", answer=True),
    ),
)
CSSRS_KEYS: tuple[CssrsKey, ...] = tuple(question.key for question in CSSRS_QUESTIONS)

# The triage rules in words, for the web UI; ``triage_cssrs`` is their implementation.
CSSRS_TRIAGE: tuple[tuple[Risk, str], ...] = (
    ("high", "Yes to question 4 or 5, or behaviour within the past 3 months."),
    ("moderate", "Yes to question 3, or behaviour more than 3 months ago."),
    ("low", "Any other answers, including yes to question 1 or 2 alone."),
)


def check_cssrs_skip_logic(answers: Mapping[str, object]) -> dict[CssrsKey, bool]:
    """The answers, when each question asked was answered yes or no and no question that
    the skip logic leaves out was answered. An unanswered question is an absent key."""
    unknown = sorted(set(answers) - set(CSSRS_KEYS))
    if unknown:
        raise InvalidResponses(f"The C-SSRS screener has no question {', '.join(unknown)}.")
    checked: dict[CssrsKey, bool] = {}
    for question in CSSRS_QUESTIONS:
        condition = question.asked_when
        asked = condition is None or checked.get(condition.key) is condition.answer
        answer = answers.get(question.key)
        if not asked:
            if question.key in answers:
                assert condition is not None  # only conditional questions can be skipped
                raise InvalidResponses(
                    f"{question.key} is asked only when {condition.key} is "
                    f"{'yes' if condition.answer else 'no'}; leave it out."
                )
            continue
        if not isinstance(answer, bool):
            reason = "" if condition is None else f" when {condition.key} is yes"
            raise InvalidResponses(f"{question.key} must be answered yes or no{reason}.")
        checked[question.key] = answer
    return checked


def triage_cssrs(answers: Mapping[str, object]) -> Risk:
    """The screener's triage level. Intent, a plan or recent behaviour means imminent
    risk; a method in mind or past behaviour, moderate; ideation alone, low."""
    checked = check_cssrs_skip_logic(answers)
    if checked.get("intent") or checked.get("plan") or checked.get("behavior_recent"):
        return "high"
    if checked.get("method") or checked["behavior"]:
        return "moderate"
    return "low"


# --- Both ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """What an instrument derives from its answers; fields another instrument does not
    produce are None."""

    total: int | None = None
    meets_threshold: bool | None = None
    risk: Risk | None = None


def score(instrument: Instrument, responses: object) -> Score:
    if instrument == "barc10":
        barc10 = score_barc10(responses)
        return Score(total=barc10.total, meets_threshold=barc10.meets_threshold)
    if not isinstance(responses, Mapping):
        raise InvalidResponses("The C-SSRS screener takes an object of yes/no answers.")
    return Score(risk=triage_cssrs(responses))
