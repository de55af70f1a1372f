"""Redis memory per chat with 10 photos (one full-body, nine clothing thumbnails)."""

from __future__ import annotations

from pathlib import Path

from bench.redis_backends import start_redis, used_memory
from bot.wardrobe.images import make_thumbnail
from storage.chat_store import ChatStore
from storage.connection import connect
from storage.keys import ChatScope, MemberScope
from tests.image_files import encode, photo_like


async def redis_per_chat(tmp: Path, chats: int = 50, cluster: bool = False) -> float:
    """KiB of Redis memory (summed over masters) that one chat's 10 photos take."""
    server = start_redis(cluster, tmp / "redis-memory")
    client = connect(server.url, max_connections=8)
    try:
        store = ChatStore(client, ttl_seconds=3600, history_max_messages=20, max_photos=12)
        full = make_thumbnail(encode(photo_like((1200, 1600)), "JPEG", quality=90), long_side=512)
        item = make_thumbnail(encode(photo_like((1200, 1200)), "JPEG", quality=90), long_side=384)
        before = used_memory(server)
        for chat in range(chats):
            for n in range(10):
                thumb = full if n == 0 else item
                # Different bytes per photo, as real photos are.
                jpeg = thumb.jpeg + bytes(str(chat * 10 + n), "ascii")
                role = "full_body" if n == 0 else "clothing"
                await store.add_photo(
                    MemberScope(ChatScope(chat)),
                    f"u{chat}-{n}",
                    jpeg,
                    role,
                    thumb.width,
                    thumb.height,
                )
        after = used_memory(server)
        print(f"thumbnail bytes: full-body {len(full.jpeg)}, clothing {len(item.jpeg)}")
        return (after - before) / chats / 1024
    finally:
        await client.aclose()
        server.stop()
