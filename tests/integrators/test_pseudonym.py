"""Pseudonymous participant keys: stable for one client, unlinkable between clients."""

from __future__ import annotations

import uuid

from app.integrators.service import pseudonym
from tests.factories import make_integrator_client


def test_a_participant_keeps_its_pseudonym_for_one_client(db, world):
    funder = make_integrator_client(db, world.org).client
    first = pseudonym(funder, world.matched.id)
    assert pseudonym(funder, world.matched.id) == first
    # Stable across loads: it depends on the stored key, not on the object.
    db.expire(funder)
    assert pseudonym(funder, uuid.UUID(str(world.matched.id))) == first


def test_two_clients_know_a_participant_by_different_keys(db, world):
    funder = make_integrator_client(db, world.org, name="Funder").client
    researcher = make_integrator_client(db, world.org, name="Researcher").client
    assert pseudonym(funder, world.matched.id) != pseudonym(researcher, world.matched.id)


def test_participants_get_distinct_keys_that_do_not_show_their_id(db, world):
    funder = make_integrator_client(db, world.org).client
    keys = {pseudonym(funder, uuid.uuid4()) for _ in range(200)}
    assert len(keys) == 200
    key = pseudonym(funder, world.matched.id)
    assert len(key) == 32
    assert key.isalnum()
    assert key == key.lower()
    assert world.matched.id.hex not in key
