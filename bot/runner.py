"""Running a worker: Redis (embedded when REDIS_URL is unset), then webhook or polling, until
SIGTERM, and out within SHUTDOWN_GRACE_SECONDS (`bot.lifecycle.shutdown`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Iterator

from aiohttp import web

from bot.app import ALLOWED_UPDATES, CoordiApplication, build_application, start_application
from bot.embedded_redis import EmbeddedRedis
from bot.lifecycle.shutdown import ShutdownPlan, bounded, drain
from bot.lifecycle.startup import explained
from bot.services import Services
from bot.settings import Settings
from bot.webhook import DRAINING_KEY, make_web_app

log = logging.getLogger(__name__)

# Webhook handlers only record the update and queue it: a connection needs no long goodbye.
WEB_SHUTDOWN_SECONDS = 0.5
# Each closing step gets at least this, even when an earlier one used up the time.
MIN_CLOSE_STEP_SECONDS = 0.1


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
        asyncio.run(serve(settings, redis_url))


async def serve(settings: Settings, redis_url: str) -> None:
    polling = settings.webhook_url is None
    application = await started(settings, redis_url, polling=polling)
    services: Services = application.bot_data.services
    plan = ShutdownPlan.within(settings.shutdown_grace_seconds)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stopping.set)
    web_runner: web.AppRunner | None = None
    try:
        if polling:
            log.info("WEBHOOK_URL is unset: long polling")
            assert application.updater is not None
            with explained(settings, redis_url):  # it removes the webhook first
                await application.updater.start_polling(allowed_updates=ALLOWED_UPDATES)
        else:
            secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
            web_app = make_web_app(application, settings.webhook_path, secret)
            web_runner = web.AppRunner(web_app, shutdown_timeout=WEB_SHUTDOWN_SECONDS)
            await web_runner.setup()
            await web.TCPSite(web_runner, "0.0.0.0", settings.port).start()
            log.info("Serving the webhook on port %s at %s", settings.port, settings.webhook_path)
        await stopping.wait()
        # No new updates from here: 503 to the webhook (Telegram sends them again, to a
        # worker that stays), or polling stopped (they wait at Telegram for the next one).
        if web_runner is not None:
            web_app[DRAINING_KEY].set()
        elif application.updater is not None:
            await bounded(application.updater.stop(), 1.0, "polling")
        await drain(services.running, services.door, services.in_flight, plan)
    finally:
        closing = time.monotonic()
        await close(application, web_runner, plan.close)
        took = time.monotonic() - closing
        log.info("Shutdown: closed in %.2f s", took, extra={"close_s": took})


async def started(settings: Settings, redis_url: str, *, polling: bool) -> CoordiApplication:
    """The Application, connected to Redis and Telegram; a failure stops the start in one line."""
    application: CoordiApplication | None = None
    try:
        with explained(settings, redis_url):
            application = build_application(settings, redis_url, with_updater=polling)
            await start_application(application)
    except BaseException:
        if application is not None:  # its clients are open: close them, quietly
            await close(application, None, 2.0)
        raise
    return application


async def close(
    application: CoordiApplication, web_runner: web.AppRunner | None, seconds: float
) -> None:
    """Part 3 of the shutdown: each step gets what is left of `seconds`, then is left behind."""
    deadline = time.monotonic() + seconds

    def left() -> float:
        return max(MIN_CLOSE_STEP_SECONDS, deadline - time.monotonic())

    if web_runner is not None:
        await bounded(web_runner.cleanup(), left(), "the webhook server")
    if application.running:
        await bounded(application.stop(), left(), "the Application")
    await bounded(application.shutdown(), left(), "the Telegram client")
    await bounded(application.bot_data.services.close(), left(), "the clients")


async def set_webhook(settings: Settings) -> None:
    """Register the webhook once per deployment (not at every worker start)."""
    if settings.webhook_url is None or settings.webhook_secret is None:
        raise SystemExit("Configuration error: WEBHOOK_URL and WEBHOOK_SECRET are required")
    from telegram import Bot

    with explained(settings):
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
