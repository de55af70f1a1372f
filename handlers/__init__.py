"""Telegram handlers, one module per feature: parse the update, call the core in `bot`, reply."""

from __future__ import annotations

from telegram.ext import Application

from handlers import (
    access,
    chat,
    city,
    context,
    errors,
    feedback,
    help,
    photos,
    reset,
    stop,
    style,
    tpo,
    usage,
    wardrobe,
)


def register_all(application: Application) -> None:  # type: ignore[type-arg]
    for feature in (
        context,
        access,
        help,
        tpo,
        style,
        city,
        reset,
        stop,
        wardrobe,
        usage,
        feedback,
        photos,
        chat,
    ):
        feature.register(application)
    application.add_error_handler(errors.on_error)
