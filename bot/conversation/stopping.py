"""Answers being streamed right now, so /stop, the ⏹ button or a shutdown can end them.

A /stop may reach any worker, not the one streaming the chat's answer: the answers this
worker streams are kept here (a local /stop and a shutdown end them at once), and each is
also registered in Redis (`storage.answer_stops`), where a /stop on another worker leaves a
flag that the streaming worker looks for every `STOP_POLL_SECONDS`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import secrets
from collections.abc import AsyncIterator
from typing import Literal

from bot.tasks import cancel_and_wait
from storage.answer_stops import AnswerStops
from storage.keys import ChatScope

log = logging.getLogger(__name__)

StopReason = Literal["user", "shutdown"]
# How often a streaming answer asks Redis whether another worker was told to stop it: a
# stop there ends the stream within this (plus a round trip), at one GET per streaming
# answer per poll (every fourth poll a short script instead, sliding the key's expiry).
STOP_POLL_SECONDS = 0.5
# The answer's registration is removed when it ends; a Redis that does not answer by then
# only leaves it to expire.
END_WAIT_SECONDS = 1.0


class StopSignal(asyncio.Event):
    """An event that also says why the answer has to stop."""

    reason: StopReason = "user"


class RunningAnswers:
    def __init__(
        self, shared: AnswerStops | None = None, *, poll_seconds: float = STOP_POLL_SECONDS
    ) -> None:
        self._stops: dict[ChatScope, StopSignal] = {}
        self._idle = asyncio.Event()
        self._idle.set()
        self._shared = shared
        self._poll = poll_seconds
        self._refusing: StopReason | None = None

    @contextlib.asynccontextmanager
    async def track(self, key: ChatScope) -> AsyncIterator[StopSignal]:
        stop = StopSignal()
        if self._refusing is not None:
            # A worker that is shutting down starts no answer it could not finish.
            stop.reason = self._refusing
            stop.set()
        self._stops[key] = stop
        self._idle.clear()
        token = secrets.token_hex(8)
        watcher = None
        if self._shared is not None and not stop.is_set():
            watcher = asyncio.create_task(self._watch(self._shared, key, token, stop))
        try:
            yield stop
        finally:
            if watcher is not None:
                await cancel_and_wait(watcher)
                await self._unregister(key, token)
            if self._stops.get(key) is stop:
                del self._stops[key]
            if not self._stops:
                self._idle.set()

    def stop(self, key: ChatScope, reason: StopReason = "user") -> bool:
        """Ask this worker's answer in the chat to stop; False when none is running here."""
        stop = self._stops.get(key)
        if stop is None or stop.is_set():
            return False
        stop.reason = reason
        stop.set()
        return True

    async def request_stop(self, key: ChatScope) -> bool:
        """Stop the chat's answer on whichever worker streams it; False when none streams."""
        if self.stop(key):
            return True
        return self._shared is not None and await self._shared.request(key)

    def stop_all(self, reason: StopReason) -> int:
        return sum(self.stop(key, reason) for key in list(self._stops))

    def refuse_new(self, reason: StopReason) -> None:
        """From now on every answer that starts is stopped at once (the worker is leaving)."""
        self._refusing = reason

    async def wait_idle(self, timeout: float) -> bool:  # noqa: ASYNC109
        """True when no answer is streaming any more, False if `timeout` passed first."""
        try:
            async with asyncio.timeout(timeout):
                await self._idle.wait()
        except TimeoutError:
            return False
        return True

    def __len__(self) -> int:
        return len(self._stops)

    async def _watch(
        self, shared: AnswerStops, key: ChatScope, token: str, stop: StopSignal
    ) -> None:
        """Register the answer, then look for a stop asked on another worker."""
        failing = False
        for poll in itertools.count():
            if stop.is_set():
                return
            try:
                if poll == 0:
                    await shared.begin(key, token)
                # Every fourth look also slides the registration's expiry.
                elif await shared.poll(key, token, refresh=poll % 4 == 0) and not stop.is_set():
                    stop.reason = "user"
                    stop.set()
                failing = False
            except Exception as exc:  # a blip must not end the answer: look again
                if not failing:  # once per outage, not twice a second
                    log.warning("Could not look for a stop in Redis: %s", type(exc).__name__)
                failing = True
            await asyncio.sleep(self._poll)

    async def _unregister(self, key: ChatScope, token: str) -> None:
        assert self._shared is not None
        try:
            await asyncio.wait_for(self._shared.end(key, token), END_WAIT_SECONDS)
        except Exception as exc:  # it expires by itself within seconds
            log.warning("Could not unregister a finished answer: %s", type(exc).__name__)
