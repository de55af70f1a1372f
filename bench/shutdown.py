"""Shutdown: SIGTERM to a worker while N answers stream, at default settings.

One real `python -m bot` webhook worker on an embedded Redis, the fake Bot API with
Telegram's real limits (30 calls/s for the bot, a change a second per chat) and a fake model
streaming a long answer (~40 s) into every chat. Once every chat shows its answer and it has
been edited, the worker gets SIGTERM. Columns:
- "exit": SIGTERM to the process having exited, seconds (Docker kills at 10).
- "answers", "finalise", "close": the worker's own timings of the three parts of the
  shutdown (bot.lifecycle.shutdown), from its log.
- "complete": answers that finished; "marked": answers cut, ending with the restart note;
  "bare": neither (a final edit that could not go out in time); "⏹ left": answers still
  carrying the stop button; "429s": calls the fake Bot API refused.
Run by hand, e.g.:

    python bench/shutdown.py --chats 1 10 30 60 --rounds 3
    python bench/shutdown.py --chats 30 --grace 20     # SHUTDOWN_GRACE_SECONDS=20
    PYTHONPATH=/path/to/other/checkout python bench/shutdown.py --chats 10   # its worker
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.embedded_redis import EmbeddedRedis
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer, SentMessage
from tests.fakes.updates import UpdateFactory
from tests.harness import WEBHOOK_SECRET
from tests.test_workers import WorkerProcess

TOKEN = "123456:SHUTDOWN"
NOTE = "서버 재시작으로 답변이 여기서 끊겼어요. 같은 질문을 다시 보내 주세요."
REPLY = "셔츠와 슬랙스, 로퍼로 마무리해요. " * 400  # 8000 characters, 40 s at 4 per 20 ms


def complete(message: SentMessage) -> bool:
    """A finished answer's last message carries the 👍/👎 buttons."""
    return "👍" in json.dumps(message.reply_markup, ensure_ascii=False)


def timings(log: Path) -> dict[str, float]:
    found: dict[str, float] = {}
    for line in log.read_text().splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            for key in ("answers_s", "finalise_s", "close_s"):
                if key in record:
                    found[key] = record[key]
    return found


async def one_round(chats: int, grace: float | None, tmp: Path, n: int) -> dict[str, Any]:
    redis = EmbeddedRedis(tmp / f"redis-{chats}-{n}")
    redis.start()
    try:
        async with (
            FakeTelegramServer(token=TOKEN) as telegram,
            FakeOpenAIServer() as model,
            aiohttp.ClientSession() as session,
        ):
            updates = UpdateFactory(bot_username=telegram.bot_username, bot_id=telegram.bot_id)
            env = {
                "PATH": os.environ["PATH"], "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_BASE_URL": telegram.base_url, "TELEGRAM_BASE_FILE_URL": telegram.base_file_url,
                "OPENAI_BASE_URL": model.base_url, "OPENAI_API_KEY": "sk-bench", "REDIS_URL": redis.url,
                "WEBHOOK_URL": "https://shutdown.example/hook", "WEBHOOK_SECRET": WEBHOOK_SECRET,
                "TURNS_PER_MINUTE_CHAT": "100", "TURNS_PER_MINUTE_USER": "100",
                **({"SHUTDOWN_GRACE_SECONDS": str(grace)} if grace is not None else {}),
                # Lets a side-by-side run point the worker at another checkout.
                **({"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}),
            }  # fmt: skip
            worker = WorkerProcess(env, tmp, f"shutdown-{chats}-{n}")
            await worker.start(session)
            chat_ids = [6_000_000 + c for c in range(chats)]
            for _ in chat_ids:
                model.script(REPLY, chunk_size=4, interval=0.02)
            await asyncio.gather(*(worker.post(session, updates.text(c, "추천")) for c in chat_ids))
            await telegram.wait_for(
                lambda s: all(s.messages(c) and s.messages(c)[0].edits for c in chat_ids), 120
            )
            assert worker.process is not None
            # SIGTERM at a random point between two edits: the cut's wait for the chat's
            # interval depends on it.
            await asyncio.sleep(random.Random(chats * 100 + n).uniform(0, 1))
            loop = asyncio.get_running_loop()
            signalled = loop.time()
            worker.process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(worker.process.wait(), 60)
            exit_s = loop.time() - signalled
            # A long answer continues in a second message: its last one says how it ended.
            answers = [telegram.messages(c)[-1] for c in chat_ids]
            shown = [json.dumps([m.reply_markup for m in telegram.messages(c)]) for c in chat_ids]
            return {
                "chats": chats, "exit": exit_s, "code": code, **timings(worker.log),
                "complete": sum(complete(a) for a in answers),
                "marked": sum(a.text.endswith(NOTE) for a in answers),
                "bare": sum(not complete(a) and not a.text.endswith(NOTE) for a in answers),
                "buttons": sum('"stop"' in markup for markup in shown),
                "refused": len(telegram.limits.refused),
            }  # fmt: skip
    finally:
        redis.stop()


async def main(args: argparse.Namespace) -> None:
    print(
        "chats  round  exit s  code  answers s  finalise s  close s  complete  marked  bare  "
        "⏹ left  429s"
    )
    with tempfile.TemporaryDirectory(dir=args.keep) as folder:
        for chats in args.chats:
            for n in range(args.rounds):
                row = await one_round(chats, args.grace, Path(folder), n)
                print(
                    f"{row['chats']:5}  {n + 1:5}  {row['exit']:6.2f}  {row['code']:4}  "
                    f"{row.get('answers_s', float('nan')):9.2f}  "
                    f"{row.get('finalise_s', float('nan')):10.2f}  "
                    f"{row.get('close_s', float('nan')):7.2f}  {row['complete']:8}  {row['marked']:6}  "
                    f"{row['bare']:4}  {row['buttons']:6}  {row['refused']:4}",
                    flush=True,
                )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--grace", type=float, default=None, help="SHUTDOWN_GRACE_SECONDS")
    parser.add_argument("--keep", default=None, help=argparse.SUPPRESS)
    asyncio.run(main(parser.parse_args()))
