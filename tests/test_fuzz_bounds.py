"""Fuzzing for hangs: every parser, the sanitiser, ``analyze()`` and the search query parser
on large repetitive hostile input, with a time bound per example.

The other property tests (test_library_properties.py, test_analysis_properties.py,
test_index_search.py) check results on small inputs; these check that no input makes
the work super-linear: a short hostile unit repeated up to hundreds of kilobytes must
finish within a few seconds (quadratic behaviour takes minutes at these sizes).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsreader.analysis import analyze
from newsreader.index import LibraryIndex
from newsreader.index.query import QueryError, parse_query
from newsreader.index.search import run_query
from newsreader.library.decode import decode_bytes
from newsreader.library.errors import ParseError
from newsreader.library.parsers import parse_bytes
from newsreader.library.sanitize import clean_text

# Pieces that parsers, the sanitiser and analysis treat specially.
HOSTILE = [
    "\x1b", "\x1b]", "\x1b[", "\x1bP", "\x9b", "\x9d", "\x90", "\x98", "\x9e", "\x9f", "\x9c", "\x07", "\x00",
    "\r", "\n", "\n\n", "\t", "\u2028", "\u202e", "“", "”", '"', "'", "«", "»", "[", "]", "{", "}", ":", ",",
    "---\n", "+++\n", "# ", "By ", "Media: ", " and ", " said ", "according to ", "Dr. ", "U.S. ", "Mr. ",
    "Jonas Berg", "Norway", "the European Union", "2024-05-02", "$5m", "50%", "a", " ", ".", "é", "📰",
]  # fmt: skip
units = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=4)), min_size=1, max_size=12).map("".join)
BOUND = settings(max_examples=25, deadline=timedelta(seconds=10), suppress_health_check=list(HealthCheck),
                 derandomize=True)


def repeated(unit: str, size: int) -> str:
    return unit * max(1, size // max(len(unit), 1))


def timed(work, limit: float):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - started
    assert elapsed < limit, f"took {elapsed:.1f} s"
    return result


@BOUND
@given(unit=units)
@example(unit="\x9da")  # was quadratic: 13 s for 80 KB
@example(unit="\x90 x")
def test_clean_text_is_linear(unit: str) -> None:
    text = repeated(unit, 300_000)
    cleaned = timed(lambda: clean_text(text), 3.0)
    assert clean_text(cleaned) == cleaned


@pytest.mark.parametrize("extension", ["txt", "md", "json", "jsonl", "csv"])
@BOUND
@given(unit=units, size=st.sampled_from([1_000, 50_000, 200_000]))
@example(unit="\x9d“x", size=200_000)
def test_every_parser_finishes_on_large_hostile_input(extension: str, unit: str, size: int) -> None:
    data = repeated(unit, size).encode("utf-8", "surrogatepass")
    try:
        articles = timed(lambda: parse_bytes(f"file.{extension}", data), 8.0)
    except ParseError as error:
        assert error.reason and "\n" not in error.reason
        return
    assert all(article.title for article in articles)


@BOUND
@given(data=st.binary(min_size=1, max_size=64).map(lambda unit: unit * (40_000 // len(unit) + 1)))
def test_decoding_any_bytes_finishes(data: bytes) -> None:
    try:
        text = timed(lambda: decode_bytes(data), 8.0)
    except ParseError:
        return
    assert isinstance(text, str)


@settings(max_examples=15, deadline=timedelta(seconds=20), suppress_health_check=list(HealthCheck),
          derandomize=True)
@given(unit=units)
def test_analyze_finishes_on_large_hostile_text(unit: str) -> None:
    text = clean_text(repeated(unit, 20_000))
    result = timed(lambda: analyze(text), 15.0)
    for span in (*result.entities, *result.quotes):
        assert 0 <= span.start <= span.end <= len(text)


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LibraryIndex]:
    root = tmp_path_factory.mktemp("fuzz-library")
    for n in range(30):
        Path(root, f"story-{n}.txt").write_text(
            f"By Kai Sato. Media: Northernwire\nStory {n}: ferries in Bergen, said Jonas Berg on 2024-03-0{n % 9 + 1}.\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSREADER_HOME", str(tmp_path_factory.mktemp("fuzz-home")))
        index = LibraryIndex.open(root)
    with index:
        index.refresh()
        yield index


QUERY_PIECES = ['"', "“", "*", "-", ":", "(", ")", " OR ", " AND ", " NOT ", "NEAR", "^", "title:", "person:",
                "after:", "before:", "2024-03-01", "quoted:", "cites:", "ferr", "berg", " ", "\\", "'"]
queries = st.lists(st.one_of(st.sampled_from(QUERY_PIECES), st.text(max_size=3)), min_size=1, max_size=8).map("".join)


@settings(max_examples=40, deadline=timedelta(seconds=10), suppress_health_check=list(HealthCheck),
          derandomize=True)
@given(unit=queries, size=st.sampled_from([10, 500, 5_000]))
def test_long_queries_give_results_or_a_clear_error(small_index: LibraryIndex, unit: str, size: int) -> None:
    text = repeated(unit, size)
    try:
        parsed = timed(lambda: parse_query(text), 3.0)
    except QueryError as error:
        assert str(error) and "\n" not in str(error)
        return
    try:
        timed(lambda: run_query(small_index._conn, parsed, 20), 8.0)
    except Exception as error:  # noqa: BLE001 - the failure being hunted
        pytest.fail(f"{text[:80]!r}: {type(error).__name__}: {error}")
