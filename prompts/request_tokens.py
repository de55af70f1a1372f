"""Estimates the prompt tokens of a built Chat Completions request, offline."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable
from typing import Any, cast

from PIL import Image

from prompts.image_tokens import Detail, image_tokens
from prompts.text_tokens import count_text_tokens

# Every message costs a few tokens of framing (role, separators) in OpenAI's chat format.
MESSAGE_OVERHEAD = 4


def data_url_size(url: str) -> tuple[int, int]:
    """Width and height of a base64 data-URL image, reading only its header."""
    payload = base64.b64decode(url.split(",", 1)[1])
    with Image.open(io.BytesIO(payload)) as image:
        return image.size


def request_tokens(
    messages: Iterable[dict[str, Any]],
    model: str,
    *,
    image_size: Any = data_url_size,
) -> int:
    """Prompt tokens of `messages` for `model`: text estimate plus image formulas.

    `image_size` maps an image URL to (width, height); benchmarks pass sizes of
    originals they never encode.
    """
    total = 0
    for message in messages:
        total += MESSAGE_OVERHEAD
        content = message["content"]
        if isinstance(content, str):
            total += count_text_tokens(content)
            continue
        for part in content:
            if part["type"] == "text":
                total += count_text_tokens(part["text"])
            elif part["type"] == "image_url":
                width, height = image_size(part["image_url"]["url"])
                detail = cast(Detail, part["image_url"].get("detail", "auto"))
                total += image_tokens(model, width, height, detail)
    return total
