"""Coordi's worker process.

Directly in `bot/`: the process itself (entry point, settings, service wiring, the
webhook server, logs, metrics, the embedded Redis, the terminal chat). The work is
in sub-packages, imported in this order (each only from those after it):

    conversation  one turn: a question or photos in, a streamed answer out
    telegram      talking to Telegram: incoming messages, the answer message,
                  rendering, replies, keyboards, the stream's pacing
    wardrobe      photos in: image pipeline, intake, cards, outfit boards, keeping
    model         the model client and what its tokens cost
"""

import os

# python-telegram-bot 22 reports durations (RetryAfter.retry_after) as timedelta only
# when opted in; otherwise every access warns that ints are deprecated.
os.environ.setdefault("PTB_TIMEDELTA", "true")
