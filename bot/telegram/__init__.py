"""Talking to Telegram: what an incoming message means (`incoming`), the message an
answer streams into (`answer_message`) and when it changes (`streaming`), Markdown to
entities (`rendering`), everything Coordi says itself (`replies`) and its buttons
(`keyboards`)."""
