"""Load: N chats each send a photo and then a question, to 1 or 2 webhook worker processes.

The workers are real `python -m bot` processes on one embedded Redis; the fake
Bot API and a fake model (0.3 s to the first token, 60 tokens/s, 300 tokens) run
in this process. For each chat:
  pre-model   = question POST → the model request arrives (the bot's own work),
  post-model  = model's first token → the chat's first sendMessage arrives
                (the bot's work plus waiting for the shared Telegram budget),
  overhead    = pre-model + post-model (the model's own time excluded).
"peak" is the most answers in flight at once (question posted → final edit).
Run by hand, e.g.:

    python bench/load.py --workers 1 --chats 50 200 500
    python bench/load.py --workers 1 --chats 200 --spread 30   # questions over 30 s
    python bench/load.py --workers 2 --chats 200 --rate 1000   # no Telegram budget wait
    python bench/load.py --redis-per-chat
    python bench/load.py --cluster --chats 200 --spread 20      # on a local 6-node Redis Cluster
    python bench/load.py --cluster --redis-per-chat
    TELEGRAM_BURST=4 python bench/load.py --chats 200           # another budget burst
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.redis_backends import commands_served, start_redis, used_memory
from bench.streaming import global_violations
from bot.telegram.rendering import render
from bot.wardrobe.images import make_thumbnail
from storage.chat_store import ChatStore
from storage.connection import connect
from storage.keys import ChatScope, MemberScope
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import WEBHOOK_SECRET
from tests.image_files import encode, photo_like
from tests.test_workers import WorkerProcess

TOKEN = "123456:LOAD"
TOKENS = 300
REPLY = "".join(f"**{n}** 코디 " if n % 25 == 0 else "옷 " for n in range(TOKENS))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (from /proc, in clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def vm_hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_overlap(spans: list[tuple[float, float]]) -> int:
    """The most spans open at one moment."""
    edges = sorted([(start, 1) for start, _ in spans] + [(end, -1) for _, end in spans])
    peak = current = 0
    for _, step in edges:
        current += step
        peak = max(peak, current)
    return peak


async def run(
    workers_n: int, chats: int, rate: float, tmp: Path, spread: float = 0.0, cluster: bool = False
) -> dict[str, Any]:
    redis = start_redis(cluster, tmp / f"redis-{workers_n}-{chats}-{rate}")
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
                "OPENAI_BASE_URL": model.base_url, "OPENAI_MAX_RETRIES": "0", "REDIS_URL": redis.url,
                "WEBHOOK_URL": "https://load.example/hook", "WEBHOOK_SECRET": WEBHOOK_SECRET,
                "LOG_LEVEL": "INFO", "TELEGRAM_RATE_PER_SECOND": str(rate),
                "TELEGRAM_BURST": os.environ.get("TELEGRAM_BURST", "8"),
                "TURNS_PER_MINUTE_CHAT": "100", "TURNS_PER_MINUTE_USER": "100",
                # Lets a side-by-side run point the workers at another checkout.
                **({"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}),
            }  # fmt: skip
            workers = [
                WorkerProcess(env, tmp, f"load-{workers_n}-{chats}-{n}") for n in range(workers_n)
            ]
            await asyncio.gather(*(w.start(session) for w in workers))
            photo = encode(photo_like((800, 1066)), "JPEG", quality=85)
            chat_ids = [5_000_000 + n for n in range(chats)]
            photos = []
            for chat in chat_ids:
                telegram.add_file(photo, file_id=f"p{chat}", file_unique_id=f"u{chat}")
                photos.append(updates.photo(chat, f"p{chat}", f"u{chat}", width=800, height=1066, sizes=[
                    {"file_id": f"p{chat}", "file_unique_id": f"u{chat}", "width": 800, "height": 1066, "file_size": len(photo)}]))  # fmt: skip
            statuses: list[int] = []

            async def post(index: int, update: dict[str, Any]) -> None:
                statuses.append(await workers[index % workers_n].post(session, update))

            await asyncio.gather(*(post(i, u) for i, u in enumerate(photos)))
            await telegram.wait_for(lambda s: all(s.messages(c) for c in chat_ids), timeout=300)
            for _ in chat_ids:
                model.script(
                    REPLY, chunk_size=len(REPLY) // TOKENS, interval=1 / 60, first_token_delay=0.3
                )
            loop = asyncio.get_running_loop()
            posted: dict[int, float] = {}

            arrival = random.Random(chats)

            async def ask(index: int, chat: int) -> None:
                # spread 0: every question at the same instant (the worst case); otherwise
                # each at a uniformly random moment of the window, as people ask.
                await asyncio.sleep(arrival.uniform(0, spread))
                posted[chat] = loop.time()
                await post(index, updates.text(chat, f"Q{chat}"))

            telegram.clear_calls()
            pids = [w.process.pid for w in workers if w.process]
            cpu_before = sum(cpu_seconds(pid) for pid in pids)
            commands_before = commands_served(redis)
            await asyncio.gather(*(ask(i, c) for i, c in enumerate(chat_ids)))
            final = render(REPLY)[0]
            try:
                await telegram.wait_for(
                    lambda s: all(s.messages(c)[-1].text == final for c in chat_ids), timeout=600
                )
            except AssertionError:
                pass
            completed = sum(1 for c in chat_ids if telegram.messages(c)[-1].text == final)
            cpu_ms = (sum(cpu_seconds(pid) for pid in pids) - cpu_before) * 1000 / chats
            commands = commands_served(redis) - commands_before
            first_send = {}
            for call in telegram.calls_to("sendMessage"):
                chat = call.params["chat_id"]
                if chat not in first_send and call.params.get("text", "") != "":
                    first_send[chat] = call.at
            pre, post_model = [], []
            for index, request in enumerate(model.requests):
                chat = int(request["messages"][-1]["content"].removeprefix("Q"))
                if chat in first_send and index in model.first_content_at:
                    pre.append((model.received_at[index] - posted[chat]) * 1000)
                    post_model.append((first_send[chat] - model.first_content_at[index]) * 1000)
            first_text = [(first_send[c] - posted[c]) * 1000 for c in chat_ids if c in first_send]
            memory = [vm_hwm_mb(w.process.pid) for w in workers if w.process]
            for worker in workers:
                try:
                    await worker.stop()
                except TimeoutError:
                    print("worker did not stop within 60 s after SIGTERM; killed", flush=True)
                    for line in worker.log.read_text().splitlines()[-8:]:
                        print("   ", line[:300], flush=True)
                    if worker.process is not None:
                        worker.process.kill()
            overhead = [a + b for a, b in zip(pre, post_model, strict=True)]
            last_call: dict[int, float] = {}
            for call in telegram.calls:
                if call.method in ("sendMessage", "editMessageText"):
                    last_call[call.params["chat_id"]] = call.at
            streaming = peak_overlap(
                [(posted[c], last_call[c]) for c in chat_ids if c in last_call]
            )
            return {
                "workers": workers_n, "chats": chats, "spread": spread, "peak": streaming,
                "rate": rate, "completed": completed,
                "errors": (chats - completed) + sum(1 for s in statuses if s != 200),
                "pre_p50": percentile(pre, 0.5), "pre_p99": percentile(pre, 0.99),
                "post_p50": percentile(post_model, 0.5), "post_p99": percentile(post_model, 0.99),
                "overhead_p50": percentile(overhead, 0.5), "overhead_p99": percentile(overhead, 0.99),
                "violations": f"{len(telegram.limit_violations())}/{global_violations(telegram)}",
                "worker_mb": max(memory), "cpu_ms": cpu_ms,
                "first_p50": percentile(first_text, 0.5), "first_p90": percentile(first_text, 0.9),
                "commands": commands / max(1, completed),
            }  # fmt: skip
    finally:
        redis.stop()


async def redis_per_chat(tmp: Path, chats: int = 50, cluster: bool = False) -> float:
    server = start_redis(cluster, tmp / "redis-memory")
    client = connect(server.url, max_connections=8)
    try:
        store = ChatStore(client, ttl_seconds=3600, history_max_messages=20, max_photos=12)
        full = make_thumbnail(encode(photo_like((1200, 1600)), "JPEG", quality=90), long_side=512)
        item = make_thumbnail(encode(photo_like((1200, 1200)), "JPEG", quality=90), long_side=384)
        before = used_memory(server)
        for chat in range(chats):
            for n in range(10):
                thumb = full if n == 0 else item
                # Different bytes per photo, as real photos are.
                jpeg = thumb.jpeg + bytes(str(chat * 10 + n), "ascii")
                await store.add_photo(
                    MemberScope(ChatScope(chat)),
                    f"u{chat}-{n}",
                    jpeg,
                    "full_body" if n == 0 else "clothing",
                    thumb.width,
                    thumb.height,
                )
        after = used_memory(server)
        print(f"thumbnail bytes: full-body {len(full.jpeg)}, clothing {len(item.jpeg)}")
        return (after - before) / chats / 1024
    finally:
        await client.aclose()
        server.stop()


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if args.redis_per_chat:
            print(
                f"Redis memory per chat with 10 photos: {await redis_per_chat(Path(tmp), cluster=args.cluster):.0f} KiB"
            )
            return
        columns = (("workers", 7), ("chats", 5), ("spread s", 8), ("peak", 4), ("rate/s", 6),
                   ("completed", 9), ("errors", 6), ("pre p50/p99", 12), ("post p50/p99", 12),
                   ("overhead p50/p99", 16), ("violations chat/all", 20), ("worker MB", 9), ("CPU ms/answer", 13),
                   ("first text p50/p90", 18), ("Redis cmds/answer", 17))  # fmt: skip
        print("  ".join(f"{name:>{width}}" for name, width in columns))
        for chats in args.chats:
            r = await run(args.workers, chats, args.rate, Path(tmp), args.spread, args.cluster)
            cells = (r["workers"], r["chats"], f"{r['spread']:g}", r["peak"], f"{r['rate']:g}", r["completed"], r["errors"],
                     f"{r['pre_p50']:.0f}/{r['pre_p99']:.0f}", f"{r['post_p50']:.0f}/{r['post_p99']:.0f}",
                     f"{r['overhead_p50']:.0f}/{r['overhead_p99']:.0f}", r["violations"], f"{r['worker_mb']:.0f}", f"{r['cpu_ms']:.1f}",
                     f"{r['first_p50']:.0f}/{r['first_p90']:.0f}", f"{r['commands']:.1f}")  # fmt: skip
            print(
                "  ".join(f"{c!s:>{width}}" for c, (_, width) in zip(cells, columns, strict=True)),
                flush=True,
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--chats", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument("--rate", type=float, default=20.0, help="TELEGRAM_RATE_PER_SECOND")
    parser.add_argument(
        "--spread",
        type=float,
        default=0.0,
        help="questions arrive over this many seconds (0: all at once)",
    )
    parser.add_argument("--redis-per-chat", action="store_true")
    parser.add_argument(
        "--cluster", action="store_true", help="a local 6-node Redis Cluster instead of one server"
    )
    asyncio.run(main(parser.parse_args()))
