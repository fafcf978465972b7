"""Following `kg build --store` under a running server.

A store folder that vnkg builds is a link to its current generation (``kg.storegen``); a build switches the
link in one rename. Workers open the generation itself (the link's real path), so a build never changes the
files under a running query; ``follow`` notices the switch and moves the pool to the new generation
(fresh workers, the old ones finish what they run), with one log line each time.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable

from kg.serve.pool import Pool, WorkerDied
from kg.serve.tempstore import mode_of

INTERVAL = 1.0  # seconds between two looks at the store's link


def generation_of(store: str) -> str:
    """The folder the store's link points to now (the store itself when it is a plain folder)."""
    return os.path.realpath(store)


async def follow(pool: Pool, store: str, log: Callable[[str], None], interval: float = INTERVAL) -> None:
    """Move ``pool`` to each new generation of ``store`` (forever; cancel to stop)."""
    refused: str | None = None
    while True:
        await asyncio.sleep(interval)
        target = generation_of(store)
        if target in (pool.settings.store, refused) or not os.path.isdir(target):
            continue
        try:
            mode = await asyncio.to_thread(mode_of, target)
            await pool.switch(target, mode)
        except (WorkerDied, OSError, ValueError) as e:
            refused = target
            log(f"store rebuilt, but its new generation cannot be opened ({e}); still serving {pool.settings.store}")
            continue
        refused = None
        log(f"store rebuilt: now serving {store} ({os.path.basename(target)})")
