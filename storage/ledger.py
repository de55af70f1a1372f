"""What answers cost and how users rated them: monthly usage (a private chat's, or a group
member's own), answers, feedback, stats.

Answer records hold no text and no chat id: the id travels in the 👍/👎
buttons, and statistics need only the variant, model, tokens, cost and latency.
"""

from __future__ import annotations

import math
import secrets
import time
from dataclasses import dataclass
from typing import Literal

from storage import keys
from storage.connection import RedisClient
from storage.keys import MemberScope

MICRO = 1_000_000
RECORD_TTL = 90 * 24 * 3600
USAGE_TTL = 40 * 24 * 3600  # a month of accounting, plus a margin
LATENCY_SAMPLES = 5000


@dataclass(frozen=True)
class AnswerRecord:
    variant: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    first_text_ms: float | None
    total_ms: float
    status: str


@dataclass(frozen=True)
class MonthUsage:
    month: str
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    answers: int


@dataclass(frozen=True)
class VariantStats:
    variant: str
    answers: int
    up: int
    down: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float


def this_month(now: float | None = None) -> str:
    return time.strftime("%Y-%m", time.gmtime(now))


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile; None without samples."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


class Ledger:
    def __init__(self, redis: RedisClient) -> None:
        self._redis = redis

    async def add_usage(
        self,
        owner: MemberScope,
        prompt_tokens: int,
        completion_tokens: int,
        cost_usd: float,
        *,
        answers: int = 0,
    ) -> None:
        key = keys.usage(owner, this_month())
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hincrby(key, "prompt_tokens", prompt_tokens)
            pipe.hincrby(key, "completion_tokens", completion_tokens)
            pipe.hincrby(key, "cost_micros", round(cost_usd * MICRO))
            pipe.hincrby(key, "answers", answers)
            pipe.expire(key, USAGE_TTL)
            await pipe.execute()

    async def month_usage(self, owner: MemberScope) -> MonthUsage:
        month = this_month()
        raw = _int_fields(await self._redis.hgetall(keys.usage(owner, month)))
        return MonthUsage(
            month,
            raw.get("prompt_tokens", 0),
            raw.get("completion_tokens", 0),
            raw.get("cost_micros", 0) / MICRO,
            raw.get("answers", 0),
        )

    @staticmethod
    def new_answer_id() -> str:
        return secrets.token_hex(6)

    async def record_answer(self, record: AnswerRecord, answer_id: str | None = None) -> str:
        """Store the answer's record under ``answer_id`` (a new one if None); returns it.
        The id may be made first so the final message carries its 👍/👎 buttons before the
        record, which needs that message's time, is written."""
        answer_id = answer_id or self.new_answer_id()
        fields = {
            "variant": record.variant,
            "model": record.model,
            "prompt_tokens": record.prompt_tokens,
            "completion_tokens": record.completion_tokens,
            "cost_micros": round(record.cost_usd * MICRO),
            "total_ms": round(record.total_ms),
            "status": record.status,
            "vote": "",
            "at": int(time.time()),
        }
        if record.first_text_ms is not None:
            fields["first_text_ms"] = round(record.first_text_ms)
        totals = keys.variant_totals(record.variant)
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hset(keys.answer(answer_id), mapping=fields)  # type: ignore[arg-type]
            pipe.expire(keys.answer(answer_id), RECORD_TTL)
            pipe.hincrby(totals, "answers", 1)
            pipe.hincrby(totals, "prompt_tokens", record.prompt_tokens)
            pipe.hincrby(totals, "completion_tokens", record.completion_tokens)
            pipe.hincrby(totals, "cost_micros", round(record.cost_usd * MICRO))
            if record.first_text_ms is not None:
                pipe.lpush(keys.latencies("first_text"), round(record.first_text_ms))
                pipe.ltrim(keys.latencies("first_text"), 0, LATENCY_SAMPLES - 1)
            pipe.lpush(keys.latencies("total"), round(record.total_ms))
            pipe.ltrim(keys.latencies("total"), 0, LATENCY_SAMPLES - 1)
            await pipe.execute()
        return answer_id

    async def answer_facts(self, answer_id: str) -> tuple[str, str, int] | None:
        """(variant, model, when it was recorded) of an answer, or None if unknown."""
        raw = await self._redis.hmget(keys.answer(answer_id), ["variant", "model", "at"])
        if raw[0] is None:
            return None
        return _text(raw[0]), _text(raw[1] or b""), int(raw[2] or 0)

    async def vote(self, answer_id: str, vote: Literal["up", "down"]) -> bool:
        """Store a 👍/👎; a changed vote moves the count. False for an unknown answer."""
        key = keys.answer(answer_id)
        raw = await self._redis.hmget(key, ["variant", "vote"])
        if raw[0] is None:
            return False
        variant, previous = _text(raw[0]), _text(raw[1] or b"")
        if previous == vote:
            return True
        totals = keys.variant_totals(variant)
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hset(key, "vote", vote)
            pipe.hincrby(totals, vote, 1)
            if previous:
                pipe.hincrby(totals, previous, -1)
            await pipe.execute()
        return True

    async def variant_stats(self, variants: tuple[str, ...] = ("A", "B")) -> list[VariantStats]:
        stats = []
        for variant in variants:
            raw = await self._redis.hgetall(keys.variant_totals(variant))
            values = _int_fields(raw)
            stats.append(
                VariantStats(
                    variant,
                    values.get("answers", 0),
                    values.get("up", 0),
                    values.get("down", 0),
                    values.get("prompt_tokens", 0),
                    values.get("completion_tokens", 0),
                    values.get("cost_micros", 0) / MICRO,
                )
            )
        return stats

    async def latencies(self, kind: Literal["first_text", "total"]) -> list[float]:
        return [float(v) for v in await self._redis.lrange(keys.latencies(kind), 0, -1)]


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _int_fields(raw: dict[bytes | str, bytes | str]) -> dict[str, int]:
    return {_text(key): int(value) for key, value in raw.items()}
