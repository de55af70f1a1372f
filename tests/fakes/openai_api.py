"""A fake OpenAI Chat Completions server speaking real HTTP (and OpenAI's SSE) on 127.0.0.1.

Point the real SDK at it with ``AsyncOpenAI(base_url=server.base_url, api_key="test")``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.fakes.local_server import LocalServer

DEFAULT_REPLY = (
    "**오늘의 코디 / Today's outfit**\n\n"
    "- 상의: 흰색 옥스포드 셔츠 (white oxford shirt)\n"
    "- 하의: 네이비 치노 팬츠 (navy chinos)\n"
    "- 신발: 화이트 스니커즈 (white sneakers)\n\n"
    "깔끔하고 편안한 스타일이에요!"
)
_ERRORS = {
    400: ("invalid_request_error", None),
    401: ("invalid_request_error", "invalid_api_key"),
    403: ("invalid_request_error", "unsupported_country_region_territory"),
    404: ("invalid_request_error", "model_not_found"),
    429: ("requests", "rate_limit_exceeded"),
    500: ("server_error", None),
    503: ("server_error", None),
}


class Hold:
    """A request the server keeps waiting: ``arrived`` is set when it comes in, and it is
    answered (as it would have been) only once ``release()`` is called or the server stops.
    The client sees a slow server, nothing else."""

    def __init__(self) -> None:
        self.arrived = asyncio.Event()
        self._released = asyncio.Event()

    def release(self) -> None:
        self._released.set()

    async def wait_released(self, closing: asyncio.Event) -> None:
        waits = {
            asyncio.ensure_future(self._released.wait()),
            asyncio.ensure_future(closing.wait()),
        }
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()


@dataclass
class ScriptedReply:
    reply: str
    chunk_size: int = 4
    first_token_delay: float = 0.0
    interval: float = 0.0
    status: int | None = None
    break_after: int | None = None
    hang_after: int | None = None
    usage: dict[str, Any] | None = None

    @property
    def cut(self) -> str | None:
        """How the response ends early: "hang", "break" or None (whichever comes first)."""
        if self.hang_after is not None and (
            self.break_after is None or self.hang_after < self.break_after
        ):
            return "hang"
        return "break" if self.break_after is not None else None


_CATEGORIES = ("top", "bottom", "shoes", "outer", "bag", "accessory")


def is_analysis(body: dict[str, Any]) -> bool:
    messages = body.get("messages") or []
    first = messages[0] if messages else {}
    return first.get("role") == "system" and str(first.get("content", "")).startswith(
        "You catalogue"
    )


def made_up_cards(body: dict[str, Any]) -> str:
    """Plausible cards for every "Photo [n] (sent as: ...)" in an analysis request."""
    cards = []
    for message in body["messages"]:
        for part in message["content"] if isinstance(message["content"], list) else []:
            match = re.match(r"Photo \[(\d+)\] \(sent as: (.*)\)", part.get("text", ""))
            if not match:
                continue
            number, body_photo = int(match.group(1)), match.group(2).startswith("full-body")
            category = None if body_photo else _CATEGORIES[(number - 2) % len(_CATEGORIES)]
            cards.append({
                "number": number, "kind": "full_body" if body_photo else "item",
                "name": "full-body photo" if body_photo else f"item {number} {category}",
                "category": category, "colors": ["navy"], "pattern": "solid", "material": "cotton",
                "fit": "regular", "formality": "smart casual", "season": "all",
                "silhouette": "balanced proportions" if body_photo else "",
                "color_tone": "warm" if body_photo else "", "current_style": "casual" if body_photo else "",
            })  # fmt: skip
    return json.dumps({"cards": cards})


def estimate_prompt_tokens(body: dict[str, Any]) -> int:
    """len(all text content) // 4 + 85 per image part."""
    chars, images = 0, 0
    for message in body.get("messages") or []:
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, str):
            chars += len(content)
        elif isinstance(content, list):
            for part in content:
                if part.get("type") == "text":
                    chars += len(part.get("text", ""))
                elif part.get("type") in ("image_url", "input_image"):
                    images += 1
    return chars // 4 + 85 * images


class FakeOpenAIServer(LocalServer):
    def __init__(self, default_reply: str = DEFAULT_REPLY, *, api_key: str | None = None) -> None:
        self.default_reply = default_reply
        # When set, a request with another bearer key is refused 401, as OpenAI refuses it.
        self.api_key = api_key
        self.requests: list[dict[str, Any]] = []
        # Wardrobe-analysis calls (system prompt "You catalogue ..."), kept apart from answers.
        self.analysis_requests: list[dict[str, Any]] = []
        self._analysis_script: deque[tuple[str | None, int | None]] = deque()
        self._analysis_holds: deque[Hold] = deque()
        self.supports_json_schema = True
        # Request index -> when its first content delta was written (for latency benchmarks).
        self.first_content_at: dict[int, float] = {}
        self.received_at: dict[int, float] = {}
        # Request index -> content chunks written before the stream ended or the client left.
        self.chunks_sent: dict[int, int] = {}
        self.authorizations: list[str | None] = []
        self._script: deque[ScriptedReply] = deque()
        self._cond = asyncio.Condition()
        self._closing = asyncio.Event()
        self._ids = itertools.count(1)
        # Answers a request from its content (e.g. a judge that reads the answers), before
        # the script queue; returning None falls through to the script.
        self.responder: Callable[[dict[str, Any]], str | None] | None = None
        # What an unscripted request gets (timings included); None: default_reply at once.
        self.default_plan: ScriptedReply | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def pending_scripts(self) -> int:
        return len(self._script)

    def script(
        self,
        reply: str,
        *,
        chunk_size: int = 4,
        first_token_delay: float = 0.0,
        interval: float = 0.0,
        status: int | None = None,
        break_after: int | None = None,
        hang_after: int | None = None,
        usage: dict[str, Any] | None = None,
    ) -> None:
        """Queue the response to the next request (FIFO); unscripted ones get default_reply.

        ``status``: answer with that HTTP error and an OpenAI error body instead.
        ``break_after``: close the connection after that many characters (no [DONE]).
        ``hang_after``: after that many characters keep the connection open, silent, until
        the client goes away or the server stops. Both apply before any body when not
        streaming. ``usage`` overrides (is merged into) the estimated token counts.
        """
        self._script.append(
            ScriptedReply(
                reply,
                max(1, chunk_size),
                first_token_delay,
                interval,
                status,
                break_after,
                hang_after,
                usage,
            )
        )

    async def wait_for_requests(self, n: int, timeout: float = 5.0) -> None:
        try:
            async with self._cond:
                await asyncio.wait_for(
                    self._cond.wait_for(lambda: len(self.requests) >= n), timeout
                )
        except TimeoutError:
            raise AssertionError(
                f"expected {n} requests within {timeout}s, got {len(self.requests)}"
            ) from None

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/v1/chat/completions", self._completions)
        app.router.add_get("/v1/models", self._models)

    def opening(self) -> None:
        self._closing.clear()

    async def closing(self) -> None:
        self._closing.set()

    # ------------------------------------------------------------ handlers
    async def _models(self, request: web.Request) -> web.Response:
        models = ("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini")
        return web.json_response(
            {
                "object": "list",
                "data": [
                    {"id": m, "object": "model", "created": 1_700_000_000, "owned_by": "openai"}
                    for m in models
                ],
            }
        )

    async def _completions(self, request: web.Request) -> web.StreamResponse:
        if (
            self.api_key is not None
            and request.headers.get("Authorization") != f"Bearer {self.api_key}"
        ):
            return _error(401, "Incorrect API key provided.")
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or "model" not in body or "messages" not in body:
            return _error(400, "you must provide a model parameter and messages")
        problem = response_format_problem(body.get("response_format"))
        if problem:
            return _error(400, problem)
        if is_analysis(body):
            return await self._analysis(body)
        index = len(self.requests)
        self.requests.append(body)
        self.received_at[index] = time.monotonic()
        self.authorizations.append(request.headers.get("Authorization"))
        async with self._cond:
            self._cond.notify_all()
        answered = self.responder(body) if self.responder is not None else None
        if answered is not None:
            plan = ScriptedReply(answered)
        else:
            plan = (
                self._script.popleft()
                if self._script
                else self.default_plan or ScriptedReply(self.default_reply)
            )
        if plan.first_token_delay:
            await self._pause(plan.first_token_delay)
        if plan.status is not None:
            return _error(plan.status, f"Fake error {plan.status}")
        usage = self._usage(body, plan)
        base = {
            "id": f"chatcmpl-fake{next(self._ids):06d}",
            "created": int(time.time()),
            "model": body["model"],
            "system_fingerprint": "fp_fake0001",
            "service_tier": "default",
        }
        if not body.get("stream"):
            if plan.cut == "hang":
                await self._closing.wait()
            if plan.cut is not None:
                return await self._abort(request)
            message: dict[str, Any] = {
                "role": "assistant",
                "content": plan.reply,
                "refusal": None,
                "annotations": [],
            }
            return web.json_response(
                {
                    **base,
                    "object": "chat.completion",
                    "choices": [
                        {"index": 0, "message": message, "logprobs": None, "finish_reason": "stop"}
                    ],
                    "usage": usage,
                }
            )
        return await self._stream(request, body, plan, base, usage, index)

    def script_analysis(self, reply: str | None = None, *, status: int | None = None) -> None:
        """Queue the reply to the next wardrobe-analysis request (default: cards made up from it)."""
        self._analysis_script.append((reply, status))

    def hold_analysis(self) -> Hold:
        """Keep the next wardrobe-analysis request waiting until the returned hold is released
        (or the server stops); holds apply in order, one request each."""
        hold = Hold()
        self._analysis_holds.append(hold)
        return hold

    async def _analysis(self, body: dict[str, Any]) -> web.StreamResponse:
        """Wardrobe analysis calls get their own queue, so answer scripts stay in order."""
        self.analysis_requests.append(body)
        async with self._cond:
            self._cond.notify_all()
        if "response_format" in body and not self.supports_json_schema:
            return _error(400, "response_format json_schema is not supported by this server")
        # Scripted replies go by order of arrival, held or not.
        reply, status = self._analysis_script.popleft() if self._analysis_script else (None, None)
        if self._analysis_holds:
            hold = self._analysis_holds.popleft()
            hold.arrived.set()
            await hold.wait_released(self._closing)
        if status is not None:
            return _error(status, f"Fake error {status}")
        content = reply if reply is not None else made_up_cards(body)
        message = {"role": "assistant", "content": content, "refusal": None, "annotations": []}
        return web.json_response(
            {
                "id": f"chatcmpl-fake{next(self._ids):06d}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body["model"],
                "choices": [
                    {"index": 0, "message": message, "logprobs": None, "finish_reason": "stop"}
                ],
                "usage": {
                    "prompt_tokens": estimate_prompt_tokens(body),
                    "completion_tokens": 60,
                    "total_tokens": estimate_prompt_tokens(body) + 60,
                },
            }
        )

    async def _stream(
        self,
        request: web.Request,
        body: dict[str, Any],
        plan: ScriptedReply,
        base: dict[str, Any],
        usage: dict[str, Any],
        index: int,
    ) -> web.StreamResponse:
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        resp = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream; charset=utf-8",
                "Cache-Control": "no-cache",
            }
        )
        await resp.prepare(request)

        async def send(delta: dict[str, Any], finish: str | None = None) -> None:
            chunk = {
                **base,
                "object": "chat.completion.chunk",
                "choices": [
                    {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
                ],
            }
            if include_usage:
                chunk["usage"] = None
            await resp.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())

        try:
            await send({"role": "assistant", "content": "", "refusal": None})
            stop_at = min(
                x for x in (plan.break_after, plan.hang_after, len(plan.reply)) if x is not None
            )
            for start in range(0, stop_at, plan.chunk_size):
                if start and plan.interval:
                    await self._pause(plan.interval)
                await send({"content": plan.reply[start : min(start + plan.chunk_size, stop_at)]})
                self.first_content_at.setdefault(index, time.monotonic())
                self.chunks_sent[index] = self.chunks_sent.get(index, 0) + 1
            if plan.cut == "hang":
                await self._closing.wait()
            if plan.cut is not None:
                return await self._abort(request, resp)
            await send({}, "stop")
            if include_usage:
                final = {**base, "object": "chat.completion.chunk", "choices": [], "usage": usage}
                await resp.write(f"data: {json.dumps(final)}\n\n".encode())
            await resp.write(b"data: [DONE]\n\n")
            await resp.write_eof()
        except ConnectionError:  # the client went away mid-stream
            pass
        return resp

    async def _pause(self, seconds: float) -> None:
        """Scripted delay, cut short when the server stops."""
        try:
            await asyncio.wait_for(self._closing.wait(), seconds)
        except TimeoutError:
            pass

    async def _abort(
        self, request: web.Request, resp: web.StreamResponse | None = None
    ) -> web.StreamResponse:
        """Close the TCP connection without finishing the response (aiohttp then skips it)."""
        if request.transport is not None:
            request.transport.close()
        return resp if resp is not None else web.StreamResponse()

    def _usage(self, body: dict[str, Any], plan: ScriptedReply) -> dict[str, Any]:
        prompt = estimate_prompt_tokens(body)
        completion = max(1, len(plan.reply) // 4)
        usage: dict[str, Any] = {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {
                "reasoning_tokens": 0,
                "audio_tokens": 0,
                "accepted_prediction_tokens": 0,
                "rejected_prediction_tokens": 0,
            },
        }
        if plan.usage:
            usage.update(plan.usage)
            if "total_tokens" not in plan.usage:
                usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        return usage


_SCHEMA_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


def _strict_problem(schema: Any, path: str) -> str | None:
    """What OpenAI's strict structured outputs refuse: an object without
    additionalProperties: false, or whose required list is not all its properties."""
    if not isinstance(schema, dict):
        return f"{path} must be a schema object"
    if schema.get("type") == "object":
        if schema.get("additionalProperties") is not False:
            return f"'additionalProperties' is required to be supplied and to be false at {path}"
        properties = schema.get("properties") or {}
        if sorted(schema.get("required") or []) != sorted(properties):
            return f"'required' is required to be supplied and to be an array including every key in properties at {path}"
        for key, sub in properties.items():
            problem = _strict_problem(sub, f"{path}.properties.{key}")
            if problem:
                return problem
    if schema.get("type") == "array":
        return _strict_problem(schema.get("items"), f"{path}.items")
    return None


def response_format_problem(response_format: Any) -> str | None:
    """The 400 message OpenAI gives for a malformed response_format, or None."""
    if response_format is None:
        return None
    if not isinstance(response_format, dict):
        return "Invalid type for 'response_format': expected an object"
    kind = response_format.get("type")
    if kind in ("text", "json_object"):
        return None
    if kind != "json_schema":
        return f"Invalid value: '{kind}'. Supported values are: 'json_object', 'json_schema', and 'text'."
    spec = response_format.get("json_schema")
    if not isinstance(spec, dict) or not _SCHEMA_NAME.match(str(spec.get("name", ""))):
        return "Invalid 'response_format.json_schema.name': must match ^[a-zA-Z0-9_-]{1,64}$"
    schema = spec.get("schema")
    if not isinstance(schema, dict) or schema.get("type") != "object":
        return f"Invalid schema for response_format '{spec['name']}': the root must be an object"
    if spec.get("strict"):
        problem = _strict_problem(schema, "root")
        if problem:
            return f"Invalid schema for response_format '{spec['name']}': In context=(), {problem}."
    return None


def _error(status: int, message: str) -> web.Response:
    kind, code = _ERRORS.get(
        status, ("server_error" if status >= 500 else "invalid_request_error", None)
    )
    return web.json_response(
        {"error": {"message": message, "type": kind, "param": None, "code": code}}, status=status
    )
