"""The aiohttp server of a webhook worker: Telegram's POSTs and a readiness probe."""

from __future__ import annotations

import hmac
import json
import logging

from aiohttp import web
from telegram import Update

from bot.services import Services

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
APPLICATION_KEY: web.AppKey = web.AppKey("application")
SECRET_KEY: web.AppKey[str] = web.AppKey("secret", str)


def make_web_app(application, webhook_path: str, secret: str) -> web.Application:  # type: ignore[no-untyped-def]
    web_app = web.Application()
    web_app[APPLICATION_KEY] = application
    web_app[SECRET_KEY] = secret
    web_app.router.add_post(webhook_path, receive_update)
    web_app.router.add_get("/healthz", healthz)
    return web_app


async def receive_update(request: web.Request) -> web.Response:
    expected = request.app[SECRET_KEY]
    given = request.headers.get(SECRET_HEADER, "")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        log.warning("Webhook call with a wrong secret token from %s", request.remote)
        return web.Response(status=403)
    application = request.app[APPLICATION_KEY]
    try:
        payload = await request.json()
        if not isinstance(payload, dict):
            return web.Response(status=400)
        update = Update.de_json(payload, application.bot)
    except (json.JSONDecodeError, ValueError, TypeError, KeyError, AttributeError):
        return web.Response(status=400)
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
    return web.json_response({"ready": ready}, status=200 if ready else 503)
