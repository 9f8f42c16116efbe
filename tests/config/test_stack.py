"""config.stack: a request's frames never straddle two stack chunks (python/cpython#142183)."""

import resource

import pytest

from config.stack import NEEDED, with_stack_room

CALLS = 300  # calls made at each depth
DEPTHS = 600  # deep enough to pass several 16 KB chunk edges without the room


def _leaf():
    return None


def _at_depth(depth):
    """Call `_leaf` CALLS times from `depth` frames below here."""
    if depth:
        return _at_depth(depth - 1)
    for _ in range(CALLS):
        _leaf()
    return None


def _worst_depth_faults():
    """The most page faults one depth's loop caused: a loop at a chunk edge maps and
    unmaps a chunk on every call, at least one fault each."""
    worst = 0
    for depth in range(DEPTHS):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        _at_depth(depth)
        worst = max(worst, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
    return worst


def test_the_app_gets_its_arguments_and_its_answer_back():
    def app(environ, start_response, *, extra=None):
        return [environ["PATH_INFO"], start_response, extra]

    assert with_stack_room(app)({"PATH_INFO": "/"}, "start", extra=1) == ["/", "start", 1]


@pytest.mark.skipif(not NEEDED, reason="only CPython 3.11 and 3.12 need the room")
def test_no_chunk_is_mapped_per_call_inside_the_room():
    assert with_stack_room(_worst_depth_faults)() < CALLS // 3


@pytest.mark.skipif(not NEEDED, reason="the interpreters without the fix")
def test_without_the_room_some_depth_maps_a_chunk_per_call():
    # What the room is for: this interpreter maps a chunk per call at some edge.
    assert _worst_depth_faults() >= CALLS


@pytest.mark.skipif(NEEDED, reason="an interpreter that needs the room")
def test_interpreters_with_the_fix_run_the_app_as_it_is():
    def app(environ, start_response):
        return []

    assert with_stack_room(app) is app
