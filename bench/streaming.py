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
            # One user asks in every group here: the per-user limit is not what is measured.
            turns_per_minute_user=10_000,
            turns_per_minute_chat=10_000,
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
        # First token -> the first message that carries 4+ characters of the answer (a
        # lone first token "A" does not count as text the user can read).
        first_text: dict[int, float] = {}
        for call in telegram.calls:
            if not call.ok or call.method not in SENDS:
                continue
            chat, text = call.params["chat_id"], str(call.params.get("text", "")).strip()
            if chat not in first_text and len(text) >= 4 and final.startswith(text):
                first_text[chat] = call.at
        latencies = []
        for index, request in enumerate(model.requests):
            chat = int(request["messages"][-1]["content"].split()[-1].removeprefix("Q"))
            latencies.append((first_text[chat] - model.first_content_at[index]) * 1000)
        sends = [c for c in telegram.calls if c.method in SENDS and c.ok]
        refused = len(telegram.limits.refused)
        return {
            "chat": "group" if group else "private",
            "chats": chats,
            "first_text_ms_p50": round(statistics.median(latencies), 1),
            "first_text_ms_p90": round(statistics.quantiles(latencies, n=10)[-1], 1)
            if chats > 1
            else round(latencies[0], 1),
            "calls_per_answer": round(len(sends) / chats, 1),
            "violations": refused,
            "wall_s": round(wall, 2),
        }


async def main(chat_counts: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        redis = EmbeddedRedis(Path(tmp) / "redis")
        redis.start()
        try:
            print(f"model: {TOKENS} tokens at {TOKEN_RATE:.0f}/s after {FIRST_TOKEN_DELAY}s; "
                  "intervals: private 1.0 s, group 3.2 s; Telegram's limits enforced by the fake; "
                  "default budget (28 calls in any second)")  # fmt: skip
            header = (
                "chat",
                "chats",
                "token->text p50 ms",
                "p90 ms",
                "calls/answer",
                "429 refused",
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
