"""The long-lived clients and helpers, built once at start-up and passed to handlers."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from telegram.ext import CallbackContext, ExtBot

from bot.conversation.chat_turn import ChatTurns, StreamStyle
from bot.conversation.photo_turn import PhotoTurns
from bot.conversation.stopping import RunningAnswers
from bot.conversation.stylist import Stylist
from bot.conversation.turn_limits import TurnLimits
from bot.lifecycle.shutdown import InFlightUpdates, bounded
from bot.model.client import ModelClient
from bot.settings import Settings
from bot.shopping.catalog import load_catalog
from bot.shopping.links import CatalogSearch, ShoppingSearch
from bot.shopping.tavily import TavilySearch
from bot.telegram.call_kinds import Priority
from bot.telegram.door import TelegramDoor
from bot.wardrobe.intake import WardrobeIntake
from bot.wardrobe.keeper import WardrobeKeeper
from bot.weather.desk import WeatherDesk
from bot.weather.open_meteo import OpenMeteo
from prompts.builder import PromptLimits
from storage.answer_stops import AnswerStops
from storage.chat_store import ChatStore
from storage.connection import RedisClient, connect
from storage.coordination import ChatQueue, RedisAlbums, UpdateLog
from storage.downvotes import DownvoteLog
from storage.group_data import GroupData
from storage.ledger import Ledger
from storage.limits import Limits, LimitSettings
from storage.photo_handoff import PhotoHandoff
from storage.places import UserPlaces
from storage.telegram_budget import TelegramBudget

log = logging.getLogger(__name__)

# Chats must not wait for each other; turns of one chat are ordered by ChatQueue.
# A caption-less photo's turn waits a few seconds for its question in a slot of its
# own, so a burst of photo-then-question chats needs two slots per chat: 256 made
# questions queue behind photos waiting for them (bench/load.py, 200 chats at once).
CONCURRENT_UPDATES = 1024
# Each client may take this long to close at shutdown before it is left behind.
CLIENT_CLOSE_SECONDS = 0.5


@dataclass
class Services:
    settings: Settings
    redis: RedisClient
    store: ChatStore
    ledger: Ledger
    # 👎-rated turns kept for 30 days, to become eval cases (python -m evals from-feedback).
    downvotes: DownvoteLog
    model: ModelClient
    stylist: Stylist
    albums: RedisAlbums
    # A fair per-chat queue across workers: a chat's turns run one at a time, in order.
    locks: ChatQueue
    updates: UpdateLog
    limits: Limits
    # Every Bot API call passes this one door (the Application's rate limiter).
    door: TelegramDoor
    running: RunningAnswers
    # The Application's update processor: the updates being handled, for the shutdown.
    in_flight: InFlightUpdates
    intake: WardrobeIntake
    keeper: WardrobeKeeper
    # A question in a Telegram chat, and photos arriving: the flows handlers hand over to.
    turns: ChatTurns
    photo_turns: PhotoTurns
    # Links for the ➕ lines of answers (None: no catalog and no search provider).
    shopping: ShoppingSearch | None
    weather: WeatherDesk

    @classmethod
    def create(cls, settings: Settings, redis_url: str) -> Services:
        # A single server or a cluster: the server at REDIS_URL is asked which (one short
        # connection); the client itself opens its connections on first use.
        redis = connect(
            redis_url,
            max_connections=settings.redis_max_connections,
        )
        store = ChatStore(
            redis,
            ttl_seconds=settings.chat_ttl_seconds,
            history_max_messages=settings.history_max_messages,
            max_photos=settings.max_photos,
        )
        model = ModelClient(
            api_key=settings.openai_api_key.get_secret_value(),
            base_url=str(settings.openai_base_url) if settings.openai_base_url else None,
            model=settings.openai_model,
            timeout=settings.openai_timeout,
            max_retries=settings.openai_max_retries,
            max_tokens=settings.max_answer_tokens,
            token_param=settings.openai_token_param,
            fallback_model=settings.openai_fallback_model,
        )
        ledger = Ledger(redis)
        weather = WeatherDesk(
            UserPlaces(redis, ttl_seconds=settings.chat_ttl_seconds),
            OpenMeteo(
                redis,
                forecast_base_url=settings.weather_base_url,
                geocoding_base_url=settings.geocoding_base_url,
                timeout=settings.weather_timeout,
            ),
        )
        shopping = shopping_for(settings)
        limits = PromptLimits(
            model=settings.openai_model,
            detail=settings.image_detail,
            history_token_budget=settings.history_token_budget,
            max_prompt_tokens=settings.max_prompt_tokens,
        )
        stylist = Stylist(
            store,
            model,
            ledger,
            limits=limits,
            prices=settings.model_prices,
            variant_b_share=settings.prompt_variant_b_share,
            weather=weather,
        )
        albums = RedisAlbums(redis, settings.album_quiet_seconds)
        locks = ChatQueue(redis)
        limits_store = Limits(
            redis,
            LimitSettings(
                turns_per_minute_user=settings.turns_per_minute_user,
                turns_per_minute_chat=settings.turns_per_minute_chat,
                photos_per_hour_user=settings.photos_per_hour_user,
                daily_tokens_user=settings.daily_tokens_user,
            ),
        )
        budget = TelegramBudget(
            redis,
            per_second=settings.telegram_rate_per_second,
            jitter=settings.telegram_jitter_seconds,
            chat_interval=settings.telegram_chat_interval,
            group_per_minute=settings.telegram_group_per_minute,
        )
        handoff = PhotoHandoff(redis, wait_seconds=settings.photo_question_wait_seconds)
        # Stops reach the worker streaming the answer through Redis, whichever got the /stop.
        running = RunningAnswers(AnswerStops(redis))
        intake = WardrobeIntake(
            store,
            long_side=settings.image_long_side,
            clothing_long_side=settings.clothing_long_side,
            quality=settings.image_quality,
            parallel=settings.image_parallel,
        )
        turns = ChatTurns(
            store=store,
            stylist=stylist,
            queue=locks,
            running=running,
            limits=TurnLimits(limits_store),
            handoff=handoff,
            style=StreamStyle(
                edit_interval_private=settings.edit_interval_private,
                edit_interval_group=settings.edit_interval_group,
                use_drafts=settings.stream_mode == "draft",
            ),
            shopping=shopping,
        )
        photo_turns = PhotoTurns(
            store=store,
            intake=intake,
            stylist=stylist,
            turns=turns,
            handoff=handoff,
            max_photos=settings.max_photos,
        )
        return cls(
            settings=settings,
            redis=redis,
            store=store,
            ledger=ledger,
            downvotes=DownvoteLog(redis),
            model=model,
            stylist=stylist,
            albums=albums,
            locks=locks,
            updates=UpdateLog(redis),
            limits=limits_store,
            door=TelegramDoor(budget),
            running=running,
            in_flight=InFlightUpdates(CONCURRENT_UPDATES),
            intake=intake,
            keeper=WardrobeKeeper(store, intake, locks, GroupData(redis, store)),
            turns=turns,
            photo_turns=photo_turns,
            shopping=shopping,
            weather=weather,
        )

    async def close(self) -> None:
        """Every client at once, each left behind if it does not close in time."""
        closing = [("the model client", self.model.close()), ("Redis", self.redis.aclose()),
                   ("Open-Meteo's client", self.weather.meteo.close()),
                   ("the download client", self.intake.downloads.close())]  # fmt: skip
        if self.shopping is not None:
            closing.append(("the shopping search", self.shopping.close()))
        await asyncio.gather(*(bounded(step, CLIENT_CLOSE_SECONDS, name) for name, step in closing))


def shopping_for(settings: Settings) -> ShoppingSearch | None:
    """The catalog, loaded and checked now (bad rows logged and skipped), or web search."""
    if settings.search_provider == "tavily" and settings.tavily_api_key is not None:
        return TavilySearch(
            settings.tavily_api_key.get_secret_value(),
            base_url=settings.tavily_base_url,
            timeout=settings.search_timeout,
        )
    if settings.catalog_path is None:
        return None
    load = load_catalog(settings.catalog_path)  # CatalogUnreadable stops the start
    for problem in load.problems:
        log.warning("Catalog row skipped: %s", problem)
    log.info("Catalog %s: %s", settings.catalog_path.name, load.summary)
    return CatalogSearch.from_load(load)


class BotData:
    """`application.bot_data`: holds the Services, set right after the build."""

    services: Services


class CoordiContext(CallbackContext[ExtBot[Priority], dict, dict, BotData]):  # type: ignore[type-arg]
    @property
    def services(self) -> Services:
        return self.bot_data.services
