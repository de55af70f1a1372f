"""Ending a helper task without swallowing a cancellation meant for the caller."""

from __future__ import annotations

import asyncio
from typing import Any


async def cancel_and_wait(task: asyncio.Future[Any], *also_ignore: type[BaseException]) -> None:
    """Cancel `task` and wait until it has ended.

    `suppress(CancelledError)` around `await task` would also swallow a cancel of
    the task doing the waiting (a shutdown cancelling every task), which then
    runs on as if nothing happened and can keep the process from exiting.
    """
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
