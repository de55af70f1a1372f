"""Leaving on SIGTERM within SHUTDOWN_GRACE_SECONDS, whatever is running.

Platforms kill a worker a fixed time after SIGTERM: Docker after 10 s, Fly.io after 5 s,
Kubernetes and Heroku after 30 s. What runs then is lost mid-call (an answer half-edited,
with no note), so the grace is spent in three parts, each with a bound:

1. answers: no new updates are taken (the webhook answers 503, polling stops) and those
   being handled may finish, until FINALISE_SECONDS + CLOSE_SECONDS before the end;
2. finalise: answers still streaming are stopped (what was shown stays, with the restart
   note), answers that would start now say "restarting, ask again", and the Telegram door
   paces the final edits (a chat's one-second interval, the shared budget) until
   FINAL_CALL_SECONDS + UNWIND_SECONDS before this part ends, then sends what is left at
   once; updates still running at its end are cancelled;
3. close: the webhook server, the Application, the HTTP clients and Redis, each step
   given what is left of this part and abandoned past it.

What finalising and closing take was measured (BENCHMARKS.md, "Shutdown").
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any

from telegram.ext import BaseUpdateProcessor

from bot.conversation.stopping import RunningAnswers
from bot.telegram.door import TelegramDoor

log = logging.getLogger(__name__)

# After the cut: the chat's one-second interval before each final edit, and the bot's
# Telegram budget when many answers end at once (about 25 edits a second: 60 answers cut on
# one worker need 2.5 s), then the last edits' own HTTP calls and the updates unwinding.
FINALISE_SECONDS = 3.5
FINAL_CALL_SECONDS = 0.5
UNWIND_SECONDS = 0.25
# Closing the webhook server, the Application, HTTP clients and Redis (measured: 0.01 s).
CLOSE_SECONDS = 0.5


@dataclass(frozen=True)
class ShutdownPlan:
    """Seconds for each part; they add up to the grace."""

    answers: float
    finalise: float
    close: float

    @classmethod
    def within(cls, grace: float) -> ShutdownPlan:
        close = min(CLOSE_SECONDS, grace / 4)
        finalise = min(FINALISE_SECONDS, grace - close)
        return cls(answers=max(0.0, grace - finalise - close), finalise=finalise, close=close)


class InFlightUpdates(BaseUpdateProcessor):
    """The Application's update processor: as many at once as `max_concurrent_updates`, like
    PTB's SimpleUpdateProcessor, keeping the tasks of the updates being handled so that a
    shutdown can wait for them and cancel what would outlive it."""

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._idle = asyncio.Event()
        self._idle.set()
        self._closed = False

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        task = asyncio.current_task()
        if self._closed or task is None:
            # Past the cut an update that was still waiting for a slot is not started.
            if asyncio.iscoroutine(coroutine):
                coroutine.close()
            return
        self._tasks.add(task)
        self._idle.clear()
        try:
            await coroutine
        finally:
            self._tasks.discard(task)
            if not self._tasks:
                self._idle.set()

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def __len__(self) -> int:
        return len(self._tasks)

    async def wait_idle(self, timeout: float) -> bool:  # noqa: ASYNC109
        """True once no update is being handled, False if `timeout` passed first."""
        try:
            async with asyncio.timeout(max(0.0, timeout)):
                await self._idle.wait()
        except TimeoutError:
            return False
        return True

    async def cancel_all(self, timeout: float) -> int:  # noqa: ASYNC109
        """Cancel what is still being handled and start nothing more; how many were cut."""
        self._closed = True
        tasks = set(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=max(0.01, timeout))
        return len(tasks)


async def drain(
    running: RunningAnswers, door: TelegramDoor, updates: InFlightUpdates, plan: ShutdownPlan
) -> None:
    """Parts 1 and 2: let what runs finish, then cut it with a note, within the plan."""
    started = time.monotonic()
    log.info(
        "Stopping: updates being handled may finish within %.1f s",
        plan.answers,
        extra={"answers": len(running), "updates": len(updates)},
    )
    if await updates.wait_idle(plan.answers):
        log.info("Shutdown: everything finished in %.2f s", time.monotonic() - started)
        return
    cut_at = time.monotonic()
    running.refuse_new("shutdown")
    cut = running.stop_all("shutdown")
    unwind = min(UNWIND_SECONDS, plan.finalise / 4)
    door.leave_by(plan.finalise - unwind - min(FINAL_CALL_SECONDS, plan.finalise / 4))
    finished = await updates.wait_idle(plan.finalise - unwind)
    cancelled = 0 if finished else await updates.cancel_all(unwind)
    log.warning(
        "Shutdown: %d answers cut with a note and %d updates cancelled after %.2f s; "
        "finalising took %.2f s",
        cut,
        cancelled,
        cut_at - started,
        time.monotonic() - cut_at,
        extra={"answers_s": cut_at - started, "finalise_s": time.monotonic() - cut_at},
    )


async def bounded(step: Awaitable[Any], seconds: float, name: str) -> bool:
    """Run one closing step for at most `seconds`; past that it is abandoned (cancelled, not
    waited for), so that no client can hold the exit. False when it did not finish."""
    task = asyncio.ensure_future(step)
    done, _ = await asyncio.wait({task}, timeout=max(0.01, seconds))
    if not done:
        task.cancel()
        log.warning("Shutdown: %s did not finish within %.1f s; left behind", name, seconds)
        return False
    if not task.cancelled() and task.exception() is not None:
        log.warning("Shutdown: %s failed: %s", name, type(task.exception()).__name__)
    return True
