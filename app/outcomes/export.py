"""The outcome export for integrators: streamed NDJSON or CSV, pseudonymous, consented only.

**Incremental sync.** Rows are sent in ``(updated_at, id)`` order, up to a horizon fixed when
the sync starts (``until``: now, less a few seconds so that transactions still running have
committed). The cursor an export hands back says "everything up to ``until`` was sent":
the next export sends what changed after it. A survey corrected while an export streams gets
a new ``updated_at`` beyond the horizon, so it is not sent twice in this export and is sent
in the next; nothing falls between two exports. A participant who consents after the last
sync has its surveys touched (``consented.touch_for_consent``), so they flow in the next one.

**What is disclosed.** Only participants with a live disclosure consent naming the client
and covering outcomes (``consented.live_outcome_consent``), under the client's pseudonym for them,
with the consent each record rests on, and no direct identifiers. Before each batch is sent,
a disclosure record per participant in it (once per export) is written and committed, so
the accounting of disclosures never misses data that left.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from app.consents.models import Consent
from app.core.base import utcnow
from app.core.errors import Unprocessable
from app.core.pagination import decode_cursor, encode_cursor
from app.disclosures.models import Disclosure
from app.integrators import service as integrators
from app.integrators.models import IntegratorClient
from app.outcomes.consented import OUTCOMES, live_outcome_consent
from app.outcomes.models import OutcomeSurvey

PART2_NOTICE = (
    "42 CFR part 2 prohibits unauthorized use or disclosure of these records. "
    "This information has been disclosed to you from records protected by federal "
    "confidentiality rules (42 CFR part 2). The federal rules prohibit you from making any "
    "further disclosure of information in this record that identifies a patient as having or "
    "having had a substance use disorder either directly, by reference to publicly available "
    "information, or through verification of such identification by another person unless "
    "further disclosure is expressly permitted by the written consent of the individual whose "
    "information is being disclosed or as otherwise permitted by 42 CFR part 2. A general "
    "authorization for the release of medical or other information is NOT sufficient for "
    "this purpose (see 42 CFR 2.31). The federal rules restrict any use of the information to "
    "investigate or prosecute with regard to a crime any patient with a substance use "
    "disorder, except as provided at 42 CFR 2.12(c)(5) and 2.65."
)
MEASURES = (
    "alcohol_days",
    "drug_days",
    "arrests",
    "er_visits",
    "inpatient_nights",
    "housing",
    "employment",
    "in_treatment",
    "satisfaction",
    "social_support",
)
CSV_COLUMNS = (
    "participant_key",
    "consent_id",
    "timepoint",
    "administered_on",
    *MEASURES,
    "updated_at",
)
BATCH = 2000


@dataclass(frozen=True)
class Window:
    """The rows one export sends: changed after ``after`` (exclusive), up to ``until``."""

    after: datetime | None
    until: datetime

    def next_cursor(self) -> str:
        return encode_cursor([self.until])


def window_for(*, cursor: str | None, updated_since: datetime | None, settle: timedelta) -> Window:
    until = utcnow() - settle
    if cursor:
        (after,) = decode_cursor(cursor, 1)
        if not isinstance(after, datetime):
            raise Unprocessable("The cursor is not valid; start again without it.")
        return Window(after=after, until=max(until, after))
    if updated_since is not None and updated_since.tzinfo is None:
        raise Unprocessable("updated_since needs a time zone, e.g. 2026-11-01T00:00:00Z.")
    return Window(after=updated_since, until=until)


def _csv_value(value: object) -> object:
    """As in the NDJSON: true/false, ISO 8601 dates and instants, and empty for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _ndjson_record(key: str, consent_id: str, row: Sequence[Any]) -> str:
    """One record as a JSON line, written out directly (this runs a million times in a large
    export). Every value is a number, a boolean, null, a date, or one of the fixed words the
    table's CHECK constraints allow, so none needs escaping; a test compares the line with
    ``json.loads``."""
    (_, _, timepoint, day, alcohol, drugs, arrests, er, nights, housing, employment,
     treatment, satisfaction, support, updated) = row  # fmt: skip
    return (
        f'{{"type":"outcome","participant_key":"{key}","consent_id":"{consent_id}",'
        f'"timepoint":"{timepoint}","administered_on":"{day.isoformat()}",'
        f'"alcohol_days":{alcohol},"drug_days":{drugs},"arrests":{arrests},'
        f'"er_visits":{er},"inpatient_nights":{nights},"housing":"{housing}",'
        f'"employment":"{employment}","in_treatment":{"true" if treatment else "false"},'
        f'"satisfaction":{"null" if satisfaction is None else satisfaction},'
        f'"social_support":{"true" if support else "false"},'
        f'"updated_at":"{updated.isoformat()}"}}\n'
    )


def _query(organisation_id: uuid.UUID, client_id: uuid.UUID, window: Window) -> Select[Any]:
    """The rows to send, each with the consent it rests on (the participant's most recently
    signed live one), in the sync's order. The consent is joined in the database, so the
    export holds no per-participant table in memory however many people it covers."""
    ranked = (
        select(
            Consent.participant_id,
            Consent.id.label("consent_id"),
            func.row_number()
            .over(
                partition_by=Consent.participant_id,
                order_by=(Consent.signed_at.desc(), Consent.id.desc()),
            )
            .label("rank"),
        )
        .where(
            live_outcome_consent(organisation_id=organisation_id, client_id=client_id, at=utcnow())
        )
        .subquery()
    )
    conditions = [
        OutcomeSurvey.organisation_id == organisation_id,
        OutcomeSurvey.updated_at <= window.until,
    ]
    if window.after is not None:
        conditions.append(OutcomeSurvey.updated_at > window.after)
    return (
        select(
            OutcomeSurvey.participant_id,
            ranked.c.consent_id,
            OutcomeSurvey.timepoint,
            OutcomeSurvey.administered_on,
            *(getattr(OutcomeSurvey, name) for name in MEASURES),
            OutcomeSurvey.updated_at,
        )
        .join(
            ranked,
            and_(ranked.c.participant_id == OutcomeSurvey.participant_id, ranked.c.rank == 1),
        )
        .where(*conditions)
        .order_by(OutcomeSurvey.updated_at, OutcomeSurvey.id)
    )


def stream(
    *,
    factory: sessionmaker[Session],
    client_id: uuid.UUID,
    organisation_id: uuid.UUID,
    window: Window,
    output: str,
) -> Iterator[str]:
    """The export's lines, produced as they are read. Runs after the request's own session
    has closed, so it opens its own: one for reading, one for the disclosure records."""
    reader, writer = factory(), factory()
    try:
        # Only the writer writes: on SQLite the reader takes no write lock (a plain deferred
        # BEGIN; WAL lets it read while the writer commits).
        reader.connection(execution_options={"sqlite_begin": "DEFERRED"})
        client = reader.get(IntegratorClient, client_id)
        if client is None:  # revoked and removed between the check and the stream
            return
        if output == "ndjson":
            yield _ndjson(
                {
                    "type": "meta",
                    "notice": PART2_NOTICE,
                    "next_cursor": window.next_cursor(),
                    "until": window.until.isoformat(),
                    "generated_at": utcnow().isoformat(),
                }
            )
        else:
            yield _csv_line(CSV_COLUMNS)
        rows = reader.execute(
            _query(organisation_id, client_id, window).execution_options(
                stream_results=True, yield_per=BATCH
            )
        )
        # Who has been disclosed in this export already, as 128-bit integers: the one thing
        # kept per person, about 60 bytes each.
        disclosed: set[int] = set()
        sent = 0
        for batch in rows.partitions():
            yield _send(writer, client, disclosed, batch, output)
            sent += len(batch)
        if output == "ndjson":
            # The last line says the export is complete: a stream cut short lacks it.
            yield _ndjson({"type": "end", "records": sent, "participants": len(disclosed)})
    finally:
        # The reader only read: ending its transaction with a commit keeps whatever the
        # writer committed meanwhile, whichever way the sessions share a connection.
        reader.commit()
        reader.close()
        writer.close()


def _send(
    writer: Session,
    client: IntegratorClient,
    disclosed: set[int],
    batch: Sequence[Sequence[Any]],
    output: str,
) -> str:
    newcomers: dict[uuid.UUID, uuid.UUID] = {}
    for row in batch:
        if row[0].int not in disclosed:
            newcomers[row[0]] = row[1]
    if newcomers:
        _account(writer, client, newcomers)
        disclosed.update(participant_id.int for participant_id in newcomers)
    lines: list[str] = []
    pseudonym = integrators.pseudonym
    for row in batch:
        key = pseudonym(client, row[0])
        if output == "ndjson":
            lines.append(_ndjson_record(key, str(row[1]), row))
        else:
            lines.append(_csv_line([key, row[1], *map(_csv_value, row[2:])]))
    return "".join(lines)


def _account(
    writer: Session, client: IntegratorClient, consents: dict[uuid.UUID, uuid.UUID]
) -> None:
    """One disclosure record per participant (``consents``: participant → the consent the
    disclosure rests on), written and committed before the data leaves."""
    now = utcnow()
    purposes = dict(
        writer.execute(
            select(Consent.id, Consent.purpose).where(Consent.id.in_(set(consents.values())))
        ).all()
    )
    rows = [
        {
            "id": uuid.uuid4(),
            "organisation_id": client.organisation_id,
            "participant_id": participant_id,
            "kind": "consented",
            "recipient_name": client.name,
            "recipient_client_id": client.id,
            "information_categories": [OUTCOMES],
            "description": "Outcome survey records, under a pseudonym, by API export.",
            "purpose": purposes.get(consent_id),
            "consent_id": consent_id,
            "disclosed_at": now,
            "created_at": now,
        }
        for participant_id, consent_id in consents.items()
    ]
    if writer.get_bind().dialect.name == "postgresql":
        _copy_disclosures(writer, rows)
    else:
        writer.execute(insert(Disclosure), rows)
    writer.commit()


def _copy_disclosures(writer: Session, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL's COPY: a batch of disclosure records in one stream, about twenty times
    faster than one INSERT per row, which matters when an export reaches many people."""
    columns = list(rows[0])
    raw = writer.connection().connection.driver_connection
    if raw is None:  # pragma: no cover - a pooled connection always has its driver's
        raise RuntimeError("no driver connection for COPY")
    names = ", ".join(columns)
    with raw.cursor() as cursor, cursor.copy(f"COPY disclosures ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([json.dumps(v) if isinstance(v, list) else v for v in row.values()])


def _ndjson(value: dict[str, object]) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False) + "\n"


def _csv_line(values: object) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)  # type: ignore[arg-type]
    return buffer.getvalue()
