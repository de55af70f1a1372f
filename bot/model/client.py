"""The model client: Chat Completions streaming against any OpenAI-compatible server."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Literal

import openai

log = logging.getLogger(__name__)

ModelErrorKind = Literal[
    "rate_limited", "unavailable", "timeout", "bad_request", "unauthorized", "broken_stream"
]


class ModelError(Exception):
    """The model could not answer; `kind` picks the message the user sees. The SDK's error
    stays its cause (`raise ... from`), down to the socket's."""

    def __init__(self, kind: ModelErrorKind, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0


class ModelStream:
    """Iterates over text deltas; `usage` is filled in when the stream ends.

    The SDK opens the stream (auth, retries with backoff, typed errors), but the
    server-sent events are parsed here with `json.loads`: building a pydantic
    object per chunk cost ~150 µs against ~15 µs, and at 60 tokens/s a worker
    with 200 answers streaming spent its whole CPU on it (see BENCHMARKS.md).
    """

    def __init__(self, client: ModelClient, messages: list[dict[str, Any]]) -> None:
        self._client = client
        self._messages = messages
        self.usage: Usage | None = None
        self.model = client.model  # the model that actually answered

    async def _open(self, model: str) -> tuple[Any, Any]:
        manager = self._client.openai.chat.completions.with_streaming_response.create(
            model=model,
            messages=self._messages,  # type: ignore[arg-type]
            **self._client.token_limit(),
            stream=True,
            stream_options={"include_usage": True},
        )  # type: ignore[call-overload]
        try:
            return manager, await manager.__aenter__()
        except openai.APIError as exc:
            raise _model_error(exc) from exc

    async def __aiter__(self) -> AsyncIterator[str]:
        try:
            manager, response = await self._open(self.model)
        except ModelError as exc:
            # The SDK already retried 429/5xx with backoff; a configured fallback goes next.
            fallback = self._client.fallback_model
            if fallback is None or exc.kind in ("bad_request", "unauthorized"):
                raise
            log.warning("Model %s failed (%s); trying fallback %s", self.model, exc.kind, fallback)
            self.model = fallback
            manager, response = await self._open(fallback)
        finished = False
        try:
            async for line in response.iter_lines():
                if not line.startswith("data:"):
                    continue
                data = line[5:].strip()
                if data == "[DONE]":
                    finished = True
                    break
                chunk = json.loads(data)
                if chunk.get("error"):
                    raise ModelError("broken_stream", "error event")
                usage = chunk.get("usage")
                if usage:
                    self.usage = Usage(
                        usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0)
                    )
                for choice in chunk.get("choices") or ():
                    content = (choice.get("delta") or {}).get("content")
                    if content:
                        yield content
        except ModelError:
            raise
        except openai.APIError as exc:
            raise _model_error(exc, started=True) from exc
        except Exception as exc:
            # A connection dropped mid-body surfaces from the HTTP layer, not as an APIError.
            raise ModelError("broken_stream", type(exc).__name__) from exc
        finally:
            await manager.__aexit__(None, None, None)
        if not finished:
            raise ModelError("broken_stream", "no [DONE]")


class ModelClient:
    def __init__(
        self,
        *,
        api_key: str,
        base_url: str | None,
        model: str,
        timeout: float,
        max_retries: int,
        max_tokens: int,
        token_param: str = "auto",
        fallback_model: str | None = None,
    ) -> None:
        self.fallback_model = fallback_model
        if token_param == "auto":
            token_param = "max_completion_tokens" if base_url is None else "max_tokens"
        self._token_param = token_param
        self.model = model
        self.max_tokens = max_tokens
        self.max_retries = max_retries
        self.openai = openai.AsyncOpenAI(
            # Local servers (Ollama, vLLM) accept any key, but the SDK insists on one.
            api_key=api_key or "not-needed",
            base_url=base_url,
            # The read timeout bounds the silence between streamed chunks.
            timeout=openai.Timeout(timeout, connect=10.0),
            max_retries=max_retries,
            # aiohttp (the SDK's documented alternative backend) reads a streamed chunk
            # with far less Python per chunk than httpx/httpcore/anyio; with hundreds of
            # answers streaming at once that is most of a worker's CPU (BENCHMARKS.md).
            http_client=openai.DefaultAioHttpClient(),
        )

    def token_limit(self) -> dict[str, int]:
        # OpenAI's newer models refuse max_tokens; many compatible servers know only it.
        return {self._token_param: self.max_tokens}

    def stream(self, messages: list[dict[str, Any]]) -> ModelStream:
        return ModelStream(self, messages)

    async def complete_json(
        self, messages: list[dict[str, Any]], schema: dict[str, Any] | None, *, resend: bool = True
    ) -> tuple[str, Usage | None]:
        """A non-streamed reply constrained to `schema` where the server supports it.

        OpenAI-compatible servers without structured output answer 400 to
        `response_format`; then the same request goes without it and the caller
        parses JSON out of the text (`schema=None` asks that way at once). With
        `resend=False` nothing is sent twice, neither the SDK's retries nor the second
        try: the caller decides, since what it sends may have changed meanwhile.
        """
        if schema is None:
            return await self._complete(messages, resend)
        try:
            return await self._complete(
                messages, resend, response_format={"type": "json_schema", "json_schema": schema}
            )
        except ModelError as exc:
            if exc.kind != "bad_request" or not resend:
                raise
            log.info("Structured output refused by the server; asking for plain JSON")
            return await self._complete(messages, resend)

    async def _complete(
        self, messages: list[dict[str, Any]], resend: bool, **extra: Any
    ) -> tuple[str, Usage | None]:
        client = self.openai if resend else self.openai.with_options(max_retries=0)
        try:
            response = await client.chat.completions.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]
                **self.token_limit(),
                **extra,
            )  # type: ignore[call-overload]
        except openai.APIError as exc:
            raise _model_error(exc) from exc
        usage = None
        if response.usage is not None:
            usage = Usage(response.usage.prompt_tokens, response.usage.completion_tokens)
        text = (response.choices[0].message.content or "") if response.choices else ""
        return text, usage

    async def close(self) -> None:
        await self.openai.close()


def _model_error(exc: openai.APIError, *, started: bool = False) -> ModelError:
    if isinstance(exc, openai.APITimeoutError):
        return (
            ModelError("unavailable", "no connection")
            if _never_connected(exc)
            else ModelError("timeout")
        )
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return ModelError("unauthorized", str(exc.status_code))
    if isinstance(exc, openai.RateLimitError):
        return ModelError("rate_limited", str(exc.status_code))
    if isinstance(exc, openai.APIStatusError):
        kind: ModelErrorKind = "unavailable" if exc.status_code >= 500 else "bad_request"
        return ModelError(kind, str(exc.status_code))
    if started:
        return ModelError("broken_stream", type(exc).__name__)
    return ModelError("unavailable", type(exc).__name__)


def _never_connected(exc: BaseException) -> bool:
    """A refused connection or an unknown host, which the SDK's aiohttp transport reports as
    a connect *timeout*: an OS error other than a timeout, anywhere in the chain."""
    node: BaseException | None = exc
    for _ in range(10):
        if node is None:
            return False
        if isinstance(node, OSError) and not isinstance(node, TimeoutError) and node.errno:
            return True
        node = node.__cause__ or node.__context__
    return False
