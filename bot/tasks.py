"""Ending a helper task without swallowing a cancellation meant for the caller."""

from __future__ import annotations

import asyncio
from typing import Any

# A cancellation can be lost inside a library: redis-py 8.1 returned normally from a
# command that a cancel had reached (on a connection that had just reconnected after a
# Redis restart), and the cancelled task ran on. It is asked again this often until it ends.
RECANCEL_SECONDS = 0.5


async def cancel_and_wait(task: asyncio.Future[Any], *also_ignore: type[BaseException]) -> None:
    """Cancel `task` and wait until it has ended.

    `suppress(CancelledError)` around `await task` would also swallow a cancel of
    the task doing the waiting (a shutdown cancelling every task), which then
    runs on as if nothing happened and can keep the process from exiting.
    """
    task.cancel()
    while not task.done():
        # asyncio.wait raises if *we* are cancelled, and never raises the task's errors.
        await asyncio.wait({task}, timeout=RECANCEL_SECONDS)
        if not task.done():
            task.cancel()
    await wait_ignoring_cancel(task, *also_ignore)


async def wait_ignoring_cancel(
    task: asyncio.Future[Any], *also_ignore: type[BaseException]
) -> None:
    """Wait for `task`; its own cancellation (or `also_ignore`) is fine, ours is not."""
    try:
        await task
    except asyncio.CancelledError:
        current = asyncio.current_task()
        if current is not None and current.cancelling():
            raise
    except also_ignore:
        pass
