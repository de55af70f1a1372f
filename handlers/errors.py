"""The one error handler: log without personal data, tell the user briefly, lose nothing."""

from __future__ import annotations

import asyncio
import logging

from redis.exceptions import (
    ClusterDownError,
    ConnectionError,
    RedisError,
    SlotNotCoveredError,
    TimeoutError,
    TryAgainError,
)
from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot import metrics
from bot.services import CoordiContext
from bot.telegram.incoming import lang_of
from bot.telegram.replies import say

log = logging.getLogger(__name__)

# An update that failed because Redis was down is processed again once it is back.
REQUEUE_DELAYS = (0.5, 1, 2, 4, 8, 15, 30, 30, 30, 60, 60, 60)
_requeues: set[asyncio.Task[None]] = set()
# Errors that pass once Redis (or the cluster's failover) is back. Others (a script error,
# a wrong type, out of memory) would fail again at every try: they are reported instead.
REDIS_OUTAGES = (
    ConnectionError,
    TimeoutError,
    ClusterDownError,
    SlotNotCoveredError,
    TryAgainError,
)


async def on_error(update: object, context: CoordiContext) -> None:
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(error, Forbidden) or (
        isinstance(error, BadRequest) and "chat not found" in error.message.lower()
    ):
        # Blocked by the user, removed from the group, or the chat is gone: end quietly.
        metrics.TELEGRAM_ERRORS.labels("gone").inc()
        log.info("Update %s: the chat is no longer reachable", update_id)
        return
    if isinstance(error, RetryAfter):
        # The door waits out 429s; one reaching here was given up on (a worker shutting
        # down has no time to wait), and a reply about it would be refused just the same.
        metrics.TELEGRAM_ERRORS.labels("rate_limited").inc()
        log.warning("Update %s: Telegram still asked to wait; given up", update_id)
        return
    if isinstance(error, REDIS_OUTAGES) and isinstance(update, Update):
        log.warning("Update %s hit a Redis outage; it will be processed again", update_id)
        # Not an Application task: a shutdown must not wait minutes for Redis to return.
        task = asyncio.create_task(requeue_when_redis_returns(context, update))
        _requeues.add(task)
        task.add_done_callback(_requeues.discard)
        return
    # The exception type and message only: update payloads hold photos' file ids and text.
    log.error("Update %s failed: %s: %s", update_id, type(error).__name__, error, exc_info=error)
    if isinstance(error, NetworkError):
        metrics.TELEGRAM_ERRORS.labels("network").inc()
        return  # Telegram itself is unreachable: a reply would fail too
    if not isinstance(update, Update) or update.effective_message is None:
        return
    message = update.effective_message
    try:
        await message.reply_text(say("internal_error", lang_of(message)), do_quote=False)
    except Exception as exc:
        log.warning("Could not tell the user about the error: %s", type(exc).__name__)


async def requeue_when_redis_returns(context: CoordiContext, update: Update) -> None:
    for delay in REQUEUE_DELAYS:
        await asyncio.sleep(delay)
        try:
            await context.services.store.ping()
        except RedisError:
            continue
        await context.application.update_queue.put(update)
        return
    log.error("Redis stayed down; update %s was dropped", update.update_id)
    message = update.effective_message
    if message is not None:
        await message.reply_text(say("internal_error", lang_of(message)), do_quote=False)
