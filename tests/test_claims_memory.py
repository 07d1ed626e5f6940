"""Memory of the claims checker at archive scale: the claims are read as Python objects a
block at a time and the per-claim caches are bounded, without changing any verdict."""
from __future__ import annotations

import pandas as pd
import pytest

from syriastats import claims as C
from syriastats import claims_index as X
from syriastats import load_claims, load_estimates, load_sources, with_sources
from syriastats.claims import checking as J

from test_claims_index import _varied


@pytest.fixture(scope="module")
def registry() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return _varied(load_claims(), 60)


@pytest.fixture(scope="module")
def reference(registry, claims) -> pd.DataFrame:
    X.clear_caches()
    return C.check(claims, registry, known="then")


def test_claims_read_in_small_blocks_give_the_same_verdicts(registry, claims, reference,
                                                            monkeypatch):
    monkeypatch.setattr(J, "CLAIM_BLOCK", 7)  # blocks end inside runs of shipped claims
    X.clear_caches()
    pd.testing.assert_frame_equal(C.check(claims, registry, known="then"), reference)


def test_a_small_array_cache_gives_the_same_verdicts_and_stays_small(registry, claims,
                                                                     reference, monkeypatch):
    monkeypatch.setattr(X, "ARRAYS_MAX", 5)
    X.clear_caches()
    sizes: list[int] = []
    for chunk in J.check_chunks(claims, registry, chunk=10, known="then"):
        sizes.append(len(X._ARRAYS))
    assert max(sizes) <= 5
    X.clear_caches()
    pd.testing.assert_frame_equal(
        pd.concat(list(J.check_chunks(claims, registry, chunk=10, known="then")),
                  ignore_index=True), reference)


def test_the_cli_allocates_arrow_memory_with_malloc_unless_told(monkeypatch):
    pa = pytest.importorskip("pyarrow")
    from syriastats import cli

    before = pa.default_memory_pool()
    try:
        pa.set_memory_pool(pa.mimalloc_memory_pool())
        monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "mimalloc")
        cli._plain_allocator()  # the user's choice is kept
        assert pa.default_memory_pool().backend_name == "mimalloc"
        monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL")
        cli._plain_allocator()
        assert pa.default_memory_pool().backend_name == "system"
    finally:
        pa.set_memory_pool(before)
