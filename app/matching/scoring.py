"""The rules of matching, as pure functions: which specialists may be suggested to a
participant at all (the hard rules), and how well each fits (a weighted score over
shared lived experience, with its explanation). No SQL here: ``suggestions`` narrows the
candidates in the database with the same hard rules, then scores them with these."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal, get_args

Criterion = Literal[
    "recovery_pathway",
    "life_stage",
    "faith",
    "veteran",
    "justice_involvement",
    "lgbtq_affirming",
    "region",
    "substance",
]
CRITERIA: Final[tuple[Criterion, ...]] = get_args(Criterion)

MOUD_PATHWAYS: Final = frozenset({"moud_buprenorphine", "moud_methadone", "moud_naltrexone"})

# The weights of shared experience, in one place. Points are whole numbers.
WEIGHTS: Final[Mapping[Criterion, int]] = {
    # Walking the same road to recovery (12-step, SMART, MOUD, faith-based...) is the
    # heart of peer support: the specialist has lived what the participant is trying.
    "recovery_pathway": 30,
    # Being of an age: people of the same generation share references and life stage
    # (work, parenting, retirement); the next decade over still counts for half.
    "life_stage": 14,
    # A faith-based participant may want a peer who shares that language of recovery;
    # a secular one may want a peer who will not bring faith in. Asked for, so it weighs.
    "faith": 14,
    # Military service and its aftermath are hard to explain to someone who was not there.
    "veteran": 16,
    # So are arrest, prison and re-entry; they also shape what recovery has to cope with.
    "justice_involvement": 16,
    # A participant who asks for an LGBTQ+ affirming peer needs to feel safe to be whole.
    "lgbtq_affirming": 16,
    # Knowing the same town (its meetings, services, streets) helps practically.
    "region": 8,
    # Least: recovery is more than the substance, and most of what a peer shares
    # (hope, the pathway, the life being rebuilt) does not depend on it.
    "substance": 4,
}
# Extra shared pathways after the first add this much each, for at most this many more.
EXTRA_PATHWAY_POINTS: Final = 8
EXTRA_PATHWAYS_COUNTED: Final = 2
# An adjacent birth decade earns this share of the life-stage weight.
ADJACENT_DECADE_SHARE: Final = 0.5
# A criterion the participant names as a priority has its weight multiplied by this.
PRIORITY_MULTIPLIER: Final = 2


@dataclass(frozen=True)
class ParticipantFacts:
    """What matching needs to know of a participant and its preferences."""

    organisation_id: uuid.UUID
    # The primary language and any others the participant is happy to speak.
    languages: frozenset[str]
    recovery_pathways: frozenset[str] = frozenset()
    substances: frozenset[str] = frozenset()
    birth_year: int | None = None
    gender_preference: str | None = None
    faith_preference: str | None = None
    veteran: bool = False
    justice_involved: bool = False
    wants_lgbtq_affirming: bool = False
    region: str | None = None
    priorities: frozenset[Criterion] = frozenset()

    @property
    def on_moud(self) -> bool:
        return bool(self.recovery_pathways & MOUD_PATHWAYS)


@dataclass(frozen=True)
class SpecialistFacts:
    """What matching needs to know of a specialist's profile and capacity."""

    id: uuid.UUID
    organisation_id: uuid.UUID
    languages: frozenset[str]
    max_caseload: int
    active_caseload: int
    accepting_new: bool = True
    moud_affirming: bool = False
    gender: str | None = None
    recovery_pathways: frozenset[str] = frozenset()
    substances: frozenset[str] = frozenset()
    birth_decade: int | None = None
    faith: str | None = None
    veteran: bool = False
    justice_involved: bool = False
    lgbtq_affirming: bool = False
    region: str | None = None
    display_name: str = field(default="", compare=False)


@dataclass(frozen=True)
class CriterionPoints:
    criterion: Criterion
    points: int
    reason: str


@dataclass(frozen=True)
class Scored:
    score: int
    explanation: tuple[CriterionPoints, ...]


def eligible(participant: ParticipantFacts, specialist: SpecialistFacts) -> bool:
    """The hard rules: any one broken and the specialist is never suggested."""
    return (
        participant.organisation_id == specialist.organisation_id
        and bool(participant.languages & specialist.languages)
        and (specialist.moud_affirming or not participant.on_moud)
        and (
            participant.gender_preference is None
            or specialist.gender == participant.gender_preference
        )
        and specialist.active_caseload < specialist.max_caseload
        and specialist.accepting_new
    )


def region_key(region: str | None) -> str | None:
    """A region as compared: trimmed and case-folded."""
    return region.strip().casefold() if region is not None else None


def _same_region(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and region_key(a) == region_key(b)


def pathway_points(shared: int) -> int:
    """The unmultiplied points for sharing this many recovery pathways."""
    if shared <= 0:
        return 0
    return (
        WEIGHTS["recovery_pathway"] + min(shared - 1, EXTRA_PATHWAYS_COUNTED) * EXTRA_PATHWAY_POINTS
    )


def life_stage_points(decade_gap: int) -> int:
    """The unmultiplied points for birth decades this many years apart."""
    if decade_gap == 0:
        return WEIGHTS["life_stage"]
    if decade_gap == 10:
        return int(WEIGHTS["life_stage"] * ADJACENT_DECADE_SHARE)
    return 0


def multiplier(participant: ParticipantFacts, criterion: Criterion) -> int:
    """How much a criterion's points are multiplied for this participant."""
    return PRIORITY_MULTIPLIER if criterion in participant.priorities else 1


def _base_points(
    participant: ParticipantFacts, specialist: SpecialistFacts
) -> list[tuple[Criterion, int, str]]:
    """Each criterion that fits, with its unmultiplied points and a reason."""
    found: list[tuple[Criterion, int, str]] = []
    shared_pathways = sorted(participant.recovery_pathways & specialist.recovery_pathways)
    if shared_pathways:
        names = ", ".join(p.replace("_", " ") for p in shared_pathways)
        found.append(
            (
                "recovery_pathway",
                pathway_points(len(shared_pathways)),
                f"Shares the recovery pathway: {names}.",
            )
        )
    if participant.birth_year is not None and specialist.birth_decade is not None:
        gap = abs(participant.birth_year // 10 * 10 - specialist.birth_decade)
        if points := life_stage_points(gap):
            reason = "Born in the same decade." if gap == 0 else "Born in an adjacent decade."
            found.append(("life_stage", points, reason))
    if (
        participant.faith_preference is not None
        and specialist.faith == participant.faith_preference
    ):
        reason = (
            "Shares a faith-based approach to recovery."
            if specialist.faith == "faith_based"
            else "Takes a secular approach to recovery, as asked."
        )
        found.append(("faith", WEIGHTS["faith"], reason))
    if participant.veteran and specialist.veteran:
        found.append(("veteran", WEIGHTS["veteran"], "Also a veteran."))
    if participant.justice_involved and specialist.justice_involved:
        found.append(
            (
                "justice_involvement",
                WEIGHTS["justice_involvement"],
                "Has lived experience of the justice system too.",
            )
        )
    if participant.wants_lgbtq_affirming and specialist.lgbtq_affirming:
        found.append(("lgbtq_affirming", WEIGHTS["lgbtq_affirming"], "LGBTQ+ affirming, as asked."))
    if _same_region(participant.region, specialist.region):
        found.append(("region", WEIGHTS["region"], "Lives and works in the same region."))
    shared_substances = sorted(participant.substances & specialist.substances)
    if shared_substances:
        found.append(
            (
                "substance",
                WEIGHTS["substance"],
                f"Lived experience with {', '.join(shared_substances)}.",
            )
        )
    return found


def score(participant: ParticipantFacts, specialist: SpecialistFacts) -> Scored:
    """The weighted fit; the explanation lists every criterion that scored and its points
    add up to the score exactly."""
    explanation = []
    for criterion, points, reason in _base_points(participant, specialist):
        if criterion in participant.priorities:
            points *= multiplier(participant, criterion)
            reason += " One of the participant's priorities."
        if points > 0:
            explanation.append(CriterionPoints(criterion=criterion, points=points, reason=reason))
    return Scored(score=sum(c.points for c in explanation), explanation=tuple(explanation))


def order_key(specialist: SpecialistFacts, scored: Scored) -> tuple[int, int, int, str]:
    """Higher score first; then the lighter caseload, then more spare places, then the
    specialist id, so equal candidates always come out in the same order."""
    spare = specialist.max_caseload - specialist.active_caseload
    return (-scored.score, specialist.active_caseload, -spare, str(specialist.id))


def rank(
    participant: ParticipantFacts, specialists: Iterable[SpecialistFacts], *, limit: int
) -> list[tuple[SpecialistFacts, Scored]]:
    """The eligible specialists, best first, at most ``limit``."""
    scored = [(s, score(participant, s)) for s in specialists if eligible(participant, s)]
    scored.sort(key=lambda pair: order_key(*pair))
    return scored[:limit]
