"""Load, black-box: N chats each send a photo, then a question 0.6 s later.

Everything runs as its own process, as in production: the worker(s) (`python -m bot`),
Redis (one embedded server, or a local 6-node cluster with --cluster), the fake Bot API
with Telegram's limits enforced (a call over them gets 429 with retry_after) and the fake
model (0.3 s to the first token, 60 tokens/s, 300 tokens). This process only posts
updates and reads what the fakes recorded. Per run it prints:
  answered       chats whose last message is the whole answer
  failed         updates a worker logged as failed, plus webhook answers other than 200
  violations     calls Telegram's limits refused (429)
  calls/chat     sends and edits Telegram accepted (photos, boards, acks included), per chat
  boards         outfit boards (sendPhoto) per chat, within calls/chat
  first text     question posted -> the first message carrying 4+ characters of the answer
  worker MB      peak RSS of the busiest worker; CPU ms of all workers per answer
  Redis/answer   commands Redis served per answer (summed over masters)
Run by hand, e.g.:

    python bench/load.py --chats 200 --spread 20           # 10 chats a second
    python bench/load.py --chats 200 --spread 1            # 200 chats within a second
    python bench/load.py --chats 200 --spread 20 --board   # every answer followed by a board
    python bench/load.py --chats 200 --spread 20 --cluster
    PYTHONPATH=/path/to/old/checkout python bench/load.py ...   # the same, older code
    python bench/load.py --redis-per-chat [--cluster]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fake_processes import FakeProcess
from bench.process_stats import cpu_seconds, percentile, vm_hwm_mb
from bench.redis_backends import commands_served, start_redis
from bench.redis_memory import redis_per_chat
from bot.settings import Settings
from bot.telegram.rendering import render
from tests.fakes.updates import UpdateFactory
from tests.harness import WEBHOOK_SECRET
from tests.image_files import encode, photo_like
from tests.test_workers import WorkerProcess

TOKEN = "123456:LOAD"
TOKENS = 300
REPLY = "".join(f"**{n}** 코디 " if n % 25 == 0 else "옷 " for n in range(TOKENS))
COUNTED = {"sendMessage", "editMessageText", "sendPhoto", "sendMediaGroup",
           "editMessageReplyMarkup", "sendMessageDraft"}  # fmt: skip
QUESTION_AFTER = 0.6
SETTINGS = [name.upper() for name in Settings.model_fields]


async def run(args: argparse.Namespace, chats: int, tmp: Path) -> dict[str, Any]:
    redis = start_redis(args.cluster, tmp / f"redis-{chats}-{args.spread}")
    reply_file = tmp / "reply.txt"
    # --board: the photo is a garment (landscape, so not taken for a full-body shot) and the
    # answer cites it, so every answer is followed by its outfit board, as most real ones are.
    reply = f"[1] {REPLY}" if args.board else REPLY
    reply_file.write_text(reply)
    telegram = FakeProcess("telegram", "--token", TOKEN)
    model = FakeProcess("openai", "--reply-file", str(reply_file), "--chunk",
                        str(len(reply) // TOKENS), "--interval", str(1 / 60), "--first-token", "0.3")  # fmt: skip
    workers: list[WorkerProcess] = []
    try:
        await asyncio.gather(telegram.start(), model.start())
        base = f"http://127.0.0.1:{telegram.port}"
        env = {
            "PATH": os.environ["PATH"], "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": f"{base}/bot", "TELEGRAM_BASE_FILE_URL": f"{base}/file/bot",
            "OPENAI_BASE_URL": f"http://127.0.0.1:{model.port}/v1", "OPENAI_MAX_RETRIES": "0",
            "REDIS_URL": redis.url, "WEBHOOK_URL": "https://load.example/hook",
            "WEBHOOK_SECRET": WEBHOOK_SECRET, "LOG_LEVEL": "INFO",
            "TURNS_PER_MINUTE_CHAT": "100", "TURNS_PER_MINUTE_USER": "100",
            # Side by side: PYTHONPATH points the workers at another checkout.
            **({"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}),
            # Any Coordi setting given to the benchmark goes to the workers too.
            **{name: os.environ[name] for name in SETTINGS if name in os.environ},
        }  # fmt: skip
        async with aiohttp.ClientSession() as session:
            workers = [WorkerProcess(env, tmp, f"load-{chats}-{n}") for n in range(args.workers)]
            await asyncio.gather(*(w.start(session) for w in workers))
            chat_ids = [5_000_000 + n for n in range(chats)]
            width, height = (1066, 800) if args.board else (800, 1066)
            photo = encode(photo_like((width, height)), "JPEG", quality=85)
            files = [{"file_id": f"p{c}", "file_unique_id": f"u{c}",
                      "b64": base64.b64encode(photo).decode()} for c in chat_ids]  # fmt: skip
            async with session.post(f"{base}/_fake/files", json=files) as response:
                assert response.status == 200
            updates = UpdateFactory(bot_username="coordi_test_bot", bot_id=999000,
                                    first_update_id=1 + chats * 1000)  # fmt: skip
            size = {"width": width, "height": height, "file_size": len(photo)}
            statuses: list[int] = []
            posted: dict[int, float] = {}
            loop = asyncio.get_running_loop()
            arrival = random.Random(chats)
            commands_before = commands_served(redis)
            pids = [w.process.pid for w in workers if w.process]
            cpu_before = sum(cpu_seconds(pid) for pid in pids)

            async def chat_session(index: int, chat: int) -> None:
                worker = workers[index % len(workers)]
                await asyncio.sleep(arrival.uniform(0, args.spread))
                sizes = [{"file_id": f"p{chat}", "file_unique_id": f"u{chat}", **size}]
                statuses.append(await worker.post(session, updates.photo(
                    chat, f"p{chat}", f"u{chat}", width=800, height=1066, sizes=sizes)))  # fmt: skip
                await asyncio.sleep(QUESTION_AFTER)
                posted[chat] = loop.time()
                statuses.append(await worker.post(session, updates.text(chat, f"Q{chat} 추천해줘")))

            await asyncio.gather(*(chat_session(i, c) for i, c in enumerate(chat_ids)))
            final = render(reply)[0]
            calls = await wait_for_answers(session, base, chat_ids, final, args.timeout, args.board)
            async with session.get(f"{base}/_fake/refused") as response:
                refused = await response.json()
            async with session.get(f"http://127.0.0.1:{model.port}/_fake/requests") as response:
                requests = await response.json()
            cpu_ms = (sum(cpu_seconds(pid) for pid in pids) - cpu_before) * 1000 / chats
            memory = max(vm_hwm_mb(pid) for pid in pids)
            commands = commands_served(redis) - commands_before
    finally:
        for worker in workers:
            await worker.stop()
        await asyncio.gather(telegram.stop(), model.stop())
        redis.stop()
    answered, first = summarize(calls, chat_ids, posted, final)
    pre, post = split_at_the_model(calls, requests, posted, final)
    failed = sum(w.log.read_text().count(" failed: ") for w in workers)
    counted = sum(1 for c in calls if c["ok"] and c["method"] in COUNTED)
    boards = sum(1 for c in calls if c["ok"] and c["method"] == "sendPhoto")
    return {
        "chats": chats, "spread": args.spread, "answered": answered,
        "failed": failed + sum(1 for s in statuses if s != 200),
        "violations": f"{len(refused)}" + (f" ({_kinds(refused)})" if refused else ""),
        "calls": counted / chats, "boards": boards / chats, "first_p50": percentile(first, 0.5),
        "first_p90": percentile(first, 0.9), "mb": memory,
        "pre": (percentile(pre, 0.5), percentile(pre, 0.9)),
        "post": (percentile(post, 0.5), percentile(post, 0.9)), "cpu_ms": cpu_ms,
        "commands": commands / max(1, answered),
    }  # fmt: skip


def split_at_the_model(
    calls: list[dict[str, Any]],
    requests: list[dict[str, Any]],
    posted: dict[int, float],
    final: str,
) -> tuple[list[float], list[float]]:
    """Per chat, ms from the question to the model's request (the bot's own work before
    it: intake, queue, prompt), and from the model's first token to the first text."""
    first_text: dict[int, float] = {}
    for call in calls:
        text = call["text"].strip()
        if (
            call["ok"]
            and call["chat"] not in first_text
            and len(text) >= 4
            and final.startswith(text)
        ):
            first_text[call["chat"]] = call["at"]
    pre, post = [], []
    for request in requests:
        chat = int(request["question"].split()[0].removeprefix("Q"))
        if chat in posted and chat in first_text and request["first_content_at"]:
            pre.append((request["received_at"] - posted[chat]) * 1000)
            post.append((first_text[chat] - request["first_content_at"]) * 1000)
    return pre, post


def _kinds(refused: list[list[Any]]) -> str:
    """Refused calls by limit: "bot" (30 a second), "chat" (one a second), "group"."""
    counts: dict[str, int] = {}
    for _, _, limit in refused:
        counts[limit] = counts.get(limit, 0) + 1
    return " ".join(f"{name} {count}" for name, count in sorted(counts.items()))


async def wait_for_answers(
    session: aiohttp.ClientSession,
    base: str,
    chats: list[int],
    final: str,
    patience: float,
    boards: bool = False,
) -> list[dict[str, Any]]:
    """Every recorded call, once each chat's last message is the whole answer (or time's up).

    With `boards`, also once every chat has its outfit board.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + patience
    while True:
        async with session.get(f"{base}/_fake/calls") as response:
            calls: list[dict[str, Any]] = await response.json()
        answered, _ = summarize(calls, chats, {}, final)
        sent = len({c["chat"] for c in calls if c["ok"] and c["method"] == "sendPhoto"})
        done = answered == len(chats) and (not boards or sent == len(chats))
        if done or loop.time() > deadline:
            await asyncio.sleep(1.0)  # room for anything still on its way (boards)
            async with session.get(f"{base}/_fake/calls") as response:
                return list(await response.json())
        await asyncio.sleep(1.0)


def summarize(
    calls: list[dict[str, Any]], chats: list[int], posted: dict[int, float], final: str
) -> tuple[int, list[float]]:
    """How many chats show the whole answer, and each one's first-text latency in ms."""
    last: dict[int, str] = {}
    first: dict[int, float] = {}
    for call in calls:
        if not call["ok"] or call["method"] not in ("sendMessage", "editMessageText"):
            continue
        chat, text = call["chat"], call["text"].strip()
        last[chat] = text
        if chat in posted and chat not in first and len(text) >= 4 and final.startswith(text):
            first[chat] = (call["at"] - posted[chat]) * 1000
    return sum(1 for c in chats if last.get(c) == final), list(first.values())


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if args.redis_per_chat:
            kib = await redis_per_chat(Path(tmp), cluster=args.cluster)
            print(f"Redis memory per chat with 10 photos: {kib:.0f} KiB")
            return
        columns = (("chats", 5), ("spread s", 8), ("answered", 8), ("failed", 6),
                   ("violations", 14), ("calls/chat", 10), ("boards", 6), ("first text p50/p90 ms", 21),
                   ("to model p50/p90", 16), ("token->text p50/p90", 19), ("worker MB", 9), ("CPU ms/answer", 13), ("Redis/answer", 12))  # fmt: skip
        print("  ".join(f"{name:>{width}}" for name, width in columns), flush=True)
        for chats in args.chats:
            r = await run(args, chats, Path(tmp))
            cells = (r["chats"], f"{r['spread']:g}", r["answered"], r["failed"], r["violations"],
                     f"{r['calls']:.2f}", f"{r['boards']:.2f}", f"{r['first_p50']:.0f}/{r['first_p90']:.0f}",
                     "{:.0f}/{:.0f}".format(*r["pre"]), "{:.0f}/{:.0f}".format(*r["post"]),
                     f"{r['mb']:.0f}", f"{r['cpu_ms']:.1f}", f"{r['commands']:.1f}")  # fmt: skip
            print("  ".join(f"{c!s:>{w}}" for c, (_, w) in zip(cells, columns, strict=True)),
                  flush=True)  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--chats", type=int, nargs="+", default=[200])
    parser.add_argument("--spread", type=float, default=20.0,
                        help="the chats start within this many seconds")  # fmt: skip
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument("--redis-per-chat", action="store_true")
    parser.add_argument("--board", action="store_true",
                        help="the photo is a garment the answer cites: a board follows each answer")  # fmt: skip
    parser.add_argument("--cluster", action="store_true",
                        help="a local 6-node Redis Cluster instead of one server")  # fmt: skip
    asyncio.run(main(parser.parse_args()))
