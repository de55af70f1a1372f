"""Telegram files, downloaded with a hard cap: never more than the cap is held in memory.

python-telegram-bot's `File.download_*` read the whole body before returning. `file_size` is
optional in the Bot API (a document may come without it), and a local Bot API server hands
bots files of up to 2 GB, so the body is read here in chunks and the download is dropped as
soon as it passes the cap: the sizes Telegram states are checked first, then the response's
Content-Length, then the bytes that actually arrive.

A file's URL holds the bot token: it is never logged, and neither is an HTTP client error's
text (it holds the URL); failures are named by their type only.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

import aiohttp
from telegram import Bot
from telegram.error import BadRequest, TelegramError

# Bot API servers refuse to hand bots files larger than this ("file is too big").
TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024
CHUNK_BYTES = 64 * 1024
# A photo is a few MB: a minute in all, and no stalled read or connect longer than this.
TIMEOUT = aiohttp.ClientTimeout(total=60, sock_connect=10, sock_read=20)


class TooLarge(Exception):
    """The file is over the cap (stated by Telegram, or seen while reading)."""


class DownloadFailed(Exception):
    """The file could not be fetched; the message names the error's type, never the URL."""


class FileDownloads:
    """One HTTP client for a worker's downloads, opened on first use."""

    def __init__(self, *, limit_bytes: int = TELEGRAM_DOWNLOAD_LIMIT) -> None:
        self.limit_bytes = limit_bytes
        self._session: aiohttp.ClientSession | None = None

    async def fetch(self, bot: Bot, file_id: str) -> bytes:
        """The file's bytes; TooLarge or DownloadFailed otherwise."""
        try:
            telegram_file = await bot.get_file(file_id)
        except BadRequest as exc:
            if "too big" in exc.message.lower():
                raise TooLarge from None
            raise DownloadFailed(type(exc).__name__) from None
        except TelegramError as exc:
            raise DownloadFailed(type(exc).__name__) from None
        if telegram_file.file_size is not None and telegram_file.file_size > self.limit_bytes:
            raise TooLarge
        path = telegram_file.file_path or ""
        if not path.startswith(("http://", "https://")):
            raise DownloadFailed("no file URL")  # a Bot API server in --local mode: not used
        return await self._read(_encoded(path))

    async def _read(self, url: str) -> bytes:
        if self._session is None or self._session.closed:
            # trust_env: the proxy settings python-telegram-bot's httpx client honours too.
            self._session = aiohttp.ClientSession(timeout=TIMEOUT, trust_env=True)
        try:
            async with self._session.get(url) as response:
                if response.status != 200:
                    raise DownloadFailed(f"HTTP {response.status}")
                if (response.content_length or 0) > self.limit_bytes:
                    response.close()
                    raise TooLarge
                body = bytearray()
                async for chunk in response.content.iter_chunked(CHUNK_BYTES):
                    body += chunk
                    if len(body) > self.limit_bytes:
                        response.close()  # drop the connection rather than read on
                        raise TooLarge
                return bytes(body)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise DownloadFailed(type(exc).__name__) from None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


def _encoded(url: str) -> str:
    """Non-ASCII characters of the file's path percent-encoded, as python-telegram-bot does."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=quote(parts.path)))
