"""What a serving process does once its app is built."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from app.main import YOUNG_COLLECTION_THRESHOLD, settle_garbage_collection


@pytest.fixture
def restored_collector() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_the_built_app_is_kept_out_of_collections(restored_collector):
    gc.unfreeze()
    settle_garbage_collection()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == YOUNG_COLLECTION_THRESHOLD
