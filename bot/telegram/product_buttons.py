"""Shopping links as URL buttons: one product a row, its title and price on the button.

URL buttons open the shop in the user's browser without a round trip to the bot, and ride
on a message the answer sends anyway (the outfit board), so they cost no extra Telegram call.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.shopping.links import ProductLink
from prompts.language import Lang

# Long titles wrap badly on a phone's button; the shop's page has the rest.
MAX_TITLE = 36
_SYMBOLS = {"KRW": "₩", "USD": "$", "EUR": "€", "JPY": "¥", "GBP": "£"}
_NO_CENTS = {"KRW", "JPY"}


def price_label(price: float, currency: str, lang: Lang) -> str:
    amount = f"{price:,.0f}" if currency in _NO_CENTS or price.is_integer() else f"{price:,.2f}"
    if currency == "KRW" and lang == "ko":
        return f"{amount}원"
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{amount}" if symbol else f"{amount} {currency}"


def button_text(link: ProductLink, lang: Lang) -> str:
    title = link.title if len(link.title) <= MAX_TITLE else link.title[: MAX_TITLE - 1] + "…"
    if link.price is None or link.currency is None:
        return f"🛍 {title}"
    return f"🛍 {title} · {price_label(link.price, link.currency, lang)}"


def product_keyboard(links: Sequence[ProductLink], lang: Lang) -> InlineKeyboardMarkup | None:
    if not links:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(button_text(link, lang), url=link.url)] for link in links]
    )
