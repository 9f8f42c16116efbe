"""Room on the interpreter's frame stack for a whole request (a CPython 3.11/3.12 slowdown).

CPython keeps Python frames on a stack made of 16 KB chunks. When a loop calls a function
exactly where one chunk ends, every call allocates the next chunk and every return frees it:
an mmap and a munmap per call (python/cpython#142183, fixed in 3.13 and 3.14 by keeping one
spare chunk). Under gunicorn the select of 2,000 units on the cross-scoring page sat on that
edge: 10,000 mmaps a request, 110 ms instead of 40.

Only CPython 3.11 and 3.12 need it: `NEEDED` is false elsewhere (3.13 and later, other
interpreters) and `with_stack_room` then hands the app back untouched.

`with_stack_room` runs the app from a frame that declares a large evaluation stack. The frame
does not fit in the current chunk, so CPython gives it a fresh chunk sized to fit it plus at
least as much again; the request's own frames, a few thousand slots deep, then stay inside
that one chunk. The cost is one 1 MB mapping per request, of which only the touched pages
are ever faulted in (stack slots, unlike local variables, are not cleared).
"""

import sys

# Slots (8 bytes each) declared by the entry frame. CPython rounds a new chunk up to
# 16 KB x 2^n holding the frame plus 1,000 slots: 64,600 + 1,000 > 65,536 gives a 1 MB
# chunk with about 66,000 slots (520 KB) free below the entry frame.
ENTRY_STACK_SLOTS = 64_600


def _call(function, args, kwargs):
    return function(*args, **kwargs)


# The interpreters with the slowdown (fixed in 3.13 by keeping a spare chunk).
NEEDED = sys.implementation.name == "cpython" and sys.version_info[:2] in {(3, 11), (3, 12)}

if NEEDED:
    _call.__code__ = _call.__code__.replace(co_stacksize=ENTRY_STACK_SLOTS)


def with_stack_room(function):
    """`function`, called from a frame that starts its own large stack chunk (where needed)."""
    if not NEEDED:
        return function

    def call_with_stack_room(*args, **kwargs):
        return _call(function, args, kwargs)

    return call_with_stack_room
