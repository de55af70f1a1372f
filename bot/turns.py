"""One conversation turn: stored photos + history + question in, a streamed answer out.

Telegram-free: the answer goes to any StreamSink, so the same flow serves the
bot, a terminal and the tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterable, AsyncIterator, Hashable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from bot.language import Lang
from bot.llm import ModelClient, ModelError
from bot.replies import say
from bot.streaming import StreamController, StreamSink
from prompts.builder import TurnInput, build_messages, question_text
from storage.chat_store import ChatStore, HistoryMessage
from storage.keys import ChatScope

log = logging.getLogger(__name__)

CUT_OFF_MARK = "[answer cut off]"
STOPPED_MARK = "[answer stopped by the user]"


class AnswerStopped(Exception):
    """The user pressed ⏹ or sent /stop while the answer streamed."""


class AnswerSink(StreamSink, Protocol):
    async def fail(self, message: str) -> None:
        """Tell the user the answer could not be made."""


@dataclass(frozen=True)
class TurnOutcome:
    status: Literal["complete", "cut_off", "stopped", "failed"]
    text: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None


class ChatLocks:
    """One lock per chat so a chat's turns run one at a time, in order."""

    def __init__(self) -> None:
        self._locks: dict[Hashable, tuple[asyncio.Lock, int]] = {}

    @contextlib.asynccontextmanager
    async def hold(self, key: Hashable) -> AsyncIterator[None]:
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)


class Stylist:
    def __init__(
        self,
        store: ChatStore,
        model: ModelClient,
        *,
        image_detail: str,
        history_token_budget: int,
    ) -> None:
        self.store = store
        self.model = model
        self._detail = image_detail
        self._history_budget = history_token_budget

    async def answer(
        self,
        scope: ChatScope,
        sink: AnswerSink,
        *,
        lang: Lang,
        question: str | None,
        new_photo_numbers: Sequence[int] = (),
        edit_interval: float,
        stop: asyncio.Event | None = None,
    ) -> TurnOutcome:
        turn = TurnInput(
            lang=lang,
            question=question,
            photos=await self.store.photos(scope),
            history=await self.store.history(scope),
            occasion=await self.store.occasion(scope),
            new_photo_numbers=new_photo_numbers,
        )
        messages = build_messages(
            turn, detail=self._detail, history_token_budget=self._history_budget
        )
        stream = self.model.stream(messages)
        controller = StreamController(sink, edit_interval)
        user_message = HistoryMessage("user", question_text(turn))
        try:
            text = await _run_until_stopped(controller, stream, stop)
        except AnswerStopped:
            await controller.finish(note=say("stopped", lang))
            stopped = HistoryMessage("assistant", f"{STOPPED_MARK} {controller.text}")
            await self.store.append_history(scope, user_message, stopped)
            return TurnOutcome("stopped", controller.text)
        except ModelError as exc:
            log.warning("Model failed (%s) after %d characters", exc.kind, len(controller.text))
            if not controller.text.strip():
                await sink.fail(
                    say("model_busy" if exc.kind == "rate_limited" else "model_down", lang)
                )
                return TurnOutcome("failed", "")
            await controller.finish(note=say("cut_off", lang))
            # Keep the partial answer for context, marked so it is not taken as complete.
            partial = HistoryMessage("assistant", f"{CUT_OFF_MARK} {controller.text}")
            await self.store.append_history(scope, user_message, partial)
            return TurnOutcome("cut_off", controller.text)
        if not text.strip():
            log.warning("Model returned an empty answer")
            await sink.fail(say("model_down", lang))
            return TurnOutcome("failed", "")
        await controller.finish()
        await self.store.append_history(scope, user_message, HistoryMessage("assistant", text))
        usage = stream.usage
        return TurnOutcome(
            "complete",
            text,
            prompt_tokens=usage.prompt_tokens if usage else None,
            completion_tokens=usage.completion_tokens if usage else None,
        )


async def _run_until_stopped(
    controller: StreamController, stream: AsyncIterable[str], stop: asyncio.Event | None
) -> str:
    """Run the stream; if `stop` is set first, cancel it and raise AnswerStopped."""
    run = asyncio.ensure_future(controller.run(stream))
    if stop is None:
        return await run
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({run, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if run.done():
            return run.result()
        run.cancel()
        with contextlib.suppress(asyncio.CancelledError, ModelError):
            await run
        raise AnswerStopped
    finally:
        stopper.cancel()
        if not run.done():
            run.cancel()
