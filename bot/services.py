"""The long-lived clients and helpers, built once at start-up and passed to handlers."""

from __future__ import annotations

from dataclasses import dataclass

from redis.asyncio import BlockingConnectionPool, Redis
from telegram.ext import CallbackContext, ExtBot

from bot.conversation.chat_turn import ChatTurns, StreamStyle
from bot.conversation.photo_turn import PhotoTurns
from bot.conversation.stopping import RunningAnswers
from bot.conversation.stylist import Stylist
from bot.conversation.turn_limits import TurnLimits
from bot.model.client import ModelClient
from bot.settings import Settings
from bot.wardrobe.intake import WardrobeIntake
from bot.wardrobe.keeper import WardrobeKeeper
from prompts.builder import PromptLimits
from storage.chat_store import ChatStore
from storage.coordination import ChatQueue, RedisAlbums, UpdateLog
from storage.downvotes import DownvoteLog
from storage.ledger import Ledger
from storage.limits import Limits, LimitSettings
from storage.telegram_budget import TelegramBudget


@dataclass
class Services:
    settings: Settings
    redis: Redis
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
    pacer: TelegramBudget
    running: RunningAnswers
    intake: WardrobeIntake
    keeper: WardrobeKeeper
    # A question in a Telegram chat, and photos arriving: the flows handlers hand over to.
    turns: ChatTurns
    photo_turns: PhotoTurns

    @classmethod
    def create(cls, settings: Settings, redis_url: str) -> Services:
        # Creating the clients opens no connection; that happens on first use.
        # A blocking pool: under load a command waits for a free connection instead of failing.
        pool = BlockingConnectionPool.from_url(
            redis_url,
            max_connections=settings.redis_max_connections,
            timeout=10,
            health_check_interval=30,
            socket_connect_timeout=5,
        )
        redis = Redis.from_pool(pool)
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
        pacer = TelegramBudget(redis, settings.telegram_rate_per_second, settings.telegram_burst)
        running = RunningAnswers()
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
            pacer=pacer,
            style=StreamStyle(
                edit_interval_private=settings.edit_interval_private,
                edit_interval_group=settings.edit_interval_group,
                use_drafts=settings.stream_mode == "draft",
            ),
        )
        photo_turns = PhotoTurns(
            store=store, intake=intake, stylist=stylist, turns=turns, max_photos=settings.max_photos
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
            pacer=pacer,
            running=running,
            intake=intake,
            keeper=WardrobeKeeper(store, intake, locks),
            turns=turns,
            photo_turns=photo_turns,
        )

    async def close(self) -> None:
        await self.model.close()
        await self.redis.aclose()


class BotData:
    """`application.bot_data`: holds the Services, set right after the build."""

    services: Services


class CoordiContext(CallbackContext[ExtBot[None], dict, dict, BotData]):  # type: ignore[type-arg]
    @property
    def services(self) -> Services:
        return self.bot_data.services
