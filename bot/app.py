"""Builds the python-telegram-bot Application with Coordi's services and handlers."""

from __future__ import annotations

import asyncio
import logging

from telegram import BotCommand, BotCommandScopeDefault
from telegram.ext import Application, ApplicationBuilder, ContextTypes

from bot.services import BotData, CoordiContext, Services
from bot.settings import Settings
from bot.telegram.replies import COMMANDS
from handlers import register_all
from prompts.text_tokens import count_text_tokens

log = logging.getLogger(__name__)

CONTEXT_TYPES = ContextTypes(context=CoordiContext, bot_data=BotData)
# Updates Coordi handles; everything else is not even delivered to the webhook.
ALLOWED_UPDATES = ["message", "callback_query"]

CoordiApplication = Application  # type: ignore[type-arg]


def build_application(
    settings: Settings, redis_url: str, *, with_updater: bool
) -> CoordiApplication:
    services = Services.create(settings, redis_url)
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_file_url)
        .context_types(CONTEXT_TYPES)
        # The one door to Telegram: every call of the bot, paced and retried in one place.
        .rate_limiter(services.door)
        # Chats must not wait for each other (turns of one chat are ordered by the ChatQueue);
        # the processor keeps the updates being handled, for the shutdown.
        .concurrent_updates(services.in_flight)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if not with_updater:
        builder = builder.updater(None)
    application = builder.build()
    application.bot_data.services = services
    register_all(application)
    return application


async def _post_init(application: CoordiApplication) -> None:
    services: Services = application.bot_data.services
    await services.store.ping()  # fail at start, not on the first user
    # Loading the token vocabulary takes a moment; do it before the first user waits for it.
    await asyncio.to_thread(count_text_tokens, "warm up")
    await register_commands(application)


async def _post_shutdown(application: CoordiApplication) -> None:
    await application.bot_data.services.close()


async def register_commands(application: CoordiApplication) -> None:
    bot = application.bot
    for lang, commands in COMMANDS.items():
        menu = [BotCommand(name, description) for name, description in commands]
        # English is the default menu; Korean apps get the Korean one.
        language_code = None if lang == "en" else lang
        await bot.set_my_commands(menu, scope=BotCommandScopeDefault(), language_code=language_code)


async def start_application(application: CoordiApplication) -> None:
    """What run_polling/run_webhook do before serving, for a server we run ourselves."""
    await application.initialize()
    if application.post_init is not None:
        await application.post_init(application)
    await application.start()


async def stop_application(application: CoordiApplication) -> None:
    if application.running:
        await application.stop()
    await application.shutdown()
    if application.post_shutdown is not None:
        await application.post_shutdown(application)
