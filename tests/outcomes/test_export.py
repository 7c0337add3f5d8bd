"""The integrator export: consented participants only, pseudonymous, streamed, with the
Part 2 notice; incremental sync without duplicates or gaps; a disclosure record for each
participant disclosed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from app.consents.models import Consent
from app.core.base import utcnow
from app.disclosures.models import Disclosure
from app.outcomes import export
from app.outcomes.models import OutcomeSurvey
from tests.factories import integrator_headers, make_integrator_client, make_participant

URL = "/api/v1/outcomes/export"


@pytest.fixture(autouse=True)
def no_settling(settings):
    # Rows written by a test are due at once; the settling delay is for live transactions.
    settings.export_settle_seconds = 0


@pytest.fixture
def integrator(db, world):
    registered = make_integrator_client(db, world.org)
    db.commit()
    return registered.client


def survey(db, participant, timepoint: str = "intake", **measures) -> OutcomeSurvey:
    row = OutcomeSurvey(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        timepoint=timepoint,
        administered_on=date(2026, 3, 2),
        alcohol_days=measures.get("alcohol_days", 4),
        drug_days=0,
        arrests=0,
        er_visits=1,
        inpatient_nights=0,
        housing="stable",
        employment="unemployed",
        in_treatment=True,
        social_support=True,
        recorded_by_role="specialist",
    )
    db.add(row)
    db.flush()
    return row


def consent(db, participant, integrator, **changes) -> Consent:
    values = {
        "organisation_id": participant.organisation_id,
        "participant_id": participant.id,
        "kind": "disclosure",
        "signed_at": utcnow() - timedelta(days=1),
        "signature": participant.preferred_name,
        "recipient_client_id": integrator.id,
        "information_categories": ["outcomes"],
        "purpose": "Programme evaluation",
        "expires_at": utcnow() + timedelta(days=365),
        **changes,
    }
    row = Consent(**values)
    db.add(row)
    db.flush()
    return row


def ndjson(response) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    assert response.status_code == 200, response.text
    lines = [json.loads(line) for line in response.text.splitlines()]
    meta, *records, end = lines
    assert meta["type"] == "meta"
    # Every export ends with a line saying it is complete, and how much it held.
    assert end == {
        "type": "end",
        "records": len(records),
        "participants": len({r["participant_key"] for r in records}),
    }
    return meta, records


def test_only_consented_participants_are_exported_under_a_pseudonym(
    client, world, db, settings, integrator
):
    other = make_integrator_client(db, world.org, name="Another funder").client
    cases: dict[str, Callable[..., object]] = {
        "consented": consent,
        "revoked": lambda *a: consent(*a, revoked_at=utcnow() - timedelta(hours=1)),
        "expired": lambda *a: consent(*a, expires_at=utcnow() - timedelta(hours=1)),
        "other_client": lambda db, p, _: consent(db, p, other),
        "not_outcomes": lambda *a: consent(*a, information_categories=["demographics"]),
        "no_consent": lambda *a: None,
    }
    people = {}
    for name, sign in cases.items():
        person = make_participant(db, world.org, preferred_name=f"Person {name}")
        survey(db, person)
        signed = sign(db, person, integrator)
        people[name] = (person, signed)
    db.commit()

    response = client.get(URL, headers=integrator_headers(integrator, settings))
    meta, records = ndjson(response)
    assert meta["type"] == "meta"
    assert "42 CFR part 2" in meta["notice"]
    assert meta["next_cursor"]
    assert "42 CFR part 2" in response.headers["Part2-Notice"]
    assert response.headers["content-type"].startswith("application/x-ndjson")
    person, signed = people["consented"]
    assert isinstance(signed, Consent)
    assert len(records) == 1
    record = records[0]
    assert record["type"] == "outcome"
    assert record["consent_id"] == str(signed.id)
    assert record["timepoint"] == "intake"
    assert record["alcohol_days"] == 4
    # Written out by hand for speed: every value keeps its JSON type.
    assert record["administered_on"] == "2026-03-02"
    assert record["in_treatment"] is True
    assert record["satisfaction"] is None
    assert record["housing"] == "stable"
    assert record["updated_at"].endswith("+00:00")
    # No direct identifiers: neither the id nor the name travels.
    assert str(person.id) not in response.text
    assert "Person" not in response.text
    assert len(record["participant_key"]) == 32


def test_the_pseudonym_is_stable_per_client_and_differs_between_clients(
    client, world, db, settings, integrator
):
    other = make_integrator_client(db, world.org, name="Researchers").client
    person = make_participant(db, world.org, preferred_name="Kai")
    survey(db, person)
    consent(db, person, integrator)
    consent(db, person, other)
    db.commit()
    first = ndjson(client.get(URL, headers=integrator_headers(integrator, settings)))[1]
    again = ndjson(client.get(URL, headers=integrator_headers(integrator, settings)))[1]
    theirs = ndjson(client.get(URL, headers=integrator_headers(other, settings)))[1]
    assert first[0]["participant_key"] == again[0]["participant_key"]
    assert first[0]["participant_key"] != theirs[0]["participant_key"]


def test_incremental_sync_sends_what_changed_once(client, world, db, settings, integrator):
    people = [make_participant(db, world.org, preferred_name=f"P{n}") for n in range(4)]
    surveys = [survey(db, p) for p in people]
    for p in people:
        consent(db, p, integrator)
    db.commit()
    headers = integrator_headers(integrator, settings)
    meta, records = ndjson(client.get(URL, headers=headers))
    assert len(records) == 4

    surveys[1].alcohol_days = 0  # a correction
    surveys[1].updated_at = utcnow()
    survey(db, people[2], "followup_6mo")  # a new survey
    db.commit()
    meta2, changed = ndjson(
        client.get(URL, params={"cursor": meta["next_cursor"]}, headers=headers)
    )
    assert sorted((r["timepoint"], r["alcohol_days"]) for r in changed) == [
        ("followup_6mo", 4),
        ("intake", 0),
    ]
    _, nothing = ndjson(client.get(URL, params={"cursor": meta2["next_cursor"]}, headers=headers))
    assert nothing == []


def test_a_row_changed_while_an_export_streams_is_sent_once_in_the_next(
    world, db, sessions, integrator, monkeypatch
):
    monkeypatch.setattr(export, "BATCH", 2)
    people = [make_participant(db, world.org, preferred_name=f"S{n}") for n in range(6)]
    surveys = [survey(db, p) for p in people]
    for p in people:
        consent(db, p, integrator)
    db.commit()
    window = export.window_for(cursor=None, updated_since=None, settle=timedelta(0))

    def run(window):
        return export.stream(
            factory=sessions,
            client_id=integrator.id,
            organisation_id=world.org.id,
            window=window,
            output="ndjson",
        )

    lines = run(window)
    sent = [next(lines), next(lines)]  # the meta line and the first batch
    # Meanwhile a survey not sent yet is corrected.
    last = surveys[-1]
    with sessions() as other:
        row = other.get(OutcomeSurvey, last.id)
        row.alcohol_days = 0
        row.updated_at = utcnow()
        other.commit()
    sent += list(lines)
    records = [
        json.loads(line)
        for chunk in sent[1:]
        for line in chunk.splitlines()
        if json.loads(line)["type"] == "outcome"
    ]
    keys = [(r["participant_key"], r["timepoint"]) for r in records]
    # Each row at most once in this export: as it stood when the export began (the
    # database's snapshot), or not at all if the change overtook it.
    assert len(keys) == len(set(keys))
    assert len(keys) in (5, 6)

    follow = json.loads(sent[0])["next_cursor"]
    later = export.window_for(cursor=follow, updated_since=None, settle=timedelta(0))
    rest = [
        record
        for chunk in list(run(later))[1:]
        for record in map(json.loads, chunk.splitlines())
        if record["type"] == "outcome"
    ]
    # The next export brings the change, once; together nothing is missing.
    assert [r["alcohol_days"] for r in rest] == [0]
    assert {k for k, _ in keys} | {r["participant_key"] for r in rest} == {k for k, _ in keys} | {
        rest[0]["participant_key"]
    }
    assert len({k for k, _ in keys} | {r["participant_key"] for r in rest}) == 6


def test_a_revoked_consent_leaves_the_next_export(client, world, db, settings, integrator):
    person = make_participant(db, world.org, preferred_name="Rev")
    survey(db, person)
    signed = consent(db, person, integrator)
    db.commit()
    headers = integrator_headers(integrator, settings)
    assert len(ndjson(client.get(URL, headers=headers))[1]) == 1
    signed.revoked_at = utcnow()
    db.commit()
    assert ndjson(client.get(URL, headers=headers))[1] == []


def test_a_new_consent_brings_earlier_surveys_into_the_next_incremental_export(
    client, world, db, settings, integrator
):
    survey(db, world.matched)
    db.commit()
    headers = integrator_headers(integrator, settings)
    meta, records = ndjson(client.get(URL, headers=headers))
    assert records == []
    signed = client.post(
        f"/api/v1/participants/{world.matched.id}/consents",
        json={
            "kind": "disclosure",
            "signed_at": (utcnow() - timedelta(seconds=1)).isoformat(),
            "signature": "Zoë",
            "recipient_client_id": str(integrator.id),
            "information_categories": ["outcomes"],
            "purpose": "Programme evaluation",
            "expiry_event": "When I leave the programme",
        },
        headers=world.headers(world.me),
    )
    assert signed.status_code == 201, signed.text
    _, records = ndjson(client.get(URL, params={"cursor": meta["next_cursor"]}, headers=headers))
    assert [r["consent_id"] for r in records] == [signed.json()["id"]]


def test_each_participant_disclosed_gets_one_disclosure_record(
    client, world, db, settings, integrator
):
    survey(db, world.matched, "intake")
    survey(db, world.matched, "followup_6mo")
    signed = consent(db, world.matched, integrator)
    db.commit()
    client.get(URL, headers=integrator_headers(integrator, settings))
    listed = client.get(
        f"/api/v1/participants/{world.matched.id}/disclosures", headers=world.headers(world.me)
    ).json()["items"]
    assert len(listed) == 1
    record = listed[0]
    assert record["kind"] == "consented"
    assert record["recipient_name"] == integrator.name
    assert record["recipient_client_id"] == str(integrator.id)
    assert record["consent_id"] == str(signed.id)
    assert record["information_categories"] == ["outcomes"]
    # Nobody was disclosed without data: an empty export writes nothing.
    client.get(
        URL,
        params={"updated_since": "2100-01-01T00:00:00Z"},
        headers=integrator_headers(integrator, settings),
    )
    db.expire_all()
    assert db.query(Disclosure).filter_by(participant_id=world.matched.id).count() == 1


def test_csv_starts_with_its_header_and_carries_the_notice_in_a_header(
    client, world, db, settings, integrator
):
    survey(db, world.matched)
    consent(db, world.matched, integrator)
    db.commit()
    response = client.get(
        URL, params={"format": "csv"}, headers=integrator_headers(integrator, settings)
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["Part2-Notice"].isascii()
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == list(export.CSV_COLUMNS)
    assert rows[0]["timepoint"] == "intake"
    assert rows[0]["alcohol_days"] == "4"
    assert rows[0]["in_treatment"] == "true"
    assert rows[0]["satisfaction"] == ""


def test_bad_parameters_are_422(client, world, settings, integrator):
    headers = integrator_headers(integrator, settings)
    for params in ({"format": "xml"}, {"cursor": "garbage"}, {"updated_since": "yesterday"}):
        response = client.get(URL, params=params, headers=headers)
        assert response.status_code == 422, params
        assert response.headers["content-type"] == "application/problem+json"


def test_staff_and_scopeless_clients_may_not_export(client, world, db, settings):
    for user in (world.supervisor, world.admin, world.specialist, world.me):
        assert client.get(URL, headers=world.headers(user)).status_code == 403
    scopeless = make_integrator_client(db, world.org, scopes=[]).client
    db.commit()
    assert client.get(URL, headers=integrator_headers(scopeless, settings)).status_code == 403
    assert client.get(URL).status_code == 401


def test_an_integrators_summary_counts_only_its_consented_participants(
    client, world, db, settings, integrator
):
    for n in range(13):
        person = make_participant(db, world.org, preferred_name=f"C{n}")
        survey(db, person)
        if n < 11:
            consent(db, person, integrator)
    db.commit()
    body = client.get(
        "/api/v1/outcomes/summary", headers=integrator_headers(integrator, settings)
    ).json()
    no_use = next(m for m in body["groups"][0]["measures"] if m["measure"] == "no_use")
    assert no_use["intake"]["n"] == 11
    staff = client.get("/api/v1/outcomes/summary", headers=world.headers(world.supervisor)).json()
    assert (
        next(m for m in staff["groups"][0]["measures"] if m["measure"] == "no_use")["intake"]["n"]
        == 13
    )


def test_another_organisations_integrator_sees_nothing_here(
    client, world, db, settings, integrator
):
    theirs = make_integrator_client(db, world.other_org).client
    survey(db, world.matched)
    consent(db, world.matched, integrator)
    db.commit()
    assert ndjson(client.get(URL, headers=integrator_headers(theirs, settings)))[1] == []
    # And nothing was disclosed about anyone here.
    assert db.query(Disclosure).filter_by(recipient_client_id=theirs.id).count() == 0


def test_on_a_real_sqlite_file_the_export_reads_while_it_records_disclosures(tmp_path, settings):
    """Separate connections, as in production: the reader must not hold the write lock the
    disclosure records need (the usual tests share one connection and cannot show it)."""
    from sqlalchemy.orm import Session
    from starlette.testclient import TestClient

    from app.core.db import Database
    from app.main import create_app
    from tests import database as test_database
    from tests.factories import make_organisation

    if test_database.on_postgres():
        pytest.skip("the SQLite locking this guards against")
    settings.export_settle_seconds = 0
    with test_database.committed_database(tmp_path) as engine:
        with Session(engine) as db:
            org = make_organisation(db, "File-backed")
            integrator = make_integrator_client(db, org).client
            for n in range(3):
                person = make_participant(db, org, preferred_name=f"F{n}")
                survey(db, person)
                consent(db, person, integrator)
            db.commit()
            headers = integrator_headers(integrator, settings)
        app = create_app(settings=settings, database=Database(engine))
        with TestClient(app, base_url="https://testserver") as client:
            _, records = ndjson(client.get(URL, headers=headers))
        assert len(records) == 3
        with Session(engine) as db:
            assert db.query(Disclosure).count() == 3
