"""Coordi: the worker, its settings, clients, image pipeline and streaming."""

import os

# python-telegram-bot 22 reports durations (RetryAfter.retry_after) as timedelta only
# when opted in; otherwise every access warns that ints are deprecated.
os.environ.setdefault("PTB_TIMEDELTA", "true")
