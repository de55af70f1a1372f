"""The aiohttp server of a webhook worker: Telegram's POSTs, readiness and metrics."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from redis.exceptions import RedisError
from telegram import Update

from bot import metrics
from bot.services import Services

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
APPLICATION_KEY: web.AppKey = web.AppKey("application")
SECRET_KEY: web.AppKey[str] = web.AppKey("secret", str)
# Set when the worker is shutting down: new updates get 503 and go to another worker.
DRAINING_KEY: web.AppKey[asyncio.Event] = web.AppKey("draining", asyncio.Event)


def make_web_app(application, webhook_path: str, secret: str) -> web.Application:  # type: ignore[no-untyped-def]
    web_app = web.Application()
    web_app[APPLICATION_KEY] = application
    web_app[SECRET_KEY] = secret
    web_app[DRAINING_KEY] = asyncio.Event()
    web_app.router.add_post(webhook_path, receive_update)
    web_app.router.add_get("/healthz", healthz)
    web_app.router.add_get("/metrics", serve_metrics)
    return web_app


async def receive_update(request: web.Request) -> web.Response:
    given = request.headers.get(SECRET_HEADER, "")
    if not hmac.compare_digest(given.encode(), request.app[SECRET_KEY].encode()):
        log.warning("Webhook call with a wrong secret token from %s", request.remote)
        return web.Response(status=403)
    if request.app[DRAINING_KEY].is_set():
        return web.Response(status=503)  # Telegram delivers it again, to a worker that stays
    application = request.app[APPLICATION_KEY]
    try:
        payload = await request.json()
        if not isinstance(payload, dict):
            return web.Response(status=400)
        update = Update.de_json(payload, application.bot)
    except (json.JSONDecodeError, ValueError, TypeError, KeyError, AttributeError):
        return web.Response(status=400)
    services: Services = application.bot_data.services
    try:
        fresh = await services.updates.first_time(update.update_id)
    except RedisError as exc:
        # Without Redis nothing can be stored or coordinated: let Telegram retry later.
        log.warning("Redis unavailable (%s): answering 503", type(exc).__name__)
        metrics.REDIS_UNAVAILABLE.inc()
        return web.Response(status=503)
    if not fresh:
        metrics.DUPLICATE_UPDATES.inc()
        return web.Response(status=200)
    metrics.count_update(update)
    # Answer at once; the update is processed in the background by the Application.
    await application.update_queue.put(update)
    return web.Response(status=200)


async def healthz(request: web.Request) -> web.Response:
    services: Services = request.app[APPLICATION_KEY].bot_data.services
    try:
        ready = await services.store.ping()
    except Exception as exc:
        log.warning("Readiness check failed: %s", type(exc).__name__)
        ready = False
    if request.app[DRAINING_KEY].is_set():
        ready = False
    return web.json_response({"ready": ready}, status=200 if ready else 503)


async def serve_metrics(request: web.Request) -> web.Response:
    services: Services = request.app[APPLICATION_KEY].bot_data.services
    started = time.perf_counter()
    try:
        await services.store.ping()
        metrics.REDIS_LATENCY.observe(time.perf_counter() - started)
    except Exception:  # readiness says so; metrics must still be served
        pass
    metrics.ACTIVE_STREAMS.set(len(services.running))
    return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})
