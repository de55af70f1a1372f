"""A running Coordi worker for scenario tests: real Application, real webhook server."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from aiohttp import web

from bot.app import CoordiApplication, build_application, start_application, stop_application
from bot.services import Services
from bot.settings import Settings
from bot.webhook import SECRET_HEADER, make_web_app

WEBHOOK_SECRET = "test-secret_123"


class Worker:
    """One webhook worker process-equivalent, fed updates over real HTTP."""

    def __init__(self, settings: Settings, redis_url: str) -> None:
        self.settings = settings
        self.redis_url = redis_url
        self.application: CoordiApplication | None = None
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self.url = ""

    @property
    def services(self) -> Services:
        assert self.application is not None
        return self.application.bot_data.services

    async def start(self) -> None:
        self.application = build_application(self.settings, self.redis_url, with_updater=False)
        await start_application(self.application)
        self._runner = web.AppRunner(
            make_web_app(self.application, self.settings.webhook_path, WEBHOOK_SECRET)
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        self._session = aiohttp.ClientSession()

    async def stop(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self.application is not None:
            await stop_application(self.application)
            self.application = None

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def post(self, update: dict[str, Any], *, secret: str | None = WEBHOOK_SECRET) -> int:
        assert self._session is not None
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        async with self._session.post(
            self.url + self.settings.webhook_path, json=update, headers=headers
        ) as response:
            return response.status

    async def send(self, *updates: dict[str, Any], gap: float = 0.0) -> None:
        """Deliver updates as Telegram would, `gap` seconds apart; each must get a 200."""
        for index, update in enumerate(updates):
            if index and gap:
                await asyncio.sleep(gap)
            status = await self.post(update)
            assert status == 200, status

    async def idle(self, timeout: float = 10.0) -> None:
        """Wait until every update handed to the Application has been fully handled."""
        assert self.application is not None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            queue_empty = self.application.update_queue.empty()
            tasks = [
                t
                for t in asyncio.all_tasks()
                if t.get_name().endswith(":process_concurrent_update") and not t.done()
            ]
            if queue_empty and not tasks:
                return
            if loop.time() > deadline:
                raise AssertionError(f"worker still busy: {len(tasks)} updates in flight")
            if tasks:
                await asyncio.wait(tasks, timeout=max(0.0, deadline - loop.time()))
            else:
                await asyncio.sleep(0.01)
