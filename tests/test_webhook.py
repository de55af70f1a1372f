"""The webhook server's own behaviour: secret, bad bodies, readiness."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import aiohttp

from bot.embedded_redis import EmbeddedRedis
from bot.settings import Settings
from tests.harness import WEBHOOK_SECRET, Worker


async def test_bad_json_is_refused_without_crashing(worker: Worker) -> None:
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    async with aiohttp.ClientSession() as session:
        async with session.post(worker.url + "/telegram", data=b"{not json", headers=headers) as r:
            assert r.status == 400
        async with session.post(worker.url + "/telegram", json=[1, 2], headers=headers) as r:
            assert r.status == 400


async def test_healthz_follows_redis(settings_for: Callable[..., Settings], tmp_path: Path) -> None:
    redis_server = EmbeddedRedis(tmp_path / "own-redis")
    redis_server.start()
    worker = Worker(settings_for(), redis_server.url)
    await worker.start()
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(worker.url + "/healthz") as r:
                assert r.status == 200 and (await r.json()) == {"ready": True}
            redis_server.stop()
            async with session.get(worker.url + "/healthz") as r:
                assert r.status == 503 and (await r.json()) == {"ready": False}
            redis_server.start()  # same port: the client reconnects by itself
            async with session.get(worker.url + "/healthz") as r:
                assert r.status == 200
    finally:
        await worker.stop()
        redis_server.stop()
