"""The one door to Telegram: every Bot API call the bot makes passes through here.

python-telegram-bot hands every request of the Application's bot to its rate
limiter (`ApplicationBuilder().rate_limiter(...)`), with the method and its
parameters, whether it comes from a handler's `reply_text`, the answer being
streamed, a board or a callback answer. `TelegramDoor` is that limiter, over
the budget all workers share in Redis (`storage.telegram_budget`):

- calls that put or change a message in a chat take a slot of the bot's
  second (about 30 calls in any one second, in all) and that chat's next change
  (about one a second; groups also about 20 a minute);
- when slots are short, calls leave in priority order: an answer's first
  message, then final edits and short replies, then boards and albums; a
  streamed partial edit goes only with budget to spare, else it is deferred
  (`Deferred`) and the next one carries its text too;
- a 429 pauses that chat (or the whole bot, for a call that is not about a
  chat) for `retry_after` on every worker, and the call waits and goes again:
  no update fails because of a 429;
- a leaving worker's calls (`leave_by`) wait for none of this past its deadline.

Inside one worker the calls that must go out wait in one priority queue, and
only its head asks Redis for a slot, so hundreds of waiting calls cost one
round trip at a time, not hundreds of polls.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import math
import random
import secrets
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram._utils.types import JSONDict
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot import metrics
from bot.tasks import cancel_and_wait
from bot.telegram.call_kinds import (
    COUNTED,
    DEFAULT_PRIORITY,
    GROUP_SPARE,
    RESERVE_SHARE,
    Deferred,
    Priority,
)
from storage.telegram_budget import Budget

log = logging.getLogger(__name__)


# A call told to wait by Telegram this many times in a row gives up (it never should).
MAX_RETRIES = 8


@dataclass(order=True)
class _Waiter:
    priority: Priority
    seq: int
    ticket: str = field(compare=False)
    cost: int = field(compare=False)
    granted: asyncio.Future[None] = field(compare=False)


class TelegramDoor(BaseRateLimiter[Priority]):
    def __init__(
        self,
        budget: Budget,
        *,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        jitter: Callable[[], float] | None = None,
    ) -> None:
        self._budget = budget
        # Production: shared times come from Redis' own clock (the same for every worker);
        # tests inject one clock for both.
        self._shared_clock = clock is not None
        self._clock = clock or time.monotonic
        self._sleep = sleep
        # A refused partial edit asks again after about a second, jittered so that hundreds
        # of streams do not all ask at once.
        self._jitter = jitter or (lambda: random.uniform(0.5, 1.5))
        self._interval = budget.chat_interval_ms / 1000
        self._heap: list[_Waiter] = []
        self._seq = itertools.count()
        self._worker = secrets.token_hex(4)  # tickets must not clash with other workers'
        self._server: asyncio.Task[None] | None = None
        self._arrived = asyncio.Event()
        self._chat_free_at: dict[int, float] = {}  # this worker's view, spares Redis a refusal
        self._paused_until = 0.0  # bot-wide, for calls that are not about a chat
        self._leave_at: float | None = None  # set when the worker shuts down

    async def initialize(self) -> None:
        pass

    def leave_by(self, seconds: float) -> None:
        """The worker is leaving: no call waits past `seconds` from now, then it goes as is."""
        self._leave_at = self._clock() + max(0.0, seconds)
        self._arrived.set()  # a napping server looks at the deadline

    async def shutdown(self) -> None:
        if self._server is not None:
            await cancel_and_wait(self._server)
        for waiter in self._heap:
            waiter.granted.cancel()
        self._heap.clear()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Priority | None,
    ) -> bool | JSONDict | list[JSONDict]:
        priority = rate_limit_args
        if priority is None:
            priority = DEFAULT_PRIORITY.get(endpoint, Priority.REPLY)
        chat = _chat_id(data)
        counted = endpoint in COUNTED and chat is not None
        # Every photo of an album is a message of its own.
        cost = max(1, len(data.get("media") or ())) if endpoint == "sendMediaGroup" else 1
        for attempt in itertools.count(1):
            if counted and chat is not None:
                await self._admit(priority, chat, cost)
            else:
                await self._wait_for_pauses(chat)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                seconds = _seconds(exc.retry_after)
                metrics.TELEGRAM_ERRORS.labels("rate_limited").inc()
                await self._pause(chat, seconds)
                if priority is Priority.PARTIAL:
                    raise Deferred(seconds) from exc
                if attempt >= MAX_RETRIES or self._until_leaving(seconds) < seconds:
                    raise
                log.info("Telegram asked %s to wait %.1f s; it goes again then", endpoint, seconds)
        raise AssertionError("unreachable")

    # ------------------------------------------------------------------ admission

    async def _admit(self, priority: Priority, chat: int, cost: int) -> None:
        """Return once the call may go: tokens taken and the chat's next change reserved."""
        optional = priority is Priority.PARTIAL
        while True:
            if self._until_leaving() == 0.0:
                if optional:
                    raise self._defer(self._jitter())
                return  # past the deadline nothing is paced any more: better late than never
            wait = self._chat_free_at.get(chat, 0.0) - self._clock()
            if wait > 0:
                if optional:
                    raise self._defer(wait)
                await self._sleep(self._until_leaving(wait))
                continue
            ticket = f"{self._worker}:{next(self._seq)}"
            if optional:
                # Calls that must go out are queued here: nothing is to spare.
                if self._heap or await self._take(ticket, priority, cost) > 0:
                    raise self._defer(self._jitter())
            else:
                await self._queue(ticket, priority, cost)
            wait = await self._budget.gate_chat(
                chat, group=chat < 0, spare=GROUP_SPARE if optional else 0, now_ms=self._now_ms()
            )
            if wait <= 0:
                self._remember_chat(chat, self._interval)
                return
            # Another worker wrote to the chat just now: give the slot back and wait.
            await self._budget.refund(ticket, cost)
            self._remember_chat(chat, wait)
            if optional:
                raise self._defer(wait)

    async def _take(self, ticket: str, priority: Priority, cost: int) -> float:
        reserve = math.ceil(RESERVE_SHARE[priority] * self._budget.per_second)
        return await self._budget.take(ticket, reserve=reserve, cost=cost, now_ms=self._now_ms())

    async def _queue(self, ticket: str, priority: Priority, cost: int) -> None:
        """Wait for a slot of the shared second, behind every call of this worker that goes
        first."""
        granted = asyncio.get_running_loop().create_future()
        waiter = _Waiter(priority, next(self._seq), ticket, cost, granted)
        heapq.heappush(self._heap, waiter)
        if self._server is None or self._server.done():
            self._server = asyncio.create_task(self._serve())
        else:
            self._arrived.set()  # it may go before the one the server is waiting for
        await waiter.granted

    async def _serve(self) -> None:
        while self._heap:
            head = self._heap[0]
            if head.granted.done():  # its caller was cancelled
                heapq.heappop(self._heap)
                continue
            # A call arriving while Redis is asked may go before this head: wake for it.
            self._arrived.clear()
            # Past a leaving worker's deadline every waiting call goes, without the budget.
            wait = (
                0.0
                if self._until_leaving() == 0
                else await self._take(head.ticket, head.priority, head.cost)
            )
            if wait <= 0:
                # The slot is the head's; a newcomer may be on top of the heap by now.
                if self._heap[0] is head:
                    heapq.heappop(self._heap)
                else:
                    self._heap.remove(head)
                    heapq.heapify(self._heap)
                if head.granted.done():
                    await self._budget.refund(head.ticket, head.cost)
                else:
                    head.granted.set_result(None)
                continue
            await self._nap(self._until_leaving(wait))

    async def _nap(self, seconds: float) -> None:
        """Sleep, but wake when a call arrives that may go before the current head."""
        napping = asyncio.ensure_future(self._sleep(seconds))
        arrival = asyncio.ensure_future(self._arrived.wait())
        try:
            await asyncio.wait({napping, arrival}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (napping, arrival):
                task.cancel()
            # Waiting on cancelled tasks returns at once and never swallows our own cancel.
            await asyncio.wait({napping, arrival})

    # ------------------------------------------------------------------ pauses

    async def _wait_for_pauses(self, chat: int | None) -> None:
        """Calls outside the message limits (typing, callback answers) still honour 429s."""
        wait = self._paused_until - self._clock()
        if chat is not None:
            wait = max(wait, await self._budget.chat_paused_for(chat, now_ms=self._now_ms()))
        if wait > 0:
            await self._sleep(self._until_leaving(wait))

    async def _pause(self, chat: int | None, seconds: float) -> None:
        if chat is None:
            self._paused_until = max(self._paused_until, self._clock() + seconds)
            await self._budget.pause_all(seconds, now_ms=self._now_ms())
        else:
            self._remember_chat(chat, seconds)
            await self._budget.pause_chat(chat, seconds, now_ms=self._now_ms())

    # ------------------------------------------------------------------ bookkeeping

    def _remember_chat(self, chat: int, seconds: float) -> None:
        now = self._clock()
        if len(self._chat_free_at) > 10_000:
            self._chat_free_at = {c: t for c, t in self._chat_free_at.items() if t > now}
        self._chat_free_at[chat] = max(self._chat_free_at.get(chat, 0.0), now + seconds)

    def _until_leaving(self, seconds: float = math.inf) -> float:
        """`seconds`, cut to what is left before a leaving worker's deadline (0 once past)."""
        if self._leave_at is None:
            return seconds
        return max(0.0, min(seconds, self._leave_at - self._clock()))

    def _defer(self, seconds: float) -> Deferred:
        metrics.TELEGRAM_DEFERRED.inc()
        return Deferred(seconds)

    def _now_ms(self) -> int:
        return round(self._clock() * 1000) if self._shared_clock else -1


def _chat_id(data: dict[str, Any]) -> int | None:
    chat = data.get("chat_id")
    try:
        return int(chat) if chat is not None else None
    except (TypeError, ValueError):
        return None  # an @channel username: not a chat Coordi writes to


def _seconds(value: object) -> float:
    total_seconds = getattr(value, "total_seconds", None)
    return float(total_seconds()) if callable(total_seconds) else float(value)  # type: ignore[arg-type]
