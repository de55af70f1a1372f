"""Album intake: time from the last album part to four stored thumbnails, and worker memory.

1. In process: a worker (default settings, quiet window 0.8 s) gets 4-photo
   albums one at a time; we time the last part's POST until Redis holds all four
   thumbnails, and report that minus the quiet window (the bot's own work:
   downloads, Pillow in threads, Redis writes).
2. As a real process (`python -m bot` in webhook mode): 10 albums posted at
   once, as photos (Telegram sizes up to 2560 px) and as 12 MP image files;
   we read the worker's peak resident memory (VmHWM) before and after.

    python bench/album_intake.py
"""

from __future__ import annotations

import asyncio
import io
import os
import socket
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

import aiohttp
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.embedded_redis import EmbeddedRedis
from bot.settings import Settings
from storage.keys import ChatScope, MemberScope
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory, photo_size_ids
from tests.harness import WEBHOOK_SECRET, Worker

TOKEN = "123456:BENCH"
ROUNDS = 15


def photo_jpeg(width: int, height: int, seed: int) -> bytes:
    """Smooth random structure: compresses like a photo, unlike flat colour or pure noise."""
    small = Image.effect_noise((max(1, width // 24), max(1, height // 24)), 60 + seed % 20)
    rgb = Image.merge("RGB", (small, small.rotate(90, expand=False), small.transpose(0)))
    buffer = io.BytesIO()
    rgb.resize((width, height), Image.Resampling.BICUBIC).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def album_updates(
    telegram: FakeTelegramServer, updates: UpdateFactory, chat: int, *, as_files: bool
) -> list[dict[str, Any]]:
    parts = []
    for index in range(4):
        width, height = (1920, 2560) if index == 0 else (2560, 2560)
        file_id, unique_id = f"c{chat}p{index}", f"u{chat}p{index}"
        if as_files:
            content = photo_jpeg(3024, 4032, chat + index)
            telegram.add_file(content, file_id=file_id, file_unique_id=unique_id)
            update = updates.document(chat, file_id, unique_id, file_size=len(content))
            update["message"]["media_group_id"] = f"g{chat}"
        else:
            for size_id, size_unique in photo_size_ids(file_id, unique_id, width, height):
                side = int(size_id.rsplit("_s", 1)[1]) if "_s" in size_id else max(width, height)
                scale = side / max(width, height)
                content = photo_jpeg(round(width * scale), round(height * scale), chat + index)
                telegram.add_file(content, file_id=size_id, file_unique_id=size_unique)
            update = updates.photo(chat, file_id, unique_id, width=width, height=height,
                                   media_group_id=f"g{chat}")  # fmt: skip
        parts.append(update)
    return parts


async def intake_latency(redis_url: str, tmp: Path) -> list[float]:
    async with FakeTelegramServer(token=TOKEN) as telegram, FakeOpenAIServer() as model:
        updates = UpdateFactory(bot_username=telegram.bot_username, bot_id=telegram.bot_id)
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None, telegram_bot_token=TOKEN, telegram_base_url=telegram.base_url,
            telegram_base_file_url=telegram.base_file_url, openai_base_url=model.base_url,
            webhook_url="https://bench.example/telegram", webhook_secret=WEBHOOK_SECRET,
            redis_data_dir=str(tmp),
        )  # fmt: skip
        worker = Worker(settings, redis_url)
        await worker.start()
        loop = asyncio.get_running_loop()
        results = []
        try:
            for round_number in range(ROUNDS):
                chat = 2_000_000 + round_number
                parts = album_updates(telegram, updates, chat, as_files=False)
                for part in parts:
                    await worker.post(part)
                    await asyncio.sleep(0.03)  # Telegram delivers parts tens of ms apart
                last_part_at = loop.time()
                owner = MemberScope(ChatScope(chat))
                # Polling Redis from outside the worker: no event to wait on.
                while len(await worker.services.store.photo_metas(owner)) < 4:  # noqa: ASYNC110
                    await asyncio.sleep(0.002)
                results.append((loop.time() - last_part_at - settings.album_quiet_seconds) * 1000)
                await worker.idle()
        finally:
            await worker.stop()
    return results


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


async def worker_memory(redis_url: str, tmp: Path, *, as_files: bool) -> tuple[float, float]:
    async with FakeTelegramServer(token=TOKEN) as telegram, FakeOpenAIServer() as model:
        # Update ids must be new to the shared Redis, or the worker drops them as duplicates.
        first_id = 100_000 + (50_000 if as_files else 0)
        updates = UpdateFactory(
            bot_username=telegram.bot_username, bot_id=telegram.bot_id, first_update_id=first_id
        )
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        env = {
            "PATH": os.environ["PATH"], "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": telegram.base_url, "TELEGRAM_BASE_FILE_URL": telegram.base_file_url,
            "OPENAI_BASE_URL": model.base_url, "REDIS_URL": redis_url, "PORT": str(port),
            "WEBHOOK_URL": "https://bench.example/hook", "WEBHOOK_SECRET": WEBHOOK_SECRET,
            "LOG_LEVEL": "WARNING",
        }  # fmt: skip
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", env=env, cwd=tmp
        )
        base = f"http://127.0.0.1:{port}"
        try:
            async with aiohttp.ClientSession() as session:
                for _ in range(400):
                    try:
                        async with session.get(base + "/healthz") as response:
                            if response.status == 200:
                                break
                    except aiohttp.ClientConnectionError:
                        await asyncio.sleep(0.05)
                idle_peak = peak_rss_mb(process.pid)
                chats = [3_000_000 + n + (500 if as_files else 0) for n in range(10)]
                batch = [
                    p
                    for chat in chats
                    for p in album_updates(telegram, updates, chat, as_files=as_files)
                ]
                headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}

                async def post(update: dict[str, Any]) -> None:
                    async with session.post(base + "/hook", json=update, headers=headers) as r:
                        assert r.status == 200

                await asyncio.gather(*(post(update) for update in batch))
                await telegram.wait_for(
                    lambda s: all(s.messages(chat) for chat in chats), timeout=120
                )
                return idle_peak, peak_rss_mb(process.pid)
        finally:
            process.terminate()
            await process.wait()


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        redis = EmbeddedRedis(Path(tmp) / "redis")
        redis.start()
        try:
            latencies = await intake_latency(redis.url, Path(tmp))
            print(f"last album part -> 4 thumbnails stored, minus the 0.8 s quiet window "
                  f"({ROUNDS} albums, Telegram sizes, 800 px downloaded): "
                  f"median {statistics.median(latencies):.0f} ms, max {max(latencies):.0f} ms")  # fmt: skip
            for as_files in (False, True):
                idle, peak = await worker_memory(redis.url, Path(tmp), as_files=as_files)
                kind = "12 MP image files" if as_files else "photos (Telegram sizes)"
                print(f"worker peak RSS, 10 albums x 4 {kind} at once: "
                      f"{peak:.0f} MB (idle {idle:.0f} MB, +{peak - idle:.0f} MB)")  # fmt: skip
        finally:
            redis.stop()


if __name__ == "__main__":
    asyncio.run(main())
