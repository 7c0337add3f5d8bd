"""Assessment bodies: one request shape per instrument, the stored result, its trend, and
the instrument definitions the web UI renders its forms from."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field, StrictBool, field_validator, model_validator
from pydantic_core import PydanticCustomError

from app.assessments import scoring
from app.assessments.scoring import Instrument, Risk
from app.core.base import utcnow
from app.core.schemas import InputModel, Instant, ReadModel, json_integer

# Device clocks run a little fast; a self-report stamped by one must not bounce forever.
CLOCK_SKEW = timedelta(minutes=5)

Barc10Answer = Annotated[
    int,
    Field(ge=scoring.BARC10_MIN_ANSWER, le=scoring.BARC10_MAX_ANSWER),
    BeforeValidator(json_integer),
]
Barc10Responses = Annotated[
    list[Barc10Answer],
    Field(
        min_length=scoring.BARC10_ITEM_COUNT,
        max_length=scoring.BARC10_ITEM_COUNT,
        description="The ten answers in item order, each 1 (strongly disagree) to 6 "
        "(strongly agree).",
    ),
]


class _AssessmentCreateBase(InputModel):
    administered_at: Instant | None = Field(
        default=None, description="When the instrument was completed; defaults to now."
    )

    @field_validator("administered_at")
    @classmethod
    def _not_in_future(cls, value: datetime | None) -> datetime | None:
        if value is not None and value > utcnow() + CLOCK_SKEW:
            raise ValueError("an assessment cannot be administered in the future")
        return value


class Barc10Create(_AssessmentCreateBase):
    instrument: Literal["barc10"]
    responses: Barc10Responses

    @model_validator(mode="after")
    def _scorable(self) -> Barc10Create:
        # The field constraints already say the same; scoring stays the one authority.
        try:
            scoring.score_barc10(self.responses)
        except scoring.InvalidResponses as exc:
            raise PydanticCustomError("barc10", str(exc)) from exc
        return self

    def answers(self) -> list[int]:
        """The answers as stored."""
        return list(self.responses)


class CssrsResponses(InputModel):
    """Yes/no answers. ``method``, ``intent`` and ``plan`` are given only when
    ``suicidal_thoughts`` is yes, ``behavior_recent`` only when ``behavior`` is yes;
    null means "not asked"."""

    wish_dead: StrictBool
    suicidal_thoughts: StrictBool
    method: StrictBool | None = None
    intent: StrictBool | None = None
    plan: StrictBool | None = None
    behavior: StrictBool
    behavior_recent: StrictBool | None = None

    @model_validator(mode="after")
    def _follows_skip_logic(self) -> CssrsResponses:
        try:
            scoring.check_cssrs_skip_logic(self.answers())
        except scoring.InvalidResponses as exc:
            raise PydanticCustomError("cssrs_skip_logic", str(exc)) from exc
        return self

    def answers(self) -> dict[str, bool]:
        """The questions asked and their answers, as stored."""
        return self.model_dump(exclude_none=True)


class CssrsCreate(_AssessmentCreateBase):
    instrument: Literal["cssrs_screen"]
    responses: CssrsResponses

    def answers(self) -> dict[str, bool]:
        return self.responses.answers()


AssessmentCreate = Annotated[Barc10Create | CssrsCreate, Field(discriminator="instrument")]


class AssessmentRead(ReadModel):
    id: uuid.UUID
    participant_id: uuid.UUID
    instrument: Instrument
    responses: list[int] | dict[str, bool]
    total: int | None = Field(description="BARC-10 only: the sum of the ten answers, 10-60.")
    meets_threshold: bool | None = Field(
        description="BARC-10 only: total of 47 or more (strong recovery capital)."
    )
    risk: Risk | None = Field(description="C-SSRS screener only: the triage level.")
    administered_at: datetime
    administered_by_user_id: uuid.UUID | None
    created_at: datetime


class Barc10Latest(BaseModel):
    """A participant's most recent BARC-10, for lists that show many participants."""

    assessment_id: uuid.UUID
    administered_at: datetime
    total: int
    meets_threshold: bool


# --- Trend ---------------------------------------------------------------------------


class Barc10Point(BaseModel):
    administered_at: datetime
    total: int
    meets_threshold: bool


class Barc10TrendSummary(BaseModel):
    count: int
    first_total: int | None
    latest_total: int | None
    change: int | None = Field(description="Latest total minus first total.")
    latest_meets_threshold: bool | None


class Barc10Trend(BaseModel):
    instrument: Literal["barc10"] = "barc10"
    points: list[Barc10Point] = Field(description="Oldest first.")
    summary: Barc10TrendSummary


class CssrsPoint(BaseModel):
    administered_at: datetime
    risk: Risk


class CssrsTrendSummary(BaseModel):
    count: int
    latest_risk: Risk | None
    high_count: int = Field(description="How many screens in the series found high risk.")


class CssrsTrend(BaseModel):
    instrument: Literal["cssrs_screen"] = "cssrs_screen"
    points: list[CssrsPoint] = Field(description="Oldest first.")
    summary: CssrsTrendSummary


AssessmentTrend = Annotated[Barc10Trend | CssrsTrend, Field(discriminator="instrument")]


# --- Instrument definitions ----------------------------------------------------------


class ScalePoint(BaseModel):
    value: int
    label: str


class Barc10Item(BaseModel):
    number: int
    text: str


class Barc10Definition(BaseModel):
    instrument: Literal["barc10"] = "barc10"
    name: str
    citation: str
    items: list[Barc10Item]
    scale: list[ScalePoint]
    total_min: int
    total_max: int
    threshold: int = Field(description="A total at or above this is flagged.")


class CssrsCondition(BaseModel):
    key: str
    answer: bool


class CssrsQuestionDefinition(BaseModel):
    key: str
    number: str
    text: str
    period: scoring.Period
    asked_when: CssrsCondition | None = Field(
        description="Ask (and send) this question only when an earlier one got this answer."
    )


class CssrsTriageRule(BaseModel):
    risk: Risk
    rule: str


class CssrsDefinition(BaseModel):
    instrument: Literal["cssrs_screen"] = "cssrs_screen"
    name: str
    citation: str
    questions: list[CssrsQuestionDefinition] = Field(description="In asking order.")
    triage: list[CssrsTriageRule] = Field(description="Highest risk first.")


class AssessmentInstruments(BaseModel):
    barc10: Barc10Definition
    cssrs_screen: CssrsDefinition

    @classmethod
    def published(cls) -> AssessmentInstruments:
        return cls(
            barc10=Barc10Definition(
                name=scoring.BARC10_NAME,
                citation=scoring.BARC10_CITATION,
                items=[
                    Barc10Item(number=number, text=text)
                    for number, text in enumerate(scoring.BARC10_ITEMS, start=1)
                ],
                scale=[ScalePoint(value=v, label=label) for v, label in scoring.BARC10_SCALE],
                total_min=scoring.BARC10_MIN_TOTAL,
                total_max=scoring.BARC10_MAX_TOTAL,
                threshold=scoring.BARC10_THRESHOLD,
            ),
            cssrs_screen=CssrsDefinition(
                name=scoring.CSSRS_NAME,
                citation=scoring.CSSRS_CITATION,
                questions=[
                    CssrsQuestionDefinition(
                        key=q.key,
                        number=q.number,
                        text=q.text,
                        period=q.period,
                        asked_when=None
                        if q.asked_when is None
                        else CssrsCondition(key=q.asked_when.key, answer=q.asked_when.answer),
                    )
                    for q in scoring.CSSRS_QUESTIONS
                ],
                triage=[CssrsTriageRule(risk=r, rule=rule) for r, rule in scoring.CSSRS_TRIAGE],
            ),
        )
