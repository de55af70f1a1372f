"""Typed configuration from the environment and an optional `.env` file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

from pydantic import Field, HttpUrl, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.model.pricing import DEFAULT_PRICES


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_base_file_url: str = "https://api.telegram.org/file/bot"

    openai_api_key: SecretStr = SecretStr("")
    openai_base_url: HttpUrl | None = None
    openai_model: str = "gpt-4.1-mini"
    # Tried when the model still fails after the SDK's retries (429, 5xx, timeouts).
    openai_fallback_model: str | None = None
    # Seconds without a new token before a stream counts as stalled.
    openai_timeout: float = Field(default=60.0, gt=0)
    # The SDK's own retries with backoff for 429 and 5xx before the first token.
    openai_max_retries: int = Field(default=2, ge=0, le=10)
    max_answer_tokens: int = Field(default=1200, ge=100)
    # auto: max_completion_tokens for OpenAI itself, max_tokens for other servers.
    openai_token_param: Literal["auto", "max_tokens", "max_completion_tokens"] = "auto"
    # A request estimated above this is trimmed (oldest history, then pictures) before sending.
    max_prompt_tokens: int = Field(default=12000, ge=1000)
    # USD per 1M tokens (input, output) by model-name prefix, as JSON.
    model_prices: dict[str, tuple[float, float]] = Field(
        default_factory=lambda: dict(DEFAULT_PRICES)
    )
    # Share of chats (0-1) that get prompt variant B (prompts/system.b.md).
    prompt_variant_b_share: float = Field(default=0.0, ge=0, le=1)
    # Abuse and cost limits, counted in Redis across workers.
    turns_per_minute_user: int = Field(default=10, ge=1)
    turns_per_minute_chat: int = Field(default=20, ge=1)
    photos_per_hour_user: int = Field(default=60, ge=1)
    daily_tokens_user: int = Field(default=300_000, ge=1000)
    max_message_chars: int = Field(default=2000, ge=50)
    # When set (JSON lists), only these users / chats are served; others are ignored.
    allowed_user_ids: list[int] = Field(default_factory=list)
    allowed_chat_ids: list[int] = Field(default_factory=list)
    # Telegram user ids allowed to use /stats, as JSON: [123, 456].
    admin_user_ids: list[int] = Field(default_factory=list)

    redis_url: str | None = None
    # Connections per worker; commands wait for a free one rather than fail.
    redis_max_connections: int = Field(default=64, ge=4)
    # Where the embedded redis-server keeps its data when REDIS_URL is unset.
    redis_data_dir: str = "data/redis"

    webhook_url: HttpUrl | None = None
    webhook_secret: SecretStr | None = None
    port: int = Field(default=8080, ge=1, le=65535)
    # On SIGTERM the worker is gone within this: running answers may finish until the last
    # 4 s, which go to cutting the rest with a note and closing. 8 s fits Docker's 10 s.
    shutdown_grace_seconds: float = Field(default=8.0, ge=2)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # json: one JSON object per line (for log collectors); text: for people.
    log_format: Literal["json", "text"] = "json"

    # Everything of a chat expires after this long without activity (personal data).
    chat_ttl_seconds: int = Field(default=7 * 24 * 3600, ge=60)
    history_max_messages: int = Field(default=20, ge=2)
    history_token_budget: int = Field(default=3000, ge=200)
    max_photos: int = Field(default=12, ge=1)

    # 512 px keeps a photo inside one 512-px tile ("low" detail, 85 tokens on gpt-4o);
    # clothing needs less detail than the body (colour, pattern, shape), so 384 px
    # (175 tokens instead of 312 on gpt-4.1-mini's 32-px patches). See README.
    image_long_side: int = Field(default=512, ge=128, le=2048)
    clothing_long_side: int = Field(default=384, ge=128, le=2048)
    image_quality: int = Field(default=80, ge=30, le=95)
    # Images downloaded and decoded at once per worker: bounds memory under bursts.
    image_parallel: int = Field(default=4, ge=1, le=64)
    image_detail: Literal["low", "high", "auto"] = "low"

    # Quiet time after the last album part before the album counts as complete.
    album_quiet_seconds: float = Field(default=0.8, gt=0)
    edit_interval_private: float = Field(default=1.0, gt=0)
    # Telegram allows about 20 messages a minute in a group: 3.2 s stays under it.
    edit_interval_group: float = Field(default=3.2, gt=0)
    # edit: one message edited in place (everywhere); draft: sendMessageDraft in private chats.
    stream_mode: Literal["edit", "draft"] = "edit"
    # Telegram's overall limit for a bot is about 30 messages a second: at most this many
    # sends and edits in any one second (all chats, all workers, shared through Redis).
    # The window counted is a second plus the jitter, so that calls delayed on their way
    # (a busy worker, the network) still arrive within Telegram's count.
    telegram_rate_per_second: int = Field(default=28, ge=1)
    telegram_jitter_seconds: float = Field(default=0.15, ge=0, le=1)
    # About one change a second per chat, about 20 messages a minute per group.
    telegram_chat_interval: float = Field(default=1.0, gt=0)
    telegram_group_per_minute: int = Field(default=20, ge=5)
    # A caption-less photo waits this long for the question typed after it, to answer both
    # in one turn; only when none comes does Coordi confirm what it saved.
    photo_question_wait_seconds: float = Field(default=3.0, ge=0)

    # Shopping links for the ➕ lines of an answer: a product file (CSV or JSON Lines), or,
    # without one, Tavily web search. Unset: no links.
    catalog_path: Path | None = None
    search_provider: Literal["catalog", "tavily"] = "catalog"
    tavily_api_key: SecretStr | None = None
    tavily_base_url: str = "https://api.tavily.com"
    search_timeout: float = Field(default=3.0, gt=0, le=30)
    # Weather for the user's city (/city): Open-Meteo, free and keyless. A short timeout: an
    # answer waits for it, and goes on without weather when it is slow.
    weather_base_url: str = "https://api.open-meteo.com/v1"
    geocoding_base_url: str = "https://geocoding-api.open-meteo.com/v1"
    weather_timeout: float = Field(default=2.0, gt=0, le=30)

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        token = value.get_secret_value()
        if ":" not in token or not token.split(":", 1)[0].isdigit():
            raise ValueError("must look like 123456:ABC-DEF (from @BotFather)")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _secret_charset(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        secret = value.get_secret_value()
        allowed = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
        if not 1 <= len(secret) <= 256 or not set(secret) <= allowed:
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        if self.webhook_url is not None and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET is required when WEBHOOK_URL is set")
        return self

    @model_validator(mode="after")
    def _tavily_needs_key(self) -> Settings:
        if self.search_provider == "tavily" and not self.tavily_api_key:
            raise ValueError("TAVILY_API_KEY is required when SEARCH_PROVIDER=tavily")
        return self

    @property
    def webhook_path(self) -> str:
        if self.webhook_url is None:
            return "/telegram"
        return self.webhook_url.path or "/telegram"


def model_key_problem(settings: Settings) -> str | None:
    """OpenAI's own API refuses every request without a key: better said before starting.
    Local servers (OPENAI_BASE_URL) take any key, or none."""
    if settings.openai_base_url is None and not settings.openai_api_key.get_secret_value():
        return (
            "OPENAI_API_KEY is required for OpenAI's API "
            "(or set OPENAI_BASE_URL to another OpenAI-compatible server)"
        )
    return None


def load_settings(**overrides: object) -> Settings:
    """Load settings; on a bad or missing setting exit with one line and code 2."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        print(f"Configuration error: {describe(exc)}", file=sys.stderr)
        raise SystemExit(2) from None


def describe(exc: ValidationError) -> str:
    """One line naming the first bad setting, never its value."""
    error = exc.errors()[0]
    name = ".".join(str(part) for part in error["loc"]).upper()
    reason = "is required" if error["type"] == "missing" else error["msg"]
    reason = reason.removeprefix("Value error, ")
    return f"{name} {reason}" if name else reason
