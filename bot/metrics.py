"""Prometheus metrics of a worker (served at GET /metrics by the webhook server)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram
from telegram import Update

UPDATES = Counter("coordi_updates_total", "Updates received, by type", ["type"])
DUPLICATE_UPDATES = Counter("coordi_duplicate_updates_total", "Updates delivered again and dropped")
REDIS_UNAVAILABLE = Counter("coordi_redis_unavailable_total", "Webhook calls refused with 503")
ANSWERS = Counter(
    "coordi_answers_total", "Answers, by outcome and prompt variant", ["status", "variant"]
)
FIRST_TEXT = Histogram(
    "coordi_first_text_seconds", "Question to first visible text",
    buckets=(0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8, 13, 21),
)  # fmt: skip
ANSWER_TIME = Histogram(
    "coordi_answer_seconds", "Question to complete answer", buckets=(1, 2, 4, 6, 8, 12, 20, 30, 60)
)
TOKENS = Counter("coordi_model_tokens_total", "Model tokens, by kind", ["kind"])
COST = Counter("coordi_model_cost_usd_total", "Model cost in USD")
MODEL_ERRORS = Counter("coordi_model_errors_total", "Model errors, by kind", ["kind"])
TELEGRAM_ERRORS = Counter("coordi_telegram_errors_total", "Telegram errors, by kind", ["kind"])
TELEGRAM_DEFERRED = Counter(
    "coordi_telegram_deferred_total", "Partial edits left out because the budget was short"
)
ALBUM_SIZE = Histogram("coordi_album_size", "Photos per turn", buckets=(1, 2, 3, 4, 6, 8, 10))
REDIS_LATENCY = Histogram(
    "coordi_redis_latency_seconds", "Redis PING round trip at each scrape",
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1),
)  # fmt: skip
ACTIVE_STREAMS = Gauge("coordi_active_streams", "Answers streaming right now")
LIMITED = Counter("coordi_rate_limited_total", "Turns refused by a limit, by limit", ["limit"])


def count_update(update: Update) -> None:
    message = update.effective_message
    if update.callback_query is not None:
        kind = "callback"
    elif message is None:
        kind = "other"
    elif message.photo:
        kind = "photo"
    elif message.document:
        kind = "document"
    elif message.text and message.text.startswith("/"):
        kind = "command"
    elif message.text:
        kind = "text"
    else:
        kind = "other"
    UPDATES.labels(kind).inc()
