"""Start-up failures in one line: which service could not be reached or refused us, where, why.

Without this an unreachable Telegram or Redis at start-up ends in the libraries' tracebacks
(two of them, over a hundred lines), and python-telegram-bot's InvalidToken message even
repeats the token. The operator needs the service, its address (never a token or a
password) and the reason, and an exit status: 2 when a setting is wrong (a refused token or
password), 1 when a service is down (start again later).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from redis.exceptions import AuthenticationError, RedisError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, TelegramError

from bot.lifecycle.causes import cause, chain, redis_address, without_credentials
from bot.settings import Settings


class StartupFailed(Exception):
    """The one line to print, and the exit status."""

    def __init__(self, line: str, code: int) -> None:
        super().__init__(line)
        self.line = line
        self.code = code


@contextlib.contextmanager
def explained(settings: Settings, redis_url: str | None = None) -> Iterator[None]:
    """Turn what fails while connecting at start-up into a StartupFailed line."""
    try:
        yield
    except (TelegramError, RedisError) as exc:
        line, code = explain(exc, settings, redis_url or settings.redis_url)
        raise StartupFailed(scrubbed(line, settings), code) from None


def explain(exc: BaseException, settings: Settings, redis_url: str | None) -> tuple[str, int]:
    telegram = without_credentials(settings.telegram_base_url)
    if isinstance(exc, InvalidToken):
        return f"Telegram rejected TELEGRAM_BOT_TOKEN ({_token_status(exc)})", 2
    if isinstance(exc, (BadRequest, Forbidden)) or not isinstance(exc, NetworkError | RedisError):
        # Telegram answered, and said no to a start-up call: its own words name the cause.
        return f"Telegram at {telegram} refused a start-up call: {exc}", 1
    if isinstance(exc, NetworkError):
        return f"cannot reach Telegram at {telegram}: {cause(exc) or exc}", 1
    where = redis_address(redis_url) if redis_url else "the embedded redis-server"
    if isinstance(exc, AuthenticationError):
        return f"Redis at {where} refused the user or password in REDIS_URL", 2
    if isinstance(exc, RedisConnectionError | RedisTimeoutError):
        reason = cause(exc) or ("timed out" if isinstance(exc, RedisTimeoutError) else "failed")
        return f"cannot reach Redis at {where} (REDIS_URL): {reason}", 1
    return f"Redis at {where} refused a start-up command: {type(exc).__name__}", 1


def _token_status(exc: InvalidToken) -> str:
    """401 for a well-formed token Telegram does not know, 404 for a malformed one."""
    words = " ".join(str(node) for node in chain(exc)).lower()
    if "not found" in words:
        return "404 Not Found: a malformed token, or TELEGRAM_BASE_URL is no Bot API server"
    return "401"


def scrubbed(line: str, settings: Settings) -> str:
    """A last guard: no secret from the settings ever reaches the terminal or the logs."""
    secrets = [
        settings.telegram_bot_token.get_secret_value(),
        settings.openai_api_key.get_secret_value(),
    ]
    if settings.webhook_secret is not None:
        secrets.append(settings.webhook_secret.get_secret_value())
    for secret in secrets:
        if len(secret) >= 6:
            line = line.replace(secret, "…")
    return line
