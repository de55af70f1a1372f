"""Running a worker: Redis (embedded when REDIS_URL is unset), then webhook or polling."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Iterator

from aiohttp import web

from bot.app import (
    ALLOWED_UPDATES,
    CoordiApplication,
    build_application,
    start_application,
    stop_application,
)
from bot.embedded_redis import EmbeddedRedis
from bot.settings import Settings
from bot.webhook import DRAINING_KEY, make_web_app

log = logging.getLogger(__name__)


@contextlib.contextmanager
def redis_url_for(settings: Settings) -> Iterator[str]:
    if settings.redis_url:
        yield settings.redis_url
        return
    server = EmbeddedRedis(settings.redis_data_dir)
    server.start()
    log.info("REDIS_URL is unset: using the embedded redis-server (for development only)")
    try:
        yield server.url
    finally:
        server.stop()


def run(settings: Settings) -> None:
    with redis_url_for(settings) as redis_url:
        if settings.webhook_url is None:
            log.info("WEBHOOK_URL is unset: long polling")
            application = build_application(settings, redis_url, with_updater=True)
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
        else:
            asyncio.run(serve_webhook(settings, redis_url))


async def serve_webhook(settings: Settings, redis_url: str) -> None:
    application = build_application(settings, redis_url, with_updater=False)
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    await start_application(application)
    web_app = make_web_app(application, settings.webhook_path, secret)
    # Webhook handlers only enqueue, so open connections need no long goodbye at shutdown.
    runner = web.AppRunner(web_app, shutdown_timeout=5)
    await runner.setup()
    await web.TCPSite(runner, "0.0.0.0", settings.port).start()
    log.info("Serving the webhook on port %s at %s", settings.port, settings.webhook_path)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stopping.set)
    try:
        await stopping.wait()
        await drain(application, web_app, settings.shutdown_grace_seconds)
    finally:
        await runner.cleanup()
        await stop_application(application)


async def drain(application: CoordiApplication, web_app: web.Application, grace: float) -> None:
    """Stop taking updates, let running answers finish, then end the rest with a note."""
    web_app[DRAINING_KEY].set()  # new updates get 503: Telegram retries them elsewhere
    running = application.bot_data.services.running
    log.info("Stopping: waiting up to %.0f s for %d running answers", grace, len(running))
    if not await running.wait_idle(grace):
        cut = running.stop_all("shutdown")
        log.warning("Grace period over: %d answers finalised with a note", cut)
        await running.wait_idle(10)
    log.info("Running answers done; closing the webhook server and the application")


async def set_webhook(settings: Settings) -> None:
    """Register the webhook once per deployment (not at every worker start)."""
    if settings.webhook_url is None or settings.webhook_secret is None:
        raise SystemExit("Configuration error: WEBHOOK_URL and WEBHOOK_SECRET are required")
    from telegram import Bot

    async with Bot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=settings.telegram_base_url,
        base_file_url=settings.telegram_base_file_url,
    ) as bot:
        await bot.set_webhook(
            str(settings.webhook_url),
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=ALLOWED_UPDATES,
            max_connections=40,
        )
    log.info("Webhook registered")
