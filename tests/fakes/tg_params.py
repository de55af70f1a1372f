"""How the fake Bot API server reads a request's parameters and writes an error, as Telegram does."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from tests.fakes.tg_methods import ApiError

JSON_FIELDS = frozenset(
    "reply_markup entities caption_entities media commands allowed_updates reply_parameters "
    "link_preview_options scope message_ids".split()
)
INT_FIELDS = frozenset(
    "chat_id message_id offset limit timeout message_thread_id reply_to_message_id user_id "
    "cache_time max_connections from_chat_id draft_id".split()
)
BOOL_FIELDS = frozenset(
    "disable_notification protect_content show_alert drop_pending_updates has_spoiler "
    "allow_sending_without_reply disable_web_page_preview show_caption_above_media "
    "is_personal".split()
)


def error_response(err: ApiError) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": err.code, "description": err.description}
    if err.retry_after is not None:
        body["parameters"] = {"retry_after": err.retry_after}
    return web.json_response(body, status=err.code)


async def read_params(request: web.Request) -> dict[str, Any]:
    """Decode parameters sent as query string, JSON, urlencoded or multipart form."""
    params: dict[str, Any] = dict(request.query)
    files: dict[str, bytes] = {}
    if request.content_type == "application/json" and request.can_read_body:
        body = await request.json()
        if isinstance(body, dict):
            params.update(body)
    elif request.can_read_body:
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                files[key] = value.file.read()
            else:
                params[key] = value
    for key, value in list(params.items()):
        if not isinstance(value, str):
            continue
        if key in JSON_FIELDS and value[:1] in "[{":
            try:
                params[key] = json.loads(value)
            except ValueError:
                pass
        elif key in INT_FIELDS and value.lstrip("-").isdigit():
            params[key] = int(value)
        elif key in BOOL_FIELDS and value in ("true", "false"):
            params[key] = value == "true"
    if files:
        params["_files"] = files
    return params
