"""One conversation turn: a question (or photos) in, a streamed answer out.

`stylist` is the Telegram-free turn (prompt, model, stream, history, accounting);
`chat_turn` runs it in a Telegram chat (queue, answer message, outfit board);
`photo_turn` takes photos in before answering; `turn_limits` and `stopping` decide
whether a turn may start and when it has to end.
"""
