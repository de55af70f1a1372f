"""Streaming latency, Telegram calls per answer and limit violations under load.

A fake model streams 300 tokens at 60 tokens/s after 0.3 s; the real worker
(python-telegram-bot, openai client, Redis) streams to the fake Bot API. For
1, 20 and 100 simultaneous chats, private and group. Run by hand:

    python bench/streaming.py [--chats 1 20 100]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.embedded_redis import EmbeddedRedis
from bot.settings import Settings
from bot.telegram.rendering import render
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import WEBHOOK_SECRET, Worker

TOKEN = "123456:BENCH"
TOKENS, TOKEN_RATE, FIRST_TOKEN_DELAY = 300, 60.0, 0.3
REPLY = "".join(f"**{n}** 코디 " if n % 25 == 0 else "옷 " for n in range(TOKENS))
SENDS = ("sendMessage", "editMessageText")
GLOBAL_LIMIT_PER_SECOND = 30


def global_violations(telegram: FakeTelegramServer) -> int:
    """Seconds-long windows in which the bot made more than 30 send/edit calls in total."""
    times = sorted(call.at for call in telegram.calls if call.method in SENDS)
    worst, start = 0, 0
    for end, at in enumerate(times):
        while at - times[start] >= 1.0:
            start += 1
        worst = max(worst, end - start + 1)
    return max(0, worst - GLOBAL_LIMIT_PER_SECOND)


async def run_case(redis_url: str, chats: int, group: bool, tmp: Path) -> dict[str, object]:
    async with FakeTelegramServer(token=TOKEN) as telegram, FakeOpenAIServer() as model:
        # Update ids must be new to the shared Redis, or workers drop them as duplicates.
        updates = UpdateFactory(
            bot_username=telegram.bot_username,
            bot_id=telegram.bot_id,
            first_update_id=1 + chats * 1000 + (500_000 if group else 0),
        )
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            telegram_bot_token=TOKEN,
            telegram_base_url=telegram.base_url,
            telegram_base_file_url=telegram.base_file_url,
            openai_base_url=model.base_url,
            openai_max_retries=0,
            webhook_url="https://bench.example/telegram",
            webhook_secret=WEBHOOK_SECRET,
            redis_data_dir=str(tmp),
        )
        worker = Worker(settings, redis_url)
        await worker.start()
        try:
            for _ in range(chats):
                model.script(
                    REPLY, chunk_size=len(REPLY) // TOKENS, interval=1 / TOKEN_RATE,
                    first_token_delay=FIRST_TOKEN_DELAY,
                )  # fmt: skip
            base = -1_000_000_000 if group else 1_000_000
            chat_ids = [base - n if group else base + n for n in range(chats)]
            prefix = f"@{telegram.bot_username} " if group else ""
            batch = [updates.text(chat, f"{prefix}Q{chat}") for chat in chat_ids]
            telegram.clear_calls()
            loop = asyncio.get_running_loop()
            started = loop.time()
            await asyncio.gather(*(worker.post(update) for update in batch))
            final = render(REPLY)[0]
            await telegram.wait_for(
                lambda s: all(s.messages(c) and s.messages(c)[-1].text == final for c in chat_ids),
                timeout=300,
            )
            wall = loop.time() - started
            await worker.idle()
        finally:
            await worker.stop()
        latencies = []
        for index, request in enumerate(model.requests):
            chat = int(request["messages"][-1]["content"].removeprefix("Q"))
            first_send = min(
                c.at for c in telegram.calls_to("sendMessage") if c.params["chat_id"] == chat
            )
            latencies.append((first_send - model.first_content_at[index]) * 1000)
        sends = [c for c in telegram.calls if c.method in SENDS]
        per_chat = telegram.limit_violations(min_interval_private=1.0, per_minute_group=20)
        for line in per_chat[:3]:
            print("  violation:", line)
        return {
            "chat": "group" if group else "private",
            "chats": chats,
            "first_text_ms_p50": round(statistics.median(latencies), 1),
            "first_text_ms_p90": round(statistics.quantiles(latencies, n=10)[-1], 1)
            if chats > 1
            else round(latencies[0], 1),
            "calls_per_answer": round(len(sends) / chats, 1),
            "violations": f"{len(per_chat)}+{global_violations(telegram)}",
            "wall_s": round(wall, 2),
        }


async def main(chat_counts: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        redis = EmbeddedRedis(Path(tmp) / "redis")
        redis.start()
        try:
            print(f"model: {TOKENS} tokens at {TOKEN_RATE:.0f}/s after {FIRST_TOKEN_DELAY}s; "
                  "intervals: private 1.0 s, group 3.2 s; shared Telegram budget 20 calls/s, bursts of 8")  # fmt: skip
            header = (
                "chat",
                "chats",
                "first text p50 ms",
                "p90 ms",
                "calls/answer",
                "violations c+g",
                "wall s",
            )
            print("  ".join(f"{h:>17}" for h in header))
            for group in (False, True):
                for chats in chat_counts:
                    row = await run_case(redis.url, chats, group, Path(tmp))
                    print("  ".join(f"{v!s:>17}" for v in row.values()))
        finally:
            redis.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, nargs="+", default=[1, 20, 100])
    asyncio.run(main(parser.parse_args().chats))
