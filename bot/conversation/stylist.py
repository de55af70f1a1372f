"""One conversation turn: wardrobe + history + question in, a streamed answer out.

Telegram-free: the answer goes to any AnswerSink, so the same flow serves the
bot, the terminal (`python -m bot chat`) and the tests.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from bot import metrics
from bot.conversation.stopping import StopSignal
from bot.model.client import ModelClient, ModelError, Usage
from bot.model.pricing import cost_usd
from bot.tasks import cancel_and_wait
from bot.telegram.replies import say
from bot.telegram.streaming import StreamController, StreamSink
from bot.wardrobe.card_maker import make_cards
from bot.weather.desk import WeatherDesk
from prompts.builder import PromptLimits, TurnInput, build_prompt, question_text, system_template
from prompts.language import Lang
from prompts.leak_guard import InstructionsLeaked, guarded
from prompts.text_tokens import count_text_tokens
from prompts.variants import variant_for
from storage.chat_store import ChatStore
from storage.keys import MemberScope
from storage.ledger import AnswerRecord, Ledger
from storage.records import HistoryMessage, StoredPhoto

log = logging.getLogger(__name__)

CUT_OFF_MARK = "[answer cut off]"
STOPPED_MARK = "[answer stopped by the user]"
Status = Literal["complete", "cut_off", "stopped", "failed"]


class AnswerStopped(Exception):
    """The user pressed ⏹ or sent /stop while the answer streamed."""


class AnswerSink(StreamSink, Protocol):
    async def fail(self, message: str) -> None:
        """Tell the user the answer could not be made."""

    def set_answer_id(self, answer_id: str) -> None:
        """The finished answer's id, for feedback buttons (sinks may ignore it)."""


@dataclass(frozen=True)
class TurnOutcome:
    status: Status
    text: str
    answer_id: str | None = None
    variant: str = "A"
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    images: tuple[int, ...] = ()
    first_text_ms: float | None = None
    total_ms: float | None = None
    # The photos the answer was built from: the outfit board draws from the same ones.
    photos: tuple[StoredPhoto, ...] = ()
    # Why the model failed or broke off, for whoever can say more than the user is told.
    error: ModelError | None = None


class Stylist:
    def __init__(
        self,
        store: ChatStore,
        model: ModelClient,
        ledger: Ledger,
        *,
        limits: PromptLimits,
        prices: Mapping[str, tuple[float, float]],
        variant_b_share: float = 0.0,
        weather: WeatherDesk | None = None,
    ) -> None:
        self.store = store
        self.weather = weather
        self.model = model
        self.ledger = ledger
        self.limits = limits
        self._prices = prices
        self._variant_b_share = variant_b_share

    async def describe_photos(self, owner: MemberScope, numbers: Sequence[int], lang: Lang) -> int:
        """Wardrobe cards for new photos (one vision call), billed to their owner; returns how
        many were kept. It runs outside the chat's queue: a card whose photo went (or was
        replaced) while the model looked is not kept (ChatStore.set_cards)."""
        if not numbers:
            return 0

        async def still_stored() -> list[StoredPhoto]:
            return [p for p in await self.store.photos(owner) if p.meta.number in numbers]

        cards, usage, photos = await make_cards(self.model, still_stored, lang)
        kept = await self.store.set_cards(owner, cards, [photo.meta for photo in photos])
        if usage is not None:
            cost = cost_usd(
                self.model.model, usage.prompt_tokens, usage.completion_tokens, self._prices
            )
            await self.ledger.add_usage(owner, usage.prompt_tokens, usage.completion_tokens, cost)
        return kept

    async def _weather_line(
        self, owner: MemberScope, user_id: int | None, question: str | None
    ) -> str | None:
        """The forecast for the occasion's day at the user's city; None without one."""
        if self.weather is None or user_id is None:
            return None
        return await self.weather.line_for(
            owner.chat_id, user_id, question, lambda: self.store.occasion(owner.place)
        )

    async def answer(
        self,
        owner: MemberScope,
        sink: AnswerSink,
        *,
        lang: Lang,
        question: str | None,
        new_photo_numbers: Sequence[int] = (),
        edit_interval: float,
        stop: StopSignal | None = None,
        user_id: int | None = None,
    ) -> TurnOutcome:
        if stop is not None and stop.is_set() and stop.reason == "shutdown":
            # A worker that is leaving starts no answer it could not finish.
            await sink.fail(say("shutdown_busy", lang))
            return TurnOutcome("stopped", "")
        started = time.monotonic()
        store = self.store
        # Independent reads: one round trip's wait instead of five in a row.
        photos, history, occasion, cards, style, weather = await asyncio.gather(
            store.photos(owner),
            store.history(owner),
            store.occasion(owner.place),
            store.cards(owner),
            store.style(owner),
            self._weather_line(owner, user_id, question),
        )
        stored = {photo.meta.number for photo in photos}
        turn = TurnInput(
            lang=lang,
            question=question,
            photos=photos,
            history=history,
            occasion=occasion,
            # A photo forgotten since it arrived is not even named as new.
            new_photo_numbers=tuple(n for n in new_photo_numbers if n in stored),
            cards=cards,
            style=style,
            variant=variant_for(owner.chat_id, self._variant_b_share),
            weather=weather,
        )
        prompt = build_prompt(turn, self.limits)
        stream = self.model.stream(prompt.messages)
        controller = StreamController(sink, edit_interval)
        user_message = HistoryMessage("user", question_text(turn))

        async def settle(status: Status, text: str, answer_id: str | None = None) -> TurnOutcome:
            # Tokens are billed even for a cut answer; estimate when usage never arrived.
            usage = stream.usage or Usage(prompt.estimated_tokens, count_text_tokens(text))
            cost = cost_usd(
                stream.model, usage.prompt_tokens, usage.completion_tokens, self._prices
            )
            first = controller.first_shown_at
            record = AnswerRecord(
                variant=turn.variant,
                model=stream.model,
                prompt_tokens=usage.prompt_tokens,
                completion_tokens=usage.completion_tokens,
                cost_usd=cost,
                first_text_ms=None if first is None else (first - started) * 1000,
                total_ms=(time.monotonic() - started) * 1000,
                status=status,
            )
            metrics.ANSWERS.labels(status, turn.variant).inc()
            metrics.TOKENS.labels("prompt").inc(usage.prompt_tokens)
            metrics.TOKENS.labels("completion").inc(usage.completion_tokens)
            metrics.COST.inc(cost)
            metrics.ANSWER_TIME.observe(record.total_ms / 1000)
            if record.first_text_ms is not None:
                metrics.FIRST_TEXT.observe(record.first_text_ms / 1000)
            answer_id = await self.ledger.record_answer(record, answer_id)
            await self.ledger.add_usage(
                owner, usage.prompt_tokens, usage.completion_tokens, cost, answers=1
            )
            return TurnOutcome(status, text, answer_id, turn.variant, usage.prompt_tokens,
                               usage.completion_tokens, cost, prompt.images,
                               record.first_text_ms, record.total_ms,
                               tuple(turn.photos))  # fmt: skip

        instructions = system_template(turn.variant)
        try:
            text = await _run_until_stopped(controller, guarded(stream, instructions), stop)
        except InstructionsLeaked:
            log.warning("An answer started quoting the instructions; replaced with a refusal")
            metrics.ANSWERS.labels("refused", turn.variant).inc()
            refusal = say("no_instructions", lang)
            await sink.fail(refusal)
            await store.append_history(owner, user_message, HistoryMessage("assistant", refusal))
            return TurnOutcome("failed", refusal, variant=turn.variant)
        except AnswerStopped:
            # A restart that cannot wait for the answer says so, so the user can ask again.
            # The text goes out before the record is written: an answer shown only now has
            # its first-text time, and a worker shutting down shows it first.
            reason = stop.reason if stop is not None else "user"
            await controller.finish(
                note=say("stopped" if reason == "user" else "shutdown_cut", lang),
                at_once=reason == "shutdown",
            )
            outcome = await settle("stopped", controller.text)
            stopped = HistoryMessage("assistant", f"{STOPPED_MARK} {controller.text}")
            await store.append_history(owner, user_message, stopped)
            return outcome
        except ModelError as exc:
            log.warning("Model failed (%s) after %d characters", exc, len(controller.text))
            metrics.MODEL_ERRORS.labels(exc.kind).inc()
            if not controller.text.strip():
                await sink.fail(
                    say("model_busy" if exc.kind == "rate_limited" else "model_down", lang)
                )
                return TurnOutcome("failed", "", variant=turn.variant, error=exc)
            await controller.finish(note=say("cut_off", lang))
            outcome = replace(await settle("cut_off", controller.text), error=exc)
            # Keep the partial answer for context, marked so it is not taken as complete.
            partial = HistoryMessage("assistant", f"{CUT_OFF_MARK} {controller.text}")
            await store.append_history(owner, user_message, partial)
            return outcome
        if not text.strip():
            log.warning("Model returned an empty answer")
            await sink.fail(say("model_down", lang))
            return TurnOutcome("failed", "", variant=turn.variant)
        # The final message carries the 👍/👎 buttons of an answer not yet recorded: an
        # answer that arrived whole is first shown by that message, and its record needs
        # the time.
        answer_id = self.ledger.new_answer_id()
        sink.set_answer_id(answer_id)
        await controller.finish()
        outcome = await settle("complete", text, answer_id)
        await store.append_history(owner, user_message, HistoryMessage("assistant", text))
        return outcome


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
        await cancel_and_wait(run, ModelError)
        raise AnswerStopped
    finally:
        stopper.cancel()
        if not run.done():
            run.cancel()
