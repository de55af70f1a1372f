"""A fake Telegram Bot API server speaking real HTTP on 127.0.0.1.

Point the real python-telegram-bot client at it with
``Bot(token, base_url=server.base_url, base_file_url=server.base_file_url)``.
Message and file state is kept per chat; formatting is parsed by :mod:`tests.fakes.tg_markup`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes import tg_methods
from tests.fakes.local_server import LocalServer
from tests.fakes.tg_limits import LimitKeeper, Limits, audit
from tests.fakes.tg_methods import ApiError
from tests.fakes.tg_params import error_response, read_params


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    at: float
    ok: bool = True


@dataclass
class SentMessage:
    """A message the bot sent, as the user currently sees it.

    For photo messages ``text``/``entities`` hold the caption and ``photo`` the PhotoSize list.
    """

    message_id: int
    chat_id: int
    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)
    reply_markup: dict[str, Any] | None = None
    edits: int = 0
    kind: str = "text"
    deleted: bool = False
    thread_id: int | None = None
    photo: list[dict[str, Any]] | None = None
    media_group_id: str | None = None
    date: int = field(default_factory=lambda: int(time.time()))


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes
    file_size_override: int | None = None
    # `file_size` is optional in the Bot API: getFile may leave it out.
    report_size: bool = True
    # A body of this many bytes (`content`, then zeros) without keeping it: a huge file.
    body_bytes: int | None = None
    # Sent with chunked transfer encoding, so no Content-Length announces the size.
    chunked: bool = False

    @property
    def size(self) -> int:
        if self.file_size_override is not None:
            return self.file_size_override
        return self.body_bytes if self.body_bytes is not None else len(self.content)

    def pieces(self, chunk: int) -> Iterator[bytes]:
        yield self.content
        zeros = bytes(chunk)
        left = self.size - len(self.content) if self.body_bytes is not None else 0
        while left > 0:
            yield zeros[: min(chunk, left)]
            left -= chunk


class FakeTelegramServer(LocalServer):
    def __init__(
        self,
        token: str = "123456:TEST",
        bot_id: int = 999000,
        bot_username: str = "coordi_test_bot",
        limits: Limits | None = Limits(),  # noqa: B008 - frozen, shared safely
    ) -> None:
        self.token = token
        self.bot_id = bot_id
        self.bot_username = bot_username
        self.calls: list[ApiCall] = []
        # Telegram's flood limits: a call over one is answered 429 with retry_after.
        self.limits = LimitKeeper(limits)
        self.files: dict[str, StoredFile] = {}
        self.download_delay = 0.0
        # file_path -> bytes of the body written before the download ended or the client left,
        # and the paths whose body was written to the end.
        self.download_sent: dict[str, int] = {}
        self.downloads_finished: set[str] = set()
        # getFile refuses bigger files ("file is too big"); a local Bot API server: 2000 MB.
        self.max_get_file_size = tg_methods.MAX_GET_FILE_SIZE
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.webhook_url = ""
        # getChatMember: (chat id, user id) -> "creator", "administrator", "member",
        # "restricted", "left" or "kicked" (everyone else in a group is a "member").
        self.member_status: dict[tuple[int, int], str] = {}
        self.unknown_chats: set[int] = set()  # getChatMember answers "chat not found"
        self._messages: dict[int, list[SentMessage]] = defaultdict(list)
        self._next_message_id: dict[int, int] = defaultdict(lambda: 1000)
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._errors: dict[str, deque[ApiError]] = defaultdict(deque)
        self._cond = asyncio.Condition()
        self._bg_tasks: set[asyncio.Task[None]] = set()
        self._stopping = False

    # ----------------------------------------------------------------- lifecycle
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    @property
    def bot_user(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Coordi",
            "username": self.bot_username,
        }

    def routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/{tail:.*}", self._handle)

    def opening(self) -> None:
        self._stopping = False

    async def closing(self) -> None:
        self._stopping = True  # releases pending getUpdates long polls
        async with self._cond:
            self._cond.notify_all()

    # ----------------------------------------------------------------- test API
    def calls_to(self, method: str) -> list[ApiCall]:
        name = method.lower()
        return [c for c in self.calls if c.method.lower() == name]

    def clear_calls(self) -> None:
        self.calls.clear()

    def messages(self, chat_id: int, *, include_deleted: bool = False) -> list[SentMessage]:
        """Messages the bot sent to ``chat_id`` in send order (deleted ones left out)."""
        return [m for m in self._messages[chat_id] if include_deleted or not m.deleted]

    def find_message(self, chat_id: int, message_id: int) -> SentMessage | None:
        for m in self._messages.get(chat_id, []):
            if m.message_id == message_id and not m.deleted:
                return m
        return None

    def set_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        """What getChatMember says of ``user_id`` in ``chat_id`` from now on."""
        if status not in ("creator", "administrator", "member", "restricted", "left", "kicked"):
            raise ValueError(f"not a ChatMember status: {status}")
        self.member_status[(chat_id, user_id)] = status

    def queue_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an Update dict for getUpdates (an ``update_id`` is added when missing)."""
        update = dict(update)
        update.setdefault("update_id", next(self._update_ids))
        self._updates.append(update)
        self._notify()
        return update

    def add_file(
        self,
        content: bytes,
        *,
        file_id: str | None = None,
        file_unique_id: str | None = None,
        file_path: str | None = None,
        file_size_override: int | None = None,
        report_size: bool = True,
        body_bytes: int | None = None,
        chunked: bool = False,
    ) -> tuple[str, str]:
        """Register a downloadable file; returns ``(file_id, file_unique_id)``."""
        n = next(self._file_ids)
        file_id = file_id or f"FILE{n:04d}-AgACAgIAAxkBAAI"
        file_unique_id = file_unique_id or f"UNIQ{n:04d}"
        file_path = file_path or f"photos/file_{n}.jpg"
        self.files[file_id] = StoredFile(
            file_id, file_unique_id, file_path, content, file_size_override, report_size,
            body_bytes, chunked,
        )  # fmt: skip
        return file_id, file_unique_id

    def inject_error(
        self,
        method: str,
        *,
        error_code: int = 400,
        description: str = "Bad Request",
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls to ``method`` fail (``downloadFile`` for downloads)."""
        if error_code == 429 and retry_after is None:
            retry_after = 1
        if error_code == 429 and description == "Bad Request":
            description = f"Too Many Requests: retry after {retry_after}"
        for _ in range(times):
            self._errors[method.lower()].append(ApiError(error_code, description, retry_after))

    async def wait_for(
        self,
        predicate: Callable[[FakeTelegramServer], bool],
        timeout: float = 5.0,
    ) -> None:
        """Wait until ``predicate(self)`` holds, re-checking after every recorded call.

        A predicate raising LookupError (e.g. ``s.messages(c)[-1]`` before any message)
        counts as not yet true.
        """

        def check() -> bool:
            try:
                return bool(predicate(self))
            except LookupError:
                return False

        try:
            async with self._cond:
                await asyncio.wait_for(self._cond.wait_for(check), timeout)
        except TimeoutError:
            raise AssertionError(
                f"condition not met within {timeout}s; calls:\n{self.summary()}"
            ) from None

    async def wait_for_call(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
    ) -> ApiCall:
        """Wait for at least ``count`` calls to ``method``; return the ``count``-th."""
        await self.wait_for(lambda s: len(s.calls_to(method)) >= count, timeout)
        return self.calls_to(method)[count - 1]

    def summary(self) -> str:
        if not self.calls:
            return "  (no calls)"
        t0 = self.calls[0].at
        lines = []
        for c in self.calls[-40:]:
            params = {k: v for k, v in c.params.items() if k != "_files"}
            text = json.dumps(params, ensure_ascii=False, default=str)
            flag = "ok " if c.ok else "ERR"
            lines.append(f"  +{c.at - t0:7.3f}s {flag} {c.method} {text[:160]}")
        return "\n".join(lines)

    def limit_violations(
        self, min_interval_private: float = 1.0, per_minute_group: int = 20
    ) -> list[str]:
        """Audit recorded calls against Telegram's flood limits (see tg_limits.audit)."""
        return audit(self.calls, min_interval_private, per_minute_group)

    # ----------------------------------------------------------------- HTTP layer
    def _notify(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # called outside the loop: nobody can be waiting yet
            return

        async def notify() -> None:
            async with self._cond:
                self._cond.notify_all()

        task = loop.create_task(notify())
        self._bg_tasks.add(task)
        task.add_done_callback(self._bg_tasks.discard)

    async def _record(self, method: str, params: dict[str, Any], at: float, ok: bool) -> None:
        self.calls.append(ApiCall(method, params, at, ok))
        async with self._cond:
            self._cond.notify_all()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        at = time.monotonic()
        path = request.path
        if path.startswith("/file/bot"):
            return await self._download(request, path.removeprefix("/file/bot"), at)
        if not path.startswith("/bot"):
            return error_response(ApiError(404, "Not Found"))
        token, _, raw_method = path.removeprefix("/bot").partition("/")
        name = tg_methods.canonical(raw_method) or raw_method
        if token != self.token:
            await self._record(name, {}, at, False)
            return error_response(ApiError(401, "Unauthorized"))
        params: dict[str, Any] = {}
        queued = self._errors.get(name.lower())
        try:
            params = await read_params(request)
            if queued:
                raise queued.popleft()
            if tg_methods.canonical(raw_method) is None:
                raise ApiError(404, "Not Found")
            retry_after = self.limits.check(name, params, at)
            if retry_after is not None:
                raise ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after)
            result = await getattr(tg_methods, "m_" + name)(self, params)
        except ApiError as err:
            await self._record(name, params, at, False)
            return error_response(err)
        except Exception as exc:  # a request the fake cannot handle: make it visible
            await self._record(name, params, at, False)
            return error_response(ApiError(500, f"Internal Server Error: fake failed with {exc!r}"))
        await self._record(name, params, at, True)
        return web.json_response({"ok": True, "result": result})

    async def _download(self, request: web.Request, rest: str, at: float) -> web.StreamResponse:
        token, _, file_path = rest.partition("/")
        params = {"file_path": file_path}
        queued = self._errors.get("downloadfile")
        stored = next((f for f in self.files.values() if f.file_path == file_path), None)
        if queued or token != self.token or stored is None:
            err = (
                queued.popleft()
                if queued
                else ApiError(
                    401 if token != self.token else 404,
                    "Unauthorized" if token != self.token else "Not Found",
                )
            )
            await self._record("downloadFile", params, at, False)
            return error_response(err)
        await self._record("downloadFile", params, at, True)
        if self.download_delay:  # a slow file server, to see whether downloads overlap
            await asyncio.sleep(self.download_delay)
        response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
        if stored.chunked:
            response.enable_chunked_encoding()
        else:
            response.content_length = stored.size if stored.body_bytes else len(stored.content)
        await response.prepare(request)
        sent = 0
        try:
            # In pieces, as a file server streams it: what a client that stops reading
            # (or closes) is sent shows up in download_sent.
            for piece in stored.pieces(256 * 1024):
                await response.write(piece)
                sent += len(piece)
                self.download_sent[file_path] = sent
            await response.write_eof()
            self.downloads_finished.add(file_path)
        except ConnectionError:  # the client went away before the end
            pass
        return response
