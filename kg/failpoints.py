"""Named points where a build can be made to die, for the fault-injection tests.

``VNKG_FAILPOINT=NAME[:SIGNAL]`` (``SIGINT`` by default, or ``SIGKILL``/``SIGTERM``) makes the process send
itself that signal when it reaches the point ``NAME``; unset (always, outside tests) it costs one lookup.
"""

from __future__ import annotations

import os
import signal

ENV = "VNKG_FAILPOINT"


def reached(name: str) -> None:
    """Die here if the environment asks for it."""
    spec = os.environ.get(ENV)
    if not spec:
        return
    point, _, sig = spec.partition(":")
    if point == name:
        os.kill(os.getpid(), getattr(signal, sig or "SIGINT"))
