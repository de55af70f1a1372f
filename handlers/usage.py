"""/usage (this month's tokens and cost: a private chat's, or in a group the member's own) and
/stats (admins: all answers)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.services import CoordiContext
from bot.telegram.incoming import is_private, lang_of, member_of
from bot.telegram.replies import say
from storage.ledger import VariantStats, percentile


async def usage(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    month = await context.services.ledger.month_usage(member_of(message))
    private = is_private(message)
    text = say(
        "usage" if private else "usage_member",
        lang_of(message, ""),
        month=month.month,
        answers=month.answers,
        prompt=f"{month.prompt_tokens:,}",
        completion=f"{month.completion_tokens:,}",
        cost=f"{month.cost_usd:.4f}",
    )
    await message.reply_text(text, do_quote=not private)


def variant_line(stats: VariantStats) -> str:
    votes = stats.up + stats.down
    liked = f"{stats.up / votes:.0%} 👍 of {votes}" if votes else "no votes"
    if not stats.answers:
        return f"Variant {stats.variant}: no answers"
    per_answer = (stats.prompt_tokens + stats.completion_tokens) / stats.answers
    return (
        f"Variant {stats.variant}: {stats.answers} answers, {liked}, "
        f"{per_answer:,.0f} tokens and ${stats.cost_usd / stats.answers:.5f} per answer"
    )


def latency_line(name: str, values: list[float]) -> str:
    if not values:
        return f"{name}: no samples"
    points = [percentile(values, share) for share in (0.5, 0.9, 0.99)]
    return f"{name} ms p50/p90/p99: " + "/".join(f"{p:.0f}" for p in points if p is not None)


async def stats(update: Update, context: CoordiContext) -> None:
    message = update.effective_message
    if message is None:
        return
    user = message.from_user
    if user is None or user.id not in context.services.settings.admin_user_ids:
        await message.reply_text(say("stats_denied", lang_of(message, "")), do_quote=False)
        return
    ledger = context.services.ledger
    lines = [variant_line(s) for s in await ledger.variant_stats()]
    lines.append(latency_line("First text", await ledger.latencies("first_text")))
    lines.append(latency_line("Whole answer", await ledger.latencies("total")))
    await message.reply_text("\n".join(lines), do_quote=False)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler("usage", usage))
    application.add_handler(CommandHandler("stats", stats))
